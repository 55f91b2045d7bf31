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

/**
 * The usual case, answered without segmenting (a tag-all of 1,000 hits checks 2,000 offsets):
 * before a visible ASCII character, an Arabic letter (not a mark), an Arabic-Indic digit or a line
 * feed, the grapheme rules (UAX #29) always break unless what precedes is a Prepend character
 * (the Arabic number signs U+0600–U+0605 and a few others), a zero-width joiner, a carriage
 * return (CR LF is one cluster) or half of a surrogate pair. Anything else goes to the segmenter.
 */
function plainBreak(before: number, at: number): boolean {
  const starts =
    (at >= 0x20 && at <= 0x7e) || (at >= 0x0621 && at <= 0x064a) || at === 0x0a || (at >= 0x0660 && at <= 0x0669);
  if (!starts) return false;
  const prepend =
    (before >= 0x0600 && before <= 0x0605) ||
    before === 0x06dd ||
    before === 0x070f ||
    before === 0x0890 ||
    before === 0x0891 ||
    before === 0x08e2 ||
    before === 0x0d4e ||
    (before >= 0xd800 && before <= 0xdfff);
  return !prepend && before !== 0x200d && before !== 0x0d;
}

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
  if (plainBreak(text.charCodeAt(utf16 - 1), text.charCodeAt(utf16))) return true;
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
