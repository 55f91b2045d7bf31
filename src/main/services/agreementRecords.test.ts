import { describe, expect, it } from 'vitest';
import type { Annotation } from '@shared/model';
import { makeRecord, recordOf } from './agreementRecords';

const annotation = (id: string, start: number, end: number, codes: string[]): Annotation =>
  ({
    id,
    documentId: 'd',
    start,
    end,
    codes,
    values: {},
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
