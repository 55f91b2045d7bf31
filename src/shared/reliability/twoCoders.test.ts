import { describe, expect, it } from 'vitest';
import { seededRandom } from './bootstrap';
import { prepareCounted, type Metric } from './codingAlpha';
import { fieldFigures, twoCoderFieldFigures } from './fieldFigures';
import { cohenKappaCoded, percentAgreementCoded } from './kappa';
import { twoCoderPass, twoCoderPassOf } from './twoCoders';

/** Two coders' rows of numbered values (−1: none), mostly agreeing, some values given by the second coder only. */
function randomRows(random: () => number, units: number, values: number): [Int32Array, Int32Array] {
  const a = new Int32Array(units);
  const b = new Int32Array(units);
  for (let u = 0; u < units; u++) {
    a[u] = random() < 0.15 ? -1 : Math.floor(random() * values);
    b[u] =
      random() < 0.15 ? -1 : random() < 0.7 && (a[u] as number) >= 0 ? (a[u] as number) : Math.floor(random() * values);
  }
  return [a, b];
}

describe('the one pass over two coders’ values', () => {
  it('finds the values, their counts and the pairable units as prepareCounted does, and κ’s and % agreement’s tallies', () => {
    const random = seededRandom(71);
    for (let trial = 0; trial < 40; trial++) {
      const values = [1, 3, 12, 300][trial % 4] as number;
      const [a, b] = randomRows(random, [0, 1, 7, 200][trial % 4] as number, values);
      const given = Array.from({ length: values }, (_, i) => i * 3 - 2);
      const pass = twoCoderPass(a, b, values);
      const { prepared, found, counts } = prepareCounted([a, b], given, 'nominal');
      expect(pass.found).toEqual(found);
      expect([...pass.counts]).toEqual([...counts]);
      expect(pass.count).toBe(prepared.count);
      // (nominal categories are the values as found: pairs[x] is found[prepared.values[x]])
      expect([...pass.pairs]).toEqual([...prepared.values].map((k) => found[k]));
      const kappa = cohenKappaCoded(a, b);
      expect(pass.count).toBe(kappa.units);
      expect(pass.count === 0 ? 0 : pass.agree / pass.count).toBe(kappa.observedAgreement);
      expect(percentAgreementCoded([a, b])).toEqual({
        agreement: pass.count === 0 ? null : pass.agree / pass.count,
        units: pass.count,
      });
    }
  });

  it('gives fieldFigures the figures of its general path (three rows, one of no value, give the same as two)', () => {
    const random = seededRandom(72);
    for (let trial = 0; trial < 24; trial++) {
      const metric: Metric = trial % 2 === 0 ? 'interval' : 'nominal';
      const values = [2, 6, 40][trial % 3] as number;
      const [a, b] = randomRows(random, 120, values);
      const given = Array.from({ length: values }, (_, i) => (metric === 'interval' ? i - 1 : `v${i}`));
      const fast = fieldFigures([a, b], given, metric);
      // a third coder with no values adds nothing to α, the interval or % agreement of units all coded…
      const general = fieldFigures([a, b, new Int32Array(120).fill(-1)], given, metric);
      expect(fast.alpha).toEqual(general.alpha);
      expect(fast.interval).toEqual(general.interval);
      expect(fast.flags).toEqual(general.flags);
      // …and κ of two coders is Cohen's, as the general path computes it
      expect(fast.cohenKappa).toEqual(cohenKappaCoded(a, b));
      expect(fast.fleissKappa).toBeNull();
      expect(fast.percentAgreement).toEqual(percentAgreementCoded([a, b]));
    }
  });
});

describe('the pass over two coders’ values read from matched sets', () => {
  it('equals the pass over the rows those sets give, and so do the figures', () => {
    const random = seededRandom(23);
    for (let trial = 0; trial < 40; trial++) {
      const values = [1, 3, 12, 300][trial % 4] as number;
      const units = [0, 1, 7, 200][(trial >> 2) % 4] as number;
      // annotations' value numbers, and per set each coder's first annotation (−1: none)
      const ids = Int32Array.from({ length: 3 * units + 5 }, () =>
        random() < 0.2 ? -1 : Math.floor(random() * values),
      );
      const first = Int32Array.from({ length: 2 * units }, () =>
        random() < 0.1 ? -1 : Math.floor(random() * ids.length),
      );
      const row = (c: number) =>
        Int32Array.from({ length: units }, (_, s) => {
          const i = first[2 * s + c] as number;
          return i < 0 ? -1 : (ids[i] as number);
        });
      const [a, b] = [row(0), row(1)];
      expect(twoCoderPassOf(first, ids, units, values)).toEqual(twoCoderPass(a, b, values));
      const given = Array.from({ length: values }, (_, i) => i * 3 - 2);
      for (const metric of ['nominal', 'interval'] as const) {
        const got = twoCoderFieldFigures(first, ids, units, given, metric);
        const any = [...a, ...b].some((x) => x >= 0);
        if (any) expect(got).toEqual(fieldFigures([a, b], given, metric));
        else expect(got).toBeNull();
      }
    }
  });
});
