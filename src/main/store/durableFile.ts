/**
 * A lowdb adapter that does not lose acknowledged writes. lowdb's own TextFile (steno) writes a
 * temp file and renames it, but never fsyncs, so a power cut can leave an empty file behind.
 * Here every write is: temp file in the same folder → fsync → rename over the target → fsync the
 * folder. One writer per file; writes that arrive while one is on its way are coalesced into the
 * next, and each write() resolves only once data at least as new as its own is on disk.
 */
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

interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

let tempCounter = 0;

export class DurableTextFile implements Adapter<string> {
  readonly filePath: string;
  private readonly fs: DurableFs;
  private readonly renameAttempts: number;
  private readonly renameDelayMs: number;
  private pending: { text: string; waiters: Waiter[] } | null = null;
  private running = false;

  constructor(filePath: string, options: DurableFileOptions = {}) {
    this.filePath = filePath;
    this.fs = options.fs ?? nodeFs;
    this.renameAttempts = options.renameAttempts ?? 5;
    this.renameDelayMs = options.renameDelayMs ?? 50;
  }

  async read(): Promise<string | null> {
    try {
      return await this.fs.readFile(this.filePath, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  write(text: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.pending) this.pending.text = text;
      else this.pending = { text, waiters: [] };
      this.pending.waiters.push({ resolve, reject });
      void this.pump();
    });
  }

  /** Resolves when every write requested so far has finished (successfully or not). */
  async flush(): Promise<void> {
    while (this.busy) await new Promise((r) => setTimeout(r, 2));
  }

  get busy(): boolean {
    return this.running || this.pending !== null;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending) {
        const job = this.pending;
        this.pending = null;
        try {
          await this.writeNow(job.text);
          for (const w of job.waiters) w.resolve();
        } catch (err) {
          for (const w of job.waiters) w.reject(err);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private async writeNow(text: string): Promise<void> {
    const dir = path.dirname(this.filePath);
    const temp = path.join(
      dir,
      `.${path.basename(this.filePath)}.${process.pid}.${++tempCounter}${TEMP_SUFFIX}`,
    );
    const handle = await this.fs.open(temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await this.renameWithRetry(temp, this.filePath);
    } catch (err) {
      await this.fs.unlink(temp).catch(() => undefined);
      throw err;
    }
    await syncDir(this.fs, dir);
  }

  private async renameWithRetry(from: string, to: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.fs.rename(from, to);
        return;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        if (!RETRYABLE.has(code) || attempt >= this.renameAttempts) throw err;
        await new Promise((r) => setTimeout(r, this.renameDelayMs * attempt));
      }
    }
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
