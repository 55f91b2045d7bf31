/**
 * Re-anchoring an imported annotation in this project's copy of the text (after hypothesis/client's
 * anchoring): trust the TextPositionSelector when the text there is the TextQuoteSelector's exact
 * quote; otherwise search for the quote, preferring the occurrence whose surrounding text best
 * matches the prefix and suffix, then the one nearest the old position; as a last resort compare
 * with Arabic diacritics, tatweel, letter variants, direction marks and white space ignored.
 * Returns null when the text is not there; the caller reports it as an orphan.
 */
import { isGraphemeBoundary } from '@shared/text/anchor';
import type { OffsetMap } from '@shared/text/codepoints';

export type AnchorMethod = 'position' | 'context' | 'quote' | 'fuzzy';

export interface Selectors {
  start: number | null;
  end: number | null;
  exact: string | null;
  prefix: string;
  suffix: string;
}

export interface Found {
  start: number;
  end: number;
  method: AnchorMethod;
}

const MAX_CANDIDATES = 10000;

function commonSuffixLength(a: string, text: string, before: number): number {
  let n = 0;
  while (n < a.length && before - n - 1 >= 0 && a.charCodeAt(a.length - 1 - n) === text.charCodeAt(before - n - 1)) n++;
  return n;
}

function commonPrefixLength(a: string, text: string, from: number): number {
  let n = 0;
  while (n < a.length && from + n < text.length && a.charCodeAt(n) === text.charCodeAt(from + n)) n++;
  return n;
}

/**
 * Characters that never join a neighbour into one grapheme: visible ASCII, the space, and the
 * Arabic letters (not their marks, not the Prepend number signs U+0600–U+0605).
 */
const plain = (c: number) => (c >= 0x20 && c < 0x7f) || (c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a);

/**
 * isGraphemeBoundary, answered at once between two plain characters (the usual case): an
 * import of 130,000 annotations checks 260,000 offsets, and segmenting text around each costs
 * seconds. Anything else (marks, emoji, line breaks) goes through the segmenter.
 */
function boundary(text: string, u: number): boolean {
  if (u > 0 && u < text.length && plain(text.charCodeAt(u - 1)) && plain(text.charCodeAt(u))) return true;
  return isGraphemeBoundary(text, u);
}

function usable(text: string, map: OffsetMap, start: number, end: number): boolean {
  if (!(start >= 0 && end > start && end <= map.cpLength)) return false;
  const u0 = map.toUtf16(start);
  const u1 = map.toUtf16(end);
  return boundary(text, u0) && boundary(text, u1) && text.slice(u0, u1).trim() !== '';
}

/** Exact occurrences of the quote, best first: context agreement, then nearness to the old start. */
function byQuote(text: string, map: OffsetMap, s: Selectors & { exact: string }): Found | null {
  let best: { u: number; start: number; score: number; distance: number; full: boolean } | null = null;
  let seen = 0;
  for (let u = text.indexOf(s.exact); u !== -1 && seen < MAX_CANDIDATES; u = text.indexOf(s.exact, u + 1), seen++) {
    const start = map.toCp(u);
    const p = commonSuffixLength(s.prefix, text, u);
    const q = commonPrefixLength(s.suffix, text, u + s.exact.length);
    const score = p + q;
    const full = s.prefix.length + s.suffix.length > 0 && p === s.prefix.length && q === s.suffix.length;
    const distance = s.start === null ? start : Math.abs(start - s.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance))
      best = { u, start, score, distance, full };
  }
  if (!best) return null;
  return { start: best.start, end: map.toCp(best.u + s.exact.length), method: best.full ? 'context' : 'quote' };
}

// --- the lenient comparison ---------------------------------------------------------------
const IGNORED = (c: number) =>
  (c >= 0x064b && c <= 0x065f) ||
  c === 0x0670 ||
  c === 0x0640 ||
  c === 0x200e ||
  c === 0x200f ||
  c === 0x061c ||
  (c >= 0x202a && c <= 0x202e) ||
  (c >= 0x2066 && c <= 0x2069) ||
  c === 0x200c ||
  c === 0x200d;
const FOLD = new Map([
  ['أ', 'ا'],
  ['إ', 'ا'],
  ['آ', 'ا'],
  ['ٱ', 'ا'],
  ['ى', 'ي'],
  ['ة', 'ه'],
  ['ؤ', 'و'],
  ['ئ', 'ي'],
]);

/** The folded text and, for each folded UTF-16 unit, where it came from in the original. */
function fold(s: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  let lastSpace = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (IGNORED(c)) continue;
    const ch = s[i] as string;
    if (/\s/.test(ch)) {
      if (!lastSpace) {
        out += ' ';
        origin.push(i);
      }
      lastSpace = true;
      continue;
    }
    lastSpace = false;
    const f = (FOLD.get(ch) ?? ch).toLowerCase();
    for (let k = 0; k < f.length; k++) {
      out += f[k];
      origin.push(i);
    }
  }
  return { text: out, origin };
}

function byFoldedQuote(text: string, map: OffsetMap, s: Selectors & { exact: string }): Found | null {
  const needle = fold(s.exact).text.trim();
  if (needle.length === 0) return null;
  const hay = fold(text);
  let best: { u0: number; u1: number; distance: number } | null = null;
  let seen = 0;
  for (
    let i = hay.text.indexOf(needle);
    i !== -1 && seen < MAX_CANDIDATES;
    i = hay.text.indexOf(needle, i + 1), seen++
  ) {
    const u0 = hay.origin[i] as number;
    let u1 = (hay.origin[i + needle.length - 1] as number) + 1;
    // extend over marks the comparison skipped so the span ends on a whole character
    while (u1 < text.length && !isGraphemeBoundary(text, u1)) u1++;
    const distance = s.start === null ? u0 : Math.abs(map.toCp(u0) - s.start);
    if (!best || distance < best.distance) best = { u0, u1, distance };
  }
  return best ? { start: map.toCp(best.u0), end: map.toCp(best.u1), method: 'fuzzy' } : null;
}

export function reanchor(text: string, map: OffsetMap, s: Selectors): Found | null {
  if (s.start !== null && s.end !== null && usable(text, map, s.start, s.end)) {
    if (s.exact === null || map.slice(s.start, s.end) === s.exact)
      return { start: s.start, end: s.end, method: 'position' };
  }
  if (s.exact === null) return null;
  const withExact = { ...s, exact: s.exact };
  const found = byQuote(text, map, withExact) ?? byFoldedQuote(text, map, withExact);
  return found && usable(text, map, found.start, found.end) ? found : null;
}
