import { describe, expect, it } from 'vitest';
import type { ClaimField } from '@shared/claims/fields';
import type { Annotation } from '@shared/model';
import { seededRandom } from '@shared/reliability/bootstrap';
import { storedValueReader } from './agreementDisagreements';
import { gatherAnnotations, type ReadRecords } from './agreementRead';
import { makeRecord } from './agreementRecords';

const field = (key: string): ClaimField =>
  ({
    key,
    label: key,
    type: 'choice',
    codes: null,
    choices: ['a', 'b', 'c'].map((id) => ({ id, name: id })),
  }) as unknown as ClaimField;

/** Documents of two or three coders, each holding some of the fields' keys (some none of them). */
function documents(random: () => number): Annotation[][] {
  const keys = ['stance', 'certainty', 'form', 'other'];
  return Array.from({ length: 12 }, (_, d) =>
    Array.from({ length: Math.floor(random() * 6) }, (_, y) => {
      const values: Record<string, string> = {};
      for (const key of keys)
        if (random() < (d % 3 === 0 ? 0 : 0.5)) values[key] = ['a', 'b', 'c', ''][Math.floor(random() * 4)] as string;
      return {
        id: `${d}-${y}`,
        documentId: `d${d}`,
        start: y,
        end: y + 3,
        codes: ['x'],
        values,
        annotator: ['Amal', 'Badr', 'Cyra'][Math.floor(random() * 3)],
      } as unknown as Annotation;
    }),
  );
}

describe('gatherAnnotations: the compared fields’ values', () => {
  it('numbers each field’s values as first met in reading order, −1 where none, whichever documents hold the key', () => {
    const random = seededRandom(3);
    for (let trial = 0; trial < 30; trial++) {
      const lists = documents(random);
      const records = lists.map((list) => makeRecord(list));
      const read: ReadRecords = {
        records,
        documents: lists.map((_, d) => ({ id: `d${d}`, title: `D${d}` })),
        offsets: lists.map((_, d) => d * 10),
        length: lists.length * 10,
        annotations: records.reduce((n, r) => n + r.who.length, 0),
        codes: records.reduce((n, r) => n + r.codeList.length, 0),
      };
      const fields = ['form', 'stance', 'missing', 'certainty'].map(field);
      const chosenCoders = trial % 2 === 0 ? null : new Set(['Amal', 'Cyra']);
      const got = gatherAnnotations(read, { chosenCodes: null, chosenCoders, fields, keyOf: (w) => w.annotator ?? '' });
      const all = lists.flat();
      expect(got.count).toBe(all.length);
      fields.forEach((f, fi) => {
        const reader = storedValueReader(f);
        const want: Array<string | number> = [];
        const ids = all.map((a) => {
          const v = chosenCoders && !chosenCoders.has(a.annotator as string) ? null : reader(a.values[f.key]);
          if (v === null) return -1;
          if (!want.includes(v)) want.push(v);
          return want.indexOf(v);
        });
        expect(Array.from(got.fieldIds[fi] as Int32Array), f.key).toEqual(ids);
        expect(got.givenOf[fi], f.key).toEqual(want);
      });
    }
  });
});
