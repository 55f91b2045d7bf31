import { describe, expect, it } from 'vitest';
import { bootstrapAlpha } from './bootstrap';
import { krippendorffAlpha } from './codingAlpha';
import {
  anyCode,
  boundaryAlpha,
  codeOrGap,
  codeOrOther,
  codeSet,
  codingGivenUnitsAlpha,
  coderSections,
  boundaryOfSections,
  codeOrOtherOfSet,
  codingGivenUnitsOfSections,
  remapSections,
  sectionsOf,
  type FamilyResult,
} from './unitizingFamily';
import { boundaryOfTable, codingGivenUnitsOfTable, heldSquares, sectionTable } from './sectionTable';
import type { Unit } from './unitizingAlpha';
import { flagSentence, reliabilityFlags } from './warnings';

const x = null;
// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": four coders, twelve units
const data = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, x, x, x],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, x, 3],
  [x, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, x],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, x],
];
const u = (coder: string, category: string, start: number, end: number): Unit => ({ coder, category, start, end });

describe('ordinal alpha', () => {
  it('reproduces Krippendorff (2011)’s ordinal value of 0.815 on the four-coder data', () => {
    expect(krippendorffAlpha(data, 'ordinal').alpha).toBeCloseTo(0.815, 3);
  });

  it('ranks named categories in the order given, and refuses a value the order lacks', () => {
    const names = ['low', 'mid', 'high', 'top', 'max'];
    const named = data.map((row) => row.map((v) => (v === null ? null : (names[v - 1] as string))));
    expect(krippendorffAlpha(named, 'ordinal', { order: names }).alpha).toBeCloseTo(0.815, 3);
    expect(() => krippendorffAlpha(named, 'ordinal', { order: ['low'] })).toThrow(/ranked/);
    expect(() => krippendorffAlpha(named, 'ordinal')).toThrow(/numbers/);
  });

  it('is 1 when all coders agree and undefined with one category only', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 2, 3],
          [1, 2, 3],
        ],
        'ordinal',
      ).alpha,
    ).toBe(1);
    expect(
      krippendorffAlpha(
        [
          [2, 2],
          [2, 2],
        ],
        'ordinal',
      ).alpha,
    ).toBeNull();
  });
});

describe('the bootstrap interval of alpha', () => {
  it('is reproducible from its seed, holds alpha, and changes with the seed', () => {
    const a = bootstrapAlpha(data, 'nominal');
    expect(a).toEqual(bootstrapAlpha(data, 'nominal'));
    expect(a.method).toBe('percentile bootstrap over units');
    expect(a.replicates).toBe(1000);
    expect(a.defined).toBe(1000);
    expect(a.low as number).toBeLessThan(0.743);
    expect(a.high as number).toBeGreaterThan(0.743);
    expect(a.high as number).toBeLessThanOrEqual(1);
    expect(bootstrapAlpha(data, 'nominal', { seed: 7 }).low).not.toBe(a.low);
    const interval = bootstrapAlpha(data, 'interval');
    expect(interval.low as number).toBeLessThan(0.849);
  });

  // the draws checked against picking units one by one: bootstrapFast.test.ts

  it('is 1 to 1 when every coder agrees, and absent with fewer than two units', () => {
    const same = bootstrapAlpha(
      [
        ['a', 'b', 'a'],
        ['a', 'b', 'a'],
      ],
      'nominal',
    );
    expect([same.low, same.high]).toEqual([1, 1]);
    expect(bootstrapAlpha([['a'], ['b']], 'nominal')).toMatchObject({ low: null, high: null, defined: 0 });
  });
});

