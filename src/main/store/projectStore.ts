/**
 * A project folder: project.json (settings, codebook, document index) and documents/<id>.json
 * (one document's text and annotations), each a lowdb database written only from here. A tag
 * rewrites one document file; the index's annotation counts are a cache saved shortly after.
 * The parts live next to this file: the folder (folder.ts: lock, layout, quarantine, reading
 * project.json), the document files (documentFiles.ts), the index (documentIndex.ts) and the
 * unsaved files (unsavedFiles.ts); this class puts them together behind methods that save.
 *
 * Nothing that cannot be read is overwritten: a damaged file is moved to quarantine/ byte for
 * byte, the newest valid snapshot from backups/ is put in its place when there is one, and a
 * notice tells the user. A save that fails keeps the change in memory, marks the file unsaved
 * and is retried; the caller gets AppError('storage').
 */
import path from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '@shared/errors';
import type { Annotation, DocumentSummary, Warning } from '@shared/model';
import { AnnotationRevisions } from './annotationRevisions';
import { BackupStore, documentKey, PROJECT_KEY, type BackupPolicy } from './backups';
import { BatchJournal, JOURNAL_MIN_DOCUMENTS } from './batchJournal';
import { adapterOf, DamagedDocument, DocumentFiles, type DocDb } from './documentFiles';
import { DocumentIndex, summaryOf } from './documentIndex';
import { DocumentPages, type Page, type PageRequest } from './documentPages';
import type { PeekPart, PeekParts } from './documentPeek';
import { DurableTextFile, syncFolder, type DurableFileOptions, type WriteOptions } from './durableFile';
import {
  DOCUMENTS_DIR,
  newProjectData,
  readProjectFile,
  SyncMarker,
  unstorable,
  unusableBackup,
  withFolder,
} from './folder';
import { parseJsonFile, UnstorableDataError, type ValidatedJsonFile } from './jsonFile';
import { headVersion, upgradeToClaims } from './claimsUpgrade';
import { documentFormat, PROJECT_FORMAT, type FormatHistory } from './migrations';
import type { ProjectLock } from './projectLock';
import type { DocumentFile, ProjectFile } from './schema';
import { ProjectFileChecked } from './summaryCheck';
import { UnsavedFiles, type UnsavedFile } from './unsavedFiles';

export { DOCUMENTS_DIR, PROJECT_FILE, QUARANTINE_DIR, quarantine, TRASH_DIR, UNSYNCED_FILE } from './folder';
export type { UnsavedFile } from './unsavedFiles';

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
  /** where a line about a discarded journal record goes (default: console.warn) */
  log?: (line: string) => void;
}

export class ProjectStore {
  readonly dir: string;
  readonly backups: BackupStore;
  private readonly project: Low<ProjectFile>;
  private readonly projectFile: ValidatedJsonFile<ProjectFile>;
  private readonly files: DocumentFiles;
  private readonly index: DocumentIndex;
  private readonly pages: DocumentPages;
  private readonly loading = new Map<string, Promise<DocDb>>();
  private readonly unsaved = new UnsavedFiles();
  private readonly marker: SyncMarker;
  private readonly journal: BatchJournal;
  private indexTimer: ReturnType<typeof setTimeout> | null = null;
  private indexWrite: Promise<void> | null = null;
  /** when the first change waiting for the index save was made */
  private indexWaitingSince = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly options: OpenOptions;
  private readonly projectFormat: FormatHistory;
  private closed = false;
  private lock: ProjectLock | null = null;
  private adoptedFromDocument = false;
  /** each annotation list's change counter (annotationRevisions.ts) */
  private readonly revisions = new AnnotationRevisions();

