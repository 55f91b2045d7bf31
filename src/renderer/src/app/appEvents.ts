/**
 * The page's one door to the contract's events (src/shared/api/events.ts): menu commands and
 * change notifications from main, and the same events raised inside the page. Components
 * subscribe with onAppEvent (or the useAppEvent hook); nothing listens on window events.
 */
import { useEffect, useRef } from 'react';
import type { EventData, EventEnvelope, EventName } from '@shared/api/events';

type Listener = (event: EventEnvelope) => void;
const listeners = new Set<Listener>();

/** Deliver an event to this page's subscribers (the transports call this; so may the page). */
export function emitAppEvent<E extends EventName>(name: E, data: EventData<E>): void {
  const event = { name, data } as EventEnvelope;
  for (const listener of [...listeners]) listener(event);
}

export function onAppEvent<E extends EventName>(name: E, fn: (data: EventData<E>) => void): () => void {
  const listener: Listener = (event) => {
    if (event.name === name) fn(event.data as EventData<E>);
  };
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Subscribe for the component's lifetime; `fn` may change between renders. */
export function useAppEvent<E extends EventName>(name: E, fn: (data: EventData<E>) => void): void {
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(() => onAppEvent(name, (data) => latest.current(data)), [name]);
}
