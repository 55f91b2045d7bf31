/**
 * Browser mode's event stream, `GET /api/events` (src/shared/api/events.ts): every event of the
 * hub as a server-sent event, `event: <name>` and `data: <json>`, in the order emitted.
 *
 * The route is guarded like every API route (Host, Origin, the session token). The token comes
 * only in the Authorization header: the page reads the stream with `fetch`, not EventSource,
 * which cannot send headers; a `?token=` in the address would end up in logs and history, and
 * is not accepted. A comment line is sent every `heartbeatMs` so that an idle stream is seen to be
 * alive and a vanished client is noticed. The streams count against the server's connection cap;
 * beyond MAX_EVENT_STREAMS the oldest is ended, so a researcher who reloads a tab many times
 * always gets a working one. `closeAll()` ends every stream when the server stops.
 */
import type http from 'node:http';
import type { EventEnvelope } from '@shared/api/events';
import type { EventHub } from '../events';
import { SECURITY_HEADERS } from './security';

export const MAX_EVENT_STREAMS = 16;
export const HEARTBEAT_MS = 15_000;

export interface EventStreams {
  /** Answer this (already authorised) request with the stream; it lasts until either side ends it. */
  open(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** End every open stream (the server is stopping). */
  closeAll(): void;
  readonly size: number;
}

/** One event in the wire format of server-sent events (JSON has no raw newlines). */
export function formatEvent(event: EventEnvelope): string {
  return `event: ${event.name}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

export function eventStreams(
  hub: Pick<EventHub, 'subscribe'> | undefined,
  options: { heartbeatMs?: number; max?: number } = {},
): EventStreams {
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const max = options.max ?? MAX_EVENT_STREAMS;
  /** open streams, oldest first, each with the function that ends it */
  const open = new Map<http.ServerResponse, () => void>();

  return {
    open(req, res) {
      if (open.size >= max) open.values().next().value?.();
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'X-Accel-Buffering': 'no',
      });
      req.socket.setNoDelay(true);
      res.write(': connected\n\n');
      const unsubscribe = hub?.subscribe((event) => void res.write(formatEvent(event))) ?? (() => undefined);
      const heartbeat = setInterval(() => void res.write(': heartbeat\n\n'), heartbeatMs);
      heartbeat.unref();
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(res);
        if (!res.writableEnded) res.end();
      };
      open.set(res, end);
      // the client went away (tab closed, reload) or the response was ended
      res.once('close', end);
    },
    closeAll() {
      for (const end of [...open.values()]) end();
    },
    get size() {
      return open.size;
    },
  };
}