describe('|uα and cuα (Krippendorff, Mathet, Bouvry & Widlöcher 2016)', () => {
  it('cuts a coder’s continuum where its set of codes changes', () => {
    const study = { begin: 0, length: 10, coders: ['A', 'B'], units: [u('A', 'p', 1, 5), u('A', 'q', 3, 8)] };
    expect(coderSections(study, 'A', codeSet)).toEqual([
      { start: 0, end: 1, value: null },
      { start: 1, end: 3, value: 'p' },
      { start: 3, end: 5, value: 'p\u0000q' },
      { start: 5, end: 8, value: 'q' },
      { start: 8, end: 10, value: null },
    ]);
    expect(coderSections(study, 'A', anyCode).map((s) => [s.start, s.end, s.value])).toEqual([
      [0, 1, null],
      [1, 8, 'unit'],
      [8, 10, null],
    ]);
  });

  it('|uα by hand: L = 10, A marks [2,6), B marks [3,7) → 151/240', () => {
    // Sections A: ∅ 2, U 4, ∅ 4; B: ∅ 3, U 4, ∅ 3. Overlaps (both directions, weight 1/(m−1) = 1):
    // l_∅∅ = 2·(2 + 3) = 10, l_UU = 2·3 = 6, l_∅U = l_U∅ = 1 + 1 = 2; l_·· = 20 = mL;
    // margins l_∅ = 12, l_U = 8. S = 4² + 4² (units) + 2 + 4 + 3 + 3 (gaps as unit pieces) = 44.
    // D_o = 4; D_e = 20 (20² − 12² − 8²) / (20² − 44) = 3840 / 356; |uα = 1 − 4·356/3840 = 151/240.
    const study = { begin: 0, length: 10, coders: ['A', 'B'], units: [u('A', 'x', 2, 6), u('B', 'y', 3, 7)] };
    const got = boundaryAlpha(study, anyCode);
    expect(got.alpha).toBeCloseTo(151 / 240, 12);
    expect(got.length).toBe(20);
    expect(got.observed).toBeCloseTo(4 / 20, 12);
    // the codes differ, so per code nothing is shared: |uα of x sees A's unit against B's gap
    expect(boundaryAlpha(study, codeOrGap('x')).alpha as number).toBeLessThan(0.5);
  });

  it('cuα by hand: A [0,4) a, [6,10) b; B [1,4) a, [6,10) a; L = 12 → −0.4', () => {
    // Coded coincidences: a–a 2·3 = 6 (over [1,4)), b–a = a–b = 4 (over [6,10)); [0,1) is A's
    // against B's gap and leaves. n = 14, n_a = 10, n_b = 4.
    // D_o = 8/14; D_e = (14² − 10² − 4²)/14² = 80/196; cuα = 1 − (8/14)/(80/196) = 1 − 1.4 = −0.4.
    const study = {
      begin: 0,
      length: 12,
      coders: ['A', 'B'],
      units: [u('A', 'a', 0, 4), u('A', 'b', 6, 10), u('B', 'a', 1, 4), u('B', 'a', 6, 10)],
    };
    const got = codingGivenUnitsAlpha(study, codeSet);
    expect(got.alpha).toBeCloseTo(-0.4, 12);
    expect(got.length).toBe(14);
    // per code: a against "another code" is the same split here
    expect(codingGivenUnitsAlpha(study, codeOrOther('a')).alpha).toBeCloseTo(-0.4, 12);
    // boundaries alone agree better than the values: B missed one code point of 8
    expect(boundaryAlpha(study, anyCode).alpha as number).toBeGreaterThan(0.8);
  });

  it('is 1 when the coders agree, undefined without variation, and does not depend on coder order', () => {
    const units = [u('A', 'a', 0, 4), u('B', 'a', 0, 4), u('A', 'b', 5, 9), u('B', 'b', 5, 9)];
    const study = { begin: 0, length: 12, coders: ['A', 'B'], units };
    expect(boundaryAlpha(study, anyCode).alpha).toBe(1);
    expect(codingGivenUnitsAlpha(study, codeSet).alpha).toBe(1);
    // one value only among the coded stretches: cuα is 0/0
    expect(codingGivenUnitsAlpha({ ...study, units: units.slice(0, 2) }, codeSet).alpha).toBeNull();
    // nobody marked anything: neither is defined
    const empty = { ...study, units: [] };
    expect(boundaryAlpha(empty, anyCode).alpha).toBeNull();
    expect(codingGivenUnitsAlpha(empty, codeSet)).toMatchObject({ alpha: null, length: 0 });
    const three = {
      begin: 0,
      length: 30,
      coders: ['A', 'B', 'C'],
      units: [u('A', 'a', 0, 10), u('B', 'a', 2, 10), u('C', 'b', 1, 12), u('C', 'a', 20, 25)],
    };
    const turned = { ...three, coders: ['C', 'A', 'B'] };
    expect(boundaryAlpha(turned, anyCode).alpha).toBeCloseTo(boundaryAlpha(three, anyCode).alpha as number, 12);
    expect(codingGivenUnitsAlpha(turned, codeSet).alpha).toBeCloseTo(
      codingGivenUnitsAlpha(three, codeSet).alpha as number,
      12,
    );
  });
});

