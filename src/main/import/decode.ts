/**
 * Bytes → string. Plain text: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then
 * Windows-1256 (the Arabic code page of older Windows tools) when strict UTF-8 fails.
 * HTML: BOM, then the page's own <meta charset>, then the same strict UTF-8 / Windows-1256 rule.
 */
import iconv from 'iconv-lite';
import { AppError } from '../../shared/errors';
import type { Warning } from '../../shared/model';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | (string & {});

export interface Decoded {
  text: string;
  encoding: Encoding;
  warnings: Warning[];
}

const WINDOWS_1256_WARNING: Warning = {
  code: 'encoding_windows_1256',
  message: 'The file is not UTF-8; it was read as Windows-1256 (Arabic).',
};

function fromBom(bytes: Uint8Array): Decoded | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3)), encoding: 'utf-8', warnings: [] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: utf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', warnings: [] };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: utf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', warnings: [] };
  }
  return null;
}

function utf8OrWindows1256(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1256'), encoding: 'windows-1256', warnings: [WINDOWS_1256_WARNING] };
  }
}

export function decodeText(bytes: Uint8Array): Decoded {
  return fromBom(bytes) ?? utf8OrWindows1256(bytes);
}

/** The charset a page declares in its first 4 KB (<meta charset> or http-equiv Content-Type). */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(tag);
    if (direct?.[1]) return direct[1].toLowerCase();
  }
  return null;
}

export function decodeHtml(bytes: Uint8Array): Decoded {
  const bom = fromBom(bytes);
  if (bom) return bom;
  const declared = declaredHtmlCharset(bytes);
  if (declared && !/^utf-?8$/.test(declared) && !/^utf-?16/.test(declared) && iconv.encodingExists(declared)) {
    const name = /^(iso-?8859-1|latin-?1|us-ascii|ascii)$/.test(declared) ? 'windows-1252' : declared;
    // Pages that say "iso-8859-1" but are really UTF-8 are common: valid UTF-8 wins over the label.
    if (name === 'windows-1252') {
      try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
      } catch {
        /* fall through to the declared code page */
      }
    }
    return { text: iconv.decode(Buffer.from(bytes), name), encoding: name, warnings: [] };
  }
  const result = utf8OrWindows1256(bytes);
  if (result.encoding === 'windows-1256' && declared && /^utf-?8$/.test(declared)) {
    result.warnings = [
      { code: 'encoding_windows_1256', message: 'The page says it is UTF-8 but is not; it was read as Windows-1256 (Arabic).' },
    ];
  }
  return result;
}

function strictUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('unprocessable', 'The file says it is UTF-8 but contains bytes that are not valid UTF-8, so its text cannot be read.');
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  if (bytes.length % 2 !== 0) {
    throw new AppError('unprocessable', 'The file says it is UTF-16 but is cut off in the middle of a character, so its text cannot be read.');
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('unprocessable', 'The file says it is UTF-16 but contains invalid characters, so its text cannot be read.');
  }
}
