import { describe, expect, it } from 'vitest';
import { seededRandom } from './bootstrap';
import { unitizingAlpha, type Unit } from './unitizingAlpha';

/** Krippendorff's expected disagreement written out as the sum over every unit and every gap. */
function bruteExpected(lengths: { units: number[]; gaps: number[] }, m: number, L: number): number {
  const nc = lengths.units.length;
  let numerator = 0;
  let squared = 0;
  for (const l of lengths.units) {
    squared += l * (l - 1);
    let fits = 0;
    for (const g of lengths.gaps) if (g >= l) fits += g - l + 1;
    numerator += ((nc - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fits;
  }
  const denominator = m * L * (m * L - 1) - squared;
  return denominator <= 0 ? 0 : ((2 / L) * numerator) / denominator;
}

describe('unitizing αU’s expected disagreement', () => {
  it('is the sum over every unit and every gap at least as long, on many random studies', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 200; trial++) {
      const L = 50 + Math.floor(random() * 400);
      const coders = ['a', 'b', 'c'].slice(0, 2 + Math.floor(random() * 2));
      const units: Unit[] = [];
      const lengths = { units: [] as number[], gaps: [] as number[] };
      for (const coder of coders) {
        // disjoint units in order, so the sections are exactly these units and the gaps between
        let at = 0;
        while (at < L) {
          const gap = Math.floor(random() * 30);
          const len = 1 + Math.floor(random() * 20);
          if (at + gap + len > L) break;
          if (gap > 0) lengths.gaps.push(gap);
          units.push({ coder, category: 'x', start: at + gap, end: at + gap + len });
          lengths.units.push(len);
          at += gap + len;
        }
        if (at < L) lengths.gaps.push(L - at);
      }
      const got = unitizingAlpha({ begin: 0, length: L, coders, units }, ['x']).categories[0];
      expect(got?.expected).toBeCloseTo(bruteExpected(lengths, coders.length, L), 12);
    }
  });
});
