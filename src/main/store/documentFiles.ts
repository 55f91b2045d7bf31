/**
 * The document files of a project (documents/<id>.json): reading one (a damaged file is moved to
 * quarantine/ and its newest backup put back), the copies loaded in memory, peeking at one
 * without keeping it, writing a new one, and moving one to trash/.
 */
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '@shared/errors';
import type { DocumentSummary, Warning } from '@shared/model';
import { documentKey, type BackupStore } from './backups';
import { writeFileDurably, type DurableFileOptions } from './durableFile';
import { summaryOf } from './documentIndex';
import { documentFileText } from './documentText';
import { parsePeek, type PeekPart, type PeekParts } from './documentPeek';
import { DOCUMENTS_DIR, newerMessage, quarantine, readableTime, TRASH_DIR } from './folder';
import { CorruptFileError, parseJsonFile, ValidatedJsonFile } from './jsonFile';
import { NewerFormatError, type FormatHistory } from './migrations';
import { DocumentFile } from './schema';

export type DocDb = Low<DocumentFile>;

/** A document file that could not be read and has no backup (it was moved to quarantine/). */
export class DamagedDocument extends Error {
  constructor(
    readonly title: string,
    readonly moved: string,
  ) {
    super(`${title} is damaged`);
  }
}

const readText = (filePath: string): Promise<string> => readFile(filePath, 'utf8');

export interface DocumentFilesOptions {
  format: FormatHistory;
  durable?: DurableFileOptions;
  /** a notice for the user (a file restored from its backup, or taken out of the list); `saveSoon`: nothing else saves project.json for it */
  notice: (notice: Warning, saveSoon: boolean) => void;
  /** before a file upgraded on read is written (the project saves what the upgrade added to it) */
  beforeUpgradeWrite?: () => Promise<void>;
}

export class DocumentFiles {
  private readonly docs = new Map<string, DocDb>();

  constructor(
    private readonly root: string,
    private readonly backups: BackupStore,
    private readonly options: DocumentFilesOptions,
  ) {}

  path(id: string): string {
    return path.join(this.root, DOCUMENTS_DIR, `${id}.json`);
  }

  private file(id: string): ValidatedJsonFile<DocumentFile> {
    return new ValidatedJsonFile(this.path(id), DocumentFile, {
      ...this.options.durable,
      history: this.options.format,
      textOf: documentFileText,
    });
  }

  /** Parse a document file's text (an older format is migrated in memory); throws for a bad one. */
  parse(id: string, raw: string): DocumentFile {
    const filePath = this.path(id);
    const data = parseJsonFile(filePath, raw, DocumentFile, this.options.format);
    if (data.document.id !== id)
      throw new CorruptFileError(filePath, `the file holds another document (${data.document.id})`);
    return data;
  }

  /**
   * Read one document file (null when there is none). An older format is upgraded on disk (the
   * old file kept among the backups); a damaged one is quarantined and its newest backup
   * restored, or, without one, DamagedDocument is thrown.
   */
  async read(id: string, titleHint?: string): Promise<DocumentFile | null> {
    const file = this.file(id);
    try {
      const read = await file.readDetailed();
      if (!read) return null;
      if (read.data.document.id !== id)
        throw new CorruptFileError(file.filePath, `the file holds another document (${read.data.document.id})`);
      if (read.oldText !== null) {
        // keep the old-format file among the backups, then store the upgraded one (after what
        // the upgrade added to the project, see documentFormat in migrations.ts)
        await this.options.beforeUpgradeWrite?.();
        await this.backups.write(documentKey(id), read.oldText);
        await writeFileDurably(file.filePath, JSON.stringify(read.data), this.options.durable).catch(() => undefined);
      }
      return read.data;
    } catch (err) {
      if (err instanceof NewerFormatError) {
        throw new AppError('unsupported', newerMessage(`The document “${titleHint ?? id}”`, err));
      }
      if (!(err instanceof CorruptFileError)) throw err;
      const moved = await quarantine(this.root, file.filePath);
      const title = titleHint ?? id;
      const backup = await this.backups.newestValid(documentKey(id), (raw) => this.parse(id, raw));
      if (backup) {
        await writeFileDurably(file.filePath, backup.raw, this.options.durable);
        this.options.notice(
          {
            code: 'document_restored',
            message: `The file of “${backup.data.document.title}” could not be read (${err.reason}). The original was moved to ${moved}, and the backup of ${readableTime(backup.entry.createdAt)} was restored (${backup.data.annotations.length} annotations); changes made after that backup are not in it.`,
          },
          true,
        );
        return backup.data;
      }
      this.options.notice(
        {
          code: 'document_quarantined',
          message: `The file of “${title}” could not be read (${err.reason}) and no backup of it exists. The original was moved to ${moved}; the document was taken out of the list. Other documents are unaffected.`,
        },
        false,
      );
      throw new DamagedDocument(title, moved);
    }
  }

