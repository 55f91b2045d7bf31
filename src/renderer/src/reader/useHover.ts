/**
 * The hover card's state: the annotations under the pointer over the article, hit-tested once per
 * frame at most (pointer moves coalesced into one requestAnimationFrame callback: one caret
 * look-up, then the spans of that paragraph). While the article scrolls the card is put away and
 * nothing is hit-tested (a scroll frame does no work for it); once scrolling has stopped, the point
 * under the still pointer is looked at again. The state lives in a HoverStore, not in the
 * reader's React state, so a hover renders the card alone.
 */
import { useEffect, useRef, useState, type MouseEvent, type RefObject } from 'react';
import { annotationsAt } from './dom/hitTest';
import { HoverStore } from './hoverStore';
import type { AnnotationSession } from './session/AnnotationSession';
import type { TextModel } from './textModel';

export type { Hover } from './hoverStore';

/** quiet time after the last scroll event before the point under the pointer is looked at again */
const SCROLL_SETTLE_MS = 120;

export function useHover(model: TextModel | null, article: RefObject<HTMLElement | null>, session: AnnotationSession) {
  const [store] = useState(() => new HoverStore());
  const frame = useRef(0);
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** where the pointer is over the article (null: elsewhere) */
  const pointer = useRef<{ x: number; y: number } | null>(null);
  useEffect(
    () => () => {
      cancelAnimationFrame(frame.current);
      clearTimeout(settle.current);
    },
    [],
  );
  const look = () => {
    if (frame.current) return; // one look a frame, at the latest point
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const at = pointer.current;
      const el = article.current;
      const items = at && model && el ? annotationsAt(model, el, session.getSnapshot().annotations, at.x, at.y) : [];
      store.set(at && items.length > 0 ? { x: at.x, y: at.y, items } : null);
    });
  };
  return {
    hover: store,
    onMouseMove: (e: MouseEvent) => {
      pointer.current = { x: e.clientX, y: e.clientY };
      if (settle.current === undefined) look();
    },
    onMouseLeave: () => {
      pointer.current = null;
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      store.set(null);
    },
    onScroll: () => {
      if (!pointer.current) return;
      // the text moves under a still pointer: no card (and no hit-test) until the scroll stops
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      store.set(null);
      clearTimeout(settle.current);
      settle.current = setTimeout(() => {
        settle.current = undefined;
        look();
      }, SCROLL_SETTLE_MS);
    },
  };
}
