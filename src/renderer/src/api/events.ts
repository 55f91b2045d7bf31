/**
 * The transports of the contract's events (src/shared/api/events.ts) into the page's one door
 * (app/appEvents.ts). The desktop app subscribes through the preload (`window.hashiya.on`);
 * browser mode reads `GET /api/events` with fetch, so that the session token travels in the
 * Authorization header as on every call (EventSource cannot send headers, and a token in the
 * address would end up in logs). Every event is checked against its schema before page code
 * sees it.
 *
 * When the stream breaks (the server restarted, the laptop slept) the page reconnects, waiting
 * longer each time, and then acts as if everything had changed: events sent meanwhile are lost.
 */
import { EVENTS_PATH, eventNames, parseEventEnvelope } from '@shared/api/events';
import { deliverMainEvent } from '../app/appEvents';
import { api, authorization } from './client';
import { createSseParser } from './sseParser';

function deliver(raw: unknown): void {
  const event = parseEventEnvelope(raw);
  if (event) deliverMainEvent(event);
  else console.warn('Hashiya: an event that is not in the contract was dropped.');
}

/** Start delivering main's events to the page; returns the function that stops it. */
export function startEventTransport(): () => void {
  const on = window.hashiya?.on;
  if (typeof on === 'function') {
    const offs = eventNames.map((name) => on(name, (data) => deliver({ name, data })));
    return () => {
      for (const off of offs) if (typeof off === 'function') off();
    };
  }
  if (window.hashiya) return () => undefined; // a bridge without events: nothing to listen to
  const stop = new AbortController();
  void readStream(stop.signal);
  return () => stop.abort();
}

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 15_000;

async function readStream(signal: AbortSignal): Promise<void> {
  let retryMs = FIRST_RETRY_MS;
  let connectedBefore = false;
  while (!signal.aborted) {
    try {
      const response = await fetch(EVENTS_PATH, { headers: { Authorization: authorization() }, signal });
      if (response.status === 401) {
        // asking again with the same token cannot succeed; every call says so to the researcher
        console.error('Hashiya: the event stream refused this page’s session token.');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`the event stream answered ${response.status}`);
      if (connectedBefore) void catchUp();
      connectedBefore = true;
      retryMs = FIRST_RETRY_MS;
      const parser = createSseParser((name, data) => {
        try {
          deliver({ name, data: JSON.parse(data) as unknown });
        } catch {
          deliver(null);
        }
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
    } catch {
      // the server is gone or the page stopped the stream: try again below, unless stopped
    }
    if (signal.aborted) return;
    await new Promise((resolve) => setTimeout(resolve, retryMs));
    retryMs = Math.min(retryMs * 2, LAST_RETRY_MS);
  }
}

/** After a gap in the stream: whatever the page shows may be out of date. */
async function catchUp(): Promise<void> {
  deliver({ name: 'documents.changed', data: { documentIds: null } });
  deliver({ name: 'annotations.changed', data: { documentIds: null } });
  try {
    deliver({ name: 'project.changed', data: { info: await api['project.info']({}) } });
  } catch {
    // still unreachable: the next reconnection catches up again
  }
}
