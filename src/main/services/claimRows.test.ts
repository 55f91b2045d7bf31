import { describe, expect, it } from 'vitest';
import { claim } from '@shared/analysis/testRecords';
import { claimRow, sortClaimRows } from './claimRows';

const rows = [
  claim('خليفة حفتر', ['b'], -1, { documentDate: '2019-05-01', annotationId: 'one' }),
  claim('فائز السراج', ['a'], 1, { documentDate: '2019-04-10', annotationId: 'two' }),
  claim(null, [], null, { documentDate: null, annotationId: 'three', missing: ['claimant'] }),
  claim('Ghassan Salamé', ['a'], 1, { documentDate: '2019-04-10', annotationId: 'four' }),
].map(claimRow);
const ids = (list: { annotationId: string }[]) => list.map((r) => r.annotationId);

describe('the claims table’s order (analysis.claims)', () => {
  it('sorts by date either way; ties keep project order and undated claims come last both ways', () => {
    expect(ids(sortClaimRows(rows, { column: 'documentDate', dir: 'asc' }))).toEqual(['two', 'four', 'one', 'three']);
    expect(ids(sortClaimRows(rows, { column: 'documentDate', dir: 'desc' }))).toEqual(['one', 'two', 'four', 'three']);
  });

  it('sorts codes by their names, positions as numbers, incomplete claims together', () => {
    const names = new Map([
      ['a', 'Zeta'],
      ['b', 'Alpha'],
    ]);
    expect(ids(sortClaimRows(rows, { column: 'codes', dir: 'asc' }, (id) => names.get(id) ?? id))).toEqual([
      'one',
      'two',
      'four',
      'three',
    ]);
    expect(ids(sortClaimRows(rows, { column: 'position', dir: 'desc' }))).toEqual(['two', 'four', 'one', 'three']);
    expect(ids(sortClaimRows(rows, { column: 'incomplete', dir: 'desc' }))[0]).toBe('three');
  });

  it('gives the claimant’s name and actor id, and leaves the input as it was', () => {
    expect(rows[0]).toMatchObject({ claimant: 'خليفة حفتر', claimantId: 'خليفة حفتر', incomplete: false });
    expect(rows[2]).toMatchObject({ claimant: null, claimantId: null, incomplete: true });
    sortClaimRows(rows, { column: 'claimant', dir: 'desc' });
    expect(ids(rows)).toEqual(['one', 'two', 'three', 'four']);
  });
});
