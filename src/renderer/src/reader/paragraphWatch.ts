/**
 * One watcher of which paragraphs are near the screen, for each painter that registers only
 * those (the annotations' highlights.ts, the mention marks of mentions/mentionPainter.ts).
 * Scrolling the article (or anything holding it) and changes of size are looked at once per frame,
 * in its requestAnimationFrame callbacks (after the scroll, before style and layout): the
 * scroll events themselves read no layout, and many of them in one frame cost one look. A change
 * of the article's size is looked at in the ResizeObserver's callback, after layout.
 */
import { nextWindow, type ParagraphWindow } from './highlightWindow';

/** The article's paragraphs by index (data-para). */
export function paragraphsOf(article: Element): Element[] {
  const paragraphs: Element[] = [];
  for (const el of article.querySelectorAll('p[data-para]')) paragraphs[Number((el as HTMLElement).dataset.para)] = el;
  return paragraphs;
}

/** The paragraphs near the screen now, if `current` no longer covers them (else null). */
function windowNeeded(
  article: Element,
  paragraphs: readonly Element[],
  current: ParagraphWindow | null,
): ParagraphWindow | null {
  const height = window.innerHeight;
  // not laid out (hidden, or no layout at all): every paragraph
  if (!(height > 0) || paragraphs.length === 0 || !article.getClientRects().length) {
    const all = { first: 0, last: paragraphs.length - 1 };
    return current && current.first === all.first && current.last === all.last ? null : all;
  }
  const box = (i: number) => (paragraphs[i] as Element).getBoundingClientRect();
  return nextWindow(current, paragraphs.length, box, height);
}

export interface ParagraphWatch {
  /** the window now (measured the first time it is asked for) */
  current(): ParagraphWindow | null;
  stop(): void;
}

/** Watch `article`'s paragraphs; `changed` is called with each new window after the first. */
export function watchParagraphs(
  article: Element,
  paragraphs: readonly Element[],
  changed: (window: ParagraphWindow) => void,
): ParagraphWatch {
  let current: ParagraphWindow | null = null;
  let frame = 0;
  const look = () => {
    frame = 0;
    const next = windowNeeded(article, paragraphs, current);
    if (next) {
      current = next;
      changed(next);
    }
  };
  const soon = () => {
    if (!frame) frame = requestAnimationFrame(look);
  };
  const onScroll = (e: Event) => {
    const target = e.target;
    if (target === document || (target instanceof Node && target.contains(article))) soon();
  };
  window.addEventListener('scroll', onScroll, { capture: true, passive: true });
  window.addEventListener('resize', soon);
  // a ResizeObserver runs after layout, before the paint: look at once, the boxes are ready
  const resized =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(() => {
          cancelAnimationFrame(frame);
          look();
        });
  resized?.observe(article);
  return {
    current: () => (current ??= windowNeeded(article, paragraphs, null)),
    stop: () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', soon);
      resized?.disconnect();
    },
  };
}
