/**
 * A project folder: project.json (settings, codebook, document index) and documents/<id>.json
 * (one document's text and annotations), each a lowdb database written only from here. A tag
 * rewrites one document file; the index's annotation counts are a cache saved shortly after.
 *
 * Nothing that cannot be read is overwritten: a damaged file is moved to quarantine/ byte for
 * byte, the newest valid snapshot from backups/ is put in its place when there is one, and a
 * notice tells the user. A save that fails keeps the change in memory, marks the file unsaved
 * and is retried; the caller gets AppError('storage').
 */
import { access, mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '@shared/errors';
import { defaultCodebook } from '@shared/defaultCodebook';
import type { DocumentSummary, Warning } from '@shared/model';
import { BackupStore, documentKey, PROJECT_KEY, type BackupPolicy } from './backups';
import { removeStaleTemps, writeFileDurably, type DurableFileOptions } from './durableFile';
import { CorruptFileError, parseJsonFile, UnstorableDataError, ValidatedJsonFile } from './jsonFile';
import { DOCUMENT_FORMAT, NewerFormatError, PROJECT_FORMAT, type FormatHistory } from './migrations';
import { ProjectLock } from './projectLock';
import { DocumentFile, ProjectFile, SCHEMA_VERSION } from './schema';

export interface OpenOptions {
  /** documents a brand-new project starts with (the bundled sample article) */
  seed?: () => Promise<DocumentFile[]>;
  name?: string;
  /** how long annotation-count changes wait before project.json is rewritten */
  indexSaveDelayMs?: number;
  /** how long a failed save waits before it is tried again */
  retryDelayMs?: number;
  backupPolicy?: Partial<BackupPolicy>;
  /** format histories (tests substitute older chains) */
  formats?: { project?: FormatHistory; document?: FormatHistory };
  /** file-system substitutes for the durable writer (tests make renames fail) */
  durable?: DurableFileOptions;
}

export const PROJECT_FILE = 'project.json';
export const DOCUMENTS_DIR = 'documents';
export const QUARANTINE_DIR = 'quarantine';
export const TRASH_DIR = 'trash';
/**
 * Present while project.json may be behind the document files (a count not yet saved, a document
 * written before its index entry). Found at start, it means the last session ended without
 * saving the index, and the index is rebuilt from the document files.
 */
export const UNSYNCED_FILE = '.hashiya-unsynced';

/** Which file a save failure is about: a document id, or null for project.json. */
export interface UnsavedFile {
  documentId: string | null;
  title: string;
  reason: string;
}

type DocDb = Low<DocumentFile>;

function adapterOf(db: DocDb): ValidatedJsonFile<DocumentFile> {
  return db.adapter as ValidatedJsonFile<DocumentFile>;
}

function summaryOf(file: DocumentFile): DocumentSummary {
  const { text: _text, ...summary } = file.document;
  return { ...summary, annotationCount: file.annotations.length };
}

function newProjectData(name: string): ProjectFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    name,
    createdAt: new Date().toISOString(),
    settings: { annotator: null, snapToWords: true, uiLanguage: 'en', textSize: 20 },
    codebook: defaultCodebook(),
    documents: [],
    notices: [],
  };
}

const readText = (filePath: string): Promise<string> => readFile(filePath, 'utf8');

function readableTime(iso: string): string {
  return iso.replace('T', ' ').slice(0, 19) + ' UTC';
}

export class ProjectStore {
  readonly dir: string;
  readonly backups: BackupStore;
  private readonly project: Low<ProjectFile>;
  private readonly projectFile: ValidatedJsonFile<ProjectFile>;
  private readonly docs = new Map<string, DocDb>();
  private readonly loading = new Map<string, Promise<DocDb>>();
  private readonly unsaved = new Map<string | null, string>();
  private indexTimer: ReturnType<typeof setTimeout> | null = null;
  private indexWrite: Promise<void> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly options: OpenOptions;
  private readonly projectFormat: FormatHistory;
  private readonly documentFormat: FormatHistory;
  private closed = false;
  private readonly unsavedListeners = new Set<() => void>();
  private lock: ProjectLock | null = null;
  /** true: project.json may be behind the document files (and the marker file says so) */
  private unsyncedMarked = false;

