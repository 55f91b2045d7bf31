/**
 * Importing files one after another: each is checked for size before it is read, read as bytes,
 * sent base64-encoded to documents.import, and its outcome recorded (imported with warnings,
 * refused with the server's sentence, or a duplicate that can be imported anyway). A file of
 * several articles — or every file, when the researcher asked to review them — is previewed
 * instead (documents.preview) and waits for the researcher's choice, which is sent with the same
 * bytes. Pure logic with its API calls injected, so it runs under test without a browser.
 */
import type { DropParagraphs, ImportPreview, DocumentImportResult, SplitChoice } from '@shared/api/documents';
import { MAX_IMPORT_FILE_BYTES } from '@shared/limits';
import type { DocumentSummary, Warning } from '@shared/model';

export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What the researcher chose in the preview: which articles, and which paragraphs to leave out. */
export interface ImportChoice {
  split?: SplitChoice;
  dropParagraphs?: DropParagraphs;
}

export type ImportOutcome =
  | { kind: 'imported'; fileName: string; document: DocumentSummary; documents: DocumentSummary[]; warnings: Warning[] }
  | {
      kind: 'review';
      fileName: string;
      preview: ImportPreview;
      commit: (choice: ImportChoice) => Promise<ImportOutcome>;
    }
  | { kind: 'refused'; fileName: string; message: string }
  | {
      kind: 'duplicate';
      fileName: string;
      message: string;
      duplicateOf: string | null;
      retry: () => Promise<ImportOutcome>;
    }
  | { kind: 'skipped'; fileName: string };

export interface ImportCall {
  (input: { fileName: string; data: string; allowDuplicate?: boolean } & ImportChoice): Promise<DocumentImportResult>;
}

export interface PreviewCall {
  (input: { fileName: string; data: string }): Promise<ImportPreview>;
}

export interface ImportOptions {
  /** documents.preview: without it a file of several articles is refused with the server's sentence */
  preview?: PreviewCall;
  /** preview every file before it is imported, not only those of several articles */
  review?: boolean;
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

function describe(err: unknown): {
  code: string;
  message: string;
  duplicateOf: string | null;
  articles: number | null;
} {
  const e = (err ?? {}) as ErrorLike;
  const details = (e.details ?? {}) as { duplicateOf?: unknown; articles?: unknown };
  return {
    code: typeof e.code === 'string' ? e.code : 'internal',
    message: typeof e.message === 'string' && e.message ? e.message : String(err),
    duplicateOf: typeof details.duplicateOf === 'string' ? details.duplicateOf : null,
    articles: typeof details.articles === 'number' ? details.articles : null,
  };
}

/** Send the file's bytes (with the researcher's choice, if any) and record what happened. */
async function send(
  fileName: string,
  data: string,
  call: ImportCall,
  choice: ImportChoice,
  allowDuplicate: boolean,
  options: ImportOptions,
): Promise<ImportOutcome> {
  try {
    const result = await call({ fileName, data, ...choice, ...(allowDuplicate ? { allowDuplicate: true } : {}) });
    return {
      kind: 'imported',
      fileName,
      document: result.document,
      documents: result.documents ?? [result.document],
      warnings: result.warnings,
    };
  } catch (err) {
    const { code, message, duplicateOf, articles } = describe(err);
    if (code === 'conflict' && articles !== null) {
      // several articles: preview them, or (with no preview to offer) say so
      return options.preview
        ? review(fileName, data, call, options.preview, options)
        : { kind: 'refused', fileName, message };
    }
    if (code === 'conflict') {
      return {
        kind: 'duplicate',
        fileName,
        message,
        duplicateOf,
        retry: () => send(fileName, data, call, choice, true, options),
      };
    }
    return { kind: 'refused', fileName, message };
  }
}

async function review(
  fileName: string,
  data: string,
  call: ImportCall,
  preview: PreviewCall,
  options: ImportOptions,
): Promise<ImportOutcome> {
  try {
    const found = await preview({ fileName, data });
    return {
      kind: 'review',
      fileName,
      preview: found,
      commit: (choice) => send(fileName, data, call, choice, false, options),
    };
  } catch (err) {
    return { kind: 'refused', fileName, message: describe(err).message };
  }
}

/** Check, read, send one file; never throws: every failure becomes an outcome with a sentence. */
export async function importOne(
  file: FileLike,
  call: ImportCall,
  allowDuplicate = false,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  const fileName = file.name || 'untitled';
  if (file.size === 0)
    return { kind: 'refused', fileName, message: `“${fileName}” is empty (0 bytes); there is nothing to import.` };
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
  if (options.review && options.preview) return review(fileName, data, call, options.preview, options);
  return send(fileName, data, call, {}, allowDuplicate, options);
}

/** Import files in order, reporting progress; `shouldStop` is asked between files. */
export async function importAll(
  files: readonly FileLike[],
  call: ImportCall,
  onProgress: (progress: Progress, outcomes: ImportOutcome[]) => void,
  shouldStop: () => boolean = () => false,
  options: ImportOptions = {},
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const [i, file] of files.entries()) {
    if (shouldStop()) break;
    onProgress({ done: i, total: files.length, current: file.name }, outcomes);
    outcomes.push(await importOne(file, call, false, options));
  }
  onProgress({ done: outcomes.length, total: files.length, current: null }, outcomes);
  return outcomes;
}

/** Documents imported (a multi-article file counts each), files refused, duplicates and files awaiting review. */
export function tally(outcomes: readonly ImportOutcome[]): {
  imported: number;
  refused: number;
  duplicate: number;
  review: number;
} {
  return {
    imported: outcomes.reduce((n, o) => n + (o.kind === 'imported' ? o.documents.length : 0), 0),
    review: outcomes.filter((o) => o.kind === 'review').length,
    refused: outcomes.filter((o) => o.kind === 'refused').length,
    duplicate: outcomes.filter((o) => o.kind === 'duplicate').length,
  };
}
