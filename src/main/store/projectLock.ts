/**
 * One Hashiya process writes a project at a time. A lock file in the project folder names the
 * process holding it, and that process touches it every few seconds. Another process may take
 * the project only when the holder is gone: its process no longer exists, or the lock has not
 * been touched for a while (a crash, a power cut, a process on another machine that died).
 */
import { link, open, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@shared/errors';

export const LOCK_FILE = '.hashiya-lock';
const HEARTBEAT_MS = 10_000;
const STALE_MS = 30_000;
/** a lock nobody could read for this long was left half-written by a process that died writing it */
const HALF_WRITTEN_MS = 2_000;

interface LockInfo {
  pid: number;
  host: string;
  openedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class ProjectLock {
  private timer: ReturnType<typeof setInterval> | null = null;
  private constructor(readonly filePath: string) {}

  /** Take the project in `root`, or throw AppError('conflict') naming who holds it. */
  static async acquire(root: string): Promise<ProjectLock> {
    const filePath = path.join(root, LOCK_FILE);
    const mine: LockInfo = { pid: process.pid, host: os.hostname(), openedAt: new Date().toISOString() };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await createWhole(filePath, JSON.stringify(mine));
        return new ProjectLock(filePath).start();
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
          // a folder where no lock can be written (read-only media): go on without one
          if (['EROFS', 'EACCES', 'EPERM'].includes((err as NodeJS.ErrnoException).code ?? ''))
            return new ProjectLock(filePath);
          throw err;
        }
      }
      const holder = await readHolder(filePath);
      if (holder && !holder.stale) {
        throw new AppError(
          'conflict',
          `This project is open in another Hashiya window or server (process ${holder.info?.pid ?? '?'}${holder.info && holder.info.host !== os.hostname() ? ` on ${holder.info.host}` : ''}). Close it there first, so that two programs never write the same files.`,
        );
      }
      if (holder?.info?.pid === process.pid && holder.info.host === os.hostname()) {
        // this process already holds it (the project is opened twice in one process, e.g. tests)
        await writeFile(filePath, JSON.stringify(mine));
        return new ProjectLock(filePath).start();
      }
      // a stale lock in a folder that has since become read-only (an archive, a share): it cannot
      // be taken away, and nothing can be written there either, so go on without a lock
      const gone = await unlink(filePath).then(
        () => true,
        (err: NodeJS.ErrnoException) => !['EROFS', 'EACCES', 'EPERM'].includes(err.code ?? ''),
      );
      if (!gone) return new ProjectLock(filePath);
    }
    throw new AppError(
      'conflict',
      'Another program keeps taking this project folder; close other Hashiya windows and try again.',
    );
  }

  private start(): this {
    this.timer = setInterval(() => {
      const now = new Date();
      void utimes(this.filePath, now, now).catch(() => undefined);
    }, HEARTBEAT_MS);
    this.timer.unref?.();
    return this;
  }

  /** Give the project up (only if the lock is still ours). */
  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const holder = await readHolder(this.filePath);
    if (holder?.info?.pid === process.pid) await unlink(this.filePath).catch(() => undefined);
  }
}

/** File systems without hard links (FAT and exFAT memory sticks, some network shares). */
const NO_LINKS = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'];

/**
 * Create `filePath` with `text`, failing with EEXIST when it exists — never leaving it empty or
 * half-written: the text goes to a file of its own, which is then hard-linked into place in one
 * step. (A process killed between creating the lock and writing it used to leave an empty lock,
 * which kept the project closed for half a minute: "open in another window (process ?)".)
 * Where the folder allows no hard links, the lock is created and written in two steps as before.
 */
async function createWhole(filePath: string, text: string): Promise<void> {
  const own = `${filePath}.${process.pid}.tmp`;
  await writeFile(own, text);
  try {
    await link(own, filePath);
    return;
  } catch (err) {
    if (!NO_LINKS.includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
  } finally {
    await unlink(own).catch(() => undefined);
  }
  const handle = await open(filePath, 'wx');
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

async function readHolder(filePath: string): Promise<{ info: LockInfo | null; stale: boolean } | null> {
  let raw: string;
  let age: number;
  try {
    raw = await readFile(filePath, 'utf8');
    age = Date.now() - (await stat(filePath)).mtimeMs;
  } catch {
    return null;
  }
  let info: LockInfo | null = null;
  try {
    const parsed = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') info = parsed as LockInfo;
  } catch {
    // a half-written lock: judged by its age alone
  }
  const sameHost = info?.host === os.hostname();
  const stale =
    (info !== null && info.pid === process.pid && sameHost) || // ours: not a conflict
    (sameHost && info !== null && !isAlive(info.pid)) ||
    (info === null && age > HALF_WRITTEN_MS) ||
    age > STALE_MS;
  return { info, stale };
}
