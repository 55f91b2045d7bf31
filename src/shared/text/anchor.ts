/**
 * Anchoring a span of the canonical text: the quote it covers and the context around it (the W3C
 * TextQuoteSelector's prefix and suffix), all computed from the stored text, never from a client.
 */
import type { OffsetMap } from './codepoints';

export const CONTEXT_CODE_POINTS = 32;

export interface Anchor {
  quote: string;
  prefix: string;
  suffix: string;
}

export function anchorSpan(map: OffsetMap, start: number, end: number): Anchor {
  return {
    quote: map.slice(start, end),
    prefix: map.slice(Math.max(0, start - CONTEXT_CODE_POINTS), start),
    suffix: map.slice(end, Math.min(map.cpLength, end + CONTEXT_CODE_POINTS)),
  };
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** How far back a window may reach for a certain boundary (a run without spaces longer than
 * this is segmented from its limit, which keeps the check cheap on any text). */
const MAX_LOOKBACK = 65_536;

/**
 * Whether a UTF-16 offset falls on a grapheme-cluster boundary (a span must not split a letter
 * from its combining marks, an emoji sequence, or a regional-indicator flag). Only a window
 * around the offset is segmented, so this is cheap on long texts. The window starts just before a
 * space or line break, which is always a boundary: starting anywhere else could pair the flags
 * of a long run of flags the wrong way.
 */
export function isGraphemeBoundary(text: string, utf16: number): boolean {
  if (utf16 <= 0 || utf16 >= text.length) return true;
  const near = Math.max(0, utf16 - 64);
  const limit = Math.max(0, utf16 - MAX_LOOKBACK);
  let from = Math.max(text.lastIndexOf(' ', near), text.lastIndexOf('\n', near), limit);
  // do not start the window inside a surrogate pair
  const c = text.charCodeAt(from);
  if (c >= 0xdc00 && c <= 0xdfff) from--;
  const window = text.slice(from, Math.min(text.length, utf16 + 64));
  for (const seg of segmenter.segment(window)) {
    const at = from + seg.index;
    if (at === utf16) return true;
    if (at > utf16) return false;
  }
  return false;
}
