/**
 * The marks' value entries read through the documents' records (agreementDescribe.ts) against
 * the straightforward description of each annotation's own values (claimCells of the field),
 * on documents whose annotations hold values of several kinds, none, and many distinct ones.
 */
import { describe, expect, it } from 'vitest';
import { claimCells, registryLookup } from '@shared/claims/claimCsv';
import { ClaimField } from '@shared/claims/fields';
import type { Annotation } from '@shared/model';
import { valueDescriber } from './agreementDescribe';
import { makeRecord } from './agreementRecords';

const field = (key: string, type: string, choices: Array<{ id: string; name: string; value?: number }> = []) =>
  ClaimField.parse({ key, label: key, type, choices });
const fields = [
  field('stance', 'choice', [
    { id: 'supports', name: 'Supports' },
    { id: 'opposes', name: 'Opposes' },
  ]),
  field('position', 'choice', [
    { id: 'for', name: 'For', value: 1 },
    { id: 'against', name: 'Against', value: -1 },
  ]),
  field('amount', 'number'),
  field('note', 'text'),
];
const registry = { entities: [], types: [] } as unknown as Parameters<typeof registryLookup>[0];

function annotation(doc: number, y: number, values: Record<string, unknown>): Annotation {
  return {
    id: `d${doc}-a${y}`,
    start: y,
    end: y + 2,
    quote: 'q',
    codes: ['c'],
    values,
    coderId: y % 2 === 0 ? 'amal' : 'badr',
    annotator: '',
  } as unknown as Annotation;
}

describe('valueDescriber', () => {
  it('describes each annotation as claimCells describes its own values, one entry per stored value', () => {
    const lists: Annotation[][] = [
      [
        annotation(0, 0, { stance: 'supports', amount: 3 }),
        annotation(0, 1, { stance: 'opposes', amount: -0, note: 'x' }),
        annotation(0, 2, {}),
        annotation(0, 3, { position: 'for', amount: 0, note: '' }),
      ],
      // more distinct values of a key than a record looks through one by one (its Map)
      Array.from({ length: 40 }, (_, y) =>
        annotation(1, y, {
          amount: y % 20 === 0 ? -0 : y % 25,
          note: `n${y % 30}`,
          position: y % 3 ? 'against' : 'for',
        }),
      ),
      [annotation(2, 0, { note: 'x', stance: 'opposes' }), annotation(2, 1, { stance: undefined })],
    ];
    const records = lists.map(makeRecord);
    const document = Int32Array.from(lists.flatMap((l, d) => l.map(() => d)));
    const local = Int32Array.from(lists.flatMap((l) => l.map((_, y) => y)));
    let lookups = 0;
    const describeValues = valueDescriber({
      fields,
      records,
      document,
      local,
      lookup: () => (lookups++, registryLookup(registry)),
    });
    const lookup = registryLookup(registry);
    const all = lists.flat();
    // (in an order that goes back and forth between the documents)
    const order = all.map((_, i) => i).sort((a, b) => ((a * 7) % all.length) - ((b * 7) % all.length));
    const entries = new Map<string, Map<unknown, object>>();
    for (const i of order) {
      const a = all[i] as Annotation;
      const got = describeValues(i);
      expect(got).toEqual(
        fields.map((f) => ({ field: f.key, value: String(claimCells([f], a.values, lookup)[0] ?? '') })),
      );
      got.forEach((entry, fi) => {
        const key = (fields[fi] as ClaimField).key;
        const byValue = entries.get(key) ?? new Map<unknown, object>();
        entries.set(key, byValue);
        const stored = Object.hasOwn(a.values, key) ? a.values[key] : undefined;
        // one entry object per field and stored value (0 and −0 alike, as a Map takes them)
        if (byValue.has(stored)) expect(entry).toBe(byValue.get(stored));
        else byValue.set(stored, entry);
      });
    }
    expect(lookups).toBe(1);
  });
});
