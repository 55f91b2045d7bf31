/**
 * Reading web pages and Word files in the import worker: the real worker (built on the fly,
 * as electron-vite builds it) gives what the in-process readers give, errors included; and a
 * worker that dies, runs out of memory or takes too long becomes a clear AppError, is ended,
 * and leaves this process and the next document unharmed.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildImportWorker, type BuiltWorker } from '../../../test/fixtures/import/buildWorker';
import { makeDocx } from '../../../test/fixtures/import/docx';
import { AppError } from '@shared/errors';
import { importFile } from '.';
import { parseDocument } from './parse';
import {
  builtWorkerScript,
  closeReaderWorker,
  configureReaderWorker,
  DEFAULT_READER_SETTINGS,
  liveReaderWorkers,
  ReaderWorker,
  type ReaderWorkerSettings,
} from './readerWorker';
import { answer, settleReply } from './workerProtocol';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/import');
const ARTICLE = readFileSync(path.join(FIXTURES, 'article.html'));
const FRAMESET = Buffer.from(
  '<html><head><title>x</title></head><frameset><frame src="http://attacker.invalid/"></frameset></html>',
);
const P = 'دعا المبعوث الأممي إلى وقف فوري لإطلاق النار في طرابلس.';

let built: BuiltWorker;
let original: ReaderWorkerSettings;

/** A stand-in worker script, for the ways a worker can fail. */
async function fakeWorker(name: string, source: string): Promise<URL> {
  const file = path.join(built.dir, name);
  await writeFile(file, source);
  return pathToFileURL(file);
}

