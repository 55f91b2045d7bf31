/**
 * PDF: the text layer read by pdf.js (legacy build, for Node) inside the import worker, with
 * nothing fetched and nothing evaluated: no worker of its own (its parser runs in this thread),
 * no font, CMap or wasm file loaded, no system fonts, no eval, no fetch. Compressed streams are
 * measured first (pdfStreams.ts), then each page's text items are put in logical order and made
 * into paragraphs (pdfBidi.ts, pdfLayout.ts). A PDF with no text layer (scanned pages) is
 * refused: Hashiya does not do OCR. So are password-protected and damaged files.
 */
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '@shared/errors';
import { canonicalizeText } from '@shared/text/canonical';
import { MAX_TITLE_CHARS } from './limits';
import { checkPdfStreams } from './pdfStreams';
import { dropRunningLines, pageLines, paragraphsOf, type PdfTextItem } from './pdfLayout';
import type { ImportedText } from './types';

/** Pages read at most: a longer PDF is a book, not an article. */
export const MAX_PDF_PAGES = 2000;
/** Characters of text read at most (the model's limit on a document is lower). */
const MAX_PDF_CHARS = 20_000_000;

type PdfJs = typeof PdfJsModule;
let loading: Promise<PdfJs> | null = null;

/** pdf.js, with its parser loaded into this thread (it then starts no worker and fetches no script). */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const parser = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as { WorkerMessageHandler?: unknown };
    const scope = globalThis as { pdfjsWorker?: unknown };
    scope.pdfjsWorker ??= { WorkerMessageHandler: parser.WorkerMessageHandler };
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

const refuse = (sentence: string) => new AppError('unprocessable', sentence);

function cleanTitle(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  // titles producers fill in by themselves say nothing about the article
  if (!text || /^(untitled|microsoft word - .*|.*\.(docx?|pdf|rtf|txt))$/i.test(text)) return null;
  return text.slice(0, MAX_TITLE_CHARS);
}

export async function importPdf(bytes: Uint8Array): Promise<ImportedText> {
  checkPdfStreams(bytes);
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    disableRange: true,
    disableStream: true,
    disableAutoFetch: true,
    stopAtErrors: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') {
      throw refuse(
        'The PDF is protected with a password, so its text cannot be read. Remove the password (print or save it again without one), then import it.',
      );
    }
    throw refuse(
      'The PDF is damaged or is not really a PDF, so its text cannot be read. Open it in a PDF reader and save or print it to PDF again, then import that.',
    );
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES) {
      throw refuse(
        `The PDF has ${doc.numPages} pages, more than the ${MAX_PDF_PAGES} Hashiya reads from one file. Import the article’s pages alone.`,
      );
    }
    const pages = [];
    let chars = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ disableNormalization: true });
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        chars += item.str.length;
        const [a = 0, b = 0, , , x = 0, y = 0] = item.transform as number[];
        items.push({
          str: item.str,
          rtl: item.dir === 'rtl',
          x,
          y,
          width: item.width,
          size: Math.hypot(a, b) || item.height || 1,
        });
      }
      if (chars > MAX_PDF_CHARS)
        throw refuse('The PDF holds more text than Hashiya reads from one file. Import the article’s pages alone.');
      pages.push(pageLines(items));
      page.cleanup();
    }
    if (!pages.some((lines) => lines.some((l) => /[\p{L}\p{N}]/u.test(l.text)))) {
      throw refuse(
        'The PDF has no text layer: its pages are images (a scan or a photo), and Hashiya does not read text from images (no OCR). Run it through OCR in a PDF tool first, or import the text from elsewhere.',
      );
    }
    const paragraphs = paragraphsOf(dropRunningLines(pages));
    const { text, warnings } = canonicalizeText(paragraphs.join('\n'), { paragraphs: 'lines' });
    if (text.trim() === '') throw refuse('The PDF has no text in it other than page numbers and headers.');
    let title: string | null = null;
    try {
      const info = (await doc.getMetadata()).info as { Title?: unknown } | undefined;
      title = cleanTitle(info?.Title);
    } catch {
      /* unreadable metadata is no reason to refuse the text */
    }
    return { text, title, warnings, meta: {} };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw refuse(
      'The PDF is damaged and its text cannot be read. Open it in a PDF reader and save or print it to PDF again, then import that.',
    );
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