  private constructor(
    dir: string,
    projectFile: ValidatedJsonFile<ProjectFile>,
    data: ProjectFile,
    backups: BackupStore,
    options: OpenOptions,
    uncleanShutdown: boolean,
  ) {
    this.dir = dir;
    this.projectFile = projectFile;
    this.project = new Low(projectFile, data);
    this.backups = backups;
    this.options = options;
    this.projectFormat = options.formats?.project ?? PROJECT_FORMAT;
    this.index = new DocumentIndex(() => this.project.data);
    this.pages = new DocumentPages(this.index);
    this.marker = new SyncMarker(dir, uncleanShutdown);
    this.journal = new BatchJournal(dir, { durable: options.durable, log: options.log });
    this.files = new DocumentFiles(dir, backups, {
      format:
        options.formats?.document ??
        documentFormat(
          () => this.project.data,
          (project) => {
            // a document at format 2 brought actors or choices: they are saved before it is
            this.project.data.codebook = project.codebook;
            this.project.data.registry = project.registry;
            this.adoptedFromDocument = true;
          },
        ),
      durable: options.durable,
      beforeUpgradeWrite: async () => {
        if (!this.adoptedFromDocument) return;
        this.adoptedFromDocument = false;
        await this.saveProject().catch(() => undefined);
      },
      notice: (notice, saveSoon) => {
        this.addNotice(notice);
        // the notice is kept in project.json until dismissed
        if (saveSoon) this.scheduleIndexSave();
      },
    });
  }

  /** Open (or create) the project in `dir`. Throws AppError for a folder it must not touch. */
  static async open(dir: string, options: OpenOptions = {}): Promise<ProjectStore> {
    const root = path.resolve(dir);
    return withFolder(root, async (lock) => {
      const store = await ProjectStore.openLocked(root, options);
      store.lock = lock;
      return store;
    });
  }

  private static async openLocked(root: string, options: OpenOptions): Promise<ProjectStore> {
    const backups = new BackupStore(root, options.backupPolicy);
    const uncleanShutdown = await SyncMarker.found(root);
    // a format-2 project becomes format 3 as a whole (claimsUpgrade.ts), project.json first
    await upgradeToClaims(root, backups, options.durable);
    const read = await readProjectFile(root, backups, {
      name: options.name,
      format: options.formats?.project ?? PROJECT_FORMAT,
      durable: options.durable,
    });
    const fresh = read.data === null;
    const data = read.data ?? newProjectData(options.name ?? path.basename(root));
    data.notices.push(...read.notices);
    const store = new ProjectStore(root, read.file, data, backups, options, uncleanShutdown);
    // batches a killed process acknowledged but had not yet written into their files
    const replayed = await store.replayJournal();
    if (read.migratedRaw !== null) {
      // keep the old-format file among the backups, then store the upgraded one
      await backups.write(PROJECT_KEY, read.migratedRaw);
      await store.saveProject().catch(() => undefined);
    }

    if (fresh) {
      const existing = await store.scanDocumentFiles();
      if (existing.length > 0) store.index.replaceAll(existing);
      else if (options.seed) {
        for (const doc of await options.seed()) await store.writeNewDocument(doc);
        store.index.replaceAll(await store.scanDocumentFiles());
      }
      await store.saveProject();
    } else if (uncleanShutdown || read.rebuildIndex || replayed) {
      await store.reconcileIndex();
    }
    // documents an interrupted claims upgrade left at format 2 (or under a restored format-2
    // project.json) are upgraded now, so every reader sees the actors they bring
    if (store.data.notices.some((n) => n.code === 'claims_migrated'))
      for (const s of store.summaries()) {
        const v = await headVersion(store.documentPath(s.id));
        if (v !== null && v < 3) await store.document(s.id).catch(() => undefined);
      }
    await store.markSyncedIfIdle();
    return store;
  }

  get data(): ProjectFile {
    return this.project.data;
  }

  summaries(): DocumentSummary[] {
    return this.index.all();
  }

  summary(id: string): DocumentSummary {
    return this.index.get(id);
  }

  /** One window of the library, sorted and filtered (documentPages.ts); `list` stands in for the index. */
  libraryPage(request: PageRequest, list?: readonly DocumentSummary[]): Page {
    return this.pages.page(request, list);
  }

