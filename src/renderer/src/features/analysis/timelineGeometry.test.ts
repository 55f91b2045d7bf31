import { describe, expect, it } from 'vitest';
import { timelineGeometry, type Bin } from './timelineGeometry';

const frame = { width: 400, height: 200, left: 40, bottom: 30, top: 10, right: 10 };
const bin = (label: string, counts: number[]): Bin => ({
  start: label,
  end: label,
  label,
  counts,
  total: counts.reduce((a, b) => a + b, 0),
});

describe('the timeline’s geometry', () => {
  it('stacks each bin’s counts from the axis up; the tallest bar reaches the top of the scale', () => {
    const g = timelineGeometry(
      [bin('2019-04-10', [1, 2]), bin('2019-04-11', [0, 0]), bin('2019-04-12', [4, 0])],
      frame,
    );
    const [first, empty, last] = g.columns;
    expect(first!.segments.map((s) => s.count)).toEqual([1, 2]);
    // the first stack sits on the axis (y = 170), the second on top of it
    expect(first!.segments[0]!.y + first!.segments[0]!.height).toBeCloseTo(170);
    expect(first!.segments[1]!.y + first!.segments[1]!.height).toBeCloseTo(first!.segments[0]!.y);
    expect(empty!.segments).toEqual([]);
    expect(last!.top).toBeCloseTo(10);
    // a bar of 3 is three quarters of a bar of 4
    expect(170 - first!.top).toBeCloseTo((3 / 4) * 160);
    expect(first!.x).toBeLessThan(empty!.x);
    expect(g.ticks.map((t) => t.value)).toContain(4);
  });

  it('labels only as many bins as there is room for', () => {
    const bins = Array.from({ length: 100 }, (_, i) => bin(`d${i}`, [1]));
    const g = timelineGeometry(bins, frame);
    expect(g.labels.length).toBeLessThanOrEqual(Math.ceil(350 / 96));
    expect(g.labels[0]!.index).toBe(0);
  });

  it('anchors the labels at the chart’s edges inwards, so they stay on the chart', () => {
    const bins = Array.from({ length: 100 }, (_, i) => bin(`d${i}`, [1]));
    const g = timelineGeometry(bins, { ...frame, left: 0, right: 0 });
    expect(g.labels[0]!.anchor).toBe('start');
    expect(g.labels.at(-1)!.anchor).toBe('end');
    expect(g.labels.slice(1, -1).every((l) => l.anchor === 'middle')).toBe(true);
    // no two labels (about 96 px each) overlap, the last one pushed inwards included
    const span = (l: (typeof g.labels)[number]) =>
      l.anchor === 'start' ? [l.x, l.x + 96] : l.anchor === 'end' ? [l.x - 96, l.x] : [l.x - 48, l.x + 48];
    for (let i = 1; i < g.labels.length; i++)
      expect(span(g.labels[i]!)[0]).toBeGreaterThanOrEqual(span(g.labels[i - 1]!)[1]! - 1e-9);
  });
});
