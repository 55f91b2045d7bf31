import { describe, expect, it } from 'vitest';
import { seededRandom } from './bootstrap';
import { codeSetTable } from './codeSetTable';
import { coderTableOf, isCoderTable, sortStarts, startsInOrder, type CoderTable } from './coderTable';
import { sectionTable } from './sectionTable';
import type { Unit } from './unitizingAlpha';
import { codeSet, sectionsOf } from './unitizingFamily';
import { unitTableOf, unitizingAlphaOfTable, type UnitTable } from './unitizingTable';

/** Units of a few codes, overlapping, touching, some beyond the continuum or empty, in any order. */
function randomStudy(random: () => number, coders: string[]) {
  const codes = ['p', 'q', 'r'];
  const length = 100 + Math.floor(random() * 200);
  const units: Unit[] = [];
  for (const coder of coders)
    for (let n = 0; n < 25; n++) {
      const start = Math.floor(random() * (length + 20)) - 10;
      const end = random() < 0.1 ? start : start + 1 + Math.floor(random() * 30);
      units.push({ coder, category: codes[Math.floor(random() * codes.length)] as string, start, end });
    }
  if (random() < 0.5) units.sort(() => random() - 0.5);
  else units.sort((a, b) => a.start - b.start);
  return { begin: random() < 0.3 ? 5 : 0, length, coders, units, codes };
}

/** The sections' arrays copied (codeSetTable's are scratch, reused by its next call). */
function copied(t: ReturnType<typeof codeSetTable>) {
  return {
    values: [...t.values],
    numbered: t.numbered.map((a) => Array.from(a)),
    lengths: t.lengths.map((a) => Array.from(a)),
    pairs: Array.from(t.pairs),
  };
}

/** The table's arrays copied into arrays of their own, laid out as given. */
function own(t: CoderTable): CoderTable {
  return {
    ...t,
    coder: t.coder.slice(),
    category: t.category.slice(),
    start: t.start.slice(),
    end: t.end.slice(),
    coderFrom: t.coderFrom.slice(),
  };
}

describe('a unit table laid out coder after coder (coderTable.ts)', () => {
  it('holds each coder’s units within the continuum, clipped, in table order', () => {
    const random = seededRandom(5);
    for (let trial = 0; trial < 40; trial++) {
      const study = randomStudy(random, ['A', 'B', 'C'].slice(0, 2 + (trial % 2)));
      const table = unitTableOf(study, study.codes);
      const laid = coderTableOf(table);
      expect(isCoderTable(laid)).toBe(true);
      expect(isCoderTable(table)).toBe(false);
      const to = table.begin + table.length;
      for (let i = 0; i < table.coders; i++) {
        const want: Array<[number, number, number]> = [];
        for (let u = 0; u < table.coder.length; u++) {
          const s = Math.max(table.begin, table.start[u] as number);
          const e = Math.min(to, table.end[u] as number);
          if (table.coder[u] === i && e > s) want.push([s, e, table.category[u] as number]);
        }
        const got: Array<[number, number, number]> = [];
        for (let x = laid.coderFrom[i] as number; x < (laid.coderFrom[i + 1] as number); x++) {
          expect(laid.coder[x]).toBe(i);
          got.push([laid.start[x] as number, laid.end[x] as number, laid.category[x] as number]);
        }
        expect(got).toEqual(want);
      }
      // sorted by start (stably), each coder's units
      const sorted = own(laid);
      sortStarts(sorted);
      expect(startsInOrder(sorted)).toBe(true);
    }
  });

  it('gives the same cut by code sets and the same αU as the table it was laid out from', () => {
    const random = seededRandom(17);
    for (let trial = 0; trial < 60; trial++) {
      const study = randomStudy(random, ['A', 'B', 'C'].slice(0, 2 + (trial % 2)));
      const table: UnitTable = unitTableOf(study, study.codes);
      const want = copied(codeSetTable(table));
      expect(want).toEqual(copied(sectionTable(sectionsOf(study, codeSet))));
      const wantAlpha = unitizingAlphaOfTable(table, study.codes.length);
      // a table laid out with arrays of its own (as the report's), in order of starts or not
      const laid = own(coderTableOf(table));
      const before = own(laid);
      expect(copied(codeSetTable(laid))).toEqual(want);
      // a table given is left as it is (an unsorted one is sorted in a copy)
      expect(laid).toEqual(before);
      expect(unitizingAlphaOfTable(laid, study.codes.length)).toEqual(wantAlpha);
    }
  });
});
