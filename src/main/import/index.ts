/**
 * Import: a file's bytes → canonical text and metadata. Refuses empty and oversized files first,
 * picks the reader by content and name (sniff.ts), and turns every failure into an AppError whose
 * sentence names the file and says why. Web pages and Word files are parsed in a worker thread
 * (readerWorker.ts), so a large page does not hold up other calls. Nothing here touches the project.
 */
import { AppError } from '@shared/errors';
import { canonicalizeText } from '@shared/text/canonical';
import { decodeText } from './decode';
import { MAX_IMPORT_FILE_BYTES } from './limits';
import { readInWorker } from './readerWorker';
import { detectFormat } from './sniff';
import type { ImportedText } from './types';

export type { ImportedText } from './types';
export { ACCEPTED_EXTENSIONS } from './sniff';

const MB = 1024 * 1024;

/** Prefix a reader's sentence with the file's name, keeping its code. */
function about(fileName: string, err: unknown): unknown {
  if (!(err instanceof AppError) || err.message.includes(`“${fileName}”`)) return err;
  return new AppError(err.code, `“${fileName}”: ${err.message}`, err.details);
}

export async function importFile(fileName: string, bytes: Uint8Array): Promise<ImportedText> {
  if (bytes.length === 0)
    throw new AppError('unprocessable', `“${fileName}” is empty (0 bytes); there is nothing to import.`);
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    throw new AppError(
      'too_large',
      `“${fileName}” is ${(bytes.length / MB).toFixed(1)} MB, more than the ${MAX_IMPORT_FILE_BYTES / MB} MB Hashiya imports in one file. Split it into smaller files.`,
    );
  }
  try {
    const format = detectFormat(fileName, bytes);
    // web pages, Word, PDF and RTF files are parsed whole, seconds per MB: off this thread
    if (format !== 'text') return await readInWorker(format, bytes);
    return importPlainBytes(bytes);
  } catch (err) {
    throw about(fileName, err);
  }
}

export function importPlainBytes(bytes: Uint8Array): ImportedText {
  const decoded = decodeText(bytes);
  return importPlainText(decoded.text, decoded.warnings);
}

export function importPlainText(raw: string, warnings: ImportedText['warnings'] = []): ImportedText {
  const { text, warnings: more } = canonicalizeText(raw);
  if (text.trim() === '') throw new AppError('unprocessable', 'The text is empty once blank lines are removed.');
  return { text, title: null, warnings: [...warnings, ...more], meta: {} };
}
