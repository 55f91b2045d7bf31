/**
 * Which reader a file needs, decided by its content as well as its name: a Word file renamed .txt
 * is still read as Word, an image renamed .txt is refused as binary, and an extension Hashiya
 * does not read is refused before anything is decoded.
 */
import path from 'node:path';
import { AppError } from '@shared/errors';
import { guessUtf16 } from './decode';

export type ImportFormat = 'text' | 'html' | 'docx' | 'pdf' | 'mhtml' | 'rtf';

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml']);
const DOCX_EXTENSIONS = new Set(['.docx']);
const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.mhtml', '.mht', '.rtf']);

export const ACCEPTED_EXTENSIONS = ['.txt', '.html', '.htm', '.docx', '.pdf', '.mhtml', '.mht', '.rtf'] as const;
const ACCEPTED_SENTENCE =
  'plain text (.txt), web pages (.html, .htm, and .mhtml saved as a single file), Word documents (.docx), PDF (.pdf) and RTF (.rtf)';

interface Magic {
  bytes: number[];
  offset?: number;
  name: string;
}

/** Signatures of binary formats people are likely to drop by mistake. */
const BINARY_MAGIC: Magic[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: 'a RIFF media file (WebP image, WAV or AVI)' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], name: 'a RAR archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'a program (ELF)' },
  { bytes: [0x66, 0x74, 0x79, 0x70], offset: 4, name: 'a video or HEIC image' },
  { bytes: [0x49, 0x44, 0x33], name: 'an MP3 audio file' },
  { bytes: [0x4f, 0x67, 0x67, 0x53], name: 'an Ogg media file' },
];

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
/** OLE compound file: old .doc/.xls, and every password-protected (encrypted) Office file. */
export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  return magic.every((b, i) => bytes[offset + i] === b);
}

function hasUnicodeBom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/** Bytes that real text does not contain: C0 controls but tab, LF, VT, FF, CR and ESC, and DEL. */
function isNotTextByte(b: number): boolean {
  return (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f;
}

/**
 * A file is binary when its first 64 KB are mostly not text: more than 1% of the bytes (and more
 * than 8, or than a tenth of a very short file) are controls that text never holds. One NUL does not make a file binary (a Windows-1256
 * newspaper corpus ends every file with one; such stray controls are dropped from the text with a
 * warning), and NUL padding at the end of a file is not counted. UTF-16 (with a BOM, or
 * recognisably so without one: see guessUtf16) is text. Random or compressed data has about 10%.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (hasUnicodeBom(bytes) || guessUtf16(bytes)) return false;
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  if (end === 0) return true; // nothing but NULs
  const sample = bytes.subarray(0, Math.min(end, 64 * 1024));
  let controls = 0;
  for (const b of sample) if (isNotTextByte(b)) controls++;
  // a few stray bytes are allowed: 8, or a tenth of a very short file
  return controls > Math.max(sample.length * 0.01, Math.min(8, sample.length * 0.1));
}

/** The first characters of a file that is ASCII-compatible or UTF-16 (BOM or guessed), for sniffing markup. */
function head(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, 2048);
  if (startsWith(sample, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(sample.subarray(2));
  if (startsWith(sample, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(sample.subarray(2));
  const utf16 = guessUtf16(bytes);
  if (utf16) return new TextDecoder(utf16).decode(sample);
  return new TextDecoder('latin1').decode(sample);
}

export function looksLikeHtml(bytes: Uint8Array): boolean {
  const start = head(bytes)
    .replace(/^\uFEFF|^ï»¿/, '')
    .trimStart()
    .toLowerCase();
  if (/^<!doctype\s+html/.test(start) || /^<html[\s>]/.test(start)) return true;
  if (/^<\?xml[^>]*>\s*(<!doctype\s+html|<html[\s>])/.test(start)) return true;
  // A fragment saved from a page: starts with markup and has a body or paragraph element early on.
  return /^<(head|body|meta|title|article|div|p)[\s>]/.test(start) && /<(body|p|article|h1)[\s>]/.test(start);
}

/** PDF, RTF and MHTML, recognised by their first bytes whatever the file is called. */
function sniffDocument(bytes: Uint8Array, ext: string): 'pdf' | 'rtf' | 'mhtml' | null {
  // a file called .pdf may have a little junk before its header
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (ext === '.pdf' && Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes('%PDF-'))
    return 'pdf';
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF|^ï»¿/, '');
  if (start.startsWith('{\\rtf')) return 'rtf';
  // a saved web page archive: mail-style headers, then a multipart/related body
  const headers = start.split(/\r?\n\r?\n/, 1)[0] ?? '';
  if (/^[\w-]+:/.test(headers) && /^content-type:\s*multipart\/related\b/im.test(headers)) return 'mhtml';
  return null;
}

/** Decide the reader, or refuse with a sentence that names the file and why. */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const ext = path.extname(fileName).toLowerCase();
  const known =
    TEXT_EXTENSIONS.has(ext) ||
    HTML_EXTENSIONS.has(ext) ||
    DOCX_EXTENSIONS.has(ext) ||
    DOCUMENT_EXTENSIONS.has(ext) ||
    ext === '';
  if (ext === '.doc') {
    throw new AppError(
      'unsupported',
      `“${fileName}” is an old Word document (.doc). Open it in Word or LibreOffice and save it as .docx, then import that.`,
    );
  }
  if (!known) {
    throw new AppError(
      'unsupported',
      `“${fileName}” has the extension ${ext}, which Hashiya cannot import. It reads ${ACCEPTED_SENTENCE}.`,
    );
  }

  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) {
    if (DOCX_EXTENSIONS.has(ext) || ext === '' || TEXT_EXTENSIONS.has(ext) || HTML_EXTENSIONS.has(ext)) return 'docx';
  }
  if (startsWith(bytes, CFB_MAGIC)) {
    if (DOCX_EXTENSIONS.has(ext)) {
      throw new AppError(
        'unprocessable',
        `“${fileName}” is protected with a password (an encrypted Word file). Remove the password in Word and save it again, then import it.`,
      );
    }
    throw new AppError(
      'unsupported',
      `“${fileName}” is an old Office file (Word .doc or similar), not text. Save it as .docx, then import that.`,
    );
  }
  if (DOCX_EXTENSIONS.has(ext)) {
    throw new AppError(
      'unprocessable',
      `“${fileName}” is not a valid Word document: it is not a .docx (zip) file. It may be damaged or renamed.`,
    );
  }
  const document = sniffDocument(bytes, ext);
  if (document) return document;
  if (ext === '.pdf') {
    throw new AppError(
      'unprocessable',
      `“${fileName}” is not a valid PDF: it does not start as a PDF does. It may be damaged or renamed.`,
    );
  }
  for (const magic of BINARY_MAGIC) {
    if (startsWith(bytes, magic.bytes, magic.offset ?? 0)) {
      throw new AppError(
        'unsupported',
        `“${fileName}” is ${magic.name}, not text. Hashiya reads ${ACCEPTED_SENTENCE}.`,
      );
    }
  }
  if (looksBinary(bytes)) {
    throw new AppError('unsupported', `“${fileName}” is a binary file, not text. Hashiya reads ${ACCEPTED_SENTENCE}.`);
  }
  if (HTML_EXTENSIONS.has(ext) || looksLikeHtml(bytes)) return 'html';
  return 'text';
}