  /** Files whose latest change is only in memory (a save failed; it is retried). */
  unsavedFiles(): UnsavedFile[] {
    return this.unsaved.entries().map(([documentId, reason]) => ({
      documentId,
      title: documentId === null ? 'Project settings and codebook' : (this.index.find(documentId)?.title ?? documentId),
      reason,
    }));
  }

  /**
   * Hear when the set of unsaved files changes (a save failed, or a retry succeeded); returns
   * the function that stops listening.
   */
  onUnsavedChange(listener: () => void): () => void {
    return this.unsaved.onChange(listener);
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
    const before = db.data.annotations;
    let result: T;
    try {
      result = change(db.data);
    } finally {
      this.revisions.changed(before, db.data.annotations);
    }
    if (this.index.syncSummary(id, db.data)) this.scheduleIndexSave();
    await this.saveDocument(id);
    return result;
  }

  /**
   * The change counter of a loaded document's annotation list (annotationRevisions.ts): another
   * number after each updateDocument or updateDocuments of its document; 0 for a list never changed.
   */
  annotationRevision(list: readonly Annotation[]): number {
    return this.revisions.of(list);
  }

  /**
   * Change several documents and save them as one batch (a tag-all across the project and its
   * undo): each change is made in memory; from JOURNAL_MIN_DOCUMENTS on, the documents' texts are
   * made durable as one record of the batch journal (batchJournal.ts) and the files rewritten in
   * the background; with fewer, each file is written and renamed into place (side by side), then
   * the documents folder is fsynced once. Only then does this resolve, with one
   * result per change in order. A change that throws leaves its document as it was; a write that
   * fails keeps its change in memory, marked unsaved, as updateDocument does. When the folder's
   * fsync fails, every document of the batch is marked unsaved (a retry writes each in full).
   */
  async updateDocuments<T>(
    changes: ReadonlyArray<{ id: string; change: (file: DocumentFile) => T }>,
  ): Promise<Array<PromiseSettledResult<T>>> {
    this.assertOpen();
    const dbs = await Promise.allSettled(changes.map(({ id }) => this.document(id)));
    const done: Array<PromiseSettledResult<T>> = dbs.map((loaded, i) => {
      if (loaded.status === 'rejected') return loaded;
      const { id, change } = changes[i] as (typeof changes)[number];
      const before = loaded.value.data.annotations;
      try {
        const value = change(loaded.value.data);
        if (this.index.syncSummary(id, loaded.value.data)) this.scheduleIndexSave();
        return { status: 'fulfilled', value };
      } catch (reason) {
        return { status: 'rejected', reason };
      } finally {
        this.revisions.changed(before, loaded.value.data.annotations);
      }
    });
    const ids = changes.map((c, i) => (done[i]?.status === 'fulfilled' ? c.id : null));
    const changed = ids.filter((id): id is string => id !== null);
    if (changed.length >= JOURNAL_MIN_DOCUMENTS) {
      // many documents: one durable journal record, the files rewritten in the background
      const journaled = await this.journalDocuments(changed).then(
        () => null,
        (err: unknown) => err,
      );
      if (journaled === null) return done;
      if (!(journaled instanceof UnstorableDataError))
        return done.map((result) =>
          result.status === 'rejected' ? result : { status: 'rejected', reason: journaled },
        );
      // one of them cannot be stored: each is saved (or refused) on its own below
    }
    const written = await Promise.allSettled(
      ids.map((id) => (id === null ? Promise.resolve() : this.saveDocument(id, { syncFolder: false }))),
    );
    const renamed = ids.filter((id, i): id is string => id !== null && written[i]?.status === 'fulfilled');
    let folderError: AppError | null = null;
    if (renamed.length > 0) {
      try {
        await syncFolder(path.join(this.dir, DOCUMENTS_DIR), this.options.durable);
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        for (const id of renamed) this.unsaved.set(id, reason);
        this.scheduleRetry();
        folderError = new AppError(
          'storage',
          `${reason} Your changes are kept in memory and marked unsaved; Hashiya will try again (or use “Save again”). Do not close Hashiya until they are saved.`,
        );
      }
    }
    return done.map((result, i) => {
      if (result.status === 'rejected') return result;
      const write = written[i] as PromiseSettledResult<void>;
      if (write.status === 'rejected') return write;
      return folderError ? { status: 'rejected', reason: folderError } : result;
    });
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

  /**
   * Save project.json soon: for caches (annotation counts) that can be rebuilt from documents.
   * The delay starts again with each change, up to five delays after the first: a researcher
   * tagging one passage after another does not rewrite a 100,000-entry index with every tag.
   */
  scheduleIndexSave(): void {
    if (this.closed) return;
    const delay = this.options.indexSaveDelayMs ?? 1000;
    const now = Date.now();
    if (this.indexTimer) {
      if (now - this.indexWaitingSince > 4 * delay) return;
      clearTimeout(this.indexTimer);
    } else this.indexWaitingSince = now;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = null;
      const write = this.saveProject()
        .catch(() => undefined)
        .finally(() => {
          if (this.indexWrite === write) this.indexWrite = null;
        })
        .then(() => this.markSyncedIfIdle());
      this.indexWrite = write;
    }, delay);
    this.indexTimer.unref?.();
  }

  documentPath(id: string): string {
    return this.files.path(id);
  }

  async document(id: string): Promise<DocDb> {
    this.assertOpen();
    const cached = this.files.loaded(id);
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
   * changes not yet on disk), else `part` of its file read and checked (documentPeek.ts: the
   * whole file, or only its text or its annotations' values). A file that does not pass goes
   * through document(), which migrates an older one, or quarantines a damaged one and restores
   * its backup, and says so. Every reader of document files (exports, search, usage counts)
   * comes through here, so all of them see one truth.
   */
  async peekDocument<P extends PeekPart = 'file'>(
    id: string,
    part: P = 'file' as P,
    read?: (filePath: string) => Promise<string>,
  ): Promise<PeekParts[P]> {
    this.assertOpen();
    return (await this.files.peek(id, part, read)) ?? (await this.document(id)).data;
  }

  private async loadDocument(id: string): Promise<DocDb> {
    const title = this.summary(id).title;
    let data: DocumentFile | null;
    try {
      data = await this.files.read(id, title);
    } catch (err) {
      if (!(err instanceof DamagedDocument)) throw err;
      this.index.remove(id);
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
    const db = this.files.keep(id, data);
    if (this.index.syncSummary(id, data)) this.scheduleIndexSave();
    return db;
  }

  /**
   * Write a document file after mutating it; resolves once it is on disk (with
   * `{ syncFolder: false }`, once it is renamed into place: the caller fsyncs the folder).
   */
  async saveDocument(id: string, options?: WriteOptions): Promise<void> {
    this.assertOpen();
    if (this.journal.holds(id)) {
      // a batch holding this document is not yet in its file: this save goes after it, journaled
      const err = await this.journalDocuments([id]).then(
        () => null,
        (e: unknown) => e,
      );
      if (err === null) return;
      if (!(err instanceof UnstorableDataError)) throw err;
      await this.journal.settled();
    }
    await this.writeDocument(id, options);
  }

  /**
   * Save documents through the batch journal (batchJournal.ts): their texts as one record, on
   * disk before this resolves; their files are rewritten in the background (backups kept there,
   * before each file's first rewrite). Throws UnstorableDataError, having written nothing, when
   * one of them fails its schema; AppError('storage') when the record could not be written
   * (every one of them is then kept in memory, marked unsaved and retried).
   */
  private async journalDocuments(ids: readonly string[]): Promise<void> {
    const dbs = await Promise.all(ids.map((id) => this.document(id)));
    const entries = dbs.map((db, i) => ({ id: ids[i] as string, text: adapterOf(db).serialize(db.data) }));
    await this.marker.mark();
    dbs.forEach((db, i) => {
      if (this.index.syncCount(ids[i] as string, db.data.annotations.length)) this.scheduleIndexSave();
    });
    let record: Awaited<ReturnType<BatchJournal['commit']>>;
    try {
      record = await this.journal.commit(entries);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      for (const id of ids) this.unsaved.set(id, reason);
      this.scheduleRetry();
      throw new AppError(
        'storage',
        `${reason} Your changes are kept in memory and marked unsaved; Hashiya will try again (or use “Save again”). Do not close Hashiya until they are saved.`,
      );
    }
    for (const id of ids) this.unsaved.delete(id);
    this.journal.writeBack(record, {
      write: (id) => this.writeDocument(id, { syncFolder: false }),
      syncDocuments: () => syncFolder(path.join(this.dir, DOCUMENTS_DIR), this.options.durable),
    });
  }

  /** Replay the journal a killed process left (before anything reads the documents); true when it held any. */
  private async replayJournal(): Promise<boolean> {
    let written: string[];
    try {
      written = await this.journal.recover((id, text) => void this.files.parse(id, text), {
        write: async ({ id, text }) => {
          await this.backups.keepBeforeFirstSave(documentKey(id), this.documentPath(id));
          await new DurableTextFile(this.documentPath(id), this.options.durable).write(text, { syncFolder: false });
        },
        syncDocuments: () => syncFolder(path.join(this.dir, DOCUMENTS_DIR), this.options.durable),
      });
    } catch (err) {
      throw new AppError(
        'storage',
        `Changes saved in the project’s journal could not be written into their documents (${err instanceof Error ? err.message : String(err)}). Nothing was lost: they stay in journal/ and are written when the project is next opened.`,
      );
    }
    return written.length > 0;
  }

  /** The file of a document itself: written now (or after the write on its way). */
  private async writeDocument(id: string, options?: WriteOptions): Promise<void> {
    this.assertOpen();
    const db = await this.document(id);
    await this.marker.mark();
    if (this.index.syncCount(id, db.data.annotations.length)) this.scheduleIndexSave();
    await this.backups.keepBeforeFirstSave(documentKey(id), this.documentPath(id));
    try {
      await this.guardedWrite(id, () => adapterOf(db).write(db.data, options));
    } catch (err) {
      if (!(err instanceof UnstorableDataError)) throw err;
      // never write a file the next start would have to quarantine: read the document again
      this.files.forget(id);
      // a new index entry: what other parts keep of an unopened document under its entry (the
      // usage counts, the agreement report's records) is not taken for this one, which may have
      // been written while it was open and may stay unopened if it cannot be read again
      this.index.put({ ...this.index.get(id) });
      await this.document(id).catch(() => undefined);
      throw unstorable(err, 'The document is as it was.');
    }
    this.backupSoon(id);
  }

  /** Remove the marker once project.json has caught up with every document write. */
  async markSyncedIfIdle(): Promise<void> {
    if (this.indexTimer || this.indexWrite || this.unsaved.size > 0 || this.loading.size > 0) return;
    if (this.files.busy || this.projectFile.file.busy || this.journal.busy) return;
    await this.marker.clear();
  }

  /** Run a write; on failure keep the in-memory change, mark it unsaved, retry later. */
  private async guardedWrite(key: string | null, write: () => Promise<void>): Promise<void> {
    try {
      await write();
      this.unsaved.delete(key);
    } catch (err) {
      // data that can never be stored is not retried (the callers put back what is on disk)
      if (err instanceof UnstorableDataError) throw err;
      const reason = err instanceof Error ? err.message : String(err);
      this.unsaved.set(key, reason);
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
    for (const key of this.unsaved.keys()) {
      if (key === null) await this.saveProject().catch(() => undefined);
      else {
        const db = this.files.loaded(key);
        if (!db) this.unsaved.delete(key);
        else if (this.journal.holds(key)) await this.journalDocuments([key]).catch(() => undefined);
        else await this.guardedWrite(key, () => db.write()).catch(() => undefined);
      }
    }
    return this.unsaved.size;
  }

  private backupSoon(id: string | null): void {
    if (this.closed) return;
    if (id === null) {
      this.backups.snapshotSoon(PROJECT_KEY, this.projectFile.filePath, (raw) =>
        parseJsonFile(this.projectFile.filePath, raw, ProjectFileChecked, this.projectFormat),
      );
    } else {
      this.backups.snapshotSoon(documentKey(id), this.documentPath(id), (raw) => void this.files.parse(id, raw));
    }
  }

  async addDocument(file: DocumentFile): Promise<DocumentSummary> {
    this.assertOpen();
    await this.writeNewDocument(file);
    const summary = summaryOf(file);
    this.index.add(summary);
    await this.saveProject();
    return summary;
  }

  private async writeNewDocument(file: DocumentFile): Promise<void> {
    await this.marker.mark();
    await this.files.writeNew(file);
  }

  /** Remove a document from the project; its file is moved to trash/, not deleted. */
  async deleteDocument(id: string): Promise<void> {
    this.assertOpen();
    this.summary(id);
    await this.settleJournalFor(id);
    this.index.remove(id);
    await this.saveProject();
    this.unsaved.delete(id);
    await this.files.trash(id);
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
    return this.files.all();
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
    await this.journal.settled();
    await this.projectFile.file.flush();
    await this.files.flush();
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
    this.files.clear();
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
    const scanned = await this.scanDocumentFiles();
    // documents deleted by the user (moved to trash/) leave the list without a notice
    const changed = this.index.reconcile(scanned, await this.files.trashed());
    if (changed || this.project.data.notices.length > 0) await this.saveProject().catch(() => undefined);
  }

  /** Index entries from the document files; damaged files are quarantined (and restored if possible). */
  private scanDocumentFiles(): Promise<DocumentSummary[]> {
    return this.files.scan((id) => this.index.find(id)?.title);
  }

  /** Replace a document's file with one of its snapshots (the current file is snapshotted first). */
  async restoreDocumentBackup(id: string, name: string): Promise<DocumentSummary> {
    this.assertOpen();
    await this.settleJournalFor(id);
    let raw: string;
    try {
      raw = await this.backups.read(documentKey(id), name);
    } catch {
      throw new AppError('not_found', 'That backup does not exist (it may have been rotated out).');
    }
    let data: DocumentFile;
    try {
      data = this.files.parse(id, raw);
    } catch (err) {
      throw unusableBackup(err);
    }
    await this.files.replaceWith(id, raw);
    this.unsaved.delete(id);
    const summary = summaryOf(data);
    this.index.put(summary);
    await this.saveProject();
    return summary;
  }

  /** Take the codebook and settings from a snapshot of project.json; the document list stays. */
  async restoreProjectBackup(name: string): Promise<void> {
    this.assertOpen();
    let raw: string;
    try {
      raw = await this.backups.read(PROJECT_KEY, name);
    } catch {
      throw new AppError('not_found', 'That backup does not exist (it may have been rotated out).');
    }
    let data: ProjectFile;
    try {
      data = parseJsonFile(this.projectFile.filePath, raw, ProjectFileChecked, this.projectFormat);
    } catch (err) {
      throw unusableBackup(err);
    }
    await this.flush();
    const current = await this.projectFile.file.read().catch(() => null);
    if (current !== null) await this.backups.write(PROJECT_KEY, current);
    this.project.data.codebook = data.codebook;
    this.project.data.settings = data.settings;
    await this.saveProject();
  }

  /**
   * Before a document's file is replaced or moved: the batches holding it are written into it
   * first (a journal record replayed after that would bring back what was replaced).
   */
  private async settleJournalFor(id: string): Promise<void> {
    if (!this.journal.holds(id)) return;
    await this.journal.settled();
    if (this.journal.holds(id))
      throw new AppError(
        'storage',
        `The last changes to “${this.summary(id).title}” are saved in the project’s journal but not yet in the document’s own file (a write failed). Use “Save again”, then try once more; nothing was changed.`,
      );
  }

  /** Parse a document snapshot for listing (null when it cannot be read). */
  peekDocumentBackup(id: string, raw: string): DocumentFile | null {
    try {
      return this.files.parse(id, raw);
    } catch {
      return null;
    }
  }
}
