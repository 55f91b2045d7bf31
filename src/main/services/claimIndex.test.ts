/**
 * claimIndexOf: the index of the claim record cache is the one built for these summaries only
 * while nothing changed; a summary changed in place before its event (the stamp guard), a
 * document gone, a document's records kept again: each is not answered from the old index.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimRecord } from '@shared/analysis/records';
import type { DocumentSummary } from '@shared/model';
import { claimIndexOf } from './claimIndex';
import { ClaimRecordCache } from './claimRecordCache';

const summary = (id: string, annotationCount: number): DocumentSummary =>
  ({ id, title: id, source: 'S', publishedAt: '2019-04-10', annotationCount }) as unknown as DocumentSummary;
const records = (id: string, n: number): ClaimRecord[] =>
  Array.from(
    { length: n },
    (_v, i) => ({ annotationId: `${id}-${i}`, documentId: id, codes: ['c'] }) as unknown as ClaimRecord,
  );

async function kept(cache: ClaimRecordCache, summaries: DocumentSummary[]): Promise<void> {
  for (const s of summaries) await cache.records(s, async () => records(s.id, s.annotationCount));
}

describe('claimIndexOf', () => {
  it('answers from the index built for the same summaries, and from no stale one', async () => {
    const cache = new ClaimRecordCache();
    const summaries = [summary('a', 2), summary('b', 1)];
    await kept(cache, summaries);
    const index = claimIndexOf(cache, summaries)!;
    expect(index.records.map((r) => r.annotationId)).toEqual(['a-0', 'a-1', 'b-0']);
    expect(claimIndexOf(cache, summaries)).toBe(index);
    // another list with equal summaries (new objects, same stamps): the same records, the same index
    const copies = summaries.map((s) => ({ ...s }));
    expect(claimIndexOf(cache, copies)).toBe(index);
    expect(claimIndexOf(cache, summaries)).toBe(index);
    // a summary changed in place before its event: the kept records no longer stand for it
    summaries[1]!.annotationCount = 3;
    expect(claimIndexOf(cache, summaries)).toBeNull();
    summaries[1]!.annotationCount = 1;
    expect(claimIndexOf(cache, summaries)).toBe(index);
    // a document gone from the project
    expect(claimIndexOf(cache, summaries.slice(0, 1))).toBeNull();
    // an edit heard: the document forgotten, read again, a new index of the new records
    cache.forget(['b']);
    expect(claimIndexOf(cache, summaries)).toBeNull();
    summaries[1]!.annotationCount = 2;
    await kept(cache, summaries);
    const next = claimIndexOf(cache, summaries)!;
    expect(next).not.toBe(index);
    expect(next.records.map((r) => r.annotationId)).toEqual(['a-0', 'a-1', 'b-0', 'b-1']);
  });
});
