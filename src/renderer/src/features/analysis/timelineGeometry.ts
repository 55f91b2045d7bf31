/**
 * The timeline's picture as numbers (issue 16): one column per bin, its stacks from the bottom in
 * the order of the series, on d3-scale's band and linear scales; the y axis's ticks; which bins
 * get a label so labels do not overlap. The component draws these as SVG.
 */
import { scaleBand, scaleLinear } from 'd3-scale';

export interface Bin {
  start: string;
  end: string;
  label: string;
  total: number;
  counts: number[];
}

export interface Segment {
  series: number;
  y: number;
  height: number;
  count: number;
}

export interface Column {
  bin: Bin;
  x: number;
  width: number;
  /** top of the whole bar */
  top: number;
  segments: Segment[];
}

export interface TimelineGeometry {
  columns: Column[];
  ticks: Array<{ value: number; y: number }>;
  /** the columns whose label is drawn: where, and anchored so that none runs off the chart */
  labels: Array<{ index: number; x: number; anchor: 'start' | 'middle' | 'end' }>;
}

export interface Frame {
  width: number;
  height: number;
  /** space for the axes: left (y ticks) and bottom (labels) */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

/** about this many pixels per x label */
const LABEL_PX = 96;

export function timelineGeometry(bins: readonly Bin[], frame: Frame): TimelineGeometry {
  const innerBottom = frame.height - frame.bottom;
  const x = scaleBand<number>()
    .domain(bins.map((_, i) => i))
    .range([frame.left, frame.width - frame.right])
    .paddingInner(bins.length > 60 ? 0.05 : 0.2);
  const max = Math.max(1, ...bins.map((b) => b.total));
  const y = scaleLinear().domain([0, max]).nice().range([innerBottom, frame.top]);
  const columns = bins.map((bin, i) => {
    let base = 0;
    const segments: Segment[] = [];
    bin.counts.forEach((count, series) => {
      if (count === 0) return;
      segments.push({ series, y: y(base + count), height: y(base) - y(base + count), count });
      base += count;
    });
    return { bin, x: x(i) ?? 0, width: x.bandwidth(), top: y(bin.total), segments };
  });
  const ticks = y
    .ticks(Math.min(5, y.domain()[1] ?? 1))
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ value, y: y(value) }));
  const every = Math.max(1, Math.ceil((bins.length * LABEL_PX) / Math.max(1, frame.width - frame.left - frame.right)));
  const half = LABEL_PX / 2;
  const candidates = columns
    .map((c, index) => ({ index, x: c.x + c.width / 2 }))
    .filter(({ index }) => index % every === 0)
    .map(({ index, x }) => ({
      index,
      x,
      anchor: x - half < 0 ? ('start' as const) : x + half > frame.width ? ('end' as const) : ('middle' as const),
    }));
  // a label pushed inwards at an edge may cover its neighbour: keep labels that do not overlap
  // (from the first), and the last one, which dates the end of the chart
  const extent = (l: (typeof candidates)[number]) =>
    l.anchor === 'start'
      ? [l.x, l.x + LABEL_PX]
      : l.anchor === 'end'
        ? [l.x - LABEL_PX, l.x]
        : [l.x - half, l.x + half];
  const labels: typeof candidates = [];
  for (const l of candidates) if (labels.length === 0 || extent(l)[0]! >= extent(labels.at(-1)!)[1]!) labels.push(l);
  const last = candidates.at(-1);
  if (last && labels.at(-1) !== last) {
    while (labels.length > 0 && extent(labels.at(-1)!)[1]! > extent(last)[0]!) labels.pop();
    labels.push(last);
  }
  return { columns, ticks, labels };
}
