import { describe, expect, it } from 'vitest';
import type { ClaimField } from '@shared/claims/fields';
import type { Annotation } from '@shared/model';
import { seededRandom } from '@shared/reliability/bootstrap';
import { comparedAnnotations, comparedOfWho } from './agreementPasses';
import { gatherAnnotations, type ReadRecords } from './agreementRead';
import { makeRecord, type DocumentRecord } from './agreementRecords';
import { matchedSets } from './agreementMatches';

const CODERS = ['Amal', 'Badr', 'Cyra', 'Dina'];

/** Documents of three coders' overlapping claims, some in reading order and some not, some adjudicated. */
function documents(random: () => number): Annotation[][] {
  return Array.from({ length: 8 }, (_, d) => {
    const list = Array.from({ length: 3 + Math.floor(random() * 10) }, (_, y) => {
      const start = Math.floor(random() * 60);
      return {
        id: `${d}-${y}`,
        documentId: `d${d}`,
        start,
        end: start + 1 + Math.floor(random() * 12),
        codes: [random() < 0.5 ? 'x' : 'y'],
        values: {},
        annotator: CODERS[Math.floor(random() * (d % 4 === 0 ? 2 : 4))],
        ...(random() < 0.05 ? { adjudication: { by: 'A' } } : {}),
      } as unknown as Annotation;
    });
    if (d % 2 === 0) list.sort((a, b) => a.start - b.start || a.end - b.end);
    return list;
  });
}

/** The matched sets of a report comparing `coders` (with codes `codes`, null: all), from these records. */
function sets(
  records: DocumentRecord[],
  coders: readonly string[],
  codes: ReadonlySet<string> | null,
  overlap: number,
  naming: Record<string, string>,
) {
  const read: ReadRecords = {
    records,
    documents: records.map((_, d) => ({ id: `d${d}`, title: `D${d}` })),
    offsets: records.map((_, d) => d * 100),
    length: records.length * 100,
    annotations: records.reduce((n, r) => n + r.who.length, 0),
    codes: records.reduce((n, r) => n + r.codeList.length, 0),
  };
  const g = gatherAnnotations(read, {
    chosenCodes: codes,
    chosenCoders: new Set(coders),
    fields: [] as ClaimField[],
    keyOf: (w) => naming[w.annotator as string] ?? '',
  });
  const comparedOfSlot = new Int32Array(g.coderSlot.size).fill(-1);
  coders.forEach((c, i) => {
    const slot = g.coderSlot.get(c);
    if (slot !== undefined) comparedOfSlot[slot] = i;
  });
  const { coderOf, mine } = comparedAnnotations(g.slotOf, comparedOfSlot, g.count);
  const whoCoder = comparedOfWho(g.whoSlot, comparedOfSlot);
  const got = matchedSets(
    g.read,
    g.records,
    { local: g.local, coderOf, whoCoder, whoFrom: g.whoFrom },
    mine,
    coders.length,
    overlap,
  );
  // as annotations (document, place in its record), and each set's first per coder
  const at = (i: number) => `${g.read.document[i]}:${g.local[i]}`;
  return Array.from({ length: got.from.length - 1 }, (_, s) => ({
    members: Array.from(got.members.subarray(got.from[s], got.from[s + 1]), at),
    first: Array.from(got.first.subarray(s * coders.length, (s + 1) * coders.length), (i) => (i < 0 ? null : at(i))),
  }));
}

describe('matchedSets with the matchings kept on the records', () => {
  it('gives the sets of a fresh matching, report after report, whichever coders, codes and overlap', () => {
    const random = seededRandom(9);
    const lists = documents(random);
    const kept = lists.map((list) => makeRecord(list));
    // the annotators as three coders, in two namings (Cyra's claims and Dina's one coder's, or
    // Dina's and Amal's: the claims of one coder are told apart otherwise, the same coder count)
    const one = { Amal: 'A', Badr: 'B', Cyra: 'C', Dina: 'C' };
    const other = { Amal: 'A', Badr: 'B', Cyra: 'C', Dina: 'A' };
    const inputs: Array<[string[], ReadonlySet<string> | null, number, Record<string, string>]> = [
      [['A', 'B', 'C'], null, 0.5, one],
      [['A', 'B', 'C'], null, 0.5, one],
      [['A', 'B', 'C'], null, 0.5, other],
      [['B', 'A', 'C'], null, 0.5, other],
      [['A', 'B'], null, 0.5, one],
      [['B', 'A'], null, 0.5, one],
      [['A', 'C'], null, 0.5, other],
      [['A', 'B', 'C'], new Set(['x']), 0.5, one],
      [['A', 'B', 'C'], null, 0.2, one],
      [['C', 'B', 'A'], null, 0.2, other],
      [['A', 'B', 'C'], null, 0.5, one],
    ];
    for (let round = 0; round < 3; round++)
      for (const [coders, codes, overlap, naming] of inputs) {
        const fresh = lists.map((list) => makeRecord(list));
        const label = `${coders.join(',')} ${codes ? [...codes].join(',') : 'all'} ${overlap} ${naming.Dina}`;
        expect(sets(kept, coders, codes, overlap, naming), label).toEqual(sets(fresh, coders, codes, overlap, naming));
      }
  });
});