  private constructor(
    dir: string,
    projectFile: ValidatedJsonFile<ProjectFile>,
    data: ProjectFile,
    backups: BackupStore,
    options: OpenOptions,
  ) {
    this.dir = dir;
    this.projectFile = projectFile;
    this.project = new Low(projectFile, data);
    this.backups = backups;
    this.options = options;
    this.projectFormat = options.formats?.project ?? PROJECT_FORMAT;
    this.documentFormat = options.formats?.document ?? DOCUMENT_FORMAT;
  }

  /** Open (or create) the project in `dir`. Throws AppError for a folder it must not touch. */
  static async open(dir: string, options: OpenOptions = {}): Promise<ProjectStore> {
    const root = path.resolve(dir);
    await mkdir(path.join(root, DOCUMENTS_DIR), { recursive: true });
    const lock = await ProjectLock.acquire(root);
    try {
      const store = await ProjectStore.openLocked(root, options);
      store.lock = lock;
      return store;
    } catch (err) {
      await lock.release();
      throw err;
    }
  }

  private static async openLocked(root: string, options: OpenOptions): Promise<ProjectStore> {
    await removeStaleTemps(root);
    await removeStaleTemps(path.join(root, DOCUMENTS_DIR));
    const backups = new BackupStore(root, options.backupPolicy);
    const projectFormat = options.formats?.project ?? PROJECT_FORMAT;
    const file = new ValidatedJsonFile(path.join(root, PROJECT_FILE), ProjectFile, {
      ...options.durable,
      history: projectFormat,
    });
    const parse = (raw: string) => parseJsonFile(file.filePath, raw, ProjectFile, projectFormat);

    const uncleanShutdown = await markerExists(root);
    const notices: Warning[] = [];
    let data: ProjectFile | null = null;
    let rebuildIndex = uncleanShutdown;
    let migratedRaw: string | null = null;
    try {
      const read = await file.readDetailed();
      if (read) {
        data = read.data;
        if (read.migratedFrom !== null) migratedRaw = read.raw;
      }
    } catch (err) {
      if (err instanceof NewerFormatError) throw new AppError('unsupported', newerMessage('This project', err));
      if (!(err instanceof CorruptFileError)) throw err;
      const moved = await quarantine(root, file.filePath);
      const backup = await backups.newestValid(PROJECT_KEY, parse);
      rebuildIndex = true;
      if (backup) {
        data = backup.data;
        notices.push({
          code: 'project_file_restored',
          message: `The project file could not be read (${err.reason}). The original was moved to ${moved}. The codebook and settings were restored from the backup of ${readableTime(backup.entry.createdAt)}, and the document list was rebuilt from the documents folder.`,
        });
      } else {
        data = newProjectData(options.name ?? path.basename(root));
        notices.push({
          code: 'project_file_quarantined',
          message: `The project file could not be read (${err.reason}) and no backup of it exists. The original was moved to ${moved}. The document list was rebuilt from the documents folder; the codebook and settings are back to their defaults.`,
        });
      }
    }
    const fresh = data === null;
    if (data === null) data = newProjectData(options.name ?? path.basename(root));
    data.notices.push(...notices);
    const store = new ProjectStore(root, file, data, backups, options);
    store.unsyncedMarked = uncleanShutdown;
    if (migratedRaw !== null) {
      // keep the old-format file among the backups, then store the upgraded one
      await backups.write(PROJECT_KEY, migratedRaw);
      await store.saveProject().catch(() => undefined);
    }

    if (fresh) {
      const existing = await store.scanDocumentFiles();
      if (existing.length > 0) data.documents = existing;
      else if (options.seed) {
        for (const doc of await options.seed()) await store.writeNewDocument(doc);
        data.documents = await store.scanDocumentFiles();
      }
      await store.saveProject();
    } else if (rebuildIndex) {
      await store.reconcileIndex();
    }
    await store.markSyncedIfIdle();
    return store;
  }

  get data(): ProjectFile {
    return this.project.data;
  }

  summaries(): DocumentSummary[] {
    return this.project.data.documents;
  }

  summary(id: string): DocumentSummary {
    const found = this.project.data.documents.find((d) => d.id === id);
    if (!found) throw new AppError('not_found', 'That document is not in this project.');
    return found;
  }

