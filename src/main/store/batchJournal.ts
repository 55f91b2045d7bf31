/**
 * The batch journal (docs/storage.md): a change to many documents at once (a tag-all and its
 * undo) is made durable as ONE record in journal/ — the new text of every touched document and a
 * checksum — with one fsync of the record and one of the folder; then the call answers. The
 * document files are rewritten afterwards in the background (a bounded pool), and once they and
 * their folder are on disk the record is retired (deleted, the folder fsynced). Records are
 * retired oldest first, and while a document is in a record every later save of it is journaled
 * too, so replaying the records left on disk in order always gives each document its newest
 * acknowledged text.
 *
 * Opening a project replays what a killed process left (recover): every record whose checksum
 * holds is written out and retired; a torn one (the process died before its fsync, so its call
 * never answered) is deleted with a line in the log.
 *
 * A record is one file journal/<sequence>.batch: a first line of JSON
 * `{"format":"hashiya-journal","version":1,"sha256":…,"documents":[{"id":…,"bytes":…}]}`, then
 * the documents' texts, back to back, in that order. The checksum covers the document list and
 * the texts.
 */
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Id } from '@shared/model';
import { DurableWriteError, syncFolder, type DurableFileOptions, type DurableFs } from './durableFile';
import { quarantine } from './folder';

export const JOURNAL_DIR = 'journal';
/** a batch of at least this many documents goes through the journal (fewer are written directly) */
export const JOURNAL_MIN_DOCUMENTS = 4;
/** document files rewritten at once in the background */
const WRITE_BACK_POOL = 16;
const FORMAT = 'hashiya-journal';
const VERSION = 1;
const NAME = /^(\d{12})\.batch$/;

export interface JournalEntry {
  id: string;
  text: string;
}

const Header = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  documents: z.array(z.object({ id: Id, bytes: z.number().int().nonnegative() })),
});

/** A record not yet retired: the documents it holds, and those not yet rewritten since. */
interface JournalRecord {
  seq: number;
  file: string;
  ids: ReadonlySet<string>;
  left: Set<string>;
  /** resolved once the record is on disk (rejected when it could not be written) */
  durable: Promise<void>;
  committed: boolean;
}

/** How the store writes one document's file (renamed into place; the folder is synced after). */
export interface WriteBack<E> {
  write: (item: E) => Promise<void>;
  syncDocuments: () => Promise<void>;
}

function checksum(
  documents: ReadonlyArray<{ id: string; bytes: number }>,
  body: ReadonlyArray<Buffer | string>,
): string {
  const hash = createHash('sha256').update(JSON.stringify(documents));
  for (const part of body) hash.update(part);
  return hash.digest('hex');
}

/** The bytes of a record holding `entries`. */
export function encodeRecord(entries: readonly JournalEntry[]): Buffer {
  return Buffer.from(recordText(entries), 'utf8');
}

/** The record as text (UTF-8 is what is written): no copy of the texts but the one joined string. */
function recordText(entries: readonly JournalEntry[]): string {
  const texts = entries.map((e) => e.text);
  const documents = entries.map((e) => ({ id: e.id, bytes: Buffer.byteLength(e.text, 'utf8') }));
  const header = { format: FORMAT, version: VERSION, sha256: checksum(documents, texts), documents };
  return `${JSON.stringify(header)}\n${texts.join('')}`;
}

