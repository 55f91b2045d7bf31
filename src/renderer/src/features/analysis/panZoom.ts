/**
 * Panning and zooming an SVG picture (the network, issue 16): drag or the arrow keys pan, the
 * wheel or + and − zoom about the centre, 0 goes back. The view is a translation and a scale in
 * the picture's own units (its viewBox), so the picture looks the same at any size on screen.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';

export type View = { x: number; y: number; k: number };
export const HOME: View = { x: 0, y: 0, k: 1 };
const STEP = 40;
const ZOOM = 1.25;

export const clampZoom = (k: number): number => Math.min(8, Math.max(0.2, k));

/** The view after a key, or null when the key does nothing here. */
export function viewAfterKey(v: View, key: string): View | null {
  switch (key) {
    case 'ArrowLeft':
      return { ...v, x: v.x + STEP };
    case 'ArrowRight':
      return { ...v, x: v.x - STEP };
    case 'ArrowUp':
      return { ...v, y: v.y + STEP };
    case 'ArrowDown':
      return { ...v, y: v.y - STEP };
    case '+':
    case '=':
      return { ...v, k: clampZoom(v.k * ZOOM) };
    case '-':
      return { ...v, k: clampZoom(v.k / ZOOM) };
    case '0':
      return HOME;
    default:
      return null;
  }
}

/** The SVG transform of a view: scaled about the box's centre, then moved. */
export function viewTransform(v: View, box: { width: number; height: number }): string {
  const x = v.x + (box.width / 2) * (1 - v.k);
  const y = v.y + (box.height / 2) * (1 - v.k);
  return `translate(${x} ${y}) scale(${v.k})`;
}

export function usePanZoom(
  svg: RefObject<SVGSVGElement | null>,
  box: { width: number; height: number },
  ready: unknown,
) {
  const [view, setView] = useState<View>(HOME);
  const drag = useRef<{ x: number; y: number; view: View } | null>(null);

  // the wheel zooms the picture, not the page (a passive React listener could not stop the page)
  useEffect(() => {
    const el = svg.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      setView((v) => ({ ...v, k: clampZoom(v.k * (e.deltaY < 0 ? 1.15 : 1 / 1.15)) }));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [svg, ready]);

  const handlers = {
    onKeyDown: (e: KeyboardEvent<SVGSVGElement>) => {
      if (e.target !== e.currentTarget) return;
      const next = viewAfterKey(view, e.key);
      if (!next) return;
      e.preventDefault();
      setView(next);
    },
    onPointerDown: (e: PointerEvent<SVGSVGElement>) => {
      // a node takes its own clicks
      if ((e.target as Element).closest('[role="button"]')) return;
      drag.current = { x: e.clientX, y: e.clientY, view };
      e.currentTarget.setPointerCapture(e.pointerId);
    },
    onPointerMove: (e: PointerEvent<SVGSVGElement>) => {
      const d = drag.current;
      if (!d) return;
      const scale = box.width / e.currentTarget.getBoundingClientRect().width;
      setView({ ...d.view, x: d.view.x + (e.clientX - d.x) * scale, y: d.view.y + (e.clientY - d.y) * scale });
    },
    onPointerUp: () => void (drag.current = null),
    onPointerCancel: () => void (drag.current = null),
  };
  return {
    transform: viewTransform(view, box),
    handlers,
    zoomIn: () => setView((v) => ({ ...v, k: clampZoom(v.k * ZOOM) })),
    zoomOut: () => setView((v) => ({ ...v, k: clampZoom(v.k / ZOOM) })),
    reset: () => setView(HOME),
  };
}
