/**
 * The movable split between the article and the annotations panel: a vertical separator that
 * can be dragged or moved with the arrow keys (the key pointing into the article widens the
 * panel, whichever side the interface puts it on), Home and End. The width is kept in
 * localStorage, so each reader window opens with the researcher's last choice.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useAppStrings } from '../i18n';

const KEY = 'hashiya.sidePanelWidth';
export const MIN_SIDE_WIDTH = 224;
const DEFAULT_SIDE_WIDTH = 352;
const STEP = 16;

/** The widest the panel may be: the article keeps at least 40% of the window, and 320 px. */
function maxSideWidth(): number {
  return Math.max(MIN_SIDE_WIDTH, Math.round(Math.min(window.innerWidth * 0.6, window.innerWidth - 320)));
}

const clamp = (w: number) => Math.round(Math.min(maxSideWidth(), Math.max(MIN_SIDE_WIDTH, w)));

function storedWidth(): number {
  try {
    const n = Number(localStorage.getItem(KEY));
    return Number.isFinite(n) && n > 0 ? n : DEFAULT_SIDE_WIDTH;
  } catch {
    return DEFAULT_SIDE_WIDTH;
  }
}

/** The panel's width in px (kept within bounds as the window changes size) and its setter. */
export function useSidePanelWidth(): [number, (w: number) => void] {
  const [wanted, setWanted] = useState(storedWidth);
  const [, setWindowWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const onResize = () => setWindowWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  const set = useCallback((w: number) => {
    const next = clamp(w);
    setWanted(next);
    try {
      localStorage.setItem(KEY, String(next));
    } catch {
      // storage may be unavailable; the width still applies to this window
    }
  }, []);
  return [clamp(wanted), set];
}

export function PanelSplitter({ width, onWidth }: { width: number; onWidth: (w: number) => void }) {
  const words = useAppStrings();
  const drag = useRef<{ x: number; width: number } | null>(null);
  const rtl = () => document.documentElement.dir === 'rtl';

  const onKeyDown = (e: KeyboardEvent) => {
    const intoArticle = rtl() ? 'ArrowRight' : 'ArrowLeft';
    const toEdge = rtl() ? 'ArrowLeft' : 'ArrowRight';
    let next: number | null = null;
    if (e.key === intoArticle) next = width + STEP;
    else if (e.key === toEdge) next = width - STEP;
    else if (e.key === 'Home') next = MIN_SIDE_WIDTH;
    else if (e.key === 'End') next = maxSideWidth();
    if (next === null) return;
    e.preventDefault();
    onWidth(next);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { x: e.clientX, width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (!start) return;
    const moved = e.clientX - start.x;
    onWidth(start.width + (rtl() ? moved : -moved));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };

  return (
    <div
      className="panel-splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={words.resizePanel}
      aria-valuenow={width}
      aria-valuemin={MIN_SIDE_WIDTH}
      aria-valuemax={maxSideWidth()}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
}
