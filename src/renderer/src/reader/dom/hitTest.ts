/**
 * Which annotations lie under a screen point (hit-testing by caret position), innermost first.
 * Pure: reads the DOM it is given, holds no state.
 */
import type { Annotation } from '@shared/model';
import { domToUtf16, type TextModel } from '../textModel';

interface CaretPositionLike {
  offsetNode: Node;
  offset: number;
}

/** The caret position at a viewport point, by whichever API the browser has. */
export function caretAt(doc: Document, x: number, y: number): CaretPositionLike | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => CaretPositionLike | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (d.caretPositionFromPoint) return d.caretPositionFromPoint(x, y);
  const r = d.caretRangeFromPoint?.(x, y);
  return r ? { offsetNode: r.startContainer, offset: r.startOffset } : null;
}

export function annotationsAt(
  model: TextModel,
  article: HTMLElement,
  annotations: readonly Annotation[],
  x: number,
  y: number,
): Annotation[] {
  const caret = caretAt(article.ownerDocument, x, y);
  if (!caret) return [];
  const u = domToUtf16(model, article, caret.offsetNode, caret.offset);
  if (u === null) return [];
  const cp = model.map.toCp(u);
  return annotations.filter((a) => a.start <= cp && cp < a.end).sort((a, b) => a.end - a.start - (b.end - b.start));
}
