import { describe, expect, it } from 'vitest';
import { isoWeekLabel, isoWeekStart } from './dates';
import type { ClaimRecord } from './records';
import { autoInterval, buildTimeline, INTERVALS, STACKS, type StackBy } from './timeline';
import { claim } from './testRecords';

describe('ISO weeks', () => {
  it('start on Monday and are numbered by the week-numbering year', () => {
    expect(isoWeekStart('2019-04-10')).toBe('2019-04-08'); // a Wednesday
    expect(isoWeekStart('2019-04-14')).toBe('2019-04-08'); // the Sunday of that week
    expect(isoWeekLabel('2019-04-10')).toBe('2019-W15');
    expect(isoWeekLabel('2018-12-31')).toBe('2019-W01'); // a Monday that belongs to 2019's first week
    expect(isoWeekLabel('2021-01-03')).toBe('2020-W53');
  });
});

describe('the timeline', () => {
  const records = [
    claim('A', ['ceasefire'], 1, { documentDate: '2019-04-04' }),
    claim('B', ['ceasefire', 'embargo'], -1, { documentDate: '2019-04-06' }),
    claim('A', ['embargo'], null, { documentDate: '2019-04-20' }),
    claim('C', ['embargo'], 0, { documentDate: null }),
  ];

  it('chooses days for weeks of claims, weeks for months, months for years', () => {
    expect(autoInterval('2019-04-01', '2019-05-15')).toBe('day');
    expect(autoInterval('2019-04-01', '2019-09-01')).toBe('week');
    expect(autoInterval('2019-01-01', '2020-06-01')).toBe('month');
  });

  it('counts claims per ISO week with empty weeks between, stacked by code', () => {
    const t = buildTimeline(
      records,
      { interval: 'week', stackBy: 'code' },
      new Map([['ceasefire', 'Ceasefire proposal']]),
    );
    expect(t.series).toEqual([
      { key: 'ceasefire', name: 'Ceasefire proposal' },
      { key: 'embargo', name: 'embargo' },
    ]);
    expect(t.bins.map((b) => [b.label, b.start, b.end, b.total, b.counts])).toEqual([
      ['2019-W14', '2019-04-01', '2019-04-07', 2, [2, 1]],
      ['2019-W15', '2019-04-08', '2019-04-14', 0, [0, 0]],
      ['2019-W16', '2019-04-15', '2019-04-21', 1, [0, 1]],
    ]);
    expect(t.undated).toBe(1);
  });

  it('by position, per day automatically, per month on request', () => {
    const t = buildTimeline(records, { stackBy: 'position' });
    expect(t.interval).toBe('day');
    expect(t.bins).toHaveLength(17);
    expect(t.series.map((s) => s.key)).toEqual(['1', '0', '-1', 'none']);
    expect(t.bins[0]?.counts).toEqual([1, 0, 0, 0]);
    const m = buildTimeline(records, { interval: 'month', stackBy: 'actor' });
    expect(m.bins.map((b) => [b.label, b.total, b.counts])).toEqual([['2019-04', 3, [2, 1]]]);
  });

  it('by the claim’s own date when asked', () => {
    const r = [claim('A', ['x'], 1, { documentDate: '2019-04-04', claimDate: '2019-03-30' })];
    expect(buildTimeline(r, { dateField: 'claim', interval: 'day' }).bins[0]?.start).toBe('2019-03-30');
  });
});

/**
 * The counting (typed arrays, each date's bin found once) against the definition read plainly:
 * a bin's total is the dated claims whose date lies between its first and last day; a stack's
 * count is those of them in that stack; the stacks in the order their first claim is met.
 */
describe('the timeline, against its definition', () => {
  const rand = (() => {
    let a = 7;
    return () => {
      a = (a * 1103515245 + 12345) % 2147483648;
      return a / 2147483648;
    };
  })();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const day = () =>
    `${pick(['2018', '2019', '2020'])}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  const records = Array.from({ length: 300 }, () =>
    claim(
      rand() < 0.1 ? null : pick(['A', 'B', 'C', 'D']),
      Array.from({ length: Math.floor(rand() * 4) }, () => pick(['x', 'y', 'z', 'w'])),
      pick([1, 0, -1, null]),
      { documentDate: rand() < 0.1 ? null : day(), claimDate: rand() < 0.5 ? null : day() },
    ),
  );
  const stackKeys = (r: ClaimRecord, stackBy: StackBy, scope: ReadonlySet<string> | null): string[] =>
    stackBy === 'code'
      ? [...new Set(r.codes)].filter((c) => !scope || scope.has(c))
      : stackBy === 'actor'
        ? [r.claimant?.id ?? '']
        : stackBy === 'position'
          ? [r.position === null ? 'none' : String(r.position)]
          : ['all'];

  for (const stackBy of STACKS)
    for (const interval of INTERVALS)
      for (const dateField of ['document', 'claim'] as const)
        for (const scope of [null, new Set(['x', 'z'])])
          it(`by ${stackBy}, ${interval}, the ${dateField}'s date${scope ? ', two codes' : ''}`, () => {
            const t = buildTimeline(records, { stackBy, interval, dateField, codes: scope }, new Map([['x', 'Ex']]));
            const dateOf = (r: ClaimRecord) =>
              dateField === 'claim' ? (r.claimDate ?? r.documentDate) : r.documentDate;
            const dated = records.filter((r) => dateOf(r) !== null);
            expect(t.undated).toBe(records.length - dated.length);
            const order = [...new Set(dated.flatMap((r) => stackKeys(r, stackBy, scope)))];
            expect(t.series.map((s) => s.key)).toEqual(stackBy === 'position' ? ['1', '0', '-1', 'none'] : order);
            if (stackBy === 'code')
              expect(t.series.map((s) => s.name)).toEqual(order.map((k) => (k === 'x' ? 'Ex' : k)));
            const days = dated.map(dateOf).sort();
            expect(t.bins[0]!.start <= days[0]!).toBe(true);
            expect(t.bins.at(-1)!.end >= days.at(-1)!).toBe(true);
            for (const bin of t.bins) {
              const inBin = dated.filter((r) => dateOf(r)! >= bin.start && dateOf(r)! <= bin.end);
              expect(bin.total).toBe(inBin.length);
              expect(bin.counts).toEqual(
                t.series.map((s) => inBin.filter((r) => stackKeys(r, stackBy, scope).includes(s.key)).length),
              );
            }
            // the bins follow each other without a gap
            for (let i = 1; i < t.bins.length; i++) expect(t.bins[i]!.start > t.bins[i - 1]!.end).toBe(true);
          });
});
