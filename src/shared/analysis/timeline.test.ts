import { describe, expect, it } from 'vitest';
import { isoWeekLabel, isoWeekStart } from './dates';
import { autoInterval, buildTimeline } from './timeline';
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
