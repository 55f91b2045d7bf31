/**
 * Turning a span of a document into a hit a researcher can read in a results list: the span
 * widened to whole characters (a letter with its marks, a whole emoji), a little text before and
 * after it from the same paragraph, and the paragraph's number.
 */
import { isGraphemeBoundary } from '@shared/text/anchor';
import { isInvisible } from '@shared/search/normalize';
import { createOffsetMap, type OffsetMap } from '@shared/text/codepoints';

/** code points of context on each side */
export const CONTEXT = 40;

export interface TextView {
  text: string;
  map: OffsetMap;
  /** UTF-16 offsets of every "\n" */
  breaks: number[];
}

export function textView(text: string): TextView {
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks.push(i);
  return { text, map: createOffsetMap(text), breaks };
}

/** number of breaks before UTF-16 offset u */
function breaksBefore(view: TextView, u: number): number {
  let lo = 0;
  let hi = view.breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((view.breaks[mid] as number) < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A character before which the grapheme rules always break, whatever precedes it (bar a Prepend or ZWJ). */
const startsCluster = (c: number) =>
  (c >= 0x20 && c <= 0x7e) || (c >= 0x0621 && c <= 0x064a) || c === 0x0a || (c >= 0x0660 && c <= 0x0669);
/** Prepend characters of the BMP (Arabic number signs and a few others): no break after them. */
const isPrepend = (c: number) =>
  (c >= 0x0600 && c <= 0x0605) ||
  c === 0x06dd ||
  c === 0x070f ||
  c === 0x0890 ||
  c === 0x0891 ||
  c === 0x08e2 ||
  c === 0x0d4e;

/** isGraphemeBoundary, with a shortcut for the common case of a plain Arabic or ASCII character. */
function isBoundary(text: string, u: number): boolean {
  if (u <= 0 || u >= text.length) return true;
  const c = text.charCodeAt(u);
  const p = text.charCodeAt(u - 1);
  if (startsCluster(c) && !isPrepend(p) && p !== 0x200d && p !== 0x0d && !(p >= 0xd800 && p <= 0xdfff)) return true;
  return isGraphemeBoundary(text, u);
}

/**
 * Narrow a code-point span so it neither starts nor ends with an invisible mark (a zero-width
 * joiner or non-joiner, a bidi control): folding drops them, so a hit's end would otherwise take
 * in the mark that follows its last letter.
 */
export function trimInvisibleEdges(
  view: TextView,
  span: { start: number; end: number },
): { start: number; end: number } {
  let { start, end } = span;
  const at = (cp: number) => view.text.codePointAt(view.map.toUtf16(cp)) ?? 0;
  while (end > start && isInvisible(at(end - 1))) end--;
  while (start < end && isInvisible(at(start))) start++;
  return { start, end };
}

/** Widen a code-point span so it neither starts nor ends inside a grapheme cluster. */
export function snapToGraphemes(view: TextView, start: number, end: number): { start: number; end: number } {
  let s = view.map.toUtf16(start);
  let e = view.map.toUtf16(end);
  while (s > 0 && !isBoundary(view.text, s)) s--;
  while (e < view.text.length && !isBoundary(view.text, e)) e++;
  return { start: view.map.toCp(s), end: view.map.toCp(e) };
}

export interface HitContext {
  before: string;
  match: string;
  after: string;
  paragraph: number;
}

export function hitContext(view: TextView, start: number, end: number): HitContext {
  const s = view.map.toUtf16(start);
  const e = view.map.toUtf16(end);
  const k = breaksBefore(view, s);
  const paraStart = k === 0 ? 0 : (view.breaks[k - 1] as number) + 1;
  const nextBreak = view.breaks[breaksBefore(view, e)];
  const paraEnd = nextBreak === undefined ? view.text.length : nextBreak;
  let from = Math.max(view.map.toCp(paraStart), start - CONTEXT);
  let to = Math.min(view.map.toCp(Math.max(paraEnd, e)), end + CONTEXT);
  // the context does not begin with a stray mark or end inside an emoji
  while (from < start && !isBoundary(view.text, view.map.toUtf16(from))) from++;
  while (to > end && !isBoundary(view.text, view.map.toUtf16(to))) to--;
  return {
    before: view.map.slice(from, start),
    match: view.map.slice(start, end),
    after: view.map.slice(end, to),
    paragraph: k + 1,
  };
}
