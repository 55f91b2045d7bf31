/**
 * The hover card's state: the annotations under the pointer over the article, measured once per
 * frame, and again after a scroll (which moves the text under a still pointer).
 */
import { useEffect, useRef, useState, type MouseEvent, type RefObject } from 'react';
import type { Annotation } from '@shared/model';
import { annotationsAt } from './dom/hitTest';
import type { AnnotationSession } from './session/AnnotationSession';
import type { TextModel } from './textModel';

export interface Hover {
  x: number;
  y: number;
  items: Annotation[];
}

export function useHover(model: TextModel | null, article: RefObject<HTMLElement | null>, session: AnnotationSession) {
  const [hover, setHover] = useState<Hover | null>(null);
  const frame = useRef(0);
  /** where the pointer is over the article (null: elsewhere) */
  const pointer = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const update = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const at = pointer.current;
      const el = article.current;
      const items = at && model && el ? annotationsAt(model, el, session.getSnapshot().annotations, at.x, at.y) : [];
      setHover(at && items.length > 0 ? { x: at.x, y: at.y, items } : null);
    });
  };
  return {
    hover,
    onMouseMove: (e: MouseEvent) => {
      pointer.current = { x: e.clientX, y: e.clientY };
      update();
    },
    onMouseLeave: () => {
      pointer.current = null;
      cancelAnimationFrame(frame.current);
      setHover(null);
    },
    onScroll: () => {
      if (pointer.current) update();
    },
  };
}
