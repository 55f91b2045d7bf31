import { describe, expect, it } from 'vitest';
import { bootstrapAlpha, bootstrapPrepared, seededRandom } from './bootstrap';
import { prepareData } from './codingAlpha';
import { logFactorial } from './multinomial';

/** Stirling's series as multinomial.ts computes it. */
function series(k: number): number {
  const inv = 1 / k;
  const inv2 = inv * inv;
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260)));
}

describe('the bootstrap’s shortcuts', () => {
  it('takes ln k! from its table exactly as the series gives it, before and after the table grows', () => {
    for (const k of [256, 257, 1000, 999, 5000, 40_000, 300_000, 2_000_000, 256.5])
      expect(logFactorial(k)).toBe(series(k));
    // asked again (from the table now)
    for (const k of [257, 1000, 300_000]) expect(logFactorial(k)).toBe(series(k));
  });

  it('gives no interval when every pairable value is of one category, as the draws would', () => {
    for (const metric of ['nominal', 'interval', 'ordinal'] as const) {
      // (7 only in a unit of one value: not pairable)
      const data = [
        [3, 3, null, 3, 3, 3, 7],
        [3, 3, 3, null, 3, 3, null],
        [null, 3, null, null, null, null, null],
      ];
      const got = bootstrapAlpha(data, metric, { order: [3, 7] });
      expect(got).toEqual({
        low: null,
        high: null,
        defined: 0,
        replicates: 1000,
        seed: 20160801,
        method: 'percentile bootstrap over units',
      });
    }
    // two categories: the draws are made (some replicates hold both)
    const random = seededRandom(3);
    const mixed = [Array.from({ length: 60 }, () => (random() < 0.5 ? 1 : 2)), Array.from({ length: 60 }, () => 1)];
    expect(bootstrapPrepared(prepareData(mixed, 'nominal')).defined).toBeGreaterThan(0);
  });
});
