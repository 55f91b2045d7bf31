/**
 * The hover card's state: the annotations under the pointer over the article, measured once per
 * frame (in a requestAnimationFrame callback, where layout is already done: one caret look-up, no
 * layout of ours), and again after a scroll (which moves the text under a still pointer). The
 * state lives in a small store of its own, read by HoverLayer only: a pointer move or a scroll
 * renders the card, never the reader, its panel or its article.
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

/** The hover as a value one component subscribes to (useSyncExternalStore). */
export interface HoverStore {
  get(): Hover | null;
  subscribe(fn: () => void): () => void;
}

function sameItems(a: readonly Annotation[], b: readonly Annotation[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function createHoverStore(): HoverStore & { set(next: Hover | null): void } {
  let value: Hover | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    subscribe(fn) {
      listeners.add(fn);
      return () => void listeners.delete(fn);
    },
    set(next) {
      // the same annotations under the same point (a scroll that kept them there): nothing to render
      if (
        next === value ||
        (next && value && next.x === value.x && next.y === value.y && sameItems(next.items, value.items))
      )
        return;
      value = next;
      for (const fn of [...listeners]) fn();
    },
  };
}

export function useHover(model: TextModel | null, article: RefObject<HTMLElement | null>, session: AnnotationSession) {
  const [store] = useState(createHoverStore);
  const frame = useRef(0);
  /** where the pointer is over the article (null: elsewhere) */
  const pointer = useRef<{ x: number; y: number } | null>(null);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const update = () => {
    if (frame.current) return; // already asked for this frame
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const at = pointer.current;
      const el = article.current;
      const items = at && model && el ? annotationsAt(model, el, session.getSnapshot().annotations, at.x, at.y) : [];
      store.set(at && items.length > 0 ? { x: at.x, y: at.y, items } : null);
    });
  };
  return {
    hover: store as HoverStore,
    onMouseMove: (e: MouseEvent) => {
      pointer.current = { x: e.clientX, y: e.clientY };
      update();
    },
    onMouseLeave: () => {
      pointer.current = null;
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      store.set(null);
    },
    onScroll: () => {
      if (pointer.current) update();
    },
  };
}
