/**
 * What the reader offers to features that work inside it (find bar, codebook tools): the text
 * model, the article element, the annotations, and the same create/undo path the reader uses.
 */
import { createContext, useContext } from 'react';
import type { Annotation, Document } from '@shared/model';
import type { UndoStep } from '../app/undo';
import type { TextModel } from './textModel';

export interface ReaderApi {
  document: Document;
  model: TextModel;
  /** the <article> holding the paragraphs; null before first render */
  article(): HTMLElement | null;
  annotations: readonly Annotation[];
  /** create annotations for code-point spans with the given codes, as ONE undo step */
  tagSpans(spans: ReadonlyArray<{ start: number; end: number }>, codes: string[]): Promise<Annotation[]>;
  pushUndo(step: UndoStep): void;
  /** re-read the document's annotations from the API */
  reloadAnnotations(): Promise<void>;
  /** scroll to a code-point span and flash it */
  reveal(start: number, end: number): void;
  announce(message: string): void;
}

export const ReaderContext = createContext<ReaderApi | null>(null);

export function useReader(): ReaderApi {
  const ctx = useContext(ReaderContext);
  if (!ctx) throw new Error('useReader outside the reader');
  return ctx;
}