  /**
   * The loaded copy of a document, else `part` of its file read and checked (not kept); null
   * when that fails (the caller loads it the full way, which reports and repairs).
   */
  async peek<P extends PeekPart>(
    id: string,
    part: P,
    read: (filePath: string) => Promise<string> = readText,
  ): Promise<PeekParts[P] | null> {
    const loaded = this.docs.get(id);
    if (loaded) return loaded.data;
    try {
      return parsePeek(this.path(id), id, await read(this.path(id)), part, this.options.format);
    } catch {
      return null;
    }
  }

  loaded(id: string): DocDb | undefined {
    return this.docs.get(id);
  }

  all(): Iterable<DocDb> {
    return this.docs.values();
  }

  /** Keep `data` in memory as the document's copy (writes go through it). */
  keep(id: string, data: DocumentFile): DocDb {
    const db = new Low(this.file(id), data);
    this.docs.set(id, db);
    return db;
  }

  forget(id: string): void {
    this.docs.delete(id);
  }

  clear(): void {
    this.docs.clear();
  }

  /** Write the file of a document new to the project, and keep it loaded. */
  async writeNew(file: DocumentFile): Promise<void> {
    const db = new Low(this.file(file.document.id), file);
    try {
      await db.write();
    } catch (err) {
      throw new AppError('storage', `${err instanceof Error ? err.message : String(err)} The document was not added.`);
    }
    this.docs.set(file.document.id, db);
  }

  /** Put a snapshot's text in place of the document's file (its current file is kept among the backups). */
  async replaceWith(id: string, raw: string): Promise<void> {
    const loaded = this.docs.get(id);
    if (loaded) await adapterOf(loaded).file.flush();
    const current = await this.file(id)
      .file.read()
      .catch(() => null);
    if (current !== null) await this.backups.write(documentKey(id), current);
    await writeFileDurably(this.path(id), raw, this.options.durable);
    this.docs.delete(id);
  }

  /** Move a document's file to trash/ (after its pending write); it is no longer loaded. */
  async trash(id: string): Promise<void> {
    const db = this.docs.get(id);
    if (db) await adapterOf(db).file.flush();
    this.docs.delete(id);
    await mkdir(path.join(this.root, TRASH_DIR), { recursive: true });
    await rename(this.path(id), path.join(this.root, TRASH_DIR, `${id}.${Date.now()}.json`)).catch((err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    });
  }

  /** Ids of the documents moved to trash/ by the user. */
  async trashed(): Promise<Set<string>> {
    const trash = await readdir(path.join(this.root, TRASH_DIR)).catch(() => [] as string[]);
    return new Set(trash.map((n) => n.split('.')[0] as string));
  }

  /** Finish the writes of every loaded document. */
  async flush(): Promise<void> {
    for (const db of [...this.docs.values()]) await adapterOf(db).file.flush();
  }

  get busy(): boolean {
    return [...this.docs.values()].some((db) => adapterOf(db).file.busy);
  }

  /**
   * Index entries from the document files, oldest import first; damaged files are quarantined
   * (and restored if possible), files from a newer Hashiya are left out with a notice.
   */
  async scan(titleOf: (id: string) => string | undefined): Promise<DocumentSummary[]> {
    const names = (await readdir(path.join(this.root, DOCUMENTS_DIR))).filter((n) => n.endsWith('.json')).sort();
    const out: DocumentSummary[] = [];
    for (const name of names) {
      const id = name.slice(0, -'.json'.length);
      try {
        const data = await this.read(id, titleOf(id));
        if (data) out.push(summaryOf(data));
      } catch (err) {
        if (err instanceof DamagedDocument) continue;
        if (err instanceof AppError && err.code === 'unsupported') {
          this.options.notice({ code: 'document_newer', message: err.message }, false);
          continue;
        }
        throw err;
      }
    }
    return out.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  }
}

export function adapterOf(db: DocDb): ValidatedJsonFile<DocumentFile> {
  return db.adapter as ValidatedJsonFile<DocumentFile>;
}
