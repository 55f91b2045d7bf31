/**
 * Finding a folded query in a folded text: every occurrence, left to right, not overlapping,
 * optionally only whole words (word boundaries from Intl.Segmenter, so Arabic, Latin and digits
 * follow the Unicode word-break rules rather than a hand-made \b).
 */

export interface FoldedMatch {
  /** UTF-16 offsets into the folded text, end exclusive */
  start: number;
  end: number;
}

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** How far around a match the word boundaries are looked for. */
const WINDOW = 80;

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}

/** An ASCII or Arabic letter or digit: a character the word-break rules class as a letter or a number (ALetter, Numeric). */
function isPlainWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x0660 && c <= 0x0669);
}

/** A space or a line break: no word-break rule joins one to a letter or digit on either side of it. */
const isSpaceOrBreak = (c: number) => c === 0x20 || c === 0x0a;

/**
 * Whether [start, end) of `text` begins and ends on word boundaries. Where each end is the
 * text's edge or a letter or digit against a space or line break, the boundary is certain
 * (UAX #29: WB3a, WB3b, WB999) and the segmenter is not asked: most hits of a whole-word search
 * of news text stand between spaces, and asking it cost a few microseconds each.
 */
export function isWholeWord(text: string, start: number, end: number): boolean {
  const startSure =
    start === 0 || (isSpaceOrBreak(text.charCodeAt(start - 1)) && isPlainWordChar(text.charCodeAt(start)));
  const endSure =
    end === text.length || (isSpaceOrBreak(text.charCodeAt(end)) && isPlainWordChar(text.charCodeAt(end - 1)));
  return (startSure && endSure) || isWholeWordBySegmenter(text, start, end);
}

/** isWholeWord as the word segmenter answers it, around the span (for the cases the rules leave open). */
export function isWholeWordBySegmenter(text: string, start: number, end: number): boolean {
  let from = Math.max(0, start - WINDOW);
  if (from > 0 && isLowSurrogate(text, from)) from--;
  let to = Math.min(text.length, end + WINDOW);
  if (to < text.length && isLowSurrogate(text, to)) to++;
  // a window edge inside a word would count as a boundary: start it at white space if there is any
  const ws = text.lastIndexOf(' ', start - 1);
  const nl = text.lastIndexOf('\n', start - 1);
  const before = Math.max(ws, nl);
  if (before >= from) from = before;
  let atStart = start === 0 || start === text.length;
  let atEnd = end === 0 || end === text.length;
  if (atStart && atEnd) return true;
  for (const seg of wordSegmenter.segment(text.slice(from, to))) {
    const at = from + seg.index;
    if (at === start) atStart = true;
    if (at === end) atEnd = true;
    if (at > end) break;
  }
  return atStart && atEnd;
}

/** Every occurrence of `needle` in `haystack`, up to `limit` (pass limit + 1 to learn whether there are more). */
export function findAll(
  haystack: string,
  needle: string,
  options: { wholeWord?: boolean; limit?: number } = {},
): FoldedMatch[] {
  const out: FoldedMatch[] = [];
  if (needle.length === 0) return out;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let from = 0;
  while (out.length < limit) {
    const at = haystack.indexOf(needle, from);
    if (at === -1) break;
    const end = at + needle.length;
    if (options.wholeWord && !isWholeWord(haystack, at, end)) {
      from = at + 1;
      continue;
    }
    out.push({ start: at, end });
    from = end;
  }
  return out;
}
