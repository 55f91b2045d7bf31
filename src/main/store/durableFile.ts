/**
 * A lowdb adapter that does not lose acknowledged writes. lowdb's own TextFile (steno) writes a
 * temp file and renames it, but never fsyncs, so a power cut can leave an empty file behind.
 * Here every write is: temp file in the same folder → fsync → rename over the target → fsync the
 * folder. One writer per file path in this process; writes that arrive while one is on its way
 * are coalesced into the next, and each write() resolves only once data at least as new as its
 * own is on disk. A failed write removes its temp file and rejects with a DurableWriteError.
 *
 * A batch of files in one folder (a tag-all across documents) may leave out the folder's fsync
 * (`{ syncFolder: false }`): write() then resolves once the file is renamed into place, and the
 * caller fsyncs the folder once (syncFolder below) before it tells anyone the batch is saved.
 */
import { isUtf8 } from 'node:buffer';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

/** The file-system calls the adapter makes; tests substitute failing ones. */
export interface DurableFs {
  open: typeof nodeFs.open;
  rename: typeof nodeFs.rename;
  unlink: typeof nodeFs.unlink;
  readFile: typeof nodeFs.readFile;
}

export interface DurableFileOptions {
  fs?: DurableFs;
  /** attempts at a rename that fails with EPERM/EBUSY/EACCES (Windows virus scanners) */
  renameAttempts?: number;
  renameDelayMs?: number;
}

const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES']);
export const TEMP_SUFFIX = '.hashiya-tmp';

const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'permission was refused',
  EPERM: 'the operating system refused (another program, such as a virus scanner, may hold the file)',
  EBUSY: 'the file is in use by another program',
  EIO: 'the disk reported an input/output error',
  ENOENT: 'the folder no longer exists',
};

/** A write that did not reach the disk; `message` is a sentence a researcher can act on. */
export class DurableWriteError extends Error {
  readonly filePath: string;
  readonly code: string;
  constructor(filePath: string, cause: unknown, attempts = 1) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code ?? 'UNKNOWN';
    const reason = REASONS[code] ?? `the system reported ${code}`;
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    super(`Could not save ${path.basename(filePath)}: ${reason}${tries}.`, { cause });
    this.name = 'DurableWriteError';
    this.filePath = filePath;
    this.code = code;
  }
}

/** The file holds bytes that are not UTF-8 text. */
export class InvalidTextError extends Error {
  constructor(readonly filePath: string) {
    super(`${filePath} is not UTF-8 text`);
    this.name = 'InvalidTextError';
  }
}

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

export interface WriteOptions {
  /** false: the caller fsyncs the folder itself once for a batch (default true) */
  syncFolder?: boolean;
}

let tempCounter = 0;
/** Per-path tail of the write chain, so two adapters on one path never interleave. */
const pathLocks = new Map<string, Promise<void>>();

async function withPathLock<T>(filePath: string, run: () => Promise<T>): Promise<T> {
  const previous = pathLocks.get(filePath) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((r) => (release = r));
  const tail = previous.then(() => mine);
  pathLocks.set(filePath, tail);
  await previous;
  try {
    return await run();
  } finally {
    release();
    if (pathLocks.get(filePath) === tail) pathLocks.delete(filePath);
  }
}

export class DurableTextFile implements Adapter<string> {
  readonly filePath: string;
  private readonly fs: DurableFs;
  private readonly renameAttempts: number;
  private readonly renameDelayMs: number;
  private pending: { text: string; waiters: Waiter[]; syncFolder: boolean } | null = null;
  private running: Promise<void> | null = null;

  constructor(filePath: string, options: DurableFileOptions = {}) {
    this.filePath = filePath;
    this.fs = options.fs ?? nodeFs;
    this.renameAttempts = options.renameAttempts ?? 5;
    this.renameDelayMs = options.renameDelayMs ?? 50;
  }

  /** The file's text, or null when it does not exist. Bytes that are not UTF-8 throw InvalidTextError. */
  async read(): Promise<string | null> {
    return (await this.readBytes())?.toString('utf8') ?? null;
  }

