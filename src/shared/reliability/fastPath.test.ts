import { describe, expect, it } from 'vitest';
import { KRIPPENDORFF_2004 } from './krippendorff2004.testing';
import { bootstrapAlpha, patterns, seededRandom } from './bootstrap';
import { alphaOfPrepared, krippendorffAlpha, prepareData, type Metric, type Value } from './codingAlpha';
import { fieldFigures } from './fieldFigures';
import { cohenKappa, fleissKappa, numbered, percentAgreement } from './kappa';
import { matchClaims, spanOverlap, type Claim } from './matchClaims';
import { sectionTable } from './sectionTable';
import { unitizingAlpha, type Unit } from './unitizingAlpha';
import { codeSet, sectionsOf } from './unitizingFamily';
import { codeSetTable } from './codeSetTable';
import { unitTableOf, unitizingAlphaOfTable } from './unitizingTable';
import { reliabilityFlags } from './warnings';

/** A random study: units of a few codes, some overlapping, some touching, some beyond the continuum, in any order. */
function randomStudy(random: () => number, coders: string[], codes = ['p', 'q', 'r', '__proto__']) {
  const length = 200 + Math.floor(random() * 300);
  const units: Unit[] = [];
  for (const coder of coders)
    for (let n = 0; n < 30; n++) {
      const start = Math.floor(random() * (length + 20)) - 10;
      const end = random() < 0.2 ? start + 1 : start + 1 + Math.floor(random() * 25);
      units.push({ coder, category: codes[Math.floor(random() * codes.length)] as string, start, end });
      // a touching unit of the same code (αU keeps the two apart)
      if (random() < 0.1)
        units.push({ coder, category: units[units.length - 1]?.category as string, start: end, end: end + 5 });
    }
  if (random() < 0.5) units.sort(() => random() - 0.5);
  else units.sort((a, b) => a.start - b.start);
  return { begin: 0, length, coders, units, codes };
}

/** The matching as it was first written: every pair of two coders' claims compared. */
function pairwiseMatch(claims: readonly Claim[], coderCount: number, threshold: number): number[][] {
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  for (let x = 0; x < coderCount; x++)
    for (let y = x + 1; y < coderCount; y++) {
      const pairs: Array<{ a: number; b: number; overlap: number }> = [];
      claims.forEach((ca, a) =>
        claims.forEach((cb, b) => {
          if (ca.coder !== x || cb.coder !== y) return;
          const overlap = spanOverlap(ca, cb);
          if (overlap > 0 && overlap >= threshold) pairs.push({ a, b, overlap });
        }),
      );
      pairs.sort((p, q) => q.overlap - p.overlap || p.a - q.a || p.b - q.b);
      const used = new Set<number>();
      for (const { a, b } of pairs) {
        if (used.has(a) || used.has(b)) continue;
        used.add(a).add(b);
        parent[find(a)] = find(b);
      }
    }
  const groups = new Map<number, number[]>();
  claims.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()].filter((g) => g.length > 1).sort((g, h) => (g[0] as number) - (h[0] as number));
}

describe('the report’s fast unitizing path', () => {
  it('gives αU per code exactly as unitizingAlpha does, on many random studies of two and three coders', () => {
    const random = seededRandom(17);
    for (let trial = 0; trial < 60; trial++) {
      const study = randomStudy(random, trial % 2 === 0 ? ['A', 'B'] : ['A', 'B', 'C']);
      const wanted = study.codes.slice(0, 3);
      expect(unitizingAlphaOfTable(unitTableOf(study, wanted), wanted.length)).toEqual(unitizingAlpha(study, wanted));
    }
  });

  it('reproduces Krippendorff (2004, p. 254) through the table: αU 0.8587 (published 0.8591), c 0.7286, k 1.0', () => {
    const study = KRIPPENDORFF_2004;
    const got = unitizingAlphaOfTable(unitTableOf(study, ['c', 'k']), 2);
    expect(got.alpha).toBeCloseTo(0.85867, 5);
    expect(Math.abs((got.alpha ?? 0) - 0.8591)).toBeLessThan(0.0005);
    expect(got.categories[0]?.alpha).toBeCloseTo(0.7286, 4);
    expect(got.categories[1]?.alpha).toBeCloseTo(1, 4);
    expect(got).toEqual(unitizingAlpha(study, ['c', 'k']));
  });

  it('cuts each coder’s continuum by its set of codes exactly as sectionsOf with codeSet does', () => {
    const random = seededRandom(29);
    for (let trial = 0; trial < 60; trial++) {
      const study = randomStudy(random, trial % 2 === 0 ? ['A', 'B'] : ['A', 'B', 'C']);
      const want = sectionTable(sectionsOf(study, codeSet));
      const got = codeSetTable(unitTableOf(study, []));
      expect(got.values).toEqual(want.values);
      expect(got.numbered).toEqual(want.numbered);
      expect(got.lengths).toEqual(want.lengths);
      expect(got.pairs).toEqual(want.pairs);
    }
  });

  it('cuts by the set of codes as sectionsOf does when the codes are too many for the table of masks (20)', () => {
    const random = seededRandom(37);
    const twenty = Array.from({ length: 20 }, (_, c) => `code-${c}`);
    for (let trial = 0; trial < 20; trial++) {
      const study = randomStudy(random, trial % 2 === 0 ? ['A', 'B'] : ['A', 'B', 'C'], twenty);
      const got = codeSetTable(unitTableOf(study, twenty));
      const want = sectionTable(sectionsOf(study, codeSet));
      expect(got.values).toEqual(want.values);
      expect(got.numbered).toEqual(want.numbered);
      expect(got.pairs).toEqual(want.pairs);
    }
  });

  it('cuts by the set of codes as sectionsOf does when the codes are more than a number has bits for (60)', () => {
    const random = seededRandom(31);
    const many = Array.from({ length: 60 }, (_, c) => `code-${c}`);
    for (let trial = 0; trial < 20; trial++) {
      const study = randomStudy(random, trial % 2 === 0 ? ['A', 'B'] : ['A', 'B', 'C'], many);
      const got = codeSetTable(unitTableOf(study, many));
      const want = sectionTable(sectionsOf(study, codeSet));
      expect(got.values).toEqual(want.values);
      expect(got.numbered).toEqual(want.numbered);
      expect(got.pairs).toEqual(want.pairs);
    }
  });
});

