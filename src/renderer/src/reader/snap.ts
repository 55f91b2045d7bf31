/**
 * Turning a raw selection into the span that gets tagged: never split a grapheme cluster, by
 * default grow outward to whole words, and drop white space at either end. Works on UTF-16
 * offsets of the whole text.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

const WINDOW = 200;

function segmentsAround(text: string, u: number, segmenter: Intl.Segmenter): { from: number; segs: Intl.SegmentData[] } {
  // segment only a window around u, clipped to the paragraph so boundaries stay exact
  const paraStart = text.lastIndexOf('\n', u - 1) + 1;
  const nl = text.indexOf('\n', u);
  const paraEnd = nl === -1 ? text.length : nl;
  let from = Math.max(paraStart, u - WINDOW);
  const to = Math.min(paraEnd, u + WINDOW);
  // begin at a space where possible, so the first segment is not a cut word
  if (from > paraStart) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < u) from = space;
  }
  return { from, segs: [...segmenter.segment(text.slice(from, to))] };
}

function snapDown(text: string, u: number, segmenter: Intl.Segmenter, wordLike: boolean): number {
  const { from, segs } = segmentsAround(text, u, segmenter);
  for (const s of segs) {
    const a = from + s.index;
    const b = a + s.segment.length;
    if (u > a && u < b && (!wordLike || s.isWordLike)) return a;
  }
  return u;
}

function snapUp(text: string, u: number, segmenter: Intl.Segmenter, wordLike: boolean): number {
  const { from, segs } = segmentsAround(text, u, segmenter);
  for (const s of segs) {
    const a = from + s.index;
    const b = a + s.segment.length;
    if (u > a && u < b && (!wordLike || s.isWordLike)) return b;
  }
  return u;
}

export function snapSpan(text: string, start: number, end: number, toWords: boolean): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  // drop white space (and line breaks) at the edges
  while (s < e && /\s/.test(text[s] as string)) s++;
  while (e > s && /\s/.test(text[e - 1] as string)) e--;
  if (s >= e) return null;
  if (toWords) {
    s = snapDown(text, s, words, true);
    e = snapUp(text, e, words, true);
  }
  s = snapDown(text, s, graphemes, false);
  e = snapUp(text, e, graphemes, false);
  return s < e ? { start: s, end: e } : null;
}
