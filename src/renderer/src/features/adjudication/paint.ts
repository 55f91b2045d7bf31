/**
 * The two coders' tracks painted with the CSS Custom Highlight API, as the reader paints
 * annotations, so the article's DOM is untouched and Arabic letters stay joined: coder A's spans
 * shaded, coder B's underlined, the current difference outlined in a stronger shade.
 */
import { createOffsetMap } from '@shared/text/codepoints';
import { rangeForSpan, type TextModel } from '../../reader';

export const TRACK_A = 'adj-a';
export const TRACK_B = 'adj-b';
export const CURRENT = 'adj-current';

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS;

/** The model rangeForSpan reads: paragraphs (one per line) with their UTF-16 starts. */
export function textModelOf(text: string): TextModel {
  let start = 0;
  const paragraphs = text.split('\n').map((p, index) => {
    const para = { index, text: p, start };
    start += p.length + 1;
    return para;
  });
  return { text, paragraphs, map: createOffsetMap(text) };
}

type Span = { start: number; end: number };

export function paintTracks(
  model: TextModel,
  article: Element,
  a: readonly Span[],
  b: readonly Span[],
  current: Span | null,
): Range | null {
  if (!supported()) return null;
  const ranges = (spans: readonly Span[]) =>
    spans.map((s) => rangeForSpan(model, article, s.start, s.end)).filter((r): r is Range => r !== null);
  CSS.highlights.set(TRACK_A, new Highlight(...ranges(a)));
  CSS.highlights.set(TRACK_B, new Highlight(...ranges(b)));
  const range = current ? rangeForSpan(model, article, current.start, current.end) : null;
  if (range) {
    const highlight = new Highlight(range);
    highlight.priority = 1;
    CSS.highlights.set(CURRENT, highlight);
  } else CSS.highlights.delete(CURRENT);
  return range;
}

export function clearTracks(): void {
  if (!supported()) return;
  for (const name of [TRACK_A, TRACK_B, CURRENT]) CSS.highlights.delete(name);
}
