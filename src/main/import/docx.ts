/**
 * Word (.docx): the archive is inspected first (zipGuard: damaged, encrypted, zip bomb), then
 * mammoth turns the body into HTML (paragraphs, headings, lists, tables, footnotes, in document
 * order) and the same block walker as for web pages makes paragraphs of it. Right-to-left
 * paragraphs are stored in logical order in the file, so their text arrives as written. The title comes from the document's
 * properties (docProps/core.xml) when it has one.
 */
import { XMLParser } from 'fast-xml-parser';
import mammoth from 'mammoth';
import { AppError } from '@shared/errors';
import { canonicalizeText } from '@shared/text/canonical';
import { inertDom } from './html';
import { htmlParagraphs } from './htmlText';
import { MAX_TITLE_CHARS } from './limits';
import type { ImportedText } from './types';
import { inspectZip } from './zipGuard';

const CORE_PROPERTIES = 'docProps/core.xml';

function notWord(kind?: string): AppError {
  return new AppError(
    'unprocessable',
    kind
      ? `The file is ${kind}, not a Word document. Hashiya imports Word documents (.docx), web pages and plain text.`
      : 'The file is a zip archive but not a Word document (it has no word/document.xml). It may be damaged or renamed.',
  );
}

function coreTitle(xml: Buffer | undefined): string | null {
  if (!xml) return null;
  try {
    const parsed = new XMLParser({ removeNSPrefix: true, processEntities: false, ignoreAttributes: true }).parse(
      xml.toString('utf8'),
    ) as {
      coreProperties?: { title?: unknown };
    };
    const title = parsed.coreProperties?.title;
    if (typeof title === 'string' || typeof title === 'number') {
      const clean = String(title).replace(/\s+/g, ' ').trim();
      return clean ? clean.slice(0, MAX_TITLE_CHARS) : null;
    }
  } catch {
    /* unreadable properties are no reason to refuse the text */
  }
  return null;
}

export async function importDocx(bytes: Uint8Array): Promise<ImportedText> {
  const zip = await inspectZip(bytes, { keep: [CORE_PROPERTIES] });
  const names = new Set(zip.entries.map((e) => e.name));
  if (!names.has('word/document.xml')) {
    if ([...names].some((n) => n.startsWith('xl/'))) throw notWord('an Excel workbook');
    if ([...names].some((n) => n.startsWith('ppt/'))) throw notWord('a PowerPoint presentation');
    if (names.has('content.xml') && names.has('mimetype')) throw notWord('an OpenDocument file (LibreOffice)');
    throw notWord();
  }
  let html: string;
  try {
    const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    html = (
      await mammoth.convertToHtml(
        { buffer },
        // images are never read or inlined; linked files outside the document are never opened
        {
          convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
          externalFileAccess: false,
          // page and column breaks (mammoth drops them) keep the words on either side apart
          styleMap: ["br[type='page'] => br", "br[type='column'] => br"],
        },
      )
    ).value;
  } catch {
    throw new AppError(
      'unprocessable',
      'The Word document is damaged and its text cannot be read. Open it in Word or LibreOffice and save it again.',
    );
  }
  const dom = inertDom(`<!doctype html><html><body>${html}</body></html>`);
  // footnotes keep their text, not their "↑" links back to the reference
  for (const back of Array.from(
    dom.window.document.querySelectorAll('a[href^="#footnote-ref"], a[href^="#endnote-ref"]'),
  ))
    back.remove();
  // a line break inside a Word paragraph wraps a line; it does not start a new paragraph
  const paragraphs = htmlParagraphs(dom.window.document.body, { lineBreak: 'space' });
  dom.window.close();
  const { text, warnings } = canonicalizeText(paragraphs.join('\n'), { paragraphs: 'lines' });
  if (text.trim() === '') throw new AppError('unprocessable', 'The Word document has no text in it.');
  return { text, title: coreTitle(zip.kept.get(CORE_PROPERTIES)), warnings, meta: {} };
}
