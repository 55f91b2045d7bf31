/**
 * A filter for whole-word search (match.ts's isWholeWord) on the search index's one-byte copy of
 * a document (squeeze.ts). The Unicode word-break rules never put a boundary between two letters
 * or digits (WB5, WB8–WB10), so an occurrence of the query whose first unit is a letter right
 * after a letter (لخليفة for خليفة), or whose last unit is a letter right before one, is not a
 * whole word, whatever the rest of the text. Every other occurrence may be one: the real search
 * decides. The filter text must be the squeezed form of exactly the text the search folds (a
 * letter variant of the index's folding read through its table), so that neighbours are real.
 */
import { squeezedIndexOf } from './wordMatch';

/**
 * A squeezed unit that joins any other such unit into one word: ASCII letters and digits, the
 * Arabic letters U+0621–U+064A (tatweel included), the Arabic-Indic digits and the letters
 * U+066E–U+066F and U+0671–U+067F (checked against Intl.Segmenter in wholeWordFilter.test.ts).
 */
export function joinsWord(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return (c >= 0xa1 && c <= 0xca) || (c >= 0xe0 && c <= 0xe9) || c === 0xee || c === 0xef || (c >= 0xf1 && c <= 0xff);
}

/**
 * Whether the squeezed `text` (read through `table`) may hold `piece` (a squeezed folded query)
 * as a whole word: false only when every occurrence is glued to a letter or digit on a side
 * where the query itself begins or ends with one.
 */
export function squeezedMayHoldWholeWord(table: Uint8Array | null): (text: string, piece: string) => boolean {
  const indexOf = squeezedIndexOf(table);
  const unit = (text: string, i: number) => {
    const c = text.charCodeAt(i);
    return table ? (table[c & 0xff] as number) : c;
  };
  return (text, piece) => {
    if (piece === '') return true;
    const first = joinsWord(piece.charCodeAt(0));
    const last = joinsWord(piece.charCodeAt(piece.length - 1));
    for (let at = indexOf(text, piece, 0); at !== -1; at = indexOf(text, piece, at + 1)) {
      const end = at + piece.length;
      if (first && at > 0 && joinsWord(unit(text, at - 1))) continue;
      if (last && end < text.length && joinsWord(unit(text, end))) continue;
      return true;
    }
    return false;
  };
}
