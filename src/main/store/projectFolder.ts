/**
 * Checking a folder path a person typed (browser mode has no native folder picker) before a
 * project is opened or created there. Every refusal is a sentence that says what to do.
 */
import { mkdir, readdir, realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@shared/errors';
import { DOCUMENTS_DIR, PROJECT_FILE } from './projectStore';

async function statOrNull(p: string) {
  try {
    return await stat(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    if (code === 'ENOTDIR') throw new AppError('invalid_input', `Part of the path ${p} is a file, not a folder.`);
    throw new AppError('invalid_input', `Hashiya cannot look at ${p} (${code ?? 'unknown error'}).`);
  }
}

/** Absolute, normalised path from what the user typed (a leading ~ means the home folder). */
export function normaliseFolderInput(input: string, home = os.homedir()): string {
  const typed = input.trim();
  if (typed === '') throw new AppError('invalid_input', 'Type the path of a folder.');
  if (typed.includes('\u0000')) throw new AppError('invalid_input', 'That path contains an invalid character.');
  const expanded = typed === '~' ? home : /^~[\\/]/.test(typed) ? path.join(home, typed.slice(2)) : typed;
  if (!path.isAbsolute(expanded)) {
    throw new AppError(
      'invalid_input',
      `“${typed}” is not a full path. Type the whole path of the folder, starting with / (or with a drive letter such as C:\\ on Windows).`,
    );
  }
  return path.resolve(expanded);
}

/** A folder that holds a Hashiya project, ready to open. */
export async function folderToOpen(input: string): Promise<string> {
  const dir = normaliseFolderInput(input);
  const info = await statOrNull(dir);
  if (!info) throw new AppError('not_found', `There is no folder at ${dir}.`);
  if (!info.isDirectory())
    throw new AppError(
      'invalid_input',
      `${dir} is a file, not a folder. Choose the project folder that holds project.json.`,
    );
  const hasProject = await statOrNull(path.join(dir, PROJECT_FILE));
  const hasDocuments = await statOrNull(path.join(dir, DOCUMENTS_DIR));
  if (!hasProject?.isFile() && !hasDocuments?.isDirectory()) {
    throw new AppError(
      'invalid_input',
      `${dir} is not a Hashiya project (it has no project.json). Use “New project” to start one there.`,
    );
  }
  return realpath(dir);
}

/** A folder where a new project can start: new, or existing and empty. Creates it if needed. */
export async function folderToCreate(input: string): Promise<string> {
  const dir = normaliseFolderInput(input);
  const info = await statOrNull(dir);
  if (info && !info.isDirectory())
    throw new AppError('invalid_input', `${dir} is a file, not a folder. Choose a new or empty folder.`);
  if (info) {
    const names = (await readdir(dir)).filter((n) => !n.startsWith('.'));
    if (names.includes(PROJECT_FILE))
      throw new AppError('conflict', `${dir} already holds a Hashiya project; open it instead.`);
    if (names.length > 0)
      throw new AppError('invalid_input', `${dir} is not empty. Choose a new or empty folder for a new project.`);
    return dir;
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'EACCES' || code === 'EPERM'
        ? 'permission was refused'
        : code === 'ENOTDIR'
          ? 'part of the path is a file'
          : code === 'EROFS'
            ? 'the disk is read-only'
            : (code ?? 'unknown error');
    throw new AppError('invalid_input', `Hashiya cannot create the folder ${dir} (${why}).`);
  }
  return dir;
}

/** True when two paths name the same folder (through symbolic links, "..", a trailing slash). */
export async function sameFolder(a: string, b: string): Promise<boolean> {
  const real = (p: string) => realpath(p).catch(() => path.resolve(p));
  return (await real(a)) === (await real(b));
}
