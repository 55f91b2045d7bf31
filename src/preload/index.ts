/**
 * The only bridge between the page and the main process: one function per API method of the
 * contract, each bound to its fixed IPC channel, and `on(name, fn)` for the contract's events
 * (src/shared/api/events.ts). No ipcRenderer, no Node, nothing else.
 *
 * Every event arrives on ONE channel (EVENT_CHANNEL) through ONE listener, and is checked against
 * its event's schema before any page code sees it; what does not pass is dropped.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelFor, methodNames } from '@shared/api';
import { EVENT_CHANNEL, isEventName, parseEventEnvelope, type EventName } from '@shared/api/events';

type PageListener = (data: unknown) => void;
const listeners = new Map<EventName, Set<PageListener>>();

ipcRenderer.on(EVENT_CHANNEL, (_event, raw: unknown) => {
  const envelope = parseEventEnvelope(raw);
  if (!envelope) {
    console.warn('Hashiya: an event that is not in the contract was dropped.');
    return;
  }
  for (const fn of [...(listeners.get(envelope.name) ?? [])]) {
    try {
      fn(envelope.data);
    } catch (err) {
      console.error(`Hashiya: a listener of ${envelope.name} failed:`, err);
    }
  }
});

function on(name: unknown, fn: unknown): () => void {
  if (typeof name !== 'string' || !isEventName(name)) throw new TypeError(`There is no event “${String(name)}”.`);
  if (typeof fn !== 'function') throw new TypeError('on(name, fn) needs a function.');
  const listener = fn as PageListener;
  const set = listeners.get(name) ?? new Set<PageListener>();
  listeners.set(name, set);
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

const bridge: Record<string, (...args: never[]) => unknown> = { on };
for (const name of methodNames) {
  const channel = channelFor(name);
  bridge[name] = (input: unknown) => ipcRenderer.invoke(channel, input);
}

contextBridge.exposeInMainWorld('hashiya', Object.freeze(bridge));
