/**
 * Limits a client meets: a body over its method's limit gets the 413 answer (not a reset
 * connection) in Node's fetch and Python's urllib alike, and sockets held open by another
 * program cannot keep a researcher's call, or its save, from being served.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES } from '@shared/api';
import { hostTestProject } from '../../../test/harness/project';
import { ProjectStore } from '../store/projectStore';
import { MAX_CONNECTIONS } from './connections';
import { startWebServer, type WebServer } from './http';

const TOKEN = 'limits-test-token';

describe('browser mode’s limits', () => {
  let web: WebServer;
  let store: ProjectStore;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'hashiya-limits-'));
    const rendererDir = path.join(dir, 'renderer');
    const projectDir = path.join(dir, 'project');
    store = await ProjectStore.open(projectDir, { name: 'Limits' });
    const { services } = await hostTestProject(store);
    web = await startWebServer({ services, token: TOKEN, rendererDir, port: 0 });
  });
  afterAll(async () => {
    await web.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const url = (method: string) => `http://127.0.0.1:${web.port}/api/${method}`;
  const headers = { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' };
  // over the limit, within what is read and discarded before answering
  const oversized = () => JSON.stringify({ text: 'ق'.repeat(DEFAULT_MAX_BODY_BYTES / 2 + 100_000) });

  it('Node’s fetch sending a body over the limit gets the 413 answer', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await fetch(url('documents.list'), { method: 'POST', headers, body: oversized() });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_large');
    }
  });

  it('a chunked body (no Content-Length) over the limit gets the 413 answer', async () => {
    const bytes = Buffer.from(oversized());
    // sent piece by piece, as a slow network or a large upload would: the answer must wait for it
    let at = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(at, at + 64 * 1024));
        at += 64 * 1024;
      },
    });
    const res = await fetch(url('documents.list'), { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_large');
  });

  it('Python’s urllib sending a body over the limit gets the 413 answer', async () => {
    const script = [
      'import sys, json, urllib.request, urllib.error',
      'url, token, size = sys.argv[1], sys.argv[2], int(sys.argv[3])',
      'import time',
      // the body arrives piece by piece (a slow disk or network), so it is still coming when the server decides
      'def body():',
      '    for _ in range(size // 65536):',
      '        time.sleep(0.002)',
      '        yield b"x" * 65536',
      'headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json", "Content-Length": str(size // 65536 * 65536)}',
      'req = urllib.request.Request(url, data=body(), method="POST", headers=headers)',
      'try:',
      '    urllib.request.urlopen(req)',
      '    print("200")',
      'except urllib.error.HTTPError as e:',
      '    print(e.code, json.loads(e.read())["error"]["code"])',
      'except Exception as e:',
      '    print("failed", type(e).__name__, e)',
    ].join('\n');
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        'python3',
        ['-c', script, url('documents.list'), TOKEN, String(DEFAULT_MAX_BODY_BYTES + 500_000)],
        (err, stdout) => (err ? reject(err) : resolve(stdout.trim())),
      ),
    );
    expect(out).toBe('413 too_large');
  });

  it('sockets held open beyond the cap are refused, and an authorised call and its save are still served', async () => {
    const held: net.Socket[] = [];
    const total = MAX_CONNECTIONS * 3;
    let refused = 0;
    const excessRefused = new Promise<void>((resolve) => {
      for (let i = 0; i < total; i++) {
        const socket = net.connect(web.port, '127.0.0.1');
        socket.on('error', () => undefined);
        socket.on('close', () => {
          refused++;
          if (refused === total - MAX_CONNECTIONS) resolve();
        });
        held.push(socket);
      }
    });
    try {
      await excessRefused;
      const res = await fetch(url('settings.update'), {
        method: 'POST',
        headers,
        body: JSON.stringify({ annotator: 'Salma' }),
      });
      expect(res.status).toBe(200);
      const onDisk = JSON.parse(readFileSync(path.join(store.dir, 'project.json'), 'utf8')) as {
        settings: { annotator: string };
      };
      expect(onDisk.settings.annotator).toBe('Salma');
      const open = await new Promise<number>((resolve) => web.server.getConnections((_err, n) => resolve(n)));
      expect(open).toBeLessThanOrEqual(MAX_CONNECTIONS);
    } finally {
      for (const socket of held) socket.destroy();
    }
  });
});