describe('revaluing sections', () => {
  it('gives what valuing the units anew gives, per code and overall', () => {
    const study = {
      begin: 0,
      length: 60,
      coders: ['A', 'B', 'C'],
      units: [
        u('A', 'p', 0, 10),
        u('A', 'q', 5, 20),
        u('B', 'p', 2, 12),
        u('B', 'q', 12, 18),
        u('C', 'q', 4, 19),
        u('C', 'p', 30, 40),
        u('A', 'p', 31, 40),
      ],
    };
    const bySet = sectionsOf(study, codeSet);
    for (const code of ['p', 'q']) {
      const holds = (set: string) => (set.split('\u0000').includes(code) ? code : null);
      expect(boundaryOfSections(remapSections(bySet, holds))).toEqual(boundaryAlpha(study, codeOrGap(code)));
      expect(codingGivenUnitsOfSections(remapSections(bySet, codeOrOtherOfSet(code)))).toEqual(
        codingGivenUnitsAlpha(study, codeOrOther(code)),
      );
    }
    expect(boundaryOfSections(remapSections(bySet, () => 'unit'))).toEqual(boundaryAlpha(study, anyCode));
  });

  it('gives the same figures from one table of the set values as from the sections revalued', () => {
    const close = (got: FamilyResult, want: FamilyResult) => {
      for (const key of ['alpha', 'observed', 'expected', 'length'] as const)
        expect(got[key] as number).toBeCloseTo(want[key] as number, 12);
    };
    const study = {
      begin: 0,
      length: 60,
      coders: ['A', 'B', 'C'],
      units: [
        u('A', 'p', 0, 10),
        u('A', 'q', 5, 20),
        u('B', 'p', 2, 12),
        u('B', 'q', 12, 18),
        u('C', 'q', 4, 19),
        u('C', 'p', 30, 40),
        u('A', 'p', 31, 40),
        u('B', 'q', 41, 50),
      ],
    };
    const bySet = sectionsOf(study, codeSet);
    const table = sectionTable(bySet);
    for (const code of ['p', 'q']) {
      const holds = (set: string) => (set.split('\u0000').includes(code) ? code : null);
      close(boundaryOfTable(table, holds), boundaryAlpha(study, codeOrGap(code)));
      close(codingGivenUnitsOfTable(table, codeOrOtherOfSet(code)), codingGivenUnitsAlpha(study, codeOrOther(code)));
    }
    close(
      boundaryOfTable(table, () => 'unit'),
      boundaryAlpha(study, anyCode),
    );
    close(
      codingGivenUnitsOfTable(table, (set) => set),
      codingGivenUnitsAlpha(study, codeSet),
    );
    // each code's S taken for all codes in one pass gives |uα to the bit; with a length not
    // whole (where the order of the sums could tell) none is given, so each code takes its own pass
    const codes = ['p', 'q'];
    const holdsOf = table.values.map((set) =>
      set === null ? [] : codes.flatMap((code, k) => (set.split('\u0000').includes(code) ? [k] : [])),
    );
    const squares = heldSquares(table, holdsOf, codes.length) as Float64Array;
    codes.forEach((code, k) => {
      const holds = (set: string) => (set.split('\u0000').includes(code) ? code : null);
      expect(boundaryOfTable(table, holds, squares[k])).toEqual(boundaryOfTable(table, holds));
    });
    expect(heldSquares(sectionTable(sectionsOf({ ...study, length: 60.5 }, codeSet)), holdsOf, 2)).toBeNull();
    // one more code every set but ∅ holds: S of the overall |uα (every set one unit), to the bit
    const withAny = heldSquares(
      table,
      holdsOf.map((these, v) => (table.values[v] === null ? these : [...these, codes.length])),
      codes.length + 1,
    ) as Float64Array;
    expect(withAny.subarray(0, codes.length)).toEqual(squares);
    expect(boundaryOfTable(table, () => 'unit', withAny[codes.length])).toEqual(boundaryOfTable(table, () => 'unit'));
  });
});

describe('warnings of a figure', () => {
  it('says no units, few units, one dominant value and undefined, in words', () => {
    expect(reliabilityFlags(0, [], null)).toEqual([{ kind: 'noUnits' }]);
    expect(reliabilityFlags(3, ['a', 'b', 'a', 'b'], 0.2)).toEqual([{ kind: 'fewUnits', units: 3, least: 10 }]);
    const nine = [...Array(9).fill('a'), 'b'];
    expect(reliabilityFlags(12, nine, 0.1)).toEqual([{ kind: 'dominant', value: 'a', share: 0.9 }]);
    expect(reliabilityFlags(12, [...Array(8).fill('a'), 'b', 'b'], 0.1)).toEqual([]);
    expect(reliabilityFlags(12, ['a', 'a'], null)).toContainEqual({ kind: 'undefined' });
    expect(flagSentence({ kind: 'fewUnits', units: 1, least: 10 }, 'α of stance')).toBe(
      'α of stance rests on 1 unit; a figure on fewer than 10 is not reliable.',
    );
    expect(flagSentence({ kind: 'dominant', value: 'a', share: 0.9 }, 'stance')).toMatch(/“a”, holds 90%.*dominates/);
  });
});