  /** The file's UTF-8 bytes without a byte-order mark (what read() decodes), or null when it does not exist. */
  async readBytes(): Promise<Buffer | null> {
    let bytes: Buffer;
    try {
      bytes = await this.fs.readFile(this.filePath);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    // a damaged byte must not turn into U+FFFD and be saved back over the original; isUtf8 checks
    // a 35 MB project.json (100,000 documents) in a fraction of a fatal TextDecoder's time
    if (!isUtf8(bytes)) throw new InvalidTextError(this.filePath);
    // as TextDecoder did: a byte-order mark is not part of the text
    return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  }

  write(text: string, options: WriteOptions = {}): Promise<void> {
    const syncFolder = options.syncFolder ?? true;
    return new Promise<void>((resolve, reject) => {
      if (this.pending) this.pending.text = text;
      else this.pending = { text, waiters: [], syncFolder: false };
      // a write coalesced with one that wants the folder synced gets it synced too
      this.pending.syncFolder ||= syncFolder;
      this.pending.waiters.push({ resolve, reject });
      if (!this.running) this.running = this.pump();
    });
  }

  /** Resolves when every write requested so far has finished (successfully or not). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  get busy(): boolean {
    return this.running !== null || this.pending !== null;
  }

  private async pump(): Promise<void> {
    // let writes issued in the same tick join this one
    await Promise.resolve();
    for (;;) {
      const job = this.pending;
      if (!job) {
        // cleared in the same step that finds nothing to do, so a write() that comes in from a
        // waiter's continuation always starts a new pump instead of waiting for this one
        this.running = null;
        return;
      }
      this.pending = null;
      try {
        await withPathLock(this.filePath, () => this.writeNow(job.text, job.syncFolder));
        for (const w of job.waiters) w.resolve();
      } catch (err) {
        for (const w of job.waiters) w.reject(err);
      }
    }
  }

  private async writeNow(text: string, folder: boolean): Promise<void> {
    const dir = path.dirname(this.filePath);
    const temp = path.join(dir, `.${path.basename(this.filePath)}.${process.pid}.${++tempCounter}${TEMP_SUFFIX}`);
    try {
      const handle = await this.fs.open(temp, 'w');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (err) {
      await this.fs.unlink(temp).catch(() => undefined);
      throw new DurableWriteError(this.filePath, err);
    }
    try {
      await this.renameWithRetry(temp, this.filePath);
    } catch (err) {
      await this.fs.unlink(temp).catch(() => undefined);
      throw err;
    }
    if (!folder) return;
    try {
      await syncDir(this.fs, dir);
    } catch (err) {
      throw new DurableWriteError(this.filePath, err);
    }
  }

  private async renameWithRetry(from: string, to: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.fs.rename(from, to);
        return;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        if (!RETRYABLE.has(code) || attempt >= this.renameAttempts) throw new DurableWriteError(to, err, attempt);
        await new Promise((r) => setTimeout(r, this.renameDelayMs * attempt));
      }
    }
  }
}

/**
 * Fsync a folder once after a batch of writes made with `{ syncFolder: false }` in it, so that
 * every rename in it is on disk. Rejects with a DurableWriteError naming `dir`.
 */
export async function syncFolder(dir: string, options: DurableFileOptions = {}): Promise<void> {
  try {
    await syncDir(options.fs ?? nodeFs, dir);
  } catch (err) {
    throw new DurableWriteError(dir, err);
  }
}

async function syncDir(fs: DurableFs, dir: string): Promise<void> {
  let handle: nodeFs.FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    // Windows cannot open or fsync a directory; the rename is as durable as that OS makes it.
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (!['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'EBADF'].includes(code)) throw err;
  } finally {
    await handle?.close();
  }
}

/** Write a whole file durably once (temp → fsync → rename → fsync dir), outside any lowdb. */
export function writeFileDurably(filePath: string, text: string, options?: DurableFileOptions): Promise<void> {
  return new DurableTextFile(filePath, options).write(text);
}

/** Read a file as strict UTF-8 (throws InvalidTextError for damaged bytes, ENOENT when missing). */
export function readTextStrict(filePath: string): Promise<string> {
  return new DurableTextFile(filePath).read().then((text) => {
    if (text === null) throw Object.assign(new Error(`${filePath} does not exist`), { code: 'ENOENT' });
    return text;
  });
}

/** Remove temp files a killed process left behind in `dir` (never this process's own, nor other files). */
export async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await nodeFs.readdir(dir);
  } catch {
    return;
  }
  await Promise.all(
    names
      .filter((n) => n.endsWith(TEMP_SUFFIX) && !n.includes(`.${process.pid}.`))
      .map((n) => nodeFs.unlink(path.join(dir, n)).catch(() => undefined)),
  );
}
