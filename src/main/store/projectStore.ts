/**
 * A project folder: project.json (settings, codebook, document index) and documents/<id>.json
 * (one document's text and annotations), each a lowdb database written only from here. A tag
 * rewrites one document file; the index's annotation counts are a cache saved shortly after.
 */
import { mkdir, readdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { AppError } from '../../shared/errors';
import { defaultCodebook } from '../../shared/defaultCodebook';
import type { DocumentSummary, Warning } from '../../shared/model';
import { TEMP_SUFFIX } from './durableFile';
import { CorruptFileError, ValidatedJsonFile } from './jsonFile';
import { DocumentFile, ProjectFile, SCHEMA_VERSION } from './schema';

export interface OpenOptions {
  /** documents a brand-new project starts with (the bundled sample article) */
  seed?: () => Promise<DocumentFile[]>;
  name?: string;
  /** how long annotation-count changes wait before project.json is rewritten */
  indexSaveDelayMs?: number;
}

const PROJECT_FILE = 'project.json';
const DOCUMENTS_DIR = 'documents';
const QUARANTINE_DIR = 'quarantine';
const TRASH_DIR = 'trash';

export class ProjectStore {
  readonly dir: string;
  private readonly project: Low<ProjectFile>;
  private readonly projectFile: ValidatedJsonFile<ProjectFile>;
  private readonly docs = new Map<string, Low<DocumentFile>>();
  private readonly loading = new Map<string, Promise<Low<DocumentFile>>>();
  private indexTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly indexSaveDelayMs: number;

  private constructor(dir: string, projectFile: ValidatedJsonFile<ProjectFile>, data: ProjectFile, delay: number) {
    this.dir = dir;
    this.projectFile = projectFile;
    this.project = new Low(projectFile, data);
    this.indexSaveDelayMs = delay;
  }

  static async open(dir: string, options: OpenOptions = {}): Promise<ProjectStore> {
    const root = path.resolve(dir);
    await mkdir(path.join(root, DOCUMENTS_DIR), { recursive: true });
    await removeStaleTemps(root);
    await removeStaleTemps(path.join(root, DOCUMENTS_DIR));

    const file = new ValidatedJsonFile(path.join(root, PROJECT_FILE), ProjectFile);
    const notices: Warning[] = [];
    let data: ProjectFile | null = null;
    try {
      data = await file.read();
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err;
      const moved = await quarantine(root, file.filePath);
      notices.push({
        code: 'project_file_quarantined',
        message: `The project file could not be read (${err.reason}). The original was moved to ${moved}; the document list was rebuilt from the documents folder.`,
      });
    }
    const fresh = data === null;
    if (data === null) {
      data = {
        schemaVersion: SCHEMA_VERSION,
        name: options.name ?? path.basename(root),
        createdAt: new Date().toISOString(),
        settings: { annotator: null, snapToWords: true, uiLanguage: 'en', textSize: 20 },
        codebook: defaultCodebook(),
        documents: [],
        notices: [],
      };
    }
    data.notices.push(...notices);
    const store = new ProjectStore(root, file, data, options.indexSaveDelayMs ?? 1000);
    if (fresh) {
      const existing = await store.scanDocumentFiles();
      if (existing.length > 0) data.documents = existing;
      else if (notices.length === 0 && options.seed) {
        for (const doc of await options.seed()) await store.writeNewDocument(doc);
        data.documents = (await store.scanDocumentFiles()).filter(Boolean);
      }
      await store.saveProject();
    }
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

  async saveProject(): Promise<void> {
    if (this.indexTimer) {
      clearTimeout(this.indexTimer);
      this.indexTimer = null;
    }
    await this.project.write();
  }

  /** Save project.json soon: for caches (annotation counts) that can be rebuilt from documents. */
  scheduleIndexSave(): void {
    if (this.indexTimer) return;
    this.indexTimer = setTimeout(() => {
      this.indexTimer = null;
      this.project.write().catch(() => undefined);
    }, this.indexSaveDelayMs);
    this.indexTimer.unref?.();
  }

  documentPath(id: string): string {
    return path.join(this.dir, DOCUMENTS_DIR, `${id}.json`);
  }

  async document(id: string): Promise<Low<DocumentFile>> {
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

  private async loadDocument(id: string): Promise<Low<DocumentFile>> {
    const file = new ValidatedJsonFile(this.documentPath(id), DocumentFile);
    let data: DocumentFile | null;
    try {
      data = await file.read();
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err;
      const moved = await quarantine(this.dir, file.filePath);
      const title = this.summary(id).title;
      this.addNotice({
        code: 'document_quarantined',
        message: `The file of “${title}” could not be read (${err.reason}). The original was moved to ${moved}.`,
      });
      this.project.data.documents = this.project.data.documents.filter((d) => d.id !== id);
      await this.saveProject();
      throw new AppError('storage', `The file of “${title}” is damaged and was moved to ${moved}. Other documents are unaffected.`);
    }
    if (data === null) {
      throw new AppError('not_found', 'That document’s file is missing from the project folder.');
    }
    const db = new Low(file, data);
    this.docs.set(id, db);
    this.syncCount(id, data.annotations.length);
    return db;
  }

  /** Write a document file, then save after mutating; resolves once it is on disk. */
  async saveDocument(id: string): Promise<void> {
    const db = await this.document(id);
    await db.write();
    this.syncCount(id, db.data.annotations.length);
  }

  private syncCount(id: string, count: number): void {
    const entry = this.project.data.documents.find((d) => d.id === id);
    if (entry && entry.annotationCount !== count) {
      entry.annotationCount = count;
      this.scheduleIndexSave();
    }
  }

  async addDocument(file: DocumentFile): Promise<DocumentSummary> {
    await this.writeNewDocument(file);
    const summary = { ...file.document, annotationCount: file.annotations.length } as DocumentSummary & { text?: string };
    delete summary.text;
    this.project.data.documents.push(summary);
    await this.saveProject();
    return summary;
  }

  private async writeNewDocument(file: DocumentFile): Promise<void> {
    const db = new Low(new ValidatedJsonFile(this.documentPath(file.document.id), DocumentFile), file);
    await db.write();
    this.docs.set(file.document.id, db);
  }

  /** Remove a document from the project; its file is moved to trash/, not deleted. */
  async deleteDocument(id: string): Promise<void> {
    this.summary(id);
    this.project.data.documents = this.project.data.documents.filter((d) => d.id !== id);
    await this.saveProject();
    const db = this.docs.get(id);
    if (db) await (db.adapter as ValidatedJsonFile<DocumentFile>).file.flush();
    this.docs.delete(id);
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
  loadedDocuments(): Iterable<Low<DocumentFile>> {
    return this.docs.values();
  }

  /** Finish every pending write (before quitting). */
  async flush(): Promise<void> {
    if (this.indexTimer) await this.saveProject();
    await this.projectFile.file.flush();
    for (const db of this.docs.values()) await (db.adapter as ValidatedJsonFile<DocumentFile>).file.flush();
  }

  /** Rebuild index entries from the document files (new or recovered project). */
  private async scanDocumentFiles(): Promise<DocumentSummary[]> {
    const dir = path.join(this.dir, DOCUMENTS_DIR);
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
    const out: DocumentSummary[] = [];
    for (const name of names) {
      const file = new ValidatedJsonFile(path.join(dir, name), DocumentFile);
      try {
        const data = await file.read();
        if (!data) continue;
        const { text: _text, ...summary } = data.document;
        out.push({ ...summary, annotationCount: data.annotations.length });
      } catch (err) {
        if (!(err instanceof CorruptFileError)) throw err;
        const moved = await quarantine(this.dir, file.filePath);
        this.addNotice({ code: 'document_quarantined', message: `A document file could not be read (${err.reason}) and was moved to ${moved}.` });
      }
    }
    return out.sort((a, b) => a.importedAt.localeCompare(b.importedAt));
  }
}

/** Move a file that cannot be trusted into quarantine/, keeping its bytes; returns the new path. */
export async function quarantine(root: string, filePath: string): Promise<string> {
  const dir = path.join(root, QUARANTINE_DIR);
  await mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(filePath)}.${stamp}`);
  await rename(filePath, target);
  return path.relative(root, target);
}

async function removeStaleTemps(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.endsWith(TEMP_SUFFIX)).map((n) => unlink(path.join(dir, n)).catch(() => undefined)));
}