  /** Files whose latest change is only in memory (a save failed; it is retried). */
  unsavedFiles(): UnsavedFile[] {
    return [...this.unsaved].map(([documentId, reason]) => ({
      documentId,
      title:
        documentId === null
          ? 'Project settings and codebook'
          : (this.project.data.documents.find((d) => d.id === documentId)?.title ?? documentId),
      reason,
    }));
  }

  /**
   * Hear when the set of unsaved files changes (a save failed, or a retry succeeded); returns
   * the function that stops listening.
   */
  onUnsavedChange(listener: () => void): () => void {
    this.unsavedListeners.add(listener);
    return () => {
      this.unsavedListeners.delete(listener);
    };
  }

  private setUnsaved(key: string | null, reason: string): void {
    const added = !this.unsaved.has(key);
    this.unsaved.set(key, reason);
    if (added) this.unsavedChanged();
  }

  private setSaved(key: string | null): void {
    if (this.unsaved.delete(key)) this.unsavedChanged();
  }

  private unsavedChanged(): void {
    for (const listener of [...this.unsavedListeners]) listener();
  }

  /** A closed project (quit, or another project opened) takes no more changes. */
  private assertOpen(): void {
    if (this.closed) {
      throw new AppError(
        'conflict',
        `The project “${this.project.data.name}” was closed (another project was opened, or Hashiya is quitting); the change was not made.`,
      );
    }
  }

  /**
   * Change the project file (settings, codebook, notices) and save it; resolves once it is on
   * disk. `change` must check before it changes anything: what it throws leaves the data as it
   * was. A save that fails keeps the change in memory, marked unsaved (AppError 'storage').
   */
  async updateProject<T>(change: (data: ProjectFile) => T): Promise<T> {
    this.assertOpen();
    const result = change(this.project.data);
    await this.saveProject();
    return result;
  }

  /**
   * Change one document (its details or its annotations) and save its file; resolves once it is
   * on disk, with what `change` returned. As with updateProject, `change` checks first and then
   * changes; the document list follows the file.
   */
  async updateDocument<T>(id: string, change: (file: DocumentFile) => T): Promise<T> {
    this.assertOpen();
    const db = await this.document(id);
    const result = change(db.data);
    this.syncSummary(id, db.data);
    await this.saveDocument(id);
    return result;
  }

  async saveProject(): Promise<void> {
    this.assertOpen();
    if (this.indexTimer) {
      clearTimeout(this.indexTimer);
      this.indexTimer = null;
    }
    await this.backups.keepBeforeFirstSave(PROJECT_KEY, this.projectFile.filePath);
    try {
      await this.guardedWrite(null, () => this.project.write());
    } catch (err) {
      if (!(err instanceof UnstorableDataError)) throw err;
      // never write a file the next start would have to quarantine: put back what is on disk
      const onDisk = await this.projectFile.read().catch(() => null);
      if (onDisk) this.project.data = onDisk;
      throw unstorable(err, 'The project’s settings and codebook are as they were.');
    }
    this.backupSoon(null);
  }

