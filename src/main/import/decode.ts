/**
 * Bytes → string. Plain text: BOM first (UTF-8, UTF-16 LE/BE), then UTF-16 without a BOM when
 * the content leaves no doubt (guessUtf16), then strict UTF-8, then Windows-1256 (the Arabic
 * code page of older Windows tools) when strict UTF-8 fails.
 * HTML: BOM, then UTF-16 guessed the same way, then the page's own <meta charset>, then the same
 * strict UTF-8 / Windows-1256 rule.
 */
import iconv from 'iconv-lite';
import { AppError } from '@shared/errors';
import type { Warning } from '@shared/model';

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

/**
 * UTF-16 without a BOM, recognised by what it decodes to. Only bytes that could not be UTF-8 or
 * Windows-1256 text are considered: an even length, and some byte 0x00–0x08 in the first 64 KB
 * (UTF-16 of Latin, Greek, Cyrillic, Hebrew and Arabic letters always has such high bytes —
 * 0x00 for ASCII, 0x06 for Arabic — and real 8-bit text never has). Both byte orders are decoded;
 * one is taken only if it has no unpaired surrogate, no control other than tab, line breaks and
 * form feed, no noncharacter, unassigned or private-use code point, and at least 90% of its
 * characters are below U+0800 (Latin to Arabic and Thaana), Arabic presentation forms or the
 * zero-width and bidi marks and punctuation of U+200B–U+206F. The wrong byte order of such text
 * lands in CJK, Hangul and symbols instead (U+0627 ا read backwards is U+2706), and binary data
 * scatters over the whole range, so at most one order passes. Text of other scripts (CJK) without
 * a BOM is not guessed.
 */
export function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, GUESS_SAMPLE_BYTES);
  if (!sample.some((b) => b <= 0x08)) return null;
  let best: { encoding: 'utf-16le' | 'utf-16be'; score: number } | null = null;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    // a sample cut between the two halves of a surrogate pair leaves out the first half
    const high = encoding === 'utf-16le' ? sample[sample.length - 1] : sample[sample.length - 2];
    const cutPair = sample.length < bytes.length && high !== undefined && high >= 0xd8 && high <= 0xdb;
    const score = utf16Score(cutPair ? sample.subarray(0, sample.length - 2) : sample, encoding);
    if (score !== null && score >= 0.9 && (!best || score > best.score)) best = { encoding, score };
  }
  return best?.encoding ?? null;
}

const GUESS_SAMPLE_BYTES = 64 * 1024;
/** What real text does not contain: controls but tab, LF, FF and CR; noncharacters; unassigned and private-use code points. */
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\p{Cn}\p{Co}]/u;

/** The share of familiar characters in a strict decoding, or null if it is not text at all. */
function utf16Score(sample: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): number | null {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(sample);
  } catch {
    return null; // an unpaired surrogate
  }
  if (text.length === 0 || NOT_TEXT.test(text)) return null;
  let familiar = 0;
  let total = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    total++;
    if (
      cp < 0x800 ||
      (cp >= 0x200b && cp <= 0x206f) ||
      (cp >= 0xfb50 && cp <= 0xfdff) ||
      (cp >= 0xfe70 && cp <= 0xfeff)
    )
      familiar++;
  }
  return familiar / total;
}

function guessedUtf16(bytes: Uint8Array): Decoded | null {
  const encoding = guessUtf16(bytes);
  if (!encoding) return null;
  const order = encoding === 'utf-16le' ? 'LE, little-endian' : 'BE, big-endian';
  return {
    text: utf16(
      bytes,
      encoding,
      'The file looks like UTF-16 without a byte order mark but contains invalid characters, so its text cannot be read.',
    ),
    encoding,
    warnings: [
      {
        code: 'encoding_guessed',
        message: `The file has no byte order mark; it was read as UTF-16 (${order}), the encoding its content fits. Check that the text looks right.`,
      },
    ],
  };
}

function utf8OrWindows1256(bytes: Uint8Array): Decoded {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    return {
      text: iconv.decode(Buffer.from(bytes), 'windows-1256'),
      encoding: 'windows-1256',
      warnings: [WINDOWS_1256_WARNING],
    };
  }
}

export function decodeText(bytes: Uint8Array): Decoded {
  return fromBom(bytes) ?? guessedUtf16(bytes) ?? utf8OrWindows1256(bytes);
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
  const bom = fromBom(bytes) ?? guessedUtf16(bytes);
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
      {
        code: 'encoding_windows_1256',
        message: 'The page says it is UTF-8 but is not; it was read as Windows-1256 (Arabic).',
      },
    ];
  }
  return result;
}

function strictUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError(
      'unprocessable',
      'The file says it is UTF-8 but contains bytes that are not valid UTF-8, so its text cannot be read.',
    );
  }
}

function utf16(
  bytes: Uint8Array,
  encoding: 'utf-16le' | 'utf-16be',
  invalid = 'The file says it is UTF-16 but contains invalid characters, so its text cannot be read.',
): string {
  if (bytes.length % 2 !== 0) {
    throw new AppError(
      'unprocessable',
      'The file says it is UTF-16 but is cut off in the middle of a character, so its text cannot be read.',
    );
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('unprocessable', invalid);
  }
}
