/**
 * Web pages and Word files are read in a worker thread (worker.ts, built as importWorker.js next
 * to the main bundle), so that jsdom's seconds per MB never hold up the other API calls of the
 * HTTP server or the Electron main process. One worker reads one document at a time; documents
 * sent meanwhile wait their turn. The worker is kept warm between documents (loading jsdom takes
 * about a second) and ended once idle.
 *
 * A document that takes too long, or needs more memory than allowed, ends its worker and becomes
 * an AppError naming why ("The web page could not be read: …"); so does a worker that dies. The
 * next document gets a fresh worker. Nothing the worker does can stop this process.
 *
 * Run from sources (vitest), there is no built worker script: documents are then read in this
 * thread, as before (`configureReaderWorker` points the tests at a worker built on the fly).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '@shared/errors';
import { type ParsedFormat, parseDocument } from './parse';
import type { ImportedText } from './types';
import { type ReadReply, type ReadRequest, settleReply, WORKER_READY } from './workerProtocol';

const MB = 1024 * 1024;
export const WORKER_FILE = 'importWorker.js';

export interface ReaderWorkerSettings {
  /** the built worker script; null reads in this thread */
  script: URL | null;
  /** how long one document may take once the worker has it: a base plus so much per MB */
  timeoutMs: { base: number; perMb: number };
  /** the worker's JavaScript heap (V8 old generation), in MB */
  maxHeapMb: number;
  /** a worker idle this long is ended */
  idleMs: number;
  /** called when a document is handed to a worker (tests and diagnostics) */
  onStart?: (info: { format: ParsedFormat; bytes: number }) => void;
  /** told why a worker died (not the memory cap): the user gets a sentence, the log gets the error */
  onWorkerError?: (err: Error) => void;
}

/**
 * The built worker, next to the running bundle: electron-vite writes the entries (index.js,
 * web.js, importWorker.js) to out/main/ and shared code to out/main/chunks/, so this module may
 * be running from either folder.
 */
export function builtWorkerScript(from: string | URL = import.meta.url): URL | null {
  for (const relative of [`./${WORKER_FILE}`, `../${WORKER_FILE}`]) {
    const candidate = new URL(relative, from);
    if (candidate.protocol === 'file:' && existsSync(fileURLToPath(candidate))) return candidate;
  }
  return null;
}

/**
 * Limits. Measured on a generated page that is half embedded JSON, half menus and teasers (the
 * worst common case): jsdom needs about 100 MB of heap per MB of markup, and 2–4 s per MB on
 * a busy two-core machine (a 19.5 MB page: 37 s and just under 2 GB). The caps leave a wide margin
 * and still stop a pathological file: half a minute plus 10 s per MB, and a quarter of the
 * machine's memory, between 1 and 4 GB.
 */
export const DEFAULT_READER_SETTINGS: Omit<ReaderWorkerSettings, 'script'> = {
  timeoutMs: { base: 30_000, perMb: 10_000 },
  maxHeapMb: Math.round(Math.min(4096, Math.max(1024, os.totalmem() / MB / 4))),
  idleMs: 30_000,
  onWorkerError: (err) => console.error('The import worker failed:', err),
};

const NOUN: Record<ParsedFormat, string> = {
  html: 'The web page',
  docx: 'The Word document',
  pdf: 'The PDF',
  mhtml: 'The saved web page',
  rtf: 'The RTF document',
};
const ADVICE: Record<ParsedFormat, string> = {
  html: 'Save the article alone (or its text) and import that.',
  docx: 'Split it into smaller documents and import those.',
  pdf: 'Import the article’s pages alone, or its text.',
  mhtml: 'Save the article alone (or its text) and import that.',
  rtf: 'Split it into smaller documents and import those.',
};

function cannotRead(format: ParsedFormat, why: string, advice = ADVICE[format]): AppError {
  return new AppError('unprocessable', `${NOUN[format]} could not be read: ${why}. ${advice}`);
}

