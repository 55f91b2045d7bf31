/**
 * Import: a file's bytes → canonical text and metadata. Picks the reader by content and name,
 * refuses what it cannot read with a sentence that says why.
 */
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { canonicalizeText } from '../../shared/text/canonical';
import { decodeText } from './decode';
import type { ImportedText } from './types';

export type { ImportedText } from './types';

export async function importFile(fileName: string, bytes: Uint8Array): Promise<ImportedText> {
  if (bytes.length === 0) throw new AppError('unprocessable', `“${fileName}” is empty.`);
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.txt' || ext === '' || ext === '.text' || ext === '.md') {
    return importPlainBytes(bytes);
  }
  throw new AppError('unsupported', `“${fileName}” is not a format Hashiya can import (plain text .txt).`);
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
