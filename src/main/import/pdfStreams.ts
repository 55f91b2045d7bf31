/**
 * A PDF's compressed streams are measured before pdf.js sees the file: a few hundred kilobytes of
 * deflated zeros can expand to gigabytes (a "zip bomb" in PDF clothing), and pdf.js would hold the
 * whole expansion in memory that the worker's heap cap does not count. Every FlateDecode stream
 * that is not an image (images are never decoded to read text) is inflated here under a byte cap,
 * layer by layer for filters applied twice, and the file is refused if any one stream or all of
 * them together expand past the limits. Streams that do not inflate (encrypted, damaged) are left
 * to pdf.js, which reads them under the worker's time cap.
 */
import { inflateSync } from 'node:zlib';
import { AppError } from '@shared/errors';

export const PDF_STREAM_LIMITS = {
  /** what one stream may expand to */
  maxStreamBytes: 64 * 1024 * 1024,
  /** what all streams together may expand to */
  maxTotalBytes: 256 * 1024 * 1024,
} as const;

const MB = 1024 * 1024;

function tooBig(limit: number): AppError {
  return new AppError(
    'unprocessable',
    `The PDF is not safe to read: its compressed contents expand to more than ${limit / MB} MB, far more than any text needs (it may be damaged or built to exhaust memory).`,
  );
}

function inflated(data: Buffer, cap: number): Buffer | null {
  try {
    return inflateSync(data, { maxOutputLength: cap + 1 });
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig(cap);
    return null;
  }
}

export function checkPdfStreams(bytes: Uint8Array, limits = PDF_STREAM_LIMITS): void {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keyword = Buffer.from('stream', 'latin1');
  const end = Buffer.from('endstream', 'latin1');
  let total = 0;
  let at = buffer.indexOf(keyword);
  while (at !== -1) {
    // "endstream" also contains "stream": only a keyword after the dictionary's ">>" starts a stream
    const before = buffer.toString('latin1', Math.max(0, at - 4096), at);
    const dictEnd = before.lastIndexOf('>>');
    if (dictEnd === -1 || before.slice(dictEnd + 2).trim() !== '' || before.endsWith('end')) {
      at = buffer.indexOf(keyword, at + keyword.length);
      continue;
    }
    const dictStart = Math.max(before.lastIndexOf(' obj'), before.lastIndexOf('\nobj'), 0);
    const dict = before.slice(dictStart, dictEnd + 2);
    let start = at + keyword.length;
    if (buffer[start] === 0x0d) start++;
    if (buffer[start] === 0x0a) start++;
    const stop = buffer.indexOf(end, start);
    const dataEnd = stop === -1 ? buffer.length : stop;
    if (!/\/Subtype\s*\/Image\b/.test(dict)) {
      const filters = /\/Filter\s*(\[[^\]]*\]|\/[A-Za-z0-9]+)/.exec(dict)?.[1] ?? '';
      const names = filters.match(/\/[A-Za-z0-9]+/g) ?? [];
      let data: Buffer | null = buffer.subarray(start, dataEnd);
      for (const name of names) {
        if (name !== '/FlateDecode' && name !== '/Fl') break;
        data = inflated(data, limits.maxStreamBytes);
        if (!data) break;
      }
      if (data && names.length > 0 && (names[0] === '/FlateDecode' || names[0] === '/Fl')) {
        total += data.length;
        if (total > limits.maxTotalBytes) throw tooBig(limits.maxTotalBytes);
      }
    }
    at = buffer.indexOf(keyword, dataEnd + end.length);
  }
}
