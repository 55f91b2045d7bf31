import { describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/model';
import { makeRecord, numberedKeys, numberOfKey, recordOf } from './agreementRecords';

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
