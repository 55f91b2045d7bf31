/**
 * Claims over time (issue 16): counts per day, ISO week (Monday to Sunday, labelled 2019-W15) or
 * calendar month, every bin from the first dated claim to the last (empty ones included, so a
 * chart's axis is even), stacked by code, by claimant or by position. A claim with two codes
 * counts once in `total` and once in each of its codes' stacks. Claims without a date are counted
 * in `undated`, not binned.
 */
import { addDays, dateOfDay, dayNumber, isoWeekLabel, isoWeekStart, monthStart, nextMonth } from './dates';
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

/** A claim without a date (by the chosen field): counted in `undated`, not binned. */
export const NO_DAY = -0x80000000;

/**
 * The stacks as they are met: a series is numbered the first time a claim of it is counted, and
 * each series keeps its count per bin in one typed array (no object per claim).
 */
export class Stacks {
  readonly list: Array<{ key: string; name: string }> = [];
  readonly counts: Int32Array[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly bins: number) {}

  /** A series numbered before any claim is counted (the position stacks' fixed order). */
  declare(key: string, name: string): number {
    const s = this.list.length;
    this.index.set(key, s);
    this.list.push({ key, name });
    this.counts.push(new Int32Array(this.bins));
    return s;
  }

  /** Count one claim in `bin` for the series `key`; `name` names the series when it is new. */
  add(key: string, bin: number, name: string): void {
    this.counts[this.index.get(key) ?? this.declare(key, name)]![bin]!++;
  }
}

/** Counts claim `i` (a record's number) in its stacks, in `bin`. */
export type Stacker = (i: number, bin: number, stacks: Stacks) => void;

const positionKey = (p: number | null): string => (p === null ? 'none' : String(p));

/** The stacks of records read from the records themselves (`scope`: only these codes form stacks). */
export function recordStacker(
  records: readonly ClaimRecord[],
  stackBy: StackBy,
  scope: ReadonlySet<string> | null,
): Stacker {
  switch (stackBy) {
    case 'code':
      return (i, bin, stacks) => {
        // each code once, in the claim's order, within the scope
        const codes = records[i]!.codes;
        for (let k = 0; k < codes.length; k++) {
          const c = codes[k]!;
          if (codes.indexOf(c) === k && (!scope || scope.has(c))) stacks.add(c, bin, c);
        }
      };
    case 'actor':
      return (i, bin, stacks) => {
        const claimant = records[i]!.claimant;
        if (claimant) stacks.add(claimant.id, bin, claimant.name);
        else stacks.add('', bin, 'no claimant');
      };
    case 'position':
      return (i, bin, stacks) => stacks.add(positionKey(records[i]!.position), bin, '');
    default:
      return (_i, bin, stacks) => stacks.add('all', bin, 'claims');
  }
}

/** Each record's day number by the chosen date field, NO_DAY when it has none. */
export function recordDays(records: readonly ClaimRecord[], dateField: DateField): Int32Array {
  const days = new Int32Array(records.length);
  // each distinct date read once (a project has far fewer dates than claims)
  const known = new Map<string, number>();
  records.forEach((r, i) => {
    const d = claimDateOf(r, dateField);
    if (d === null) days[i] = NO_DAY;
    else {
      let day = known.get(d);
      if (day === undefined) known.set(d, (day = dayNumber(d)));
      days[i] = day;
    }
  });
  return days;
}

export interface TimelineCounts {
  /** the claims to count, by number, in the records' order (the order stacks are met in) */
  claims: ArrayLike<number>;
  /** every record's day, by number (recordDays) */
  days: Int32Array;
  stack: Stacker;
}

/**
 * The timeline of the chosen claims: every bin from the first dated claim to the last, each
 * claim once in its bin's total and in each of its stacks. buildTimeline and the claims index
 * (claimIndex.ts) both count through here.
 */
export function countTimeline(
  { claims, days, stack }: TimelineCounts,
  options: TimelineOptions = {},
  codeNames: ReadonlyMap<string, string> = new Map(),
): Timeline {
  const dateField = options.dateField ?? 'document';
  const stackBy = options.stackBy ?? 'none';
  let first = Infinity;
  let last = -Infinity;
  let undated = 0;
  for (let k = 0; k < claims.length; k++) {
    const d = days[claims[k]!]!;
    if (d === NO_DAY) undated++;
    else {
      if (d < first) first = d;
      if (d > last) last = d;
    }
  }
  const dated = first <= last;
  const requested = options.interval ?? 'auto';
  const interval = requested !== 'auto' ? requested : dated ? autoInterval(dateOfDay(first), dateOfDay(last)) : 'day';
  const starts: string[] = [];
  if (dated) {
    const lastDate = dateOfDay(last);
    for (let s = binStart(dateOfDay(first), interval); s <= lastDate; s = nextBin(s, interval)) {
      starts.push(s);
    }
  }
  const totals = new Int32Array(starts.length);
  const stacks = new Stacks(starts.length);
  if (stackBy === 'position') for (const [key, name] of POSITION_NAMES) stacks.declare(key, name);
  // each day's bin: the bins are consecutive, each from its start to the day before the next's
  // (a day's date was written out and looked up once per distinct day before: a third of a call)
  const binOfDay = new Int32Array(dated ? last - first + 1 : 0);
  for (let b = 0; b < starts.length; b++) {
    const from = Math.max(first, dayNumber(starts[b]!));
    const to = b + 1 < starts.length ? dayNumber(starts[b + 1]!) : last + 1;
    binOfDay.fill(b, from - first, Math.min(to, last + 1) - first);
  }
  for (let k = 0; k < claims.length; k++) {
    const i = claims[k]!;
    const d = days[i]!;
    if (d === NO_DAY) continue;
    const bin = binOfDay[d - first]!;
    totals[bin]!++;
    stack(i, bin, stacks);
  }
  const bins: TimelineBin[] = starts.map((start, b) => ({
    start,
    end: addDays(nextBin(start, interval), -1),
    label: label(start, interval),
    total: totals[b]!,
    counts: stacks.counts.map((c) => c[b]!),
  }));
  // a code's stack is named by the codebook (its id when the codebook lacks it)
  const series =
    stackBy === 'code' ? stacks.list.map(({ key }) => ({ key, name: codeNames.get(key) ?? key })) : stacks.list;
  return { interval, stackBy, dateField, series, bins, undated };
}

/** The timeline of the records (already filtered). `codeNames` names the code stacks. */
export function buildTimeline(
  records: readonly ClaimRecord[],
  options: TimelineOptions = {},
  codeNames: ReadonlyMap<string, string> = new Map(),
): Timeline {
  const claims = Int32Array.from(records, (_r, i) => i);
  const days = recordDays(records, options.dateField ?? 'document');
  const stack = recordStacker(records, options.stackBy ?? 'none', options.codes ?? null);
  return countTimeline({ claims, days, stack }, options, codeNames);
}
