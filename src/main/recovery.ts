/**
 * Changes that could not be saved when Hashiya was made to quit anyway (disk full, a folder that
 * cannot be written) are written to recovery/ in the project folder: recovery/project.json for
 * the settings and codebook, recovery/documents/<id>.json for each document. The next start
 * puts them back in place, saves them the usual way (the file on disk is kept among the backups
 * first), removes the recovery files and says so in a notice.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Id } from '@shared/model';
import { writeFileDurably } from './store/durableFile';
import { parseJsonFile } from './store/jsonFile';
import { DOCUMENT_FORMAT, PROJECT_FORMAT } from './store/migrations';
import type { ProjectStore } from './store/projectStore';
import { DocumentFile, ProjectFile } from './store/schema';

export const RECOVERY_DIR = 'recovery';
const PROJECT_NAME = 'project.json';
const DOCUMENTS_NAME = 'documents';

export interface RecoveryWritten {
  /** the folder the files went to: recovery/ in the project, or a temporary folder if that failed */
  dir: string;
  /** titles of what was written */
  titles: string[];
}

async function writeInto(dir: string, files: ReadonlyArray<{ rel: string; text: string }>): Promise<void> {
  for (const { rel, text } of files) {
    const target = path.join(dir, rel);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFileDurably(target, text);
  }
}

/**
 * Write every unsaved file of `store` to recovery/ (or, when the project folder takes nothing, a
 * temporary folder). Resolves null when nothing is unsaved; rejects when nowhere could be written.
 */
export async function writeRecovery(store: ProjectStore): Promise<RecoveryWritten | null> {
  const unsaved = store.unsavedFiles();
  if (unsaved.length === 0) return null;
  const files: Array<{ rel: string; text: string }> = [];
  for (const file of unsaved) {
    if (file.documentId === null) files.push({ rel: PROJECT_NAME, text: JSON.stringify(store.data) });
    else if (Id.safeParse(file.documentId).success) {
      const db = await store.document(file.documentId);
      files.push({ rel: path.join(DOCUMENTS_NAME, `${file.documentId}.json`), text: JSON.stringify(db.data) });
    }
  }
  const titles = unsaved.map((f) => f.title);
  const inProject = path.join(store.dir, RECOVERY_DIR);
  try {
    await writeInto(inProject, files);
    return { dir: inProject, titles };
  } catch (first) {
    const elsewhere = path.join(os.tmpdir(), `hashiya-recovery-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    try {
      await writeInto(elsewhere, files);
      return { dir: elsewhere, titles };
    } catch {
      throw first;
    }
  }
}

/** What the start found in recovery/ and put back (also added to the project's notices). */
export interface RecoveryRestored {
  restored: string[];
  problems: string[];
}

/**
 * Put back what a forced quit left in recovery/. Each file is checked against its schema; one that
 * cannot be used is left where it is and named in the notice. Resolves null when there is none.
 */
export async function restoreRecovery(store: ProjectStore): Promise<RecoveryRestored | null> {
  const root = path.join(store.dir, RECOVERY_DIR);
  const docNames = (await readdir(path.join(root, DOCUMENTS_NAME)).catch(() => [] as string[])).filter((n) =>
    n.endsWith('.json'),
  );
  const projectFile = path.join(root, PROJECT_NAME);
  const projectRaw = await readFile(projectFile, 'utf8').catch(() => null);
  if (docNames.length === 0 && projectRaw === null) return null;
  const result: RecoveryRestored = { restored: [], problems: [] };

  let recoveredProject: ProjectFile | null = null;
  if (projectRaw !== null) {
    try {
      recoveredProject = parseJsonFile(projectFile, projectRaw, ProjectFile, PROJECT_FORMAT);
      await rm(projectFile, { force: true });
      result.restored.push('Project settings and codebook');
    } catch (err) {
      result.problems.push(`${projectFile} (${reasonOf(err)})`);
    }
  }
  for (const name of docNames) {
    const id = name.slice(0, -'.json'.length);
    const file = path.join(root, DOCUMENTS_NAME, name);
    try {
      const data = parseJsonFile(file, await readFile(file, 'utf8'), DocumentFile, DOCUMENT_FORMAT);
      if (data.document.id !== id) throw new Error(`it holds another document (${data.document.id})`);
      if (!store.summaries().some((d) => d.id === id)) throw new Error('that document is no longer in the project');
      await store.document(id);
      // a failed save keeps the change in memory, marked unsaved, like any other change
      await store.updateDocument(id, (file) => Object.assign(file, data)).catch(() => undefined);
      await rm(file, { force: true });
      result.restored.push(
        `“${data.document.title}” (${data.annotations.length} ${data.annotations.length === 1 ? 'annotation' : 'annotations'})`,
      );
    } catch (err) {
      result.problems.push(`${file} (${reasonOf(err)})`);
    }
  }
  if (result.problems.length === 0) await rm(root, { recursive: true, force: true }).catch(() => undefined);

  const parts: string[] = [];
  if (result.restored.length > 0) {
    parts.push(
      `Changes that could not be saved when Hashiya was last made to quit were restored from ${root}: ${result.restored.join(', ')}.`,
    );
  }
  if (result.problems.length > 0)
    parts.push(`These recovery files could not be used and were left in place: ${result.problems.join('; ')}.`);
  await store
    .updateProject((project) => {
      if (recoveredProject) {
        project.settings = recoveredProject.settings;
        project.codebook = recoveredProject.codebook;
      }
      project.notices.push({ code: 'recovery_restored', message: parts.join(' ') });
    })
    .catch(() => undefined);
  return result;
}

function reasonOf(err: unknown): string {
  if (err && typeof err === 'object' && 'reason' in err && typeof err.reason === 'string') return err.reason;
  return err instanceof Error ? err.message : String(err);
}
