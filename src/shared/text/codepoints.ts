/**
 * Code-point offsets. Everything stored or exported counts Unicode code points (what Python's
 * text[start:end] and R's substr count); JavaScript strings count UTF-16 units. These helpers
 * convert at the edge. An OffsetMap is built once per text and converts in O(log n).
 */

/** Number of code points in a string. */
export function cpLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

export interface OffsetMap {
  /** code points in the text */
  readonly cpLength: number;
  /** UTF-16 offset of a code-point offset (0..cpLength) */
  toUtf16(cp: number): number;
  /** code-point offset of a UTF-16 offset; an offset inside a surrogate pair rounds down */
  toCp(utf16: number): number;
  /** text[start:end] in code points */
  slice(start: number, end: number): string;
}

export function createOffsetMap(text: string): OffsetMap {
  // UTF-16 positions of the high surrogate of every astral character, in order.
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        pairs.push(i);
        i++;
      }
    }
  }
  const length = text.length - pairs.length;

  // count of pairs whose high surrogate is at a UTF-16 position < u
  const pairsBeforeUtf16 = (u: number): number => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[mid] as number) < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // count of pairs that start before code point cp: pair k sits at code point pairs[k] - k
  const pairsBeforeCp = (cp: number): number => {
    let lo = 0;
    let hi = pairs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((pairs[mid] as number) - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  const toUtf16 = (cp: number): number => {
    const c = Math.max(0, Math.min(cp, length));
    return c + pairsBeforeCp(c);
  };
  const toCp = (utf16: number): number => {
    const u = Math.max(0, Math.min(utf16, text.length));
    // u - (pairs starting before u); an offset inside a pair thereby rounds down to its start
    return u - pairsBeforeUtf16(u);
  };
  return {
    cpLength: length,
    toUtf16,
    toCp,
    slice: (start, end) => text.slice(toUtf16(start), toUtf16(end)),
  };
}

/** text[start:end] in code points, for one-off use (builds no index). */
export function sliceCp(text: string, start: number, end: number): string {
  return createOffsetMap(text).slice(start, end);
}
