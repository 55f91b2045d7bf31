/**
 * Claims over time (issue 16): counts per day, ISO week (Monday to Sunday, labelled 2019-W15) or
 * calendar month, every bin from the first dated claim to the last (empty ones included, so a
 * chart's axis is even), stacked by code, by claimant or by position. A claim with two codes
 * counts once in `total` and once in each of its codes' stacks. Claims without a date are counted
 * in `undated`, not binned.
 */
import { addDays, dayNumber, isoWeekLabel, isoWeekStart, monthStart, nextMonth } from './dates';
import { claimDateOf, type DateField } from './filter';
import type { ClaimRecord } from './records';

export const INTERVALS = ['auto', 'day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];
export const STACKS = ['none', 'code', 'actor', 'position'] as const;
export type StackBy = (typeof STACKS)[number];

/** auto: days up to this span (in days), weeks up to AUTO_WEEK_MAX_DAYS, months beyond */
export const AUTO_DAY_MAX_DAYS = 62;
export const AUTO_WEEK_MAX_DAYS = 365;

export interface TimelineOptions {
  interval?: Interval;
  stackBy?: StackBy;
  dateField?: DateField;
  /** only these codes form stacks (the filter's code scope) */
  codes?: ReadonlySet<string> | null;
}

export interface TimelineBin {
  /** first day of the bin */
  start: string;
  /** last day of the bin */
  end: string;
  label: string;
  total: number;
  /** count per series key, in the order of `series` (0 where none) */
  counts: number[];
}

export interface Timeline {
  interval: Exclude<Interval, 'auto'>;
  stackBy: StackBy;
  dateField: DateField;
  /** the stacks: code ids, actor ids, positions as "-1" "0" "1" "none", or "all" */
  series: Array<{ key: string; name: string }>;
  bins: TimelineBin[];
  undated: number;
}

/** The interval `auto` picks for a span of dates. */
export function autoInterval(first: string, last: string): Exclude<Interval, 'auto'> {
  const span = dayNumber(last) - dayNumber(first) + 1;
  return span <= AUTO_DAY_MAX_DAYS ? 'day' : span <= AUTO_WEEK_MAX_DAYS ? 'week' : 'month';
}

function binStart(date: string, interval: Exclude<Interval, 'auto'>): string {
  return interval === 'day' ? date : interval === 'week' ? isoWeekStart(date) : monthStart(date);
}

function nextBin(start: string, interval: Exclude<Interval, 'auto'>): string {
  return interval === 'day' ? addDays(start, 1) : interval === 'week' ? addDays(start, 7) : nextMonth(start);
}

function label(start: string, interval: Exclude<Interval, 'auto'>): string {
  return interval === 'day' ? start : interval === 'week' ? isoWeekLabel(start) : start.slice(0, 7);
}

const POSITION_NAMES: ReadonlyArray<[string, string]> = [
  ['1', '+1'],
  ['0', '0'],
  ['-1', '−1'],
  ['none', 'no position'],
];

type SeriesKey = { key: string; name: string };
const ALL: readonly SeriesKey[] = [{ key: 'all', name: 'claims' }];
const NO_CLAIMANT: readonly SeriesKey[] = [{ key: '', name: 'no claimant' }];
const POSITION_KEYS = new Map<string, readonly SeriesKey[]>(
  ['1', '0', '-1', 'none'].map((key) => [key, [{ key, name: '' }]]),
);

function keysOf(r: ClaimRecord, options: TimelineOptions): readonly SeriesKey[] {
  switch (options.stackBy ?? 'none') {
    case 'code': {
      // each code once, in the claim's order, within the scope
      const out: SeriesKey[] = [];
      r.codes.forEach((c, i) => {
        if (r.codes.indexOf(c) === i && (!options.codes || options.codes.has(c))) out.push({ key: c, name: c });
      });
      return out;
    }
    case 'actor':
      return r.claimant ? [{ key: r.claimant.id, name: r.claimant.name }] : NO_CLAIMANT;
    case 'position': {
      const key = r.position === null ? 'none' : String(r.position);
      return POSITION_KEYS.get(key) ?? [{ key, name: '' }];
    }
    default:
      return ALL;
  }
}

/** The timeline of the records (already filtered). `codeNames` names the code stacks. */
export function buildTimeline(
  records: readonly ClaimRecord[],
  options: TimelineOptions = {},
  codeNames: ReadonlyMap<string, string> = new Map(),
): Timeline {
  const dateField = options.dateField ?? 'document';
  const stackBy = options.stackBy ?? 'none';
  let first: string | null = null;
  let last: string | null = null;
  let undated = 0;
  const dated: Array<[string, ClaimRecord]> = [];
  for (const r of records) {
    const d = claimDateOf(r, dateField);
    if (d === null) {
      undated++;
      continue;
    }
    dated.push([d, r]);
    if (first === null || d < first) first = d;
    if (last === null || d > last) last = d;
  }
  const requested = options.interval ?? 'auto';
  const interval = requested !== 'auto' ? requested : first && last ? autoInterval(first, last) : 'day';
  const series = new Map<string, { key: string; name: string; index: number }>();
  if (stackBy === 'position') POSITION_NAMES.forEach(([key, name], index) => series.set(key, { key, name, index }));
  const bins: TimelineBin[] = [];
  const binIndex = new Map<string, number>();
  if (first !== null && last !== null) {
    for (let s = binStart(first, interval); s <= last; s = nextBin(s, interval)) {
      binIndex.set(s, bins.length);
      bins.push({ start: s, end: addDays(nextBin(s, interval), -1), label: label(s, interval), total: 0, counts: [] });
    }
  }
  // each distinct date's bin, found once (a project has far fewer dates than claims)
  const binOfDate = new Map<string, TimelineBin>();
  for (const [d, r] of dated) {
    let bin = binOfDate.get(d);
    if (!bin) {
      bin = bins[binIndex.get(binStart(d, interval)) as number] as TimelineBin;
      binOfDate.set(d, bin);
    }
    bin.total++;
    for (const k of keysOf(r, options)) {
      let s = series.get(k.key);
      if (!s) {
        s = { key: k.key, name: stackBy === 'code' ? (codeNames.get(k.key) ?? k.key) : k.name, index: series.size };
        series.set(k.key, s);
      }
      while (bin.counts.length <= s.index) bin.counts.push(0);
      bin.counts[s.index]!++;
    }
  }
  for (const bin of bins) while (bin.counts.length < series.size) bin.counts.push(0);
  return {
    interval,
    stackBy,
    dateField,
    series: [...series.values()].map(({ key, name }) => ({ key, name })),
    bins,
    undated,
  };
}
