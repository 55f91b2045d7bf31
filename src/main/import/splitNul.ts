/**
 * Corpora whose articles are joined by NUL bytes. A NUL is dropped by the decoder (or makes the
 * file "binary"), so before sniffing and decoding, the NUL runs of a file that has at least two of
 * them are turned into form feeds, which the separator splitter reads as article breaks. Only
 * 8-bit text (UTF-8, Windows-1256) is touched: in UTF-16 every other byte is a NUL.
 */
import { guessUtf16 } from './decode';

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The bytes with each run of NULs as one form feed, or null when there are fewer than two runs. */
export function nulRunsToFormFeeds(bytes: Uint8Array): Uint8Array | null {
  if (hasUtf16Bom(bytes) || guessUtf16(bytes)) return null;
  let runs = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0 && bytes[i - 1] !== 0) runs++;
  if (runs < 2) return null;
  const out = new Uint8Array(bytes.length);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0) out[n++] = bytes[i] as number;
    else if (bytes[i - 1] !== 0) out[n++] = 0x0c;
  }
  return out.subarray(0, n);
}
