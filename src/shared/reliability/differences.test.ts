import { describe, expect, it } from 'vitest';
import type { Annotation } from '../model';
import { listDifferences, unitKey } from './differences';

let n = 0;
function ann(
  coder: string,
  start: number,
  end: number,
  codes: string[],
  values: Annotation['values'] = {},
  extra: Partial<Annotation> = {},
): Annotation {
  n++;
  return {
    id: `${coder}-${n}`,
    documentId: 'doc',
    start,
    end,
    quote: '',
    prefix: '',
    suffix: '',
    codes,
    values,
    annotator: coder,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}
const kinds = (ds: ReturnType<typeof listDifferences>) => ds.map((d) => [d.kind, d.field, d.from]);

describe('the differences between two coders in one document', () => {
  it('lists a unit only one coder marked, for either coder', () => {
    const a = ann('A', 0, 10, ['x']);
    const b = ann('B', 40, 50, ['x']);
    const ds = listDifferences([b, a], ['A', 'B'], [], 0.5);
    expect(kinds(ds)).toEqual([
      ['onlyA', null, [a.id]],
      ['onlyB', null, [b.id]],
    ]);
    expect(ds[0]?.b).toBeNull();
    expect(ds[1]?.a).toBeNull();
  });

  it('lists other boundaries of the same claim, with the span covering both', () => {
    const a = ann('A', 0, 10, ['x']);
    const b = ann('B', 2, 10, ['x']);
    const ds = listDifferences([a, b], ['A', 'B'], [], 0.5);
    expect(kinds(ds)).toEqual([['boundaries', null, [a.id, b.id]]]);
    expect([ds[0]?.start, ds[0]?.end]).toEqual([0, 10]);
    expect(ds[0]?.unit).toBe(unitKey([b.id, a.id]));
  });

  it('lists other codes, whatever order they were tagged in', () => {
    const a = ann('A', 0, 10, ['x', 'y']);
    const b = ann('B', 0, 10, ['y', 'x']);
    const c = ann('A', 20, 30, ['x']);
    const d = ann('B', 20, 30, ['z']);
    expect(kinds(listDifferences([a, b, c, d], ['A', 'B'], [], 0.5))).toEqual([['codes', null, [c.id, d.id]]]);
  });

  it('lists each field whose values differ, by key, in the order of the fields; empty and absent are alike', () => {
    const a = ann('A', 0, 10, ['x'], { position: 'p1', claimant: 'e1', note: '' });
    const b = ann('B', 0, 10, ['x'], { position: 'p2', claimant: 'e2' });
    expect(kinds(listDifferences([a, b], ['A', 'B'], ['claimant', 'note', 'position'], 0.5))).toEqual([
      ['values', 'claimant', [a.id, b.id]],
      ['values', 'position', [a.id, b.id]],
    ]);
  });

  it('matches as the agreement report does: below the overlap threshold two spans are two units', () => {
    const a = ann('A', 0, 10, ['x']);
    const b = ann('B', 6, 16, ['x']); // 4 / 16 in common
    expect(kinds(listDifferences([a, b], ['A', 'B'], [], 0.5)).map((k) => k[0])).toEqual(['onlyA', 'onlyB']);
    expect(kinds(listDifferences([a, b], ['A', 'B'], [], 0.2)).map((k) => k[0])).toEqual(['boundaries']);
  });

  it('reads coders by coder id, else annotator name, and leaves the adjudicated layer and other coders out', () => {
    const a = ann('Amal', 0, 10, ['x'], {}, { coderId: 'c_amal' });
    const b = ann('Badr', 0, 10, ['y']);
    const settled = ann(
      'Amal',
      0,
      10,
      ['y'],
      {},
      {
        coderId: 'c_amal',
        adjudication: {
          by: 'Amal',
          byId: 'c_amal',
          at: '2026-01-01T00:00:00.000Z',
          decision: 'accept-b',
          from: [a.id, b.id],
        },
      },
    );
    const other = ann('Carla', 50, 60, ['x']);
    expect(kinds(listDifferences([a, b, settled, other], ['c_amal', 'Badr'], [], 0.5))).toEqual([
      ['codes', null, [a.id, b.id]],
    ]);
  });

  it('lists nothing where the coders agree', () => {
    const a = ann('A', 0, 10, ['x'], { position: 'p1' });
    const b = ann('B', 0, 10, ['x'], { position: 'p1' });
    expect(listDifferences([a, b], ['A', 'B'], ['position'], 0.5)).toEqual([]);
  });
});
