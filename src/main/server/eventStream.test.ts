import http from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EVENTS_PATH } from '@shared/api/events';
import { EventHub } from '../events';
import type { Services } from '../services';
import { startWebServer, type WebServer } from './http';
import { MAX_EVENT_STREAMS } from './eventStream';

const TOKEN = 'ev3nts-t0ken';

interface Stream {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** the body so far */
  text(): string;
  /** resolves once the body holds `pattern` */
  waitFor(pattern: RegExp): Promise<string>;
  /** resolves when the server ends the stream */
  ended: Promise<void>;
  close(): void;
}

function openStream(
  port: number,
  headers: Record<string, string>,
  target = EVENTS_PATH,
  method = 'GET',
): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, method, headers, agent: false }, (res) => {
      let body = '';
      const waiters: Array<() => void> = [];
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        for (const w of [...waiters]) w();
      });
      const ended = new Promise<void>((done) => {
        res.on('end', () => done());
        res.on('close', () => done());
      });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        text: () => body,
        ended,
        close: () => req.destroy(),
        waitFor: (pattern) =>
          new Promise((found) => {
            const check = () => {
              const m = pattern.exec(body);
              if (!m) return;
              waiters.splice(waiters.indexOf(check), 1);
              found(m[0]);
            };
            waiters.push(check);
            check();
          }),
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The events in a stream's body, as the page's reader parses them. */
function eventsIn(body: string): Array<{ name: string; data: unknown }> {
  return body
    .split('\n\n')
    .filter((block) => block.startsWith('event: '))
    .map((block) => {
      const [nameLine = '', dataLine = ''] = block.split('\n');
      return { name: nameLine.slice('event: '.length), data: JSON.parse(dataLine.slice('data: '.length)) };
    });
}

let web: WebServer | undefined;
let hub: EventHub;
const auth = { Authorization: `Bearer ${TOKEN}` };

async function start(heartbeatMs?: number): Promise<WebServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hashiya-events-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Hashiya</title>');
  hub = new EventHub();
  const services = { dispatch: async () => ({}), events: hub } as unknown as Services;
  web = await startWebServer({ services, token: TOKEN, rendererDir: dir, port: 0, heartbeatMs });
  return web;
}

afterEach(async () => {
  await web?.close();
  web = undefined;
});

describe('GET /api/events', () => {
  it('streams every event of the hub, in the order emitted', async () => {
    const { port } = await start();
    const stream = await openStream(port, auth);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['content-security-policy']).toBeTruthy();
    await stream.waitFor(/: connected\n\n/);
    expect(hub.listenerCount).toBe(1);

    hub.emit('documents.changed', { documentIds: ['d1'] });
    hub.emit('menu.command', { command: 'undo' });
    hub.emit('annotations.changed', { documentIds: null });
    await stream.waitFor(/event: annotations\.changed\n/);
    expect(eventsIn(stream.text())).toEqual([
      { name: 'documents.changed', data: { documentIds: ['d1'] } },
      { name: 'menu.command', data: { command: 'undo' } },
      { name: 'annotations.changed', data: { documentIds: null } },
    ]);
    stream.close();
  });

  it('sends a heartbeat comment while nothing happens', async () => {
    const { port } = await start(5);
    const stream = await openStream(port, auth);
    await stream.waitFor(/: heartbeat\n\n/);
    expect(eventsIn(stream.text())).toEqual([]);
    stream.close();
  });

  it('refuses a missing or wrong token with 401, and a token in the address too', async () => {
    const { port } = await start();
    for (const [headers, target] of [
      [{}, EVENTS_PATH],
      [{ Authorization: 'Bearer wrong-token' }, EVENTS_PATH],
      [{}, `${EVENTS_PATH}?token=${TOKEN}`],
    ] as const) {
      const stream = await openStream(port, headers, target);
      expect(stream.status, target).toBe(401);
      expect(stream.headers['content-type']).toMatch(/^application\/json/);
      await stream.ended;
      expect(JSON.parse(stream.text()).error.code).toBe('unauthorized');
    }
    expect(hub.listenerCount).toBe(0);
  });

  it('refuses another host, another web page and methods other than GET', async () => {
    const { port } = await start();
    const rebound = await openStream(port, { ...auth, Host: `evil.example:${port}` });
    expect(rebound.status).toBe(403);
    const foreign = await openStream(port, { ...auth, Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const posted = await openStream(port, auth, EVENTS_PATH, 'POST');
    expect(posted.status).toBe(400);
    expect(posted.headers.allow).toBe('GET');
    await Promise.all([rebound.ended, foreign.ended, posted.ended]);
    expect(hub.listenerCount).toBe(0);
  });

  it('an open stream does not keep the server from stopping: it is ended and unsubscribed', async () => {
    const server = await start();
    const stream = await openStream(server.port, auth);
    await stream.waitFor(/: connected/);
    await server.close();
    web = undefined;
    await stream.ended;
    expect(hub.listenerCount).toBe(0);
  });

  it('a stream the page drops is unsubscribed', async () => {
    const { port } = await start();
    const stream = await openStream(port, auth);
    await stream.waitFor(/: connected/);
    stream.close();
    await expect.poll(() => hub.listenerCount).toBe(0);
  });

  it(`keeps at most ${MAX_EVENT_STREAMS} streams open, ending the oldest for a new one`, async () => {
    const { port } = await start();
    const streams: Stream[] = [];
    for (let i = 0; i <= MAX_EVENT_STREAMS; i++) {
      const s = await openStream(port, auth);
      await s.waitFor(/: connected/);
      streams.push(s);
    }
    await streams[0]?.ended;
    expect(hub.listenerCount).toBe(MAX_EVENT_STREAMS);
    // the newest still hears events, and API calls still get a connection
    hub.emit('menu.command', { command: 'find' });
    await streams.at(-1)?.waitFor(/event: menu\.command/);
    const res = await fetch(`http://127.0.0.1:${port}/api/project.info`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    for (const s of streams) s.close();
  });
});
