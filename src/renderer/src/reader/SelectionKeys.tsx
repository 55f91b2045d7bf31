/**
 * A small bar that floats next to a selection in the article and shows which key tags it with
 * which code (names in the interface language). Pressing a shown key tags (the reader handles
 * the keys); the bar's buttons do the same with the mouse, and “More codes…” opens the palette.
 * It is hidden while a mouse button is held (during a drag) and follows the selection on scroll.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Code } from '@shared/model';
import { codeLabel, useI18n } from '../i18n';
import { useKeyStrings } from './keyStrings';
import './codeKeys.css';

interface Anchor {
  /** the first and last line boxes of the selection, in viewport pixels */
  first: DOMRect;
  last: DOMRect;
}

const GAP = 6;

/** The keyed codes in key order. */
export function keyedCodes(codes: readonly Code[]): Code[] {
  return codes.filter((c) => c.key).sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
}

function selectionAnchor(article: HTMLElement | null): Anchor | null {
  const sel = window.getSelection();
  if (!article || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!range.intersectsNode(article) || sel.toString().trim() === '') return null;
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  const first = rects[0];
  const last = rects[rects.length - 1];
  return first && last ? { first, last } : null;
}

export function SelectionKeys({
  codes,
  article,
  onChoose,
  onMore,
}: {
  codes: readonly Code[];
  article: () => HTMLElement | null;
  onChoose: (code: Code) => void;
  onMore: () => void;
}) {
  const { lang } = useI18n();
  const k = useKeyStrings();
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  const pressed = useRef(false);

  // measured once per frame at most, after the frame that shows a tag: measuring the selection
  // forces a layout of the article, which must not stand between a key press and its highlight
  const articleRef = useRef(article);
  articleRef.current = article;
  const frame = useRef(0);
  const update = useCallback(() => {
    const sel = window.getSelection();
    if (pressed.current || !sel || sel.isCollapsed) {
      cancelAnimationFrame(frame.current);
      frame.current = 0;
      setAnchor(null);
      return;
    }
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      setAnchor(pressed.current ? null : selectionAnchor(articleRef.current()));
    });
  }, []);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  useEffect(() => {
    const down = (e: PointerEvent) => {
      // a press on the bar itself keeps it (and the selection)
      if (bar.current?.contains(e.target as Node)) return;
      pressed.current = true;
      setAnchor(null);
    };
    const up = () => {
      pressed.current = false;
      requestAnimationFrame(update);
    };
    document.addEventListener('selectionchange', update);
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointerup', up, true);
    window.addEventListener('scroll', update, true);
    window.addEventListener('resize', update);
    return () => {
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointerup', up, true);
      window.removeEventListener('scroll', update, true);
      window.removeEventListener('resize', update);
    };
  }, [update]);

  // below the selection's last line, or above its first line when there is no room below
  useLayoutEffect(() => {
    const el = bar.current;
    if (!anchor || !el) {
      setPos(null);
      return;
    }
    const { width, height } = el.getBoundingClientRect();
    const below = anchor.last.bottom + GAP;
    const top = below + height <= window.innerHeight ? below : Math.max(0, anchor.first.top - GAP - height);
    const rtl = document.documentElement.dir === 'rtl';
    const edge = rtl ? anchor.last.right - width : anchor.last.left;
    const left = Math.min(Math.max(GAP, edge), Math.max(GAP, window.innerWidth - width - GAP));
    setPos({ top, left });
  }, [anchor]);

  const keyed = keyedCodes(codes);
  if (!anchor) return null;
  return (
    <div
      ref={bar}
      className="selection-keys"
      role="group"
      aria-label={k.codeKeys}
      title={k.keyHint}
      data-testid="selection-keys"
      style={pos ? { top: pos.top, left: pos.left } : { visibility: 'hidden' }}
    >
      {keyed.map((c) => (
        <button
          key={c.id}
          type="button"
          tabIndex={-1}
          className="selection-key"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onChoose(c)}
        >
          <kbd>{c.key}</kbd>
          <span className="swatch" style={{ backgroundColor: c.color }} aria-hidden="true" />
          <span className="selection-key-name">{codeLabel(c, lang)}</span>
        </button>
      ))}
      <button
        type="button"
        tabIndex={-1}
        className="selection-key"
        onMouseDown={(e) => e.preventDefault()}
        onClick={onMore}
      >
        <kbd>Ctrl+K</kbd>
        <span className="selection-key-name">{k.morePalette}</span>
      </button>
    </div>
  );
}
