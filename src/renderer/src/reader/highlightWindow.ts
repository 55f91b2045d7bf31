/**
 * Which paragraphs the highlights are registered for: those on screen and a margin around them.
 *
 * Chromium rebuilds the markers of every registered highlight range whenever any highlight changes
 * and whenever anything in the page's DOM or style changes (a status line, the panel, a hover
 * card). With 5,000 annotations that is tens of milliseconds a frame; with only the ranges near
 * the screen registered it is the few hundred a screen holds.
 */

/** Paragraph indexes [first, last], inclusive. */
export interface ParagraphWindow {
  first: number;
  last: number;
}

/** The vertical extent of paragraph `i`, in the same coordinates as the band. */
export type ParagraphBox = (i: number) => { top: number; bottom: number };

/** The paragraphs that overlap [top, bottom], found by binary search (paragraphs are in order). */
export function paragraphsInBand(count: number, box: ParagraphBox, top: number, bottom: number): ParagraphWindow {
  if (count === 0) return { first: 0, last: -1 };
  // first paragraph whose bottom reaches the band
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (box(mid).bottom < top) lo = mid + 1;
    else hi = mid;
  }
  const first = lo;
  // last paragraph whose top is inside the band
  lo = first;
  hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (box(mid).top <= bottom) lo = mid;
    else hi = mid - 1;
  }
  return { first, last: Math.max(first, lo) };
}

/** Does `outer` hold every paragraph of `inner`? */
export function covers(outer: ParagraphWindow | null, inner: ParagraphWindow): boolean {
  return outer !== null && outer.first <= inner.first && inner.last <= outer.last;
}

/** Does a span over paragraphs [first, last] touch the window? */
export function touches(window: ParagraphWindow, first: number, last: number): boolean {
  return last >= window.first && first <= window.last;
}

/** screens registered behind the screen, and ahead of it while scrolling on in one direction */
export const WINDOW_BEHIND = 1.5;
export const WINDOW_AHEAD = 4;

/**
 * The window to register for a screen `height` tall, renewed when the screen and half a screen
 * either side (what a fast scroll or the compositor may show before the page hears of it) is no
 * longer inside it. The first window, or one after a jump, reaches one and a half screens either
 * side; a window renewed because the screen moved on past one end reaches four screens ahead that
 * way and one and a half behind. Every change to the registry costs Chromium a repaint of the
 * highlighted text (most of a scroll frame's budget), so a steady scroll renews it about once every
 * three and a half screens (50 frames at 60 px a frame), not every screen.
 */
export function nextWindow(
  current: ParagraphWindow | null,
  count: number,
  box: ParagraphBox,
  height: number,
): ParagraphWindow | null {
  const needed = paragraphsInBand(count, box, -height / 2, height * 1.5);
  if (covers(current, needed)) return null;
  const overlaps = current !== null && touches(current, needed.first, needed.last);
  const down = overlaps && needed.last > current.last && needed.first >= current.first;
  const up = overlaps && needed.first < current.first && needed.last <= current.last;
  const above = up ? WINDOW_AHEAD : WINDOW_BEHIND;
  const below = down ? WINDOW_AHEAD : WINDOW_BEHIND;
  return paragraphsInBand(count, box, -height * above, height * (1 + below));
}
