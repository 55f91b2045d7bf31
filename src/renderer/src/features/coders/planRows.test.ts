import { describe, expect, it } from 'vitest';
import { assignedTo, planByCoder, titledIds } from './planRows';

const plan = {
  assignments: [
    { documentId: 'd1', coderIds: ['c_a'] },
    { documentId: 'd2', coderIds: ['c_b', 'c_a'] },
    { documentId: 'd3', coderIds: ['__proto__'] },
  ],
  doubleCoded: ['d2'],
};

describe('the plan as the coders dialog and the library show it', () => {
  it('lists each coder’s documents, a coder the list lacks by id, and leaves out coders with none', () => {
    const coders = [
      { id: 'c_a', name: 'Amal' },
      { id: 'c_b', name: 'Badr' },
      { id: 'c_c', name: 'Carim' },
    ];
    expect(planByCoder(plan, coders)).toEqual([
      { coderId: 'c_a', name: 'Amal', documentIds: ['d1', 'd2'] },
      { coderId: 'c_b', name: 'Badr', documentIds: ['d2'] },
      { coderId: '__proto__', name: '__proto__', documentIds: ['d3'] },
    ]);
  });

  it('gives the documents assigned to me, none without a coder id', () => {
    expect([...assignedTo(plan, 'c_a')]).toEqual(['d1', 'd2']);
    expect(assignedTo(plan, null).size).toBe(0);
  });

  it('asks for the titles of the documents shown only: the first of each coder’s and of the double-coded, once each', () => {
    const rows = planByCoder(plan, [{ id: 'c_a', name: 'Amal' }]);
    expect(titledIds(rows, plan, 1, 100)).toEqual(['d1', 'd2', 'd3']);
    expect(titledIds(rows, plan, 5, 100)).toEqual(['d1', 'd2', 'd3']);
    expect(titledIds(rows, plan, 5, 2)).toEqual(['d1', 'd2']);
    expect(titledIds([], { assignments: [], doubleCoded: [] }, 5, 100)).toEqual([]);
  });
});
