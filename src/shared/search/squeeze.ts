/**
 * The one-byte form of folded text that the search index keeps in memory for every document:
 * ASCII stays as it is, the Arabic block U+0600–U+067F moves to 0x80–0xFF, anything else becomes
 * 0x7F (UNKNOWN). V8 stores such a string in one byte per character, half the memory of Arabic as
 * UTF-16. Folded text that contains a folded string also contains it after this mapping, so a
 * search of the squeezed text never misses a document that has a hit.
 */
export const UNKNOWN = 0x7f;

export function squeezeUnit(c: number): number {
  return c < 0x7f ? c : c >= 0x0600 && c < 0x0680 ? c - 0x0580 : UNKNOWN;
}

export function squeeze(folded: string): string {
  let out = '';
  const CHUNK = 8192;
  const units = new Array<number>(Math.min(CHUNK, folded.length));
  for (let k = 0; k < folded.length; k += CHUNK) {
    const n = Math.min(CHUNK, folded.length - k);
    units.length = n;
    for (let i = 0; i < n; i++) units[i] = squeezeUnit(folded.charCodeAt(k + i));
    out += String.fromCharCode(...units);
  }
  return out;
}
