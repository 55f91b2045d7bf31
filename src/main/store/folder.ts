/**
 * The project folder itself: its layout, taking it (the lock, leftovers of an interrupted
 * write), the marker of an unclean shutdown, quarantine for files that cannot be trusted, and
 * reading project.json with a backup restored in place of a damaged one.
 */
import { access, mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@shared/errors';
import { defaultCodebook } from '@shared/defaultCodebook';
import type { Warning } from '@shared/model';
import { PROJECT_KEY, type BackupStore } from './backups';
import { removeStaleTemps, type DurableFileOptions } from './durableFile';
import { CorruptFileError, parseJsonFile, type UnstorableDataError, ValidatedJsonFile } from './jsonFile';
import { NewerFormatError, type FormatHistory } from './migrations';
import { ProjectLock } from './projectLock';
import { emptyRegistry } from '@shared/claims/registry';
import { type ProjectFile, SCHEMA_VERSION } from './schema';
import { ProjectFileChecked } from './summaryCheck';

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

/**
 * Take the folder in `root` (creating documents/) and run `open` holding its lock; the lock is
 * given up again when `open` fails. Leftover temp files of an interrupted write are removed.
 */
export async function withFolder<T>(root: string, open: (lock: ProjectLock) => Promise<T>): Promise<T> {
  await mkdir(path.join(root, DOCUMENTS_DIR), { recursive: true });
  const lock = await ProjectLock.acquire(root);
  try {
    await removeStaleTemps(root);
    await removeStaleTemps(path.join(root, DOCUMENTS_DIR));
    return await open(lock);
  } catch (err) {
    await lock.release();
    throw err;
  }
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

/** The unclean-shutdown marker (UNSYNCED_FILE) of one folder. */
export class SyncMarker {
  constructor(
    private readonly root: string,
    /** true: project.json may be behind the document files (and the marker file says so) */
    private marked: boolean,
  ) {}

  /** True when a previous session did not close the project (crash, power cut, SIGKILL). */
  static async found(root: string): Promise<boolean> {
    return access(path.join(root, UNSYNCED_FILE)).then(
      () => true,
      () => false,
    );
  }

  /** Note on disk that project.json may be behind the documents (only on the clean → dirty step). */
  async mark(): Promise<void> {
    if (this.marked) return;
    this.marked = true;
    // no fsync: this guards against a killed process; after a power cut the counts heal on load
    await writeFile(path.join(this.root, UNSYNCED_FILE), new Date().toISOString()).catch(() => undefined);
  }

  async clear(): Promise<void> {
    this.marked = false;
    await unlink(path.join(this.root, UNSYNCED_FILE)).catch(() => undefined);
  }
}

export function newProjectData(name: string): ProjectFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    name,
    createdAt: new Date().toISOString(),
    settings: { annotator: null, snapToWords: true, uiLanguage: 'en', textSize: 20, coderId: null, blind: false },
    codebook: defaultCodebook(),
    registry: emptyRegistry(),
    coders: [],
    plan: { assignments: [], doubleCoded: [] },
    documents: [],
    notices: [],
  };
}

export interface ProjectFileRead {
  file: ValidatedJsonFile<ProjectFile>;
  /** null: there was no project.json (a new project, or one to rebuild from its documents) */
  data: ProjectFile | null;
  /** what happened to a damaged project.json */
  notices: Warning[];
  /** the document list cannot be trusted (restored or replaced): rebuild it from the files */
  rebuildIndex: boolean;
  /** the file as read, when it was in an older format (kept among the backups before the upgrade) */
  migratedRaw: string | null;
}

/** Read project.json; a damaged one is quarantined and its newest valid backup taken instead. */
export async function readProjectFile(
  root: string,
  backups: BackupStore,
  options: { name?: string; format: FormatHistory; durable?: DurableFileOptions },
): Promise<ProjectFileRead> {
  const file = new ValidatedJsonFile(path.join(root, PROJECT_FILE), ProjectFileChecked, {
    ...options.durable,
    history: options.format,
  });
  const parse = (raw: string) => parseJsonFile(file.filePath, raw, ProjectFileChecked, options.format);
  const result: ProjectFileRead = { file, data: null, notices: [], rebuildIndex: false, migratedRaw: null };
  try {
    const read = await file.readDetailed();
    if (read) {
      result.data = read.data;
      result.migratedRaw = read.oldText;
    }
  } catch (err) {
    if (err instanceof NewerFormatError) throw new AppError('unsupported', newerMessage('This project', err));
    if (!(err instanceof CorruptFileError)) throw err;
    const moved = await quarantine(root, file.filePath);
    const backup = await backups.newestValid(PROJECT_KEY, parse);
    result.rebuildIndex = true;
    if (backup) {
      result.data = backup.data;
      result.notices.push({
        code: 'project_file_restored',
        message: `The project file could not be read (${err.reason}). The original was moved to ${moved}. The codebook and settings were restored from the backup of ${readableTime(backup.entry.createdAt)}, and the document list was rebuilt from the documents folder.`,
      });
    } else {
      result.data = newProjectData(options.name ?? path.basename(root));
      result.notices.push({
        code: 'project_file_quarantined',
        message: `The project file could not be read (${err.reason}) and no backup of it exists. The original was moved to ${moved}. The document list was rebuilt from the documents folder; the codebook and settings are back to their defaults.`,
      });
    }
  }
  return result;
}

export function readableTime(iso: string): string {
  return iso.replace('T', ' ').slice(0, 19) + ' UTC';
}

export function newerMessage(what: string, err: NewerFormatError): string {
  return `${what} was saved by a newer version of Hashiya (file format ${err.found}; this version reads up to ${err.supported}). Update Hashiya to open it. Nothing was changed.`;
}

/** A change refused because the file it would make could not be read back. */
export function unstorable(err: UnstorableDataError, after: string): AppError {
  return new AppError('invalid_input', `This change cannot be stored: ${err.issue}. Nothing was saved. ${after}`);
}

/** A snapshot named by the user (Restore from backup…) that cannot be used. */
export function unusableBackup(err: unknown): AppError {
  if (err instanceof NewerFormatError) return new AppError('unsupported', newerMessage('That backup', err));
  return new AppError(
    'unprocessable',
    `That backup cannot be used: ${err instanceof CorruptFileError ? err.reason : 'it cannot be read'}.`,
  );
}
