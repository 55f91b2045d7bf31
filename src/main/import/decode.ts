/**
 * Bytes → string for plain-text files: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then
 * Windows-1256 (the Arabic code page of older Windows tools) when strict UTF-8 fails.
 */
import iconv from 'iconv-lite';
import { AppError } from '../../shared/errors';
import type { Warning } from '../../shared/model';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256';
  warnings: Warning[];
}

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3)), encoding: 'utf-8', warnings: [] };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: utf16(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', warnings: [] };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: utf16(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', warnings: [] };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', warnings: [] };
  } catch {
    const text = iconv.decode(Buffer.from(bytes), 'windows-1256');
    return {
      text,
      encoding: 'windows-1256',
      warnings: [{ code: 'encoding_windows_1256', message: 'The file is not UTF-8; it was read as Windows-1256 (Arabic).' }],
    };
  }
}

function strictUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('unprocessable', 'The file says it is UTF-8 but contains bytes that are not valid UTF-8.');
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  if (bytes.length % 2 !== 0) {
    throw new AppError('unprocessable', 'The file says it is UTF-16 but is cut off in the middle of a character.');
  }
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('unprocessable', 'The file says it is UTF-16 but contains invalid characters.');
  }
}