const workerErrors: Error[] = [];
const settings = (script: URL, patch: Partial<ReaderWorkerSettings> = {}): ReaderWorkerSettings => ({
  ...DEFAULT_READER_SETTINGS,
  script,
  onWorkerError: (err) => workerErrors.push(err),
  ...patch,
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

beforeAll(async () => {
  built = await buildImportWorker();
  original = await configureReaderWorker({ script: built.script });
}, 120_000);

afterEach(async () => {
  await closeReaderWorker();
  // every worker started by a test has ended (exit events arrive shortly after terminate)
  await vi.waitFor(() => expect(liveReaderWorkers()).toBe(0), { timeout: 10_000 });
});

afterAll(async () => {
  await configureReaderWorker(original);
  await built.remove();
});

describe('the import worker', () => {
  it('is not found when running from sources, so tests read in-process unless told otherwise', () => {
    expect(original.script).toBeNull();
    expect(builtWorkerScript()).toBeNull();
    // next to a bundle it is found, from the entries' folder and from the chunks' folder
    expect(builtWorkerScript(built.script)?.href).toBe(built.script.href);
    expect(builtWorkerScript(new URL('chunks/shared.js', built.script))?.href).toBe(built.script.href);
  });

  it('reads a web page and a Word file exactly as the in-process readers do', async () => {
    const docx = makeDocx([
      { text: P, rtl: true },
      { text: 'فقرة ثانية.', rtl: true },
    ]);
    expect(await importFile('article.html', ARTICLE)).toEqual(await parseDocument('html', ARTICLE));
    expect(await importFile('report.docx', docx)).toEqual(await parseDocument('docx', docx));
    expect(liveReaderWorkers()).toBe(1);
  });

  it('reuses one warm worker for documents in a row, and leaves the caller’s bytes intact', async () => {
    const bytes = Buffer.from(ARTICLE);
    const results = await Promise.all([
      importFile('a.html', bytes),
      importFile('b.html', bytes),
      importFile('c.html', bytes),
    ]);
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
    expect(bytes.equals(ARTICLE)).toBe(true);
    expect(liveReaderWorkers()).toBe(1);
  });

  it('gives back the reader’s AppError with the same code and sentence, naming the file', async () => {
    const inProcess = await refusal(parseDocument('html', FRAMESET));
    const viaWorker = await refusal(importFile('frames.html', FRAMESET));
    expect(viaWorker.code).toBe(inProcess.code);
    expect(viaWorker.message).toBe(`“frames.html”: ${inProcess.message}`);
    const damaged = makeDocx([{ text: P }]);
    const cut = damaged.subarray(0, damaged.length - 30);
    const docxInProcess = await refusal(parseDocument('docx', cut));
    const docxViaWorker = await refusal(importFile('cut.docx', cut));
    expect([docxViaWorker.code, docxViaWorker.message]).toEqual([
      docxInProcess.code,
      `“cut.docx”: ${docxInProcess.message}`,
    ]);
  });

  it('ends an idle worker by itself', async () => {
    await configureReaderWorker({ script: built.script, idleMs: 50 });
    await importFile('article.html', ARTICLE);
    expect(liveReaderWorkers()).toBe(1);
    await vi.waitFor(() => expect(liveReaderWorkers()).toBe(0), { timeout: 10_000 });
    // and the next document starts a new one
    expect((await importFile('article.html', ARTICLE)).title).toBeTruthy();
    await configureReaderWorker({ idleMs: DEFAULT_READER_SETTINGS.idleMs });
  });
});

describe('a worker that fails', () => {
  it('crashes: the document is refused with a clear sentence, and the next one gets a fresh worker', async () => {
    // exits when given a document that starts with "X", answers "ok" otherwise
    const script = await fakeWorker(
      'crashy.mjs',
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', ({ id, bytes }) => {
         if (bytes[0] === 0x58) process.exit(3);
         parentPort.postMessage({ id, ok: true, result: { text: 'ok', title: null, warnings: [], meta: {} } });
       });`,
    );
    const reader = new ReaderWorker(script, settings(script));
    const err = await refusal(reader.read('html', Buffer.from('X')));
    expect(err.code).toBe('unprocessable');
    expect(err.message).toMatch(/^The web page could not be read: the reader stopped unexpectedly \(exit code 3\)\./);
    expect((await reader.read('html', Buffer.from('fine'))).text).toBe('ok');
    await reader.close();
  });

  it('cannot load its code: the documents are read in this thread instead, and the cause is logged', async () => {
    const script = await fakeWorker('broken.mjs', `import './does-not-exist.mjs';`);
    const reader = new ReaderWorker(script, settings(script));
    workerErrors.length = 0;
    const docx = makeDocx([{ text: P, rtl: true }]);
    const [first, second] = await Promise.all([reader.read('docx', docx), reader.read('html', ARTICLE)]);
    expect(first).toEqual(await parseDocument('docx', docx));
    expect(second).toEqual(await parseDocument('html', ARTICLE));
    expect(workerErrors.map((e) => e.message).join('\n')).toMatch(/does-not-exist/);
    // later documents go straight to this thread: no new worker is started
    expect((await reader.read('docx', docx)).text).toBe(P);
    expect(liveReaderWorkers()).toBe(0);
    await reader.close();
  });

  it('throws after loading, outside any request: a clear sentence, not an unhandled error', async () => {
    const script = await fakeWorker(
      'throws.mjs',
      `import { parentPort } from 'node:worker_threads';
       parentPort.postMessage('hashiya-import-worker-ready');
       parentPort.on('message', () => { setTimeout(() => { throw new Error('secret internals'); }); });`,
    );
    const reader = new ReaderWorker(script, settings(script));
    workerErrors.length = 0;
    const err = await refusal(reader.read('docx', Buffer.from('PK')));
    expect(err.message).toMatch(/^The Word document could not be read: the reader stopped unexpectedly/);
    // the cause goes to the log, not to the user
    expect(err.message).not.toMatch(/secret internals/);
    expect(workerErrors.map((e) => e.message).join('\n')).toMatch(/secret internals/);
    await reader.close();
  });

  it('needs more memory than allowed: ended, and said so', async () => {
    const script = await fakeWorker(
      'hungry.mjs',
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', () => { const keep = []; for (;;) keep.push(new Array(100000).fill({ a: 1 })); });`,
    );
    const reader = new ReaderWorker(script, settings(script, { maxHeapMb: 32 }));
    const err = await refusal(reader.read('html', Buffer.from('<p>x</p>')));
    expect(err.message).toMatch(
      /^The web page could not be read: reading it needs more memory than Hashiya allows for one file \(32 MB\)\. Save the article alone/,
    );
    await reader.close();
  });

  it('takes too long: ended, said so, and documents waiting behind it are still read', async () => {
    const script = await fakeWorker(
      'slow.mjs',
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', ({ id, bytes }) => {
         if (bytes[0] === 0x58) for (;;) {}
         parentPort.postMessage({ id, ok: true, result: { text: 'ok', title: null, warnings: [], meta: {} } });
       });`,
    );
    const reader = new ReaderWorker(script, settings(script, { timeoutMs: { base: 300, perMb: 0 } }));
    const stuck = refusal(reader.read('html', Buffer.from('X')));
    const next = reader.read('html', Buffer.from('fine'));
    expect((await stuck).message).toMatch(
      /^The web page could not be read: reading it took longer than 1 second, so Hashiya stopped\./,
    );
    expect((await next).text).toBe('ok');
    await reader.close();
  });

  it('is closed while reading: the document is refused, the worker ended', async () => {
    const script = await fakeWorker(
      'never.mjs',
      `import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => {});`,
    );
    const reader = new ReaderWorker(script, settings(script));
    const pending = refusal(reader.read('html', Buffer.from('x')));
    const waiting = refusal(reader.read('html', Buffer.from('y')));
    await reader.close();
    expect((await pending).message).toMatch(/shutting down/);
    expect((await waiting).message).toMatch(/shutting down/);
    expect((await refusal(reader.read('html', Buffer.from('z')))).message).toMatch(/shutting down/);
  });
});

describe('the worker’s messages', () => {
  it('carry an AppError’s code, sentence and details, and other errors as plain errors', async () => {
    const reply = await answer({ id: 7, format: 'html', bytes: FRAMESET });
    expect(reply).toMatchObject({ id: 7, ok: false, appError: { code: 'unprocessable' } });
    const rebuilt = (() => {
      try {
        settleReply(structuredClone(reply));
      } catch (err) {
        return err;
      }
    })();
    expect(rebuilt).toBeInstanceOf(AppError);
    expect(() =>
      settleReply({ id: 1, ok: false, appError: { code: 'conflict', message: 'm', details: { duplicateOf: 'd' } } }),
    ).toThrow(expect.objectContaining({ code: 'conflict', message: 'm', details: { duplicateOf: 'd' } }));
    const plain = (() => {
      try {
        settleReply({ id: 1, ok: false, failure: { name: 'RangeError', message: 'Maximum call stack size exceeded' } });
      } catch (err) {
        return err;
      }
    })();
    expect(plain).not.toBeInstanceOf(AppError);
    expect(plain).toMatchObject({ name: 'RangeError', message: 'Maximum call stack size exceeded' });
  });
});
