/**
 * Windowing for long lists (10,000 documents, 5,000 annotations): only the rows in view, plus a
 * margin, are rendered; spacers keep the scroll height true. Rows have a fixed height.
 */
import { useEffect, useState, type RefObject } from 'react';

export interface RowWindow {
  start: number;
  end: number;
  padBefore: number;
  padAfter: number;
}

export function computeWindow(
  count: number,
  rowHeight: number,
  scrollTop: number,
  viewport: number,
  overscan = 8,
): RowWindow {
  if (count === 0) return { start: 0, end: 0, padBefore: 0, padAfter: 0 };
  const visible = Math.ceil(Math.max(viewport, rowHeight) / rowHeight) + 2 * overscan;
  const first = Math.max(0, Math.min(Math.floor(scrollTop / rowHeight) - overscan, count - visible));
  const end = Math.min(count, first + visible);
  return { start: first, end, padBefore: first * rowHeight, padAfter: (count - end) * rowHeight };
}

/** Track a scroll container and return which rows to render. */
export function useWindowedRows(
  ref: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  offset = 0,
): RowWindow {
  const [view, setView] = useState({ scrollTop: 0, height: 800 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setView({ scrollTop: el.scrollTop, height: el.clientHeight }));
    };
    read();
    el.addEventListener('scroll', read, { passive: true });
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', read);
      observer.disconnect();
    };
  }, [ref]);
  return computeWindow(count, rowHeight, Math.max(0, view.scrollTop - offset), view.height);
}
