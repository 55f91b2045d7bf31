/**
 * The page's one door to the contract's events (src/shared/api/events.ts): menu commands and
 * change notifications from main, and the same events raised inside the page. Components
 * subscribe with onAppEvent (or the useAppEvent hook); nothing listens on window events.
 *
 * Main's events come through the transport (api/events.ts) and include the page's own changes,
 * echoed back; the page raises an event itself where it must not wait for that echo (e.g.
 * right after a codebook merge). Listeners are told which it was (`source`), and must cope with
 * hearing of one change twice.
 */
import { useEffect, useRef } from 'react';
import type { EventData, EventEnvelope, EventName } from '@shared/api/events';

/** 'main': through the transport, from the main process or server; 'page': raised in this page. */
export type EventSource = 'main' | 'page';
type Listener = (event: EventEnvelope, source: EventSource) => void;
const listeners = new Set<Listener>();

function deliver(event: EventEnvelope, source: EventSource): void {
  for (const listener of [...listeners]) {
    try {
      listener(event, source);
    } catch (err) {
      // one broken view must not keep the event from the others
      console.error(`Hashiya: a listener of ${event.name} failed:`, err);
    }
  }
}

/** Raise an event inside the page (page code calls this after a change it made itself). */
export function emitAppEvent<E extends EventName>(name: E, data: EventData<E>): void {
  deliver({ name, data } as EventEnvelope, 'page');
}

/** The transports' entry point: an event from main, already checked against its schema. */
export function deliverMainEvent(event: EventEnvelope): void {
  deliver(event, 'main');
}

export function onAppEvent<E extends EventName>(
  name: E,
  fn: (data: EventData<E>, source: EventSource) => void,
): () => void {
  const listener: Listener = (event, source) => {
    if (event.name === name) fn(event.data as EventData<E>, source);
  };
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Subscribe for the component's lifetime; `fn` may change between renders. */
export function useAppEvent<E extends EventName>(name: E, fn: (data: EventData<E>, source: EventSource) => void): void {
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(() => onAppEvent(name, (data, source) => latest.current(data, source)), [name]);
}
