import { describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/model';
import { inReadingOrder, replacedInReadingOrder } from './annotations';

let serial = 0;
function ann(start: number, end: number, createdAt = '2026-01-01T00:00:00.000Z'): Annotation {
  serial++;
  return {
    id: `a${serial}`,
    documentId: 'd',
    start,
    end,
    codes: [],
    quote: '',
    prefix: '',
    suffix: '',
    values: {},
    annotator: 'r',
    createdAt,
    updatedAt: createdAt,
  };
}

describe('replacedInReadingOrder', () => {
  it('gives the list a full sort of the kept and changed annotations gives', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      const sorted = inReadingOrder(
        Array.from({ length: rand(30) }, () => {
          const s = rand(20);
          return ann(s, s + 1 + rand(4), `2026-01-0${1 + rand(3)}T00:00:00.000Z`);
        }),
      );
      const drop = new Set(sorted.filter(() => rand(4) === 0).map((a) => a.id));
      // an edit moves an annotation (same id, new span); a tag adds new ones
      const moved = sorted.filter(() => rand(5) === 0).map((a) => ({ ...a, start: rand(20), end: 25 }));
      const added = Array.from({ length: rand(3) }, () => ann(rand(20), 22, '2026-01-02T00:00:00.000Z'));
      const changed = [...moved, ...added];
      const out = new Set([...drop, ...changed.map((a) => a.id)]);
      const expected = inReadingOrder([...sorted.filter((a) => !out.has(a.id)), ...changed]);
      expect(
        replacedInReadingOrder(
          sorted,
          changed,
          sorted.filter((a) => out.has(a.id)),
        ),
      ).toEqual(expected);
    }
  });

  it('puts a new annotation after those with the same span and time, and leaves the input alone', () => {
    const a = ann(3, 5);
    const b = ann(3, 5);
    const before = [a];
    expect(replacedInReadingOrder(before, [b], [])).toEqual([a, b]);
    expect(before).toEqual([a]);
  });
});
