/**
 * Which annotations lie under a screen point (hit-testing by caret position), innermost first.
 * Pure: reads the DOM it is given, holds no state.
 */
import type { Annotation } from '@shared/model';
import { domToUtf16, paragraphAt, type TextModel } from '../textModel';
import { annotationsAtPoint } from './hitIndex';

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
  // one caret look-up, then only the spans of the paragraph under the point (no box per annotation)
  return annotationsAtPoint(model, annotations, paragraphAt(model, u), model.map.toCp(u));
}