function seconds(ms: number): string {
  const n = Math.max(1, Math.ceil(ms / 1000));
  return `${n} second${n === 1 ? '' : 's'}`;
}

function timeoutFor(settings: ReaderWorkerSettings, bytes: number): number {
  return Math.round(settings.timeoutMs.base + (settings.timeoutMs.perMb * bytes) / MB);
}

interface Job {
  id: number;
  format: ParsedFormat;
  bytes: Uint8Array;
  resolve: (result: ImportedText) => void;
  reject: (err: unknown) => void;
}

/** How many import workers are alive in this process (tests check that none is left behind). */
let live = 0;
export function liveReaderWorkers(): number {
  return live;
}

export class ReaderWorker {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: { job: Job; worker: Worker; timer: NodeJS.Timeout } | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private closed = false;
  /** workers whose code has loaded (they said WORKER_READY) */
  private readonly ready = new WeakSet<Worker>();
  /**
   * The worker's code could not even load (say, a packaged build where worker threads cannot
   * read it): documents are then read in this thread, as from sources, rather than all refused.
   */
  private inProcess = false;

  constructor(
    private readonly script: URL,
    private readonly settings: ReaderWorkerSettings,
  ) {}

  read(format: ParsedFormat, bytes: Uint8Array): Promise<ImportedText> {
    if (this.closed)
      return Promise.reject(cannotRead(format, 'Hashiya is shutting down', 'Try again after it has restarted.'));
    if (this.inProcess) return parseDocument(format, bytes);
    return new Promise<ImportedText>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, format, bytes, resolve, reject });
      this.pump();
    });
  }

  /** End the worker; documents still waiting or being read are refused. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const worker = this.worker;
    for (const job of this.queue.splice(0))
      job.reject(cannotRead(job.format, 'Hashiya is shutting down', 'Try again after it has restarted.'));
    if (worker) {
      this.lose(worker, (format) =>
        cannotRead(format, 'Hashiya is shutting down', 'Try again after it has restarted.'),
      );
      await worker.terminate();
    }
  }

  private pump(): void {
    if (this.current || this.closed) return;
    const job = this.queue.shift();
    if (!job) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    let worker: Worker;
    try {
      worker = this.worker ?? this.spawn();
    } catch {
      job.reject(
        cannotRead(job.format, 'the reader could not be started', 'Try again; if it keeps failing, restart Hashiya.'),
      );
      this.pump();
      return;
    }
    worker.ref();
    const ms = timeoutFor(this.settings, job.bytes.length);
    const timer = setTimeout(() => {
      this.lose(worker, (format) =>
        cannotRead(format, `reading it took longer than ${seconds(ms)}, so Hashiya stopped`),
      );
    }, ms);
    this.current = { job, worker, timer };
    // a copy of the bytes is moved (not cloned) to the worker; the caller's buffer stays usable
    const copy = new Uint8Array(job.bytes);
    const request: ReadRequest = { id: job.id, format: job.format, bytes: copy };
    try {
      worker.postMessage(request, [copy.buffer]);
    } catch (err) {
      this.settings.onWorkerError?.(err as Error);
      this.lose(worker, (format) =>
        cannotRead(
          format,
          'the reader could not be given the file',
          'Try again; if it keeps failing, restart Hashiya.',
        ),
      );
      return;
    }
    this.settings.onStart?.({ format: job.format, bytes: job.bytes.byteLength });
  }

  /** The worker could not load its code: read this document and every later one in this thread. */
  private readHereInstead(worker: Worker, err: Error): void {
    this.settings.onWorkerError?.(err);
    this.inProcess = true;
    if (this.worker === worker) this.worker = null;
    const jobs = this.queue.splice(0);
    const current = this.current;
    if (current?.worker === worker) {
      clearTimeout(current.timer);
      this.current = null;
      jobs.unshift(current.job);
    }
    void worker.terminate();
    for (const job of jobs) parseDocument(job.format, job.bytes).then(job.resolve, job.reject);
  }

  private spawn(): Worker {
    const worker = new Worker(this.script, {
      resourceLimits: { maxOldGenerationSizeMb: this.settings.maxHeapMb },
    });
    live++;
    this.worker = worker;
    worker.on('message', (reply: ReadReply | typeof WORKER_READY) => {
      if (reply === WORKER_READY) this.ready.add(worker);
      else this.settle(worker, reply);
    });
    worker.on('messageerror', () =>
      this.lose(worker, (format) => cannotRead(format, 'the reader sent back something unreadable')),
    );
    worker.on('error', (err: Error & { code?: string }) => {
      if (!this.ready.has(worker) && err.code !== 'ERR_WORKER_OUT_OF_MEMORY') {
        this.readHereInstead(worker, err);
      } else if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.lose(worker, (format) =>
          cannotRead(
            format,
            `reading it needs more memory than Hashiya allows for one file (${this.settings.maxHeapMb} MB)`,
          ),
        );
      } else {
        this.settings.onWorkerError?.(err);
        this.lose(worker, (format) =>
          cannotRead(
            format,
            'the reader stopped unexpectedly',
            'Try again; if it happens again, save the text alone and import that.',
          ),
        );
      }
    });
    worker.on('exit', (code) => {
      live--;
      this.lose(worker, (format) =>
        cannotRead(
          format,
          `the reader stopped unexpectedly (exit code ${code})`,
          'Try again; if it happens again, save the text alone and import that.',
        ),
      );
    });
    return worker;
  }

  private settle(worker: Worker, reply: ReadReply): void {
    const current = this.current;
    if (!current || current.worker !== worker || current.job.id !== reply.id) return;
    clearTimeout(current.timer);
    this.current = null;
    try {
      current.job.resolve(settleReply(reply));
    } catch (err) {
      current.job.reject(err);
    }
    this.idle(worker);
    this.pump();
  }

  /** After a document: keep the worker for the next one, and end it once it has been idle a while. */
  private idle(worker: Worker): void {
    if (this.queue.length > 0 || this.worker !== worker) return;
    worker.unref();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.worker === worker && !this.current) {
        this.worker = null;
        void worker.terminate();
      }
    }, this.settings.idleMs);
    this.idleTimer.unref();
  }

  /** This worker is finished with (timed out, out of memory, crashed, closing): fail its document, end it. */
  private lose(worker: Worker, error: (format: ParsedFormat) => AppError): void {
    if (this.worker === worker) this.worker = null;
    const current = this.current;
    if (current?.worker === worker) {
      clearTimeout(current.timer);
      this.current = null;
      current.job.reject(error(current.job.format));
    }
    void worker.terminate();
    this.pump();
  }
}

let settings: ReaderWorkerSettings = { ...DEFAULT_READER_SETTINGS, script: builtWorkerScript() };
let reader: ReaderWorker | null = null;

/** Change where and how documents are read (tests); ends the current worker. Returns the old settings. */
export async function configureReaderWorker(patch: Partial<ReaderWorkerSettings>): Promise<ReaderWorkerSettings> {
  const previous = settings;
  await closeReaderWorker();
  settings = { ...settings, ...patch };
  return previous;
}

/** End the import worker (quitting, tests). A later document starts a new one. */
export async function closeReaderWorker(): Promise<void> {
  const current = reader;
  reader = null;
  await current?.close();
}

/** Read a web page or Word file: in the import worker when there is one, else in this thread. */
export async function readInWorker(format: ParsedFormat, bytes: Uint8Array): Promise<ImportedText> {
  if (!settings.script) return parseDocument(format, bytes);
  reader ??= new ReaderWorker(settings.script, settings);
  return reader.read(format, bytes);
}