/** The entries of a record, or a sentence saying why it cannot be trusted (torn or damaged). */
export function decodeRecord(bytes: Buffer): JournalEntry[] | string {
  const nl = bytes.indexOf(0x0a);
  if (nl < 0) return 'its first line is incomplete';
  let header: z.infer<typeof Header>;
  try {
    const parsed = Header.safeParse(JSON.parse(bytes.subarray(0, nl).toString('utf8')));
    if (!parsed.success) return 'its first line is not a journal header';
    header = parsed.data;
  } catch {
    return 'its first line is not complete JSON';
  }
  const body: Buffer[] = [];
  let at = nl + 1;
  for (const { bytes: n } of header.documents) {
    if (at + n > bytes.length) return 'it is shorter than its header says (torn)';
    body.push(bytes.subarray(at, at + n));
    at += n;
  }
  if (at !== bytes.length) return 'it is longer than its header says';
  if (checksum(header.documents, body) !== header.sha256) return 'its checksum does not match';
  return header.documents.map((d, i) => ({ id: d.id, text: (body[i] as Buffer).toString('utf8') }));
}

/**
 * Run `work` over `items`, at most `size` at once; every item is tried (a failure stops none).
 * Resolves with the first error, or null when every item succeeded.
 */
async function pool<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<unknown> {
  let next = 0;
  let failure: { err: unknown } | null = null;
  const lane = async () => {
    while (next < items.length)
      await work(items[next++] as T).catch((err: unknown) => {
        failure ??= { err };
      });
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
  return failure === null ? null : (failure as { err: unknown }).err;
}

export class BatchJournal {
  readonly dir: string;
  private readonly root: string;
  private readonly fs: DurableFs;
  private readonly durable: DurableFileOptions | undefined;
  private readonly log: (line: string) => void;
  private readonly records: JournalRecord[] = [];
  private readonly running = new Set<Promise<void>>();
  private tail: Promise<void> = Promise.resolve();
  private retiring: Promise<void> = Promise.resolve();
  private seq = 0;
  private folderReady = false;

  constructor(root: string, options: { durable?: DurableFileOptions; log?: (line: string) => void } = {}) {
    this.root = root;
    this.dir = path.join(root, JOURNAL_DIR);
    this.durable = options.durable;
    this.fs = options.durable?.fs ?? nodeFs;
    this.log = options.log ?? ((line) => console.warn(line));
  }

  /** True while a record that holds this document is not retired (its saves are journaled too). */
  holds(id: string): boolean {
    return this.records.some((r) => r.ids.has(id));
  }

  /** Records not retired, or write-backs on their way. */
  get busy(): boolean {
    return this.records.length > 0 || this.running.size > 0;
  }

  /**
   * Append one record holding `entries` (each document's text as it is now); resolves once it
   * and its folder are on disk. Records are written one after another in the order of the calls.
   * Rejects (a DurableWriteError or the system's error) when it could not be written; nothing of
   * it is then left in journal/.
   */
  async commit(entries: readonly JournalEntry[]): Promise<JournalRecord> {
    const seq = ++this.seq;
    const file = path.join(this.dir, `${String(seq).padStart(12, '0')}.batch`);
    const bytes = recordText(entries);
    const ids = new Set(entries.map((e) => e.id));
    const previous = this.tail;
    const durable = previous.then(() => this.writeRecord(file, bytes));
    this.tail = durable.catch(() => undefined);
    const record: JournalRecord = { seq, file, ids, left: new Set(ids), durable, committed: false };
    this.records.push(record);
    try {
      await durable;
    } catch (err) {
      this.records.splice(this.records.indexOf(record), 1);
      throw err;
    }
    record.committed = true;
    return record;
  }

  private async writeRecord(file: string, bytes: string): Promise<void> {
    if (!this.folderReady) {
      const made = await nodeFs.mkdir(this.dir, { recursive: true });
      // a new journal/ is itself an entry of the project folder
      if (made !== undefined) await syncFolder(path.dirname(this.dir), this.durable);
      this.folderReady = true;
    }
    try {
      const handle = await this.fs.open(file, 'wx');
      try {
        await handle.writeFile(bytes, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await syncFolder(this.dir, this.durable);
    } catch (err) {
      await this.fs.unlink(file).catch(() => undefined);
      throw err instanceof DurableWriteError ? err : new DurableWriteError(file, err);
    }
  }

  /**
   * Rewrite the documents of `record` in the background; when every one of them (and their
   * folder) is on disk, the record is retired, in order. A write that fails leaves the record
   * on disk (the store marks the document unsaved; its retry is journaled, writeBack runs again).
   */
  writeBack(record: JournalRecord, to: WriteBack<string>): void {
    // started after the call that made the record has answered (its continuations run first)
    const job = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.runWriteBack(record, to))
      .finally(() => this.running.delete(job));
    this.running.add(job);
  }

  private async runWriteBack(record: JournalRecord, to: WriteBack<string>): Promise<void> {
    const written: string[] = [];
    await pool([...record.left], WRITE_BACK_POOL, async (id) => {
      await to.write(id);
      written.push(id);
    });
    if (written.length === 0) return;
    try {
      await to.syncDocuments();
    } catch {
      return;
    }
    // a document written now holds every change of this record and of the ones before it
    for (const r of this.records) if (r.seq <= record.seq) for (const id of written) r.left.delete(id);
    await this.retireDone();
  }

  private retireDone(): Promise<void> {
    this.retiring = this.retiring.then(async () => {
      let removed = false;
      for (;;) {
        const first = this.records[0];
        if (!first || !first.committed || first.left.size > 0) break;
        try {
          await this.fs.unlink(first.file);
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOENT') break;
        }
        this.records.shift();
        removed = true;
      }
      if (removed) await syncFolder(this.dir, this.durable).catch(() => undefined);
    });
    return this.retiring;
  }

  /** Resolves when every write-back started so far has finished (retired, or held by a failure). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
    await this.tail;
    await this.retiring;
  }

  /**
   * Replay what a previous session left in journal/ (before the project is read): the newest
   * text of each document in the records whose checksum holds is written and the folder synced,
   * then every record is deleted. `accept` checks a document's text (throws for one that cannot
   * be used: that record is moved to quarantine/ whole). Returns the ids written; rejects, with
   * every record left in place, when a document could not be written.
   */
  async recover(accept: (id: string, text: string) => void, to: WriteBack<JournalEntry>): Promise<string[]> {
    let names: string[];
    try {
      names = (await nodeFs.readdir(this.dir)).sort();
    } catch {
      return [];
    }
    const newest = new Map<string, string>();
    const done: string[] = [];
    for (const name of names) {
      const file = path.join(this.dir, name);
      const match = NAME.exec(name);
      if (!match) {
        // a record this version did not write (or left half-named): not replayed
        if (name.endsWith('.batch')) this.log(`Hashiya: ignored journal/${name} (not a record name).`);
        continue;
      }
      this.seq = Math.max(this.seq, Number(match[1]));
      const decoded = decodeRecord(await this.fs.readFile(file));
      if (typeof decoded === 'string') {
        this.log(
          `Hashiya: discarded journal/${name}: ${decoded}. It was being written when Hashiya stopped, so the change it held was never reported as saved; the documents are as they were before it.`,
        );
        done.push(file);
        continue;
      }
      try {
        for (const { id, text } of decoded) accept(id, text);
      } catch (err) {
        // whole and checked, yet not a document this version can store: kept byte for byte
        const moved = await quarantine(this.root, file);
        this.log(
          `Hashiya: journal/${name} was not replayed (${err instanceof Error ? err.message : String(err)}); it was moved to ${moved}.`,
        );
        continue;
      }
      for (const { id, text } of decoded) newest.set(id, text);
      done.push(file);
    }
    if (newest.size > 0) {
      const failed = await pool(
        [...newest].map(([id, text]) => ({ id, text })),
        WRITE_BACK_POOL,
        to.write,
      );
      if (failed !== null) throw failed;
      await to.syncDocuments();
    }
    if (done.length > 0) {
      for (const file of done) await this.fs.unlink(file);
      await syncFolder(this.dir, this.durable);
    }
    return [...newest.keys()];
  }
}
