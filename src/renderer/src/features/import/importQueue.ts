/**
 * Importing files one after another: each is checked for size before it is read, read as bytes,
 * sent base64-encoded to documents.import, and its outcome recorded (imported with warnings,
 * refused with the server's sentence, or a duplicate that can be imported anyway). Pure logic
 * with its API call injected, so it runs under test without a browser.
 */
import type { ImportResult } from '../../../../shared/api/documents';
import { MAX_IMPORT_FILE_BYTES } from '../../../../shared/limits';
import type { DocumentSummary, Warning } from '../../../../shared/model';

export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type ImportOutcome =
  | { kind: 'imported'; fileName: string; document: DocumentSummary; warnings: Warning[] }
  | { kind: 'refused'; fileName: string; message: string }
  | { kind: 'duplicate'; fileName: string; message: string; duplicateOf: string | null; retry: () => Promise<ImportOutcome> }
  | { kind: 'skipped'; fileName: string };

export interface ImportCall {
  (input: { fileName: string; data: string; allowDuplicate?: boolean }): Promise<ImportResult>;
}

export interface Progress {
  done: number;
  total: number;
  current: string | null;
}

const MB = 1024 * 1024;

/** base64 of raw bytes, in chunks so a 20 MB file does not overflow the argument stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

/** base64 of a file's bytes: FileReader's data URL where there is one (native and fast), else arrayBuffer. */
export async function fileToBase64(file: FileLike): Promise<string> {
  if (typeof FileReader !== 'undefined' && typeof Blob !== 'undefined' && file instanceof Blob) {
    const url = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
      reader.readAsDataURL(file);
    });
    return url.slice(url.indexOf(',') + 1);
  }
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  details?: unknown;
}

function describe(err: unknown): { code: string; message: string; duplicateOf: string | null } {
  const e = (err ?? {}) as ErrorLike;
  const details = (e.details ?? {}) as { duplicateOf?: unknown };
  return {
    code: typeof e.code === 'string' ? e.code : 'internal',
    message: typeof e.message === 'string' && e.message ? e.message : String(err),
    duplicateOf: typeof details.duplicateOf === 'string' ? details.duplicateOf : null,
  };
}

/** Check, read, send one file; never throws: every failure becomes an outcome with a sentence. */
export async function importOne(file: FileLike, call: ImportCall, allowDuplicate = false): Promise<ImportOutcome> {
  const fileName = file.name || 'untitled';
  if (file.size === 0) return { kind: 'refused', fileName, message: `“${fileName}” is empty (0 bytes); there is nothing to import.` };
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return {
      kind: 'refused',
      fileName,
      message: `“${fileName}” is ${(file.size / MB).toFixed(1)} MB, more than the ${MAX_IMPORT_FILE_BYTES / MB} MB Hashiya imports in one file. Split it into smaller files.`,
    };
  }
  let data: string;
  try {
    data = await fileToBase64(file);
  } catch {
    return { kind: 'refused', fileName, message: `“${fileName}” could not be read from the disk.` };
  }
  try {
    const result = await call({ fileName, data, ...(allowDuplicate ? { allowDuplicate: true } : {}) });
    return { kind: 'imported', fileName, document: result.document, warnings: result.warnings };
  } catch (err) {
    const { code, message, duplicateOf } = describe(err);
    if (code === 'conflict') {
      return { kind: 'duplicate', fileName, message, duplicateOf, retry: () => importOne(file, call, true) };
    }
    return { kind: 'refused', fileName, message };
  }
}

/** Import files in order, reporting progress; `shouldStop` is asked between files. */
export async function importAll(
  files: readonly FileLike[],
  call: ImportCall,
  onProgress: (progress: Progress, outcomes: ImportOutcome[]) => void,
  shouldStop: () => boolean = () => false,
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const [i, file] of files.entries()) {
    if (shouldStop()) break;
    onProgress({ done: i, total: files.length, current: file.name }, outcomes);
    outcomes.push(await importOne(file, call));
  }
  onProgress({ done: outcomes.length, total: files.length, current: null }, outcomes);
  return outcomes;
}

export function tally(outcomes: readonly ImportOutcome[]): { imported: number; refused: number; duplicate: number } {
  return {
    imported: outcomes.filter((o) => o.kind === 'imported').length,
    refused: outcomes.filter((o) => o.kind === 'refused').length,
    duplicate: outcomes.filter((o) => o.kind === 'duplicate').length,
  };
}
