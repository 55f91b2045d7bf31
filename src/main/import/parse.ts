/**
 * The readers that build a whole DOM (web pages through jsdom, Word files through mammoth and
 * jsdom), called in this thread. `readerWorker.ts` runs the same function in a worker thread.
 */
import type { ImportedText } from './types';

/** The formats whose reading is slow enough (seconds per MB) to be done off the main thread. */
export type ParsedFormat = 'html' | 'docx' | 'pdf' | 'mhtml' | 'rtf';

export async function parseDocument(format: ParsedFormat, bytes: Uint8Array): Promise<ImportedText> {
  if (format === 'docx') return (await import('./docx')).importDocx(bytes);
  if (format === 'pdf') return (await import('./pdf')).importPdf(bytes);
  if (format === 'mhtml') return (await import('./mhtml')).importMhtml(bytes);
  if (format === 'rtf') return (await import('./rtf')).importRtf(bytes);
  return (await import('./html')).importHtml(bytes);
}
