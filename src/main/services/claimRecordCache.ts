/**
 * The claims view's server cache (issue 16): each document's claim records, made once and kept
 * until a change event says that document (or the codebook, the registry, the project) changed,
 * so paging the claims table, moving the timeline's filter or rebuilding a network does not
 * re-read and re-flatten every document. It also keeps the last sorted answer of
 * analysis.claims, so the table's next page is a slice.
 *
 * Invalidation: annotations.changed and documents.changed forget the documents they name (all
 * of them for null); project.changed (codebook, claim fields, registry, settings, a project
 * switch) forgets everything. Events are emitted once the call that changed something has
 * answered, before the next queued call starts (services/index.ts). As a second guard every
 * entry carries its document summary's stamp (annotation count, title, source, date), so a
 * change that reached the summary before its event is never served stale.
 *
 * There is one cache per open project store (a WeakMap): another project opened is another
 * cache, and a closed one goes with its store.
 */
import type { EventEnvelope } from '@shared/api/events';
import { TwoModeTotals } from '@shared/analysis/networkAggregate';
import type { ClaimRecord } from '@shared/analysis/records';
import type { DocumentSummary } from '@shared/model';

/** What of a summary the records carry: a summary that differs in any of these is read again. */
export type Stamp = Pick<DocumentSummary, 'annotationCount' | 'title' | 'source' | 'publishedAt'>;

export const stampOf = (s: DocumentSummary): Stamp => ({
  annotationCount: s.annotationCount,
  title: s.title,
  source: s.source,
  publishedAt: s.publishedAt,
});

// field by field, with no string built: the index looks at every summary on every call (claimIndex.ts)
export const sameStamp = (a: Stamp, s: DocumentSummary): boolean =>
  a.annotationCount === s.annotationCount &&
  a.title === s.title &&
  a.source === s.source &&
  (a.publishedAt ?? null) === (s.publishedAt ?? null);

interface Entry {
  stamp: Stamp;
  records: ClaimRecord[];
}

export class ClaimRecordCache {
  private readonly docs = new Map<string, Entry>();
  /** moves on with every change: a memo made before it is stale */
  private generation = 0;
  private memo: { key: string; generation: number; value: unknown } | null = null;
  /** moves on with every change and every record set kept: an index of the records (claimIndex.ts) made before it is stale */
  private changes = 0;
  /** the two-mode sums of every record kept (networkAggregate.ts): always the sum over `docs` */
  readonly totals = new TwoModeTotals();

  /** Forget these documents (null: every one). */
  forget(documentIds: readonly string[] | null): void {
    this.generation++;
    this.changes++;
    this.memo = null;
    if (documentIds === null) {
      this.docs.clear();
      this.totals.clear();
    } else
      for (const id of documentIds) {
        const kept = this.docs.get(id);
        if (!kept) continue;
        this.totals.add(kept.records, -1);
        this.docs.delete(id);
      }
  }

  /** Whether the kept records are exactly those of these summaries (so `totals` covers them, and only them). */
  holdsExactly(summaries: readonly DocumentSummary[]): boolean {
    if (this.docs.size !== summaries.length) return false;
    for (const s of summaries) if (this.kept(s) === undefined) return false;
    return true;
  }

  /** The records kept for this summary, or undefined (then ask `records`): no promise when kept. */
  kept(summary: DocumentSummary): readonly ClaimRecord[] | undefined {
    const kept = this.docs.get(summary.id);
    return kept && sameStamp(kept.stamp, summary) ? kept.records : undefined;
  }

  /** The records of a document, made by `make` unless the cache holds them for this summary. */
  async records(summary: DocumentSummary, make: () => Promise<ClaimRecord[]>): Promise<readonly ClaimRecord[]> {
    const stamp = stampOf(summary);
    const kept = this.docs.get(summary.id);
    if (kept && sameStamp(kept.stamp, summary)) return kept.records;
    const generation = this.generation;
    const records = await make();
    // a change that arrived while the document was read makes what was read not worth keeping
    if (generation === this.generation) {
      // what is kept now (another call may have kept this document meanwhile) goes out of the sums
      const current = this.docs.get(summary.id);
      if (current) this.totals.add(current.records, -1);
      this.docs.set(summary.id, { stamp, records });
      this.totals.add(records, 1);
      this.changes++;
    }
    return records;
  }

  /** A value derived from the records (the sorted table), kept until the next change. */
  async derived<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (this.memo && this.memo.key === key && this.memo.generation === this.generation) return this.memo.value as T;
    const generation = this.generation;
    const value = await make();
    if (generation === this.generation) this.memo = { key, generation, value };
    return value;
  }

  /** The state of the kept records: the same number, the same records. */
  get version(): number {
    return this.changes;
  }

  /** How many documents' records are kept (for tests). */
  get size(): number {
    return this.docs.size;
  }

  /** What a change event means for the cache. */
  hear(event: EventEnvelope): void {
    switch (event.name) {
      case 'annotations.changed':
      case 'documents.changed':
        this.forget(event.data.documentIds);
        return;
      case 'project.changed':
        this.forget(null);
        return;
      default:
        return;
    }
  }
}

const caches = new WeakMap<object, ClaimRecordCache>();

/** The cache of a project store (made on first use). */
export function claimRecordCache(store: object): ClaimRecordCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = new ClaimRecordCache();
    caches.set(store, cache);
  }
  return cache;
}