  /** Save project.json soon: for caches (annotation counts) that can be rebuilt from documents. */
  scheduleIndexSave(): void {
    if (this.indexTimer || this.closed) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = null;
      const write = this.saveProject()
        .catch(() => undefined)
        .finally(() => {
          if (this.indexWrite === write) this.indexWrite = null;
        })
        .then(() => this.markSyncedIfIdle());
      this.indexWrite = write;
    }, this.options.indexSaveDelayMs ?? 1000);
    this.indexTimer.unref?.();
  }

  documentPath(id: string): string {
    return path.join(this.dir, DOCUMENTS_DIR, `${id}.json`);
  }

  async document(id: string): Promise<DocDb> {
    this.assertOpen();
    const cached = this.docs.get(id);
    if (cached) return cached;
    this.summary(id);
    let pending = this.loading.get(id);
    if (!pending) {
      pending = this.loadDocument(id).finally(() => this.loading.delete(id));
      this.loading.set(id, pending);
    }
    return pending;
  }

  /**
   * One document as it is now, without keeping it: the loaded copy when there is one (it may hold
   * changes not yet on disk), else its file read and checked against the document schema (an
   * older format is migrated in memory). A file that does not pass goes through document(), which
   * quarantines a damaged one and restores its backup, and says so. Every reader of document
   * files (exports, search, usage counts) comes through here, so all of them see one truth.
   */
  async peekDocument(id: string, read: (filePath: string) => Promise<string> = readText): Promise<DocumentFile> {
    this.assertOpen();
    const loaded = this.docs.get(id);
    if (loaded) return loaded.data;
    try {
      return this.parseDocument(id, await read(this.documentPath(id)));
    } catch {
      // fall through: the store knows how to report, quarantine and restore
    }
    return (await this.document(id)).data;
  }

  private documentFile(id: string): ValidatedJsonFile<DocumentFile> {
    return new ValidatedJsonFile(this.documentPath(id), DocumentFile, {
      ...this.options.durable,
      history: this.documentFormat,
    });
  }

  private parseDocument(id: string, raw: string): DocumentFile {
    const filePath = this.documentPath(id);
    const data = parseJsonFile(filePath, raw, DocumentFile, this.documentFormat);
    if (data.document.id !== id)
      throw new CorruptFileError(filePath, `the file holds another document (${data.document.id})`);
    return data;
  }

  /** Read one document file; a damaged one is quarantined and its newest backup restored. */
  private async readDocumentFile(id: string, titleHint?: string): Promise<DocumentFile | null> {
    const file = this.documentFile(id);
    try {
      const read = await file.readDetailed();
      if (!read) return null;
      if (read.data.document.id !== id)
        throw new CorruptFileError(file.filePath, `the file holds another document (${read.data.document.id})`);
      if (read.migratedFrom !== null) {
        // keep the old-format file among the backups, then store the upgraded one
        await this.backups.write(documentKey(id), read.raw);
        await writeFileDurably(file.filePath, JSON.stringify(read.data), this.options.durable).catch(() => undefined);
      }
      return read.data;
    } catch (err) {
      if (err instanceof NewerFormatError) {
        throw new AppError('unsupported', newerMessage(`The document “${titleHint ?? id}”`, err));
      }
      if (!(err instanceof CorruptFileError)) throw err;
      const moved = await quarantine(this.dir, file.filePath);
      const title = titleHint ?? id;
      const backup = await this.backups.newestValid(documentKey(id), (raw) => this.parseDocument(id, raw));
      if (backup) {
        await writeFileDurably(file.filePath, backup.raw, this.options.durable);
        this.addNotice({
          code: 'document_restored',
          message: `The file of “${backup.data.document.title}” could not be read (${err.reason}). The original was moved to ${moved}, and the backup of ${readableTime(backup.entry.createdAt)} was restored (${backup.data.annotations.length} annotations); changes made after that backup are not in it.`,
        });
        this.scheduleIndexSave(); // the notice is kept in project.json until dismissed
        return backup.data;
      }
      this.addNotice({
        code: 'document_quarantined',
        message: `The file of “${title}” could not be read (${err.reason}) and no backup of it exists. The original was moved to ${moved}; the document was taken out of the list. Other documents are unaffected.`,
      });
      throw new DamagedDocument(title, moved);
    }
  }

  private async loadDocument(id: string): Promise<DocDb> {
    const title = this.summary(id).title;
    let data: DocumentFile | null;
    try {
      data = await this.readDocumentFile(id, title);
    } catch (err) {
      if (!(err instanceof DamagedDocument)) throw err;
      this.project.data.documents = this.project.data.documents.filter((d) => d.id !== id);
      await this.saveProject().catch(() => undefined);
      throw new AppError(
        'storage',
        `The file of “${title}” is damaged and was moved to ${err.moved}; no backup of it exists. Other documents are unaffected.`,
      );
    }
    if (data === null) {
      throw new AppError(
        'not_found',
        `The file of “${title}” is missing from the project folder (documents/${id}.json).`,
      );
    }
    const db = new Low(this.documentFile(id), data);
    this.docs.set(id, db);
    this.syncSummary(id, data);
    return db;
  }

  /** Write a document file after mutating it; resolves once it is on disk. */
  async saveDocument(id: string): Promise<void> {
    this.assertOpen();
    const db = await this.document(id);
    await this.markUnsynced();
    this.syncCount(id, db.data.annotations.length);
    await this.backups.keepBeforeFirstSave(documentKey(id), this.documentPath(id));
    try {
      await this.guardedWrite(id, () => db.write());
    } catch (err) {
      if (!(err instanceof UnstorableDataError)) throw err;
      // never write a file the next start would have to quarantine: read the document again
      this.docs.delete(id);
      await this.document(id).catch(() => undefined);
      throw unstorable(err, 'The document is as it was.');
    }
    this.backupSoon(id);
  }

  /** Note on disk that project.json may be behind the documents (only on the clean → dirty step). */
  private async markUnsynced(): Promise<void> {
    if (this.unsyncedMarked) return;
    this.unsyncedMarked = true;
    // no fsync: this guards against a killed process; after a power cut the counts heal on load
    await writeFile(path.join(this.dir, UNSYNCED_FILE), new Date().toISOString()).catch(() => undefined);
  }

  /** Remove the marker once project.json has caught up with every document write. */
  async markSyncedIfIdle(): Promise<void> {
    if (this.indexTimer || this.indexWrite || this.unsaved.size > 0 || this.loading.size > 0) return;
    if ([...this.docs.values()].some((db) => adapterOf(db).file.busy) || this.projectFile.file.busy) return;
    this.unsyncedMarked = false;
    await unlink(path.join(this.dir, UNSYNCED_FILE)).catch(() => undefined);
  }

  /** Run a write; on failure keep the in-memory change, mark it unsaved, retry later. */
  private async guardedWrite(key: string | null, write: () => Promise<void>): Promise<void> {
    try {
      await write();
      this.setSaved(key);
    } catch (err) {
      // data that can never be stored is not retried (the callers put back what is on disk)
      if (err instanceof UnstorableDataError) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      this.setUnsaved(key, reason);
      this.scheduleRetry();
      throw new AppError(
        'storage',
        `${reason} Your change is kept in memory and marked unsaved; Hashiya will try again (or use “Save again”). Do not close Hashiya until it is saved.`,
      );
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.retryUnsaved().then((left) => {
        if (left > 0) this.scheduleRetry();
      });
    }, this.options.retryDelayMs ?? 5000);
    this.retryTimer.unref?.();
  }

  /** Try every unsaved file again; returns how many are still unsaved. */
  async retryUnsaved(): Promise<number> {
    for (const key of [...this.unsaved.keys()]) {
      if (key === null) await this.saveProject().catch(() => undefined);
      else {
        const db = this.docs.get(key);
        if (!db) this.setSaved(key);
        else await this.guardedWrite(key, () => db.write()).catch(() => undefined);
      }
    }
    return this.unsaved.size;
  }

  private syncCount(id: string, count: number): void {
    const entry = this.project.data.documents.find((d) => d.id === id);
    if (entry && entry.annotationCount !== count) {
      entry.annotationCount = count;
      this.scheduleIndexSave();
    }
  }

  /** Bring an index entry in line with its file (the file is the truth). */
  private syncSummary(id: string, file: DocumentFile): void {
    const index = this.project.data.documents.findIndex((d) => d.id === id);
    if (index === -1) return;
    const next = summaryOf(file);
    if (JSON.stringify(next) !== JSON.stringify(this.project.data.documents[index])) {
      this.project.data.documents[index] = next;
      this.scheduleIndexSave();
    }
  }

  private backupSoon(id: string | null): void {
    if (this.closed) return;
    if (id === null) {
      this.backups.snapshotSoon(PROJECT_KEY, this.projectFile.filePath, (raw) =>
        parseJsonFile(this.projectFile.filePath, raw, ProjectFile, this.projectFormat),
      );
    } else {
      this.backups.snapshotSoon(documentKey(id), this.documentPath(id), (raw) => void this.parseDocument(id, raw));
    }
  }

  async addDocument(file: DocumentFile): Promise<DocumentSummary> {
    this.assertOpen();
    await this.writeNewDocument(file);
    const summary = summaryOf(file);
    this.project.data.documents.push(summary);
    await this.saveProject();
    return summary;
  }

  private async writeNewDocument(file: DocumentFile): Promise<void> {
    await this.markUnsynced();
    const db = new Low(this.documentFile(file.document.id), file);
    try {
      await db.write();
    } catch (err) {
      throw new AppError('storage', `${err instanceof Error ? err.message : String(err)} The document was not added.`);
    }
    this.docs.set(file.document.id, db);
  }

  /** Remove a document from the project; its file is moved to trash/, not deleted. */
  async deleteDocument(id: string): Promise<void> {
    this.assertOpen();
    this.summary(id);
    this.project.data.documents = this.project.data.documents.filter((d) => d.id !== id);
    await this.saveProject();
    const db = this.docs.get(id);
    if (db) await adapterOf(db).file.flush();
    this.docs.delete(id);
    this.setSaved(id);
    await mkdir(path.join(this.dir, TRASH_DIR), { recursive: true });
    await rename(this.documentPath(id), path.join(this.dir, TRASH_DIR, `${id}.${Date.now()}.json`)).catch((err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    });
  }

  addNotice(notice: Warning): void {
    this.project.data.notices.push(notice);
  }

  async clearNotices(): Promise<void> {
    this.project.data.notices = [];
    await this.saveProject();
  }

  /** Documents already loaded (for features that look across what is open). */
  loadedDocuments(): Iterable<DocDb> {
    return this.docs.values();
  }

  /**
   * Finish every write already requested: the index save, document writes, failed saves,
   * backups (safe to call from inside a service call). The calls still on their way are the
   * host's to wait for (ProjectHost.flush); a closed store has nothing left to write.
   */
  async flush(): Promise<void> {
    if (this.closed) return;
    if (this.indexTimer) await this.saveProject().catch(() => undefined);
    if (this.indexWrite) await this.indexWrite;
    if (this.unsaved.size > 0) await this.retryUnsaved();
    await this.projectFile.file.flush();
    for (const db of [...this.docs.values()]) await adapterOf(db).file.flush();
    await Promise.allSettled([...this.loading.values()]);
    await this.backups.flush();
    await this.markSyncedIfIdle();
  }

  /** Flush and let go of the folder (switching projects or quitting). */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush();
    if (this.unsaved.size > 0) {
      throw new AppError(
        'storage',
        `Some changes could not be saved (${this.unsavedFiles()
          .map((f) => f.title)
          .join(', ')}); the project stays open so they are not lost.`,
      );
    }
    await this.markSyncedIfIdle();
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.docs.clear();
    await this.lock?.release();
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * After a crash or a restored project.json: rebuild the index from the document files (the
   * truth). Entries are kept in index order; files missing from the index are added; entries
   * whose file is gone are dropped with a notice.
   */
  private async reconcileIndex(): Promise<void> {
    const before = JSON.stringify(this.project.data.documents);
    const scanned = new Map((await this.scanDocumentFiles()).map((s) => [s.id, s]));
    // documents deleted by the user (moved to trash/) leave the list without a notice
    const trash = await readdir(path.join(this.dir, TRASH_DIR)).catch(() => [] as string[]);
    const deleted = new Set(trash.map((n) => n.split('.')[0] as string));
    const next: DocumentSummary[] = [];
    for (const entry of this.project.data.documents) {
      const found = scanned.get(entry.id);
      if (found) {
        next.push(found);
        scanned.delete(entry.id);
      } else if (!deleted.has(entry.id) && !this.project.data.notices.some((n) => n.message.includes(entry.title))) {
        this.addNotice({
          code: 'document_missing',
          message: `The file of “${entry.title}” is missing from the documents folder; it was taken out of the list.`,
        });
      }
    }
    next.push(...scanned.values());
    this.project.data.documents = next;
    if (JSON.stringify(next) !== before || this.project.data.notices.length > 0)
      await this.saveProject().catch(() => undefined);
  }

  /** Index entries from the document files; damaged files are quarantined (and restored if possible). */
  private async scanDocumentFiles(): Promise<DocumentSummary[]> {
    const dir = path.join(this.dir, DOCUMENTS_DIR);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    const out: DocumentSummary[] = [];
    for (const name of names) {
      const id = name.slice(0, -'.json'.length);
      const title = this.project.data.documents.find((d) => d.id === id)?.title;
      try {
        const data = await this.readDocumentFile(id, title);
        if (data) out.push(summaryOf(data));
      } catch (err) {
        if (err instanceof DamagedDocument) continue;
        if (err instanceof AppError && err.code === 'unsupported') {
          this.addNotice({ code: 'document_newer', message: err.message });
          continue;
        }
        throw err;
      }
    }
    return out.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  }

  /** Replace a document's file with one of its snapshots (the current file is snapshotted first). */
  async restoreDocumentBackup(id: string, name: string): Promise<DocumentSummary> {
    const key = documentKey(id);
    let raw: string;
    try {
      raw = await this.backups.read(key, name);
    } catch {
      throw new AppError('not_found', 'That backup does not exist (it may have been rotated out).');
    }
    let data: DocumentFile;
    try {
      data = this.parseDocument(id, raw);
    } catch (err) {
      if (err instanceof NewerFormatError) throw new AppError('unsupported', newerMessage('That backup', err));
      throw new AppError(
        'unprocessable',
        `That backup cannot be used: ${err instanceof CorruptFileError ? err.reason : 'it cannot be read'}.`,
      );
    }
    const loaded = this.docs.get(id);
    if (loaded) await adapterOf(loaded).file.flush();
    const current = await this.documentFile(id)
      .file.read()
      .catch(() => null);
    if (current !== null) await this.backups.write(key, current);
    await writeFileDurably(this.documentPath(id), raw, this.options.durable);
    this.docs.delete(id);
    this.setSaved(id);
    const summary = summaryOf(data);
    const index = this.project.data.documents.findIndex((d) => d.id === id);
    if (index === -1) this.project.data.documents.push(summary);
    else this.project.data.documents[index] = summary;
    await this.saveProject();
    return summary;
  }

  /** Take the codebook and settings from a snapshot of project.json; the document list stays. */
  async restoreProjectBackup(name: string): Promise<void> {
    let raw: string;
    try {
      raw = await this.backups.read(PROJECT_KEY, name);
    } catch {
      throw new AppError('not_found', 'That backup does not exist (it may have been rotated out).');
    }
    let data: ProjectFile;
    try {
      data = parseJsonFile(this.projectFile.filePath, raw, ProjectFile, this.projectFormat);
    } catch (err) {
      if (err instanceof NewerFormatError) throw new AppError('unsupported', newerMessage('That backup', err));
      throw new AppError(
        'unprocessable',
        `That backup cannot be used: ${err instanceof CorruptFileError ? err.reason : 'it cannot be read'}.`,
      );
    }
    await this.flush();
    const current = await this.projectFile.file.read().catch(() => null);
    if (current !== null) await this.backups.write(PROJECT_KEY, current);
    this.project.data.codebook = data.codebook;
    this.project.data.settings = data.settings;
    await this.saveProject();
  }

  /** Parse a document snapshot for listing (null when it cannot be read). */
  peekDocumentBackup(id: string, raw: string): DocumentFile | null {
    try {
      return this.parseDocument(id, raw);
    } catch {
      return null;
    }
  }
}