describe('matching claims by a sorted sweep', () => {
  it('finds the same matched sets as comparing every pair, on many random documents', () => {
    const random = seededRandom(41);
    for (let trial = 0; trial < 200; trial++) {
      const coders = 2 + (trial % 3);
      const claims: Claim[] = [];
      for (let n = 0; n < 40; n++) {
        const start = Math.floor(random() * 300);
        const end = start + 1 + Math.floor(random() * 30);
        claims.push({ coder: Math.floor(random() * coders), start, end });
        // often another coder's claim of the very same span (overlap 1, matched before any other)
        if (random() < 0.5) claims.push({ coder: Math.floor(random() * coders), start, end });
      }
      // mostly in reading order, as the report gives them; sometimes in any order
      if (trial % 5 === 4) claims.sort(() => random() - 0.5);
      else claims.sort((a, b) => a.start - b.start || a.end - b.end);
      const threshold = [0, 0.3, 0.5, 0.8][trial % 4] as number;
      expect(matchClaims(claims, coders, threshold)).toEqual(pairwiseMatch(claims, coders, threshold));
    }
  });
});

/** Reliability data of `coders` rows over `units` units, values 0 … values − 1 (as numbers or names), some missing. */
function randomData(random: () => number, coders: number, units: number, values: number, names: boolean): Value[][] {
  const data: Value[][] = [];
  const first: Array<number | null> = [];
  for (let c = 0; c < coders; c++) {
    const row: Value[] = [];
    for (let u = 0; u < units; u++) {
      if (c === 0) first.push(random() < 0.1 ? null : Math.floor(random() * values));
      const base = first[u] as number | null;
      const v = random() < 0.1 ? null : random() < 0.7 && base !== null ? base : Math.floor(random() * values);
      row.push((v === null ? null : names ? `v${v}` : v) as Value);
    }
    data.push(row);
  }
  return data;
}

describe('a field’s figures from its values numbered once', () => {
  it('equal α, its interval, κ, % agreement and the flags computed one by one, with few values and with hundreds', () => {
    const random = seededRandom(53);
    for (let trial = 0; trial < 24; trial++) {
      const coders = 2 + (trial % 2);
      // 300 values: a unit's pattern no longer fits the looked-up array, so it is found in a Map
      const values = [2, 5, 40, 300][trial % 4] as number;
      const metric: Metric = trial % 3 === 0 ? 'interval' : 'nominal';
      const data = randomData(random, coders, 150, values, metric === 'nominal');
      const { rows, given } = numbered(data);
      const got = fieldFigures(rows, given, metric);
      expect(got.alpha).toEqual(krippendorffAlpha(data, metric));
      expect(got.interval).toEqual(bootstrapAlpha(data, metric));
      expect(got.cohenKappa).toEqual(coders === 2 ? cohenKappa(data[0] ?? [], data[1] ?? []) : null);
      expect(got.fleissKappa).toEqual(coders > 2 ? fleissKappa(data) : null);
      expect(got.percentAgreement).toEqual(percentAgreement(data));
      const given2 = data.flat().filter((v): v is Value => v !== null && v !== undefined);
      expect(got.flags).toEqual(reliabilityFlags(got.alpha.units, given2, got.alpha.alpha));
      // the patterns (looked up in an array or a Map) hold every unit's coincidences
      const prepared = prepareData(data, metric);
      const found = patterns(prepared);
      expect(found.patternOf.length).toBe(prepared.count);
      expect([...found.frequencies].reduce((a, b) => a + b, 0)).toBe(prepared.count);
      expect(got.alpha).toEqual(alphaOfPrepared(prepared));
    }
  });

  it('of a field no unit has a value of: the figures of no units, whatever the number of units', () => {
    // (the report gives a field without values rows of no units instead of rows of −1)
    for (const metric of ['nominal', 'interval'] as const)
      for (const coders of [2, 3]) {
        const none = Array.from({ length: coders }, () => new Int32Array(400).fill(-1));
        const got = fieldFigures(none, ['supports', 'rejects'], metric);
        expect(got).toEqual(
          fieldFigures(
            none.map(() => new Int32Array(0)),
            ['supports', 'rejects'],
            metric,
          ),
        );
        expect(got.alpha).toEqual(
          krippendorffAlpha(
            Array.from({ length: coders }, () => []),
            metric,
          ),
        );
        expect(got.percentAgreement).toEqual({ agreement: null, units: 0 });
        expect(got.interval.low).toBeNull();
        expect(got.flags).toEqual([{ kind: 'noUnits' }]);
      }
  });
});
