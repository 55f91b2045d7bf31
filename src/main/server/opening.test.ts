/**
 * Browser mode listens before its project is open (web.ts): the page's files are served at once,
 * an API call made meanwhile waits and is answered once the services are there, and events the
 * project emits then reach a stream opened before.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventHub } from '../events';
import type { Services } from '../services';
import { startWebServer, type WebServer } from './http';

const TOKEN = 'opening-token';

let web: WebServer | null = null;
afterEach(async () => {
  await web?.close();
  web = null;
});

function rendererDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hashiya-opening-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Hashiya</title>');
  return dir;
}

const call = (method: string, body: unknown = {}) =>
  fetch(`http://127.0.0.1:${web?.port}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('a server whose project is still opening', () => {
  it('serves the page, holds API calls until the services come, then answers them', async () => {
    let open: (services: Services) => void = () => undefined;
    const services = new Promise<Services>((resolve) => (open = resolve));
    const calls: string[] = [];
    web = await startWebServer({ services, events: new EventHub(), token: TOKEN, rendererDir: rendererDir() });

    const page = await fetch(`http://127.0.0.1:${web.port}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Hashiya</title>');

    const pending = call('project.info');
    let answered = false;
    void pending.then(() => (answered = true));
    // the page itself is still served while the call waits
    expect((await fetch(`http://127.0.0.1:${web.port}/index.html`)).status).toBe(200);
    expect(answered).toBe(false);

    open({
      dispatch: async (name: string) => {
        calls.push(name);
        return { name: 'opened' };
      },
    } as unknown as Services);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: 'opened' });
    expect(calls).toEqual(['project.info']);
  });

  it('still refuses a call without the token, or to no method, before the project is open', async () => {
    web = await startWebServer({
      services: new Promise<Services>(() => undefined),
      events: new EventHub(),
      token: TOKEN,
      rendererDir: rendererDir(),
    });
    const noToken = await fetch(`http://127.0.0.1:${web.port}/api/project.info`, { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(401);
    expect((await call('no.such.method')).status).toBe(404);
  });
});

describe('the page’s files', () => {
  it('are served byte for byte, the script in one piece and a large file streamed', async () => {
    const dir = rendererDir();
    // a script the size of the page's own (470 KB) and a file beyond what is sent in one write
    const script = Buffer.from('// ' + 'ب'.repeat(240_000) + '\n', 'utf8');
    const large = Buffer.alloc(5 * 1024 * 1024 + 17, 0x61);
    writeFileSync(path.join(dir, 'index.js'), script);
    writeFileSync(path.join(dir, 'large.bin'), large);
    web = await startWebServer({ services: new Promise<Services>(() => undefined), token: TOKEN, rendererDir: dir });
    for (const [name, bytes] of [
      ['index.js', script],
      ['large.bin', large],
    ] as const) {
      const res = await fetch(`http://127.0.0.1:${web.port}/${name}`);
      expect(res.status).toBe(200);
      expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    }
    expect((await fetch(`http://127.0.0.1:${web.port}/missing.js`)).status).toBe(404);
  });
});