class DamagedDocument extends Error {
  constructor(
    readonly title: string,
    readonly moved: string,
  ) {
    super(`${title} is damaged`);
  }
}

function newerMessage(what: string, err: NewerFormatError): string {
  return `${what} was saved by a newer version of Hashiya (file format ${err.found}; this version reads up to ${err.supported}). Update Hashiya to open it. Nothing was changed.`;
}

/** Move a file that cannot be trusted into quarantine/, keeping its bytes; returns its new (absolute) path. */
export async function quarantine(root: string, filePath: string): Promise<string> {
  const dir = path.join(root, QUARANTINE_DIR);
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const existing = new Set(await readdir(dir));
  let name = `${path.basename(filePath)}.${stamp}`;
  for (let n = 1; existing.has(name); n++) name = `${path.basename(filePath)}.${stamp}-${n}`;
  const target = path.join(dir, name);
  await rename(filePath, target);
  return target;
}

/** True when a previous session did not close the project (crash, power cut, SIGKILL). */
async function markerExists(root: string): Promise<boolean> {
  return access(path.join(root, UNSYNCED_FILE)).then(
    () => true,
    () => false,
  );
}

/** A change refused because the file it would make could not be read back. */
function unstorable(err: UnstorableDataError, after: string): AppError {
  return new AppError('invalid_input', `This change cannot be stored: ${err.issue}. Nothing was saved. ${after}`);
}
