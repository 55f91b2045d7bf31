import { describe, expect, it } from 'vitest';
import { computeWindow } from './useWindowedRows';

describe('computeWindow', () => {
  it('renders only the rows in view plus a margin, with spacers for the rest', () => {
    const w = computeWindow(10_000, 40, 40 * 5000, 800, 8);
    expect(w.start).toBe(4992);
    expect(w.end - w.start).toBe(20 + 16);
    expect(w.padBefore + (w.end - w.start) * 40 + w.padAfter).toBe(10_000 * 40);
  });
  it('clamps at both ends', () => {
    expect(computeWindow(3, 40, 0, 800)).toEqual({ start: 0, end: 3, padBefore: 0, padAfter: 0 });
    const last = computeWindow(100, 40, 99_999, 800);
    expect(last.end).toBe(100);
    expect(last.start).toBe(100 - 36);
    expect(last.padBefore).toBe(64 * 40);
    expect(computeWindow(0, 40, 0, 800).end).toBe(0);
  });
});
