import { describe, expect, it } from 'vitest';
import { covers, nextWindow, paragraphsInBand, touches } from './highlightWindow';

// 1,000 paragraphs 50 px tall, scrolled `scroll` px down (boxes in screen coordinates)
const boxes = (scroll: number, heights: (i: number) => number = () => 50) => {
  const tops: number[] = [];
  let y = -scroll;
  for (let i = 0; i < 1000; i++) {
    tops.push(y);
    y += heights(i);
  }
  return (i: number) => ({ top: tops[i] as number, bottom: (tops[i] as number) + heights(i) });
};

describe('the paragraphs whose highlights are registered', () => {
  it('finds the paragraphs overlapping a band of the screen', () => {
    expect(paragraphsInBand(1000, boxes(0), 0, 800)).toEqual({ first: 0, last: 16 });
    expect(paragraphsInBand(1000, boxes(1000), 0, 800)).toEqual({ first: 19, last: 36 });
    // paragraphs of different heights, a band past the end
    expect(
      paragraphsInBand(
        1000,
        boxes(0, (i) => (i % 2 ? 10 : 90)),
        95,
        105,
      ),
    ).toEqual({ first: 1, last: 2 });
    expect(paragraphsInBand(1000, boxes(0), 60_000, 61_000)).toEqual({ first: 999, last: 999 });
    expect(paragraphsInBand(0, boxes(0), 0, 800)).toEqual({ first: 0, last: -1 });
  });

  it('registers the screen and a screen and a half either side, further ahead while scrolling on, and keeps it while the screen stays inside', () => {
    const first = nextWindow(null, 1000, boxes(10_000), 800);
    // the screen shows paragraphs 200–216; the window reaches 1,200 px either side (a paragraph touching its edge counts)
    expect(first).toEqual({ first: 175, last: 240 });
    // a small scroll keeps the window (no change to the registry)
    expect(nextWindow(first, 1000, boxes(10_400), 800)).toBeNull();
    // a scroll of a screen down moves it, reaching four screens (3,200 px) below the screen and a
    // screen and a half above: a steady scroll renews the registry once every three and a half screens
    const down = nextWindow(first, 1000, boxes(10_900), 800);
    expect(down).toEqual({ first: 193, last: 298 });
    expect(nextWindow(down, 1000, boxes(10_900 + 2_700), 800)).toBeNull();
    expect(nextWindow(down, 1000, boxes(10_900 + 2_900), 800)).toEqual({ first: 251, last: 356 });
    // and up, the other way round
    expect(nextWindow(first, 1000, boxes(8_900), 800)).toEqual({ first: 113, last: 218 });
    // a jump far away
    expect(nextWindow(first, 1000, boxes(40_000), 800)).toEqual({ first: 775, last: 840 });
  });

  it('paints a span that begins above the window and ends inside it, or spans it whole', () => {
    const w = { first: 176, last: 240 };
    expect(touches(w, 170, 176)).toBe(true);
    expect(touches(w, 100, 300)).toBe(true);
    expect(touches(w, 240, 241)).toBe(true);
    expect(touches(w, 100, 175)).toBe(false);
    expect(touches(w, 241, 250)).toBe(false);
    expect(covers(w, { first: 180, last: 200 })).toBe(true);
    expect(covers(w, { first: 170, last: 200 })).toBe(false);
    expect(covers(null, { first: 0, last: 0 })).toBe(false);
  });
});
