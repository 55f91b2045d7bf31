/**
 * The selection inside the article as a code-point span of the canonical text, snapped to whole
 * words when the setting asks. Pure: reads the DOM it is given, holds no state.
 */
import { snapSpan } from '../snap';
import { domToUtf16, type TextModel } from '../textModel';

export interface Span {
  start: number;
  end: number;
}

/** The selection's first range inside `article`, or null when nothing there is selected. */
export function selectionSpan(
  model: TextModel,
  article: HTMLElement,
  sel: Selection | null,
  snapToWords: boolean,
  rtl: boolean,
): Span | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!range.intersectsNode(article)) return null;
  const startIn = article.contains(range.startContainer);
  const endIn = article.contains(range.endContainer);
  const s = startIn ? domToUtf16(model, article, range.startContainer, range.startOffset) : 0;
  const e = endIn ? domToUtf16(model, article, range.endContainer, range.endOffset) : model.text.length;
  if (s === null || e === null) return null;
  const snapped = snapSpan(model.text, s, e, snapToWords, rtl);
  if (!snapped) return null;
  return { start: model.map.toCp(snapped.start), end: model.map.toCp(snapped.end) };
}
