/**
 * Rotating, validated snapshots of a project's files in backups/: backups/project/<stamp>.json
 * for project.json and backups/documents/<id>/<stamp>.json for each document. Two kinds:
 *  - after a save, at most once per `minIntervalMs` per file, a copy of the file as it is on
 *    disk, taken only after it parses with its schema, off the path of the save (a tag stays one
 *    durable write);
 *  - before the first save of a file in a session, its version from before the session, kept
 *    by a hard link (no copy, no fsync on the save's path; the save replaces the file by rename,
 *    so the linked version stays as it was).
 * Reading a file never makes a backup (an export that reads 10,000 documents writes nothing).
 * Kept: the newest `keepLatest`, plus the newest of each of the last `keepDays` days.
 */
import { link, mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { readTextStrict, removeStaleTemps, writeFileDurably } from './durableFile';

export const BACKUPS_DIR = 'backups';

export interface BackupPolicy {
  minIntervalMs: number;
  keepLatest: number;
  keepDays: number;
  /**
   * How long a snapshot waits before reading and validating its file, so that it never competes
   * with the user's own work (opening a project, a burst of tags); flush() releases it at once.
   */
  startDelayMs: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = {
  minIntervalMs: 5 * 60_000,
  keepLatest: 10,
  keepDays: 7,
  startDelayMs: 2000,
};

/** `project` or `documents/<id>` */
export type BackupKey = string;

export interface BackupEntry {
  key: BackupKey;
  /** file name inside the key's folder: <stamp>.json */
  name: string;
  createdAt: string;
  size: number;
}

const NAME = /^(\d{8}T\d{9}Z)(?:-(\d+))?\.json$/;

export function documentKey(id: string): BackupKey {
  return `documents/${id}`;
}
export const PROJECT_KEY: BackupKey = 'project';

function stampOf(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function timeOf(name: string): string | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const s = m[1] as string;
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

export function isBackupName(name: string): boolean {
  return NAME.test(name);
}

/** Which snapshots to delete: all but the newest `keepLatest` and the newest of each recent day. */
export function backupsToPrune(names: readonly string[], policy: BackupPolicy, now: Date): string[] {
  const sorted = names.filter(isBackupName).sort().reverse();
  const keep = new Set(sorted.slice(0, policy.keepLatest));
  const oldest = now.getTime() - policy.keepDays * 86_400_000;
  const days = new Set<string>();
  for (const name of sorted) {
    const at = timeOf(name) as string;
    const day = at.slice(0, 10);
    if (Date.parse(at) >= oldest && !days.has(day)) {
      days.add(day);
      keep.add(name);
    }
  }
  return sorted.filter((n) => !keep.has(n));
}

export class BackupStore {
  readonly dir: string;
  private readonly policy: BackupPolicy;
  private readonly lastAt = new Map<BackupKey, number>();
  private readonly kept = new Set<BackupKey>();
  private readonly inFlight = new Set<Promise<void>>();
  /** snapshots still waiting out their start delay: calling one starts it now */
  private readonly waiting = new Set<() => void>();
  private readonly now: () => Date;

  constructor(root: string, policy: Partial<BackupPolicy> = {}, now: () => Date = () => new Date()) {
    this.dir = path.join(root, BACKUPS_DIR);
    this.policy = { ...DEFAULT_BACKUP_POLICY, ...policy };
    this.now = now;
  }

  private folder(key: BackupKey): string {
    return path.join(this.dir, ...key.split('/'));
  }

  /**
   * Snapshot `source` (the live file) soon, unless one was taken within the interval. Never
   * rejects: a failed backup must not fail the user's save. `validate` throws for a bad file.
   */
  snapshotSoon(key: BackupKey, source: string, validate: (raw: string) => void, force = false): void {
    const now = this.now().getTime();
    const last = this.lastAt.get(key);
    if (!force && last !== undefined && now - last < this.policy.minIntervalMs) return;
    this.lastAt.set(key, now);
    this.track(
      (async () => {
        await this.startDelay();
        const raw = await readTextStrict(source);
        validate(raw);
        await this.write(key, raw);
        await this.prune(key);
      })(),
    );
  }

  private startDelay(): Promise<void> {
    if (this.policy.startDelayMs <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const release = () => {
        clearTimeout(timer);
        this.waiting.delete(release);
        resolve();
      };
      const timer = setTimeout(release, this.policy.startDelayMs);
      timer.unref?.();
      this.waiting.add(release);
    });
  }

  private track(work: Promise<void>): void {
    const job: Promise<void> = work.catch(() => undefined).finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }

  private async prune(key: BackupKey): Promise<void> {
    const folder = this.folder(key);
    await removeStaleTemps(folder);
    const names = backupsToPrune(await readdir(folder), this.policy, this.now());
    await Promise.all(names.map((n) => unlink(path.join(folder, n)).catch(() => undefined)));
  }

  /**
   * Call before the first save of a file in this session: keeps the version on disk (read and
   * validated when it was loaded) as a snapshot, by hard link. Quick enough for a save's path;
   * the folder's fsync and the rotation run afterwards (after the start delay; flush() at once). Does nothing when the file does not exist
   * or the file system has no hard links (a snapshot after the save covers those).
   */
  async keepBeforeFirstSave(key: BackupKey, live: string): Promise<void> {
    if (this.kept.has(key)) return;
    this.kept.add(key);
    const folder = this.folder(key);
    try {
      await mkdir(folder, { recursive: true });
      const stamp = stampOf(this.now());
      for (let n = 0; n < 5; n++) {
        try {
          await link(live, path.join(folder, n === 0 ? `${stamp}.json` : `${stamp}-${n}.json`));
          break;
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        }
      }
    } catch {
      return;
    }
    this.track(
      (async () => {
        // after the start delay, so a batch of first saves (a tag-all across 400 documents) is
        // not slowed by as many folder fsyncs and rotations competing for the same I/O threads
        await this.startDelay();
        const handle = await open(folder, 'r').catch(() => null);
        await handle?.sync().catch(() => undefined);
        await handle?.close();
        await this.prune(key);
      })(),
    );
  }

  /** Store `raw` as a new snapshot now (used before a migration rewrites an old-format file). */
  async write(key: BackupKey, raw: string): Promise<BackupEntry> {
    const folder = this.folder(key);
    await mkdir(folder, { recursive: true });
    const stamp = stampOf(this.now());
    let name = `${stamp}.json`;
    const existing = new Set(await readdir(folder));
    for (let n = 1; existing.has(name); n++) name = `${stamp}-${n}.json`;
    await writeFileDurably(path.join(folder, name), raw);
    this.lastAt.set(key, this.now().getTime());
    return { key, name, createdAt: timeOf(name) as string, size: Buffer.byteLength(raw) };
  }

  /** Snapshots of one file, newest first. */
  async list(key: BackupKey): Promise<BackupEntry[]> {
    const folder = this.folder(key);
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      return [];
    }
    const out: BackupEntry[] = [];
    for (const name of names.filter(isBackupName).sort().reverse()) {
      const size = await stat(path.join(folder, name)).then(
        (s) => s.size,
        () => -1,
      );
      if (size >= 0) out.push({ key, name, createdAt: timeOf(name) as string, size });
    }
    return out;
  }

  /** Ids of documents that have snapshots (including documents no longer in the index). */
  async documentIds(): Promise<string[]> {
    try {
      return (await readdir(path.join(this.dir, 'documents'))).sort();
    } catch {
      return [];
    }
  }

  async read(key: BackupKey, name: string): Promise<string> {
    if (!isBackupName(name)) throw new Error('not a backup name');
    return readTextStrict(path.join(this.folder(key), name));
  }

  /** The newest snapshot that `parse` accepts, or null. */
  async newestValid<T>(
    key: BackupKey,
    parse: (raw: string) => T,
  ): Promise<{ entry: BackupEntry; data: T; raw: string } | null> {
    for (const entry of await this.list(key)) {
      try {
        const raw = await this.read(key, entry.name);
        return { entry, data: parse(raw), raw };
      } catch {
        // a damaged snapshot is skipped; older ones may still be good
      }
    }
    return null;
  }

  /** Wait for snapshots on their way (before quitting or in tests). */
  async flush(): Promise<void> {
    while (this.inFlight.size > 0) {
      for (const release of [...this.waiting]) release();
      await Promise.all([...this.inFlight]);
    }
  }
}
