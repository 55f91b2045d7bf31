import { describe, expect, it } from 'vitest';
import { KRIPPENDORFF_2004 } from './krippendorff2004.testing';
import { krippendorffAlpha } from './codingAlpha';
import { cohenKappa, fleissKappa, fleissKappaFromCounts, percentAgreement } from './kappa';
import { sectionDistance, unitizingAlpha } from './unitizingAlpha';

const x = null;

describe("Krippendorff's alpha on reliability data", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": four coders, twelve units
  const data = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, x, x, x],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, x, 3],
    [x, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, x],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, x],
  ];

  it('reproduces the published nominal (0.743) and interval (0.849) values', () => {
    const nominal = krippendorffAlpha(data, 'nominal');
    expect(nominal.alpha).toBeCloseTo(0.743, 3);
    expect(nominal.values).toBe(40);
    expect(nominal.units).toBe(11);
    expect(krippendorffAlpha(data, 'interval').alpha).toBeCloseTo(0.849, 3);
  });

  it('does not depend on which coder comes first or on rows of different lengths', () => {
    const reordered = [data[2], data[0], data[3], data[1]] as typeof data;
    expect(krippendorffAlpha(reordered, 'nominal').alpha).toBeCloseTo(0.743, 3);
    // the npm "krippendorff" package goes wrong when the first row is shorter: here it is
    const short = [data[0]?.slice(0, 9), ...data.slice(1)] as typeof data;
    expect(krippendorffAlpha(short, 'nominal').alpha).toBeCloseTo(0.743, 3);
  });

  it('takes categories as strings, __proto__ included, and is undefined without variation', () => {
    expect(
      krippendorffAlpha(
        [
          ['__proto__', 'a', 'a'],
          ['__proto__', 'a', 'b'],
        ],
        'nominal',
      ).alpha,
    ).not.toBeNull();
    expect(
      krippendorffAlpha(
        [
          ['a', 'a'],
          ['a', 'a'],
        ],
        'nominal',
      ).alpha,
    ).toBeNull();
    expect(() => krippendorffAlpha([['a'], ['b']], 'interval')).toThrow(/numbers/);
  });

  it('matches DKPro Statistics on the digitized Krippendorff (1995) example (nominal 0.329)', () => {
    const a = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0];
    const b = [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0];
    expect(krippendorffAlpha([a, b], 'nominal').alpha).toBeCloseTo(0.329, 3);
    expect(cohenKappa(a, b).kappa).toBeCloseTo(0.385, 3);
  });
});

describe("Cohen's and Fleiss' kappa", () => {
  it("Cohen's kappa of the textbook 2 × 2 table (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no) is 0.4", () => {
    const a = [...Array(20).fill('yes'), ...Array(5).fill('yes'), ...Array(10).fill('no'), ...Array(15).fill('no')];
    const b = [...Array(20).fill('yes'), ...Array(5).fill('no'), ...Array(10).fill('yes'), ...Array(15).fill('no')];
    const k = cohenKappa(a, b);
    expect(k.observedAgreement).toBeCloseTo(0.7, 10);
    expect(k.expectedAgreement).toBeCloseTo(0.5, 10);
    expect(k.kappa).toBeCloseTo(0.4, 10);
    expect(k.units).toBe(50);
  });

  it("Fleiss' kappa of Fleiss (1971)'s example of ten subjects and fourteen raters is 0.210", () => {
    const counts = [
      [0, 0, 0, 0, 14],
      [0, 2, 6, 4, 2],
      [0, 0, 3, 5, 6],
      [0, 3, 9, 2, 0],
      [2, 2, 8, 1, 1],
      [7, 7, 0, 0, 0],
      [3, 2, 6, 3, 0],
      [2, 5, 3, 2, 2],
      [6, 5, 2, 1, 0],
      [0, 2, 2, 3, 7],
    ];
    const k = fleissKappaFromCounts(counts);
    expect(k.observedAgreement).toBeCloseTo(0.378, 3);
    expect(k.expectedAgreement).toBeCloseTo(0.213, 3);
    expect(k.kappa).toBeCloseTo(0.21, 3);
    // the same from raw data: fourteen coders' values per subject
    const raw: Array<Array<number | null>> = Array.from({ length: 14 }, () => []);
    counts.forEach((row, unit) => {
      let coder = 0;
      row.forEach((n, category) => {
        for (let r = 0; r < n; r++) (raw[coder++] as Array<number | null>)[unit] = category;
      });
    });
    expect(fleissKappa(raw).kappa).toBeCloseTo(0.21, 3);
  });

  it('percent agreement counts units every coder coded', () => {
    expect(
      percentAgreement([
        ['a', 'b', 'c', null],
        ['a', 'b', 'd', 'e'],
      ]),
    ).toEqual({ agreement: 2 / 3, units: 3 });
  });
});

describe("Krippendorff's unitizing alpha", () => {
  it('measures the distances of Krippendorff (2004) as DKPro Statistics does', () => {
    const s = (start: number, length: number, unit: boolean) => ({ start, end: start + length, unit });
    expect(sectionDistance(s(225, 70, true), s(220, 80, true))).toBe(50);
    expect(sectionDistance(s(370, 30, true), s(355, 20, true))).toBe(850);
    expect(sectionDistance(s(400, 50, false), s(400, 20, true))).toBe(400);
    expect(sectionDistance(s(2, 3, false), s(2, 2, true)) + sectionDistance(s(5, 6, true), s(4, 7, false))).toBe(40);
    expect(sectionDistance(s(5, 6, true), s(4, 2, true))).toBe(26);
    expect(sectionDistance(s(5, 6, true), s(7, 2, true))).toBe(8);
  });

  it('reproduces Krippendorff (2004, p. 254): αU = 0.8591, c 0.7286, k 1.0', () => {
    const study = KRIPPENDORFF_2004;
    const result = unitizingAlpha(study);
    // Krippendorff's 0.8591 is 1 − 0.0144 / (0.0532 + 0.0490), from the per-category figures
    // rounded to four decimals; unrounded it is 0.85867 (DKPro Statistics checks ±0.0005)
    expect(1 - 0.0144 / (0.0532 + 0.049)).toBeCloseTo(0.8591, 4);
    expect(result.alpha).toBeCloseTo(0.85867, 5);
    expect(Math.abs((result.alpha ?? 0) - 0.8591)).toBeLessThan(0.0005);
    const c = result.categories.find((r) => r.category === 'c');
    const k = result.categories.find((r) => r.category === 'k');
    expect(c?.observed).toBeCloseTo(0.0144, 4);
    expect(c?.expected).toBeCloseTo(0.0532, 4);
    expect(c?.alpha).toBeCloseTo(0.7286, 4);
    expect(k?.observed).toBeCloseTo(0, 4);
    expect(k?.expected).toBeCloseTo(0.049, 4);
    expect(k?.alpha).toBeCloseTo(1, 4);
    // the coders' order does not matter
    expect(unitizingAlpha({ ...study, coders: ['j', 'i'] }).alpha).toBeCloseTo(0.85867, 5);
  });
});
