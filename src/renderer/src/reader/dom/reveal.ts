/** Scroll a code-point span into view (a third down the scroller) and flash it. Pure DOM. */
import { flashRange } from '../highlights';
import { rangeForSpan, type TextModel } from '../textModel';

export function revealSpan(
  model: TextModel,
  article: HTMLElement,
  scroller: HTMLElement,
  start: number,
  end: number,
): void {
  const range = rangeForSpan(model, article, start, end);
  if (!range) return;
  const rect = range.getBoundingClientRect();
  const box = scroller.getBoundingClientRect();
  if (rect.top < box.top + 40 || rect.bottom > box.bottom - 40) {
    scroller.scrollTop += rect.top - box.top - box.height / 3;
  }
  flashRange(range);
}
