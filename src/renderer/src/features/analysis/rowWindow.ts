/**
 * Which rows of the claims table to render (ClaimsTable.tsx): its rows have one fixed height, so
 * the rows in view are found by arithmetic, whatever the count (a virtualiser that measures each
 * row builds a list as long as the table at every new count: 100,000 entries for every claim).
 * The rows in view, and `overscan` more each way; positions are index × row height.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

export interface RowRange {
  /** the first row to render */
  first: number;
  /** one past the last */
  end: number;
}

/** The rows in view of a list scrolled to `top`, `height` high, and `overscan` more each way. */
export function rowRange(count: number, rowHeight: number, top: number, height: number, overscan: number): RowRange {
  if (count <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const from = Math.floor(Math.max(0, top) / rowHeight);
  const to = Math.ceil((Math.max(0, top) + Math.max(0, height)) / rowHeight);
  const end = Math.min(count, to + overscan);
  const first = Math.max(0, Math.min(from - overscan, end - 1));
  return { first, end };
}

/** Where `index`'s row must be scrolled to be in full view ("auto": the least move), or null if it is. */
export function scrollFor(index: number, rowHeight: number, top: number, height: number): number | null {
  const start = index * rowHeight;
  if (start < top) return start;
  if (start + rowHeight > top + height) return Math.max(0, start + rowHeight - height);
  return null;
}

export interface RowWindow extends RowRange {
  /** the scrolling element's ref */
  ref: (el: HTMLDivElement | null) => void;
  /** the last scroll offset seen (read without asking the browser for a layout) */
  top: () => number;
  /** scroll so that `index`'s row is in full view */
  scrollTo: (index: number) => void;
}

/**
 * The rows of `count` to render in the scrolling element given to `ref`: read again at each
 * scroll (rendered at once, in the scroll's own task, so no frame shows the rows missing) and
 * at each change of the element's size; a render only when the range changes.
 */
export function useRowWindow(count: number, rowHeight: number, overscan: number, initialHeight: number): RowWindow {
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const view = useRef({ top: 0, height: initialHeight });
  const [, setRange] = useState<RowRange | null>(null);
  const counted = useRef(count);
  useLayoutEffect(() => {
    counted.current = count;
  });
  useLayoutEffect(() => {
    if (!el) return;
    const read = () => {
      view.current = { top: el.scrollTop, height: el.clientHeight };
      const next = rowRange(counted.current, rowHeight, view.current.top, view.current.height, overscan);
      setRange((old) => (old && old.first === next.first && old.end === next.end ? old : next));
    };
    read();
    const onScroll = () => flushSync(read);
    el.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [el, rowHeight, overscan]);
  const range = rowRange(count, rowHeight, view.current.top, view.current.height, overscan);
  return {
    ...range,
    ref: setEl,
    top: () => view.current.top,
    scrollTo: (index) => {
      const to = el && scrollFor(index, rowHeight, view.current.top, view.current.height);
      if (el && to !== null && to !== undefined) el.scrollTop = to;
    },
  };
}
