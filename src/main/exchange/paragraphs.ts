/**
 * Paragraph numbers (from 1) of code-point offsets. The canonical text separates paragraphs with
 * exactly one "\n" (DESIGN.md §3), so a paragraph number is one more than the newlines before.
 */
export function paragraphLocator(text: string): (cpOffset: number) => number {
  const breaks: number[] = [];
  if (!ASTRAL.test(text)) {
    // no surrogate pairs: UTF-16 offsets are code points, and indexOf finds the breaks natively
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) breaks.push(i);
    return locate(breaks);
  }
  let cp = 0;
  for (let i = 0; i < text.length; i++, cp++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) breaks.push(cp);
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return locate(breaks);
}

const ASTRAL = /[\uD800-\uDBFF]/;

function locate(breaks: readonly number[]): (cpOffset: number) => number {
  return (offset) => {
    // newlines strictly before the offset
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((breaks[mid] as number) < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}
