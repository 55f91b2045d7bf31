import { describe, expect, it } from 'vitest';
import { rowRange, scrollFor } from './rowWindow';

describe('the claims table’s rows to render', () => {
  it('at the top: the rows in view and the overscan below, none above', () => {
    // 384 px of 34 px rows: 11.3 rows in view, so rows 0…11, and 4 more
    expect(rowRange(100_000, 34, 0, 384, 4)).toEqual({ first: 0, end: 16 });
  });

  it('scrolled: the overscan both ways, whatever the count', () => {
    const top = 34 * 50_000 + 10;
    expect(rowRange(100_000, 34, top, 384, 4)).toEqual({ first: 49_996, end: 50_016 });
    expect(rowRange(100_000_000, 34, top, 384, 4)).toEqual({ first: 49_996, end: 50_016 });
  });

  it('clamps at the end, and a list shorter than the view renders whole', () => {
    expect(rowRange(3, 34, 0, 384, 4)).toEqual({ first: 0, end: 3 });
    // scrolled past what a new, shorter count holds: its last row still renders
    expect(rowRange(10, 34, 34 * 500, 384, 4)).toEqual({ first: 9, end: 10 });
    expect(rowRange(0, 34, 0, 384, 4)).toEqual({ first: 0, end: 0 });
  });

  it('scrolls the least to bring a row into full view, and not at all when it is', () => {
    expect(scrollFor(5, 34, 0, 384)).toBeNull();
    // row 11 ends at 408, below 384
    expect(scrollFor(11, 34, 0, 384)).toBe(408 - 384);
    expect(scrollFor(2, 34, 200, 384)).toBe(68);
    expect(scrollFor(0, 34, 0, 384)).toBeNull();
  });
});
