/**
 * Turning a raw selection into the span that gets tagged: never split a grapheme cluster, by
 * default grow outward to whole words, and drop white space at either end. Works on UTF-16
 * offsets of the whole text.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });

const WINDOW = 200;

function segmentsAround(
  text: string,
  u: number,
  segmenter: Intl.Segmenter,
): { from: number; segs: Intl.SegmentData[] } {
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

/*
 * Left-to-right runs inside right-to-left text. Where a number, a Latin name or a URL sits in an
 * Arabic line, one screen point is two places in the text: the left edge of «2011» in «منذ 2011»
 * is both the number's start and (next to it on screen) its end. A drag released there comes back
 * as a selection that ends before the number, dropping it; one pressed at the right end of a line
 * that begins with «Antonio Guterres» starts after the name. So a selection end at the start of
 * such a run, or a start at its end, takes the whole run.
 */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{Nd}]/u;
const MARK = /\p{M}/u;

/** A character that makes a left-to-right run: a digit (numbers always run left to right) or a non-RTL letter. */
const isLtrUnit = (ch: string) => LETTER_OR_DIGIT.test(ch) && (/\p{Nd}/u.test(ch) || !RTL_LETTER.test(ch));
const isRtlLetter = (ch: string) => LETTER_OR_DIGIT.test(ch) && !isLtrUnit(ch);
/** neither: spaces, punctuation, symbols, marks — they take the direction of their neighbours */
const isNeutral = (ch: string) => !isLtrUnit(ch) && !isRtlLetter(ch) && ch !== '\n';

const cpAt = (text: string, u: number) => String.fromCodePoint(text.codePointAt(u) as number);
function cpBefore(text: string, u: number): string {
  const low = text.charCodeAt(u - 1);
  return low >= 0xdc00 && low <= 0xdfff && u >= 2 ? text.slice(u - 2, u) : text.charAt(u - 1);
}

/** The character before u, past any marks on it (a mark belongs to the letter it sits on). */
function baseBefore(text: string, u: number): string {
  let i = u;
  let ch = cpBefore(text, i);
  while (MARK.test(ch) && i - ch.length > 0) {
    i -= ch.length;
    ch = cpBefore(text, i);
  }
  return ch;
}

/** Is an RTL letter, a paragraph edge or the text's edge the first thing past the neutrals from u? */
function rtlContext(text: string, u: number, step: 1 | -1): boolean {
  for (let i = u; step === 1 ? i < text.length : i > 0;) {
    const ch = step === 1 ? cpAt(text, i) : cpBefore(text, i);
    if (!isNeutral(ch)) return ch === '\n' || isRtlLetter(ch);
    i += step * ch.length;
  }
  return true;
}

/** Where the LTR run starting at u ends (after its last letter or digit and that one's marks). */
function ltrRunEnd(text: string, u: number): number {
  let end = u;
  for (let i = u; i < text.length;) {
    const ch = cpAt(text, i);
    if (ch === '\n' || isRtlLetter(ch)) break;
    i += ch.length;
    if (isLtrUnit(ch) || (MARK.test(ch) && end === i - ch.length)) end = i;
  }
  return end;
}

/** Where the LTR run ending at u starts (at its first letter or digit). */
function ltrRunStart(text: string, u: number): number {
  let start = u;
  for (let i = u; i > 0;) {
    const ch = cpBefore(text, i);
    if (ch === '\n' || isRtlLetter(ch)) break;
    i -= ch.length;
    if (isLtrUnit(ch)) start = i;
  }
  return start;
}

/** Widen a selection whose end or start lands on the edge of an LTR run inside RTL text. */
export function takeLtrRunsAtEdges(text: string, s: number, e: number): { start: number; end: number } {
  let start = s;
  let end = e;
  if (end < text.length && isLtrUnit(cpAt(text, end)) && rtlContext(text, end, -1)) end = ltrRunEnd(text, end);
  if (start > 0 && isLtrUnit(baseBefore(text, start)) && rtlContext(text, start, 1)) start = ltrRunStart(text, start);
  return { start, end };
}

/**
 * `rtl`: the text is laid out right to left (the document's direction), where the edges of
 * left-to-right runs are ambiguous on screen (see takeLtrRunsAtEdges).
 */
export function snapSpan(
  text: string,
  start: number,
  end: number,
  toWords: boolean,
  rtl = false,
): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  if (rtl && s < e) ({ start: s, end: e } = takeLtrRunsAtEdges(text, s, e));
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
