/**
 * A large web page (beyond the old 5 MB limit) imported through the real browser-mode HTTP
 * server, read by the import worker (built on the fly, as electron-vite builds it): other API
 * calls are answered while the page is being read, and the page's article comes through.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIG_PAGE_ARTICLE, makeBigPage } from '../../../test/fixtures/import/bigPage';
import { buildImportWorker, type BuiltWorker } from '../../../test/fixtures/import/buildWorker';
import type { DocumentSummary } from '@shared/model';
import { openProject, type OpenedProject } from '../app';
import { startWebServer, type WebServer } from '../server/http';
import { closeReaderWorker, configureReaderWorker, liveReaderWorkers, type ReaderWorkerSettings } from './readerWorker';

const ROOT = path.resolve(__dirname, '../../..');
const TOKEN = 'test-token-large-page';
const MB = 1024 * 1024;

let dir: string;
let project: OpenedProject;
let web: WebServer;
let built: BuiltWorker;
let original: ReaderWorkerSettings;
let started: (info: { format: string; bytes: number }) => void = () => undefined;

async function call(method: string, input: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`http://127.0.0.1:${web.port}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  built = await buildImportWorker();
  original = await configureReaderWorker({ script: built.script, onStart: (info) => started(info) });
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-large-page-'));
  project = await openProject(dir, path.join(ROOT, 'resources'));
  web = await startWebServer({ services: project.services, token: TOKEN, rendererDir: dir });
}, 120_000);

afterAll(async () => {
  await web.close();
  await project.store.close();
  await configureReaderWorker(original);
  await rm(dir, { recursive: true, force: true });
  await built.remove();
});

describe('a large web page', () => {
  it('is read in the worker while other calls are answered', async () => {
    const page = makeBigPage(10 * MB);
    expect(page.length).toBeGreaterThan(5 * MB);
    const before = (await call('documents.list', {})).body as unknown as DocumentSummary[];

    const reading = new Promise<{ format: string; bytes: number }>((resolve) => (started = resolve));
    let importDone = false;
    const importing = call('documents.import', { fileName: 'heavy-page.html', data: page.toString('base64') }).finally(
      () => {
        importDone = true;
      },
    );
    // once the worker has the page, ask for something else: it is answered before the import is
    expect(await reading).toEqual({ format: 'html', bytes: page.length });
    const listed = await call('documents.list', {});
    expect(listed.status).toBe(200);
    expect(importDone).toBe(false);
    const info = await call('project.info', {});
    expect(info.status).toBe(200);
    expect(importDone).toBe(false);

    const imported = await importing;
    expect(imported.status).toBe(200);
    const document = (imported.body as { document: DocumentSummary }).document;
    expect(document.title).toBe('هدنة في طرابلس');
    const text = (await call('documents.get', { id: document.id })).body as { text: string };
    expect(text.text).toBe(['هدنة في طرابلس', ...BIG_PAGE_ARTICLE].join('\n'));
    expect((await call('documents.list', {})).body).toHaveLength(before.length + 1);
  }, 300_000);

  it('over the general import limit is refused at once, without starting a worker', async () => {
    await closeReaderWorker();
    const over = Buffer.concat([Buffer.from('<html><body><p>'), Buffer.alloc(20 * MB, 0x61)]);
    const answer = await call('documents.import', { fileName: 'too-big.html', data: over.toString('base64') });
    expect(answer.status).toBe(413);
    expect(answer.body).toMatchObject({
      error: { code: 'too_large', message: expect.stringMatching(/“too-big\.html” is 20\.0 MB, more than the 20 MB/) },
    });
    expect(liveReaderWorkers()).toBe(0);
  });
});
