import { describe, expect, it } from 'vitest';
import { pagesFor, RowPages } from './rowPages';

describe('the claims table’s pages', () => {
  it('asks for the pages the visible rows fall in, never past the last row', () => {
    expect(pagesFor(0, 30, 1000, 200)).toEqual([0]);
    expect(pagesFor(190, 420, 1000, 200)).toEqual([0, 1, 2]);
    expect(pagesFor(950, 1200, 1000, 200)).toEqual([4]);
    expect(pagesFor(0, 10, 0, 200)).toEqual([]);
  });

  it('asks for a page once, gives its rows by index, and asks again after a failed fetch', () => {
    const pages = new RowPages<number>(10);
    expect(pages.take(5, 25, 100)).toEqual([0, 1, 2]);
    expect(pages.take(5, 25, 100)).toEqual([]);
    pages.put(
      1,
      Array.from({ length: 10 }, (_, i) => 10 + i),
    );
    expect(pages.row(13)).toBe(13);
    expect(pages.row(3)).toBeUndefined();
    pages.forget(2);
    expect(pages.take(0, 39, 100)).toEqual([2, 3]);
  });
});
