import { describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/model';
import { makeRecord, numberedKeys, numberedValues, numberOfKey, recordOf, storedIdsOf } from './agreementRecords';

const annotation = (id: string, start: number, end: number, codes: string[], values = {}): Annotation =>
  ({
    id,
    documentId: 'd',
    start,
    end,
    codes,
    values,
    annotator: 'Amal',
    quote: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  }) as unknown as Annotation;

describe('recordOf', () => {
  it('keeps a list’s record while its revision is the same, and makes it again at another', () => {
    const list = [annotation('a', 0, 4, ['x']), annotation('b', 2, 6, ['y', 'x'])];
    const first = recordOf(list, 0);
    expect(recordOf(list, 0)).toBe(first);
    // changed in place, at a new revision: read again
    list[1] = annotation('b', 2, 8, ['y']);
    const second = recordOf(list, 3);
    expect(second).not.toBe(first);
    expect(Array.from(second.end)).toEqual([4, 8]);
    expect(second).toEqual({ ...makeRecord(list, 3), matching: undefined });
    expect(recordOf(list, 3)).toBe(second);
    // another list: a record of its own
    expect(recordOf(list.slice(), 3)).not.toBe(second);
  });
});

describe('a record’s value keys', () => {
  it('are numbered once for the process, whatever record meets them first and in what order', () => {
    const one = makeRecord([annotation('a', 0, 4, [], { stance: 'x', __proto__key: 1 }), annotation('b', 1, 2, [])]);
    const two = makeRecord([annotation('c', 0, 4, [], { certainty: 'y' }), annotation('d', 1, 3, [], { stance: 'z' })]);
    for (const record of [one, two])
      for (const [key, k] of record.keys) {
        expect(record.keyNumbers[k]).toBe(numberOfKey(key));
        expect(numberOfKey(key)).toBeLessThan(numberedKeys());
      }
    expect(one.keyNumbers[one.keys.get('stance') as number]).toBe(two.keyNumbers[two.keys.get('stance') as number]);
    expect(numberOfKey('a key no record holds')).toBe(-1);
  });
});

describe('a record’s stored values', () => {
  it('are numbered once for the process per key, strings, numbers and booleans alike, objects not at all', () => {
    const list = ['actor-1', 7, true, ['a', 'b'], 0, -0] as const;
    const one = makeRecord(list.map((v, i) => annotation(`a${i}`, i, i + 1, [], { who: v })));
    const two = makeRecord([annotation('b0', 0, 1, [], { who: 7 }), annotation('b1', 1, 2, [], { who: 'actor-1' })]);
    const k1 = one.keys.get('who') as number;
    const k2 = two.keys.get('who') as number;
    const ids1 = storedIdsOf(one, k1);
    const ids2 = storedIdsOf(two, k2);
    const idOf = (ids: Int32Array, record: typeof one, k: number, v: unknown) =>
      ids[(record.stored[k] as unknown[]).findIndex((s) => Object.is(s, v))] as number;
    // the same value under the same key: one number, whichever record met it
    expect(idOf(ids2, two, k2, 7)).toBe(idOf(ids1, one, k1, 7));
    expect(idOf(ids2, two, k2, 'actor-1')).toBe(idOf(ids1, one, k1, 'actor-1'));
    expect(new Set([...ids1].filter((id) => id >= 0)).size).toBe(4); // 'actor-1', 7, true, 0 (−0 as 0, as a Map has it)
    expect(idOf(ids1, one, k1, -0)).toBe(idOf(ids1, one, k1, 0));
    // an array is looked up by the report itself
    expect(idOf(ids1, one, k1, list[3])).toBe(-1);
    expect(Math.max(...ids1, ...ids2)).toBeLessThan(numberedValues(one.keyNumbers[k1] as number));
    // made once per record and key
    expect(storedIdsOf(one, k1)).toBe(ids1);
  });
});
