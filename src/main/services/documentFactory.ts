import { createHash } from 'node:crypto';
import { cpLength } from '@shared/text/codepoints';
import { cleanLabel, deriveTitle, detectDirectionAndLanguage } from '@shared/text/canonical';
import type { ImportedText } from '../import/types';
import type { DocumentFile } from '../store/schema';
import { SCHEMA_VERSION } from '../store/schema';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A new document file from imported canonical text. */
export function buildDocumentFile(id: string, imported: ImportedText, importedAt: string): DocumentFile {
  const { direction, language } = detectDirectionAndLanguage(imported.text);
  return {
    schemaVersion: SCHEMA_VERSION,
    document: {
      id,
      // a title and source never carry bidi overrides or controls (the text keeps and shows them)
      title: cleanLabel(imported.title ?? '') || cleanLabel(deriveTitle(imported.text)) || 'Untitled',
      direction,
      language,
      source: cleanLabel(imported.meta.source ?? ''),
      url: imported.meta.url ?? '',
      publishedAt: imported.meta.publishedAt ?? null,
      importedAt,
      charCount: cpLength(imported.text),
      annotationCount: 0,
      sha256: sha256(imported.text),
      text: imported.text,
    },
    annotations: [],
  };
}
