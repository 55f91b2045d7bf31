/**
 * The reading caret's life in the view: the article made a read-only caret host while a
 * document is shown; focus from the keyboard puts the caret where it was last (or on the first
 * word); the caret's place is remembered when the article loses focus; after a key moves it,
 * the word at the caret (or the selected text) is announced once the keys stop.
 */
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import { domToUtf16, utf16ToDom, type TextModel } from '../textModel';
import { caretAnnouncement, firstWordStart } from './caretText';
import { hostReadOnlyCaret } from './readOnlyHost';

export interface ReadingCaret {
  /** give the article the keyboard, with the caret (and selection) where it was */
  restore(): void;
  /** remember a caret (UTF-16 offset) for the next restore, e.g. the end of what was just tagged */
  remember(u: number): void;
  /** the caret to UTF-16 offset `u`: at once when the article has the keyboard, else at the next restore */
  moveTo(u: number): void;
  /** the caret's UTF-16 offset: the selection's focus in the article, else the remembered one */
  caret(): number | null;
  /** whether the selection was last moved by the caret keys (not the mouse) */
  byKeys(): boolean;
}

/** How long the caret keys must rest before the live region speaks (a held arrow says nothing until it stops). */
const SETTLE_MS = 250;
/** keys pressed with the caret keys (they neither move the caret nor cut its announcement short) */
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);
const MOVE_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);

interface Place {
  anchor: number;
  focus: number;
}

function placeIn(model: TextModel, article: HTMLElement, sel: Selection | null): Place | null {
  if (!sel || sel.rangeCount === 0 || !sel.anchorNode || !sel.focusNode) return null;
  if (!article.contains(sel.anchorNode) || !article.contains(sel.focusNode)) return null;
  const anchor = domToUtf16(model, article, sel.anchorNode, sel.anchorOffset);
  const focus = domToUtf16(model, article, sel.focusNode, sel.focusOffset);
  return anchor === null || focus === null ? null : { anchor, focus };
}

export function useReadingCaret(
  articleRef: RefObject<HTMLElement | null>,
  model: TextModel | null,
  announce: (message: string) => void,
  selected: (text: string) => string,
): ReadingCaret {
  const saved = useRef<Place | null>(null);
  /** remembered for Esc (a tag): kept until the researcher moves the caret or clicks in the article */
  const pinned = useRef(false);
  const keys = useRef(false);
  const said = useRef({ announce, selected });
  said.current = { announce, selected };

  const put = useCallback(
    (place: Place) => {
      const article = articleRef.current;
      if (!model || !article) return;
      const a = utf16ToDom(model, article, place.anchor);
      const f = utf16ToDom(model, article, place.focus);
      if (a && f) window.getSelection()?.setBaseAndExtent(a.node, a.offset, f.node, f.offset);
    },
    [articleRef, model],
  );

  useLayoutEffect(() => {
    const article = articleRef.current;
    if (!model || !article) return;
    const unhost = hostReadOnlyCaret(article);
    article.tabIndex = 0;
    let pointer = false;
    let keyMoved = false;
    let timer = 0;
    const down = () => {
      pointer = true;
      pinned.current = false;
      keys.current = false;
    };
    const up = () => void (pointer = false);
    const focus = () => {
      if (pointer || placeIn(model, article, window.getSelection())) return;
      const u = saved.current?.focus ?? firstWordStart(model.text);
      put({ anchor: u, focus: u });
    };
    const blur = () => {
      if (pinned.current) return;
      const place = placeIn(model, article, window.getSelection());
      if (place) saved.current = place;
    };
    const key = (e: KeyboardEvent) => {
      if (MOVE_KEYS.has(e.key) && !e.altKey) {
        keyMoved = keys.current = true;
        pinned.current = false;
      } else if (!MODIFIERS.has(e.key)) {
        // another key (o, n, a code key) says what it did: the word left behind is not announced after it
        window.clearTimeout(timer);
        keyMoved = false;
      }
    };
    const moved = () => {
      const place = placeIn(model, article, window.getSelection());
      // (the browser may put a caret back in the focused article before the editor takes the keyboard)
      if (!place || pinned.current) return;
      saved.current = place;
      if (!keyMoved) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        keyMoved = false;
        const now = placeIn(model, article, window.getSelection());
        if (!now) return;
        const text = caretAnnouncement(model.text, now.anchor, now.focus);
        if (!text) return;
        said.current.announce(now.anchor === now.focus ? text : said.current.selected(text));
      }, SETTLE_MS);
    };
    article.addEventListener('pointerdown', down);
    window.addEventListener('pointerup', up, true);
    article.addEventListener('focus', focus);
    article.addEventListener('blur', blur);
    article.addEventListener('keydown', key);
    document.addEventListener('selectionchange', moved);
    return () => {
      window.clearTimeout(timer);
      unhost();
      article.removeEventListener('pointerdown', down);
      window.removeEventListener('pointerup', up, true);
      article.removeEventListener('focus', focus);
      article.removeEventListener('blur', blur);
      article.removeEventListener('keydown', key);
      document.removeEventListener('selectionchange', moved);
    };
  }, [articleRef, model, put]);

  return {
    restore: useCallback(() => {
      const article = articleRef.current;
      if (!article) return;
      article.focus({ preventScroll: true });
      pinned.current = false;
      if (saved.current) put(saved.current);
    }, [articleRef, put]),
    remember: useCallback((u: number) => {
      saved.current = { anchor: u, focus: u };
      pinned.current = true;
    }, []),
    moveTo: useCallback(
      (u: number) => {
        saved.current = { anchor: u, focus: u };
        pinned.current = false;
        if (articleRef.current && document.activeElement === articleRef.current) put(saved.current);
      },
      [articleRef, put],
    ),
    caret: useCallback(() => {
      const article = articleRef.current;
      const place = model && article ? placeIn(model, article, window.getSelection()) : null;
      return place?.focus ?? saved.current?.focus ?? null;
    }, [articleRef, model]),
    byKeys: useCallback(() => keys.current, []),
  };
}
