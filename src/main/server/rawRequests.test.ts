/**
 * No request, of any shape, stops browser mode: request targets `new URL()` cannot parse, bytes
 * Node's parser refuses, absurd lengths, garbled chunks and uploads cut short are each answered
 * (a JSON error) or dropped, and the server then answers an authorised call as before.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../services';
import { startWebServer, type WebServer } from './http';

const TOKEN = 'raw-socket-token';

interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

/** Send bytes on a fresh connection and collect what comes back until the server closes it. */
function raw(port: number, bytes: string | Buffer, { closeAfterWrite = false } = {}): Promise<RawAnswer | null> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (d: Buffer) => chunks.push(d));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const m = /^HTTP\/1\.1 (\d{3})[^\r]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(text);
      resolve(m ? { status: Number(m[1]), headers: m[2] as string, body: m[3] as string } : null);
    });
    socket.write(bytes, () => {
      if (closeAfterWrite) socket.destroy();
    });
  });
}

function errorOf(answer: RawAnswer | null): { code: string; message: string } {
  expect(answer, 'an HTTP answer').not.toBeNull();
  return (JSON.parse((answer as RawAnswer).body) as { error: { code: string; message: string } }).error;
}

describe('malformed requests on a raw socket', () => {
  let web: WebServer;
  let host: string;
  const internal: unknown[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hashiya-raw-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Hashiya</title>');
    const services = { dispatch: async (name: string) => ({ answered: name }) } as unknown as Services;
    web = await startWebServer({
      services,
      token: TOKEN,
      rendererDir: dir,
      port: 0,
      onInternalError: (err) => internal.push(err),
    });
    host = `127.0.0.1:${web.port}`;
  });
  afterAll(() => web.close());

  const authorisedCallWorks = async () => {
    const res = await fetch(`http://${host}/api/documents.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ answered: 'documents.list' });
  };

  it.each([
    ['GET //[', 'GET //[ HTTP/1.1'],
    ['GET //%5B', 'GET //%5B HTTP/1.1'],
    ['an absolute-form target with port 99999', 'GET http://x:99999/ HTTP/1.1'],
    ['an API call to an unparsable target', 'POST //[/api/documents.list HTTP/1.1'],
  ])('%s is answered 400 with a JSON error, and the server carries on', async (_name, requestLine) => {
    const answer = await raw(
      web.port,
      `${requestLine}\r\nHost: ${host}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    );
    expect(answer?.status).toBe(400);
    expect(answer?.headers).toMatch(/content-type: application\/json/i);
    expect(errorOf(answer)).toEqual({ code: 'invalid_input', message: 'The request target is not a valid address.' });
    await authorisedCallWorks();
  });

  it.each([
    ['a control byte in a header value', `GET / HTTP/1.1\r\nHost: HOST\r\nX-Bad: a\u0001b\r\n\r\n`],
    ['a header name with a space', `GET / HTTP/1.1\r\nHost: HOST\r\nBad Name: x\r\n\r\n`],
    [
      'a Content-Length that is not a number',
      `POST /api/documents.list HTTP/1.1\r\nHost: HOST\r\nContent-Length: 12abc\r\n\r\n{}`,
    ],
    [
      'an absurd Content-Length',
      `POST /api/documents.list HTTP/1.1\r\nHost: HOST\r\nContent-Length: 99999999999999999999999\r\n\r\n{}`,
    ],
    [
      'a Content-Length and chunked together',
      `POST /api/documents.list HTTP/1.1\r\nHost: HOST\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n{}`,
    ],
    [
      'garbled chunks',
      `POST /api/documents.list HTTP/1.1\r\nHost: HOST\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n`,
    ],
    ['bytes that are not HTTP', '\u0000\u0001\u0002 hello\r\n\r\n'],
    ['an unknown HTTP version', `GET / HTTP/9.9\r\nHost: HOST\r\n\r\n`],
  ])('%s is answered 400 with a JSON error, and the server carries on', async (_name, request) => {
    const answer = await raw(web.port, Buffer.from(request.replaceAll('HOST', host), 'latin1'));
    expect(answer?.status).toBe(400);
    expect(errorOf(answer).code).toBe('invalid_input');
    await authorisedCallWorks();
  });

  it('headers far too large are answered 431, and the server carries on', async () => {
    const answer = await raw(web.port, `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`);
    expect(answer?.status).toBe(431);
    expect(errorOf(answer).code).toBe('invalid_input');
    await authorisedCallWorks();
  });

  it('a client that goes away in the middle of its body does not stop the server', async () => {
    const head = `POST /api/documents.list HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n`;
    for (let i = 0; i < 5; i++) await raw(web.port, `${head}{"partial":`, { closeAfterWrite: true });
    const chunked = `POST /api/documents.list HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{"a":`;
    await raw(web.port, chunked, { closeAfterWrite: true });
    await authorisedCallWorks();
  });

  it('nothing above was reported as an error of Hashiya’s own', () => {
    expect(internal).toEqual([]);
  });
});
