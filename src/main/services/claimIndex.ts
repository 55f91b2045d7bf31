/**
 * The claims view's indexes (issue 16), kept beside the claim record cache (claimRecordCache.ts):
 * every kept record in project order (documents in the project's order, claims in their
 * document's order, the order the general path filters in), and per code the records carrying
 * it, so a code filter visits only that code's claims, not all 100,000; per table order (column
 * and direction) the records sorted once, so a filtered table is the sorted order walked with
 * the filter, not a new sort. An index stands for one state of the cache: a change event (which
 * forgets documents) moves the cache's version on and the next call builds a new index.
 *
 * The answers are exactly the general path's (analysis.fastPath.test.ts): the filter is the same
 * predicate, applied to the same records; a sort by (key, project order) is a total order, so the
 * filtered records in the sorted order of all records are the filtered records sorted.
 */
import type { ClaimColumn, ClaimRow } from '@shared/api/analysis';
import type { ClaimRecord } from '@shared/analysis/records';
import type { DocumentSummary } from '@shared/model';
import type { ClaimRecordCache } from './claimRecordCache';
import { claimRow, sortedOrder } from './claimRows';

export type TableSort = { column: ClaimColumn; dir: 'asc' | 'desc' };

/** What to keep: the filter's code scope (null: any code) and its predicate. */
export interface Selection {
  scope: ReadonlySet<string> | null;
  keep: (r: ClaimRecord) => boolean;
}

export class ClaimIndex {
  /** per code, the indices of the records carrying it, ascending */
  private readonly byCode = new Map<string, number[]>();
  /** per table order, every record's index in that order */
  private readonly orders = new Map<string, Int32Array>();
  /** the last filtered order asked for (the table's next page) */
  private last: { key: string; order: Int32Array } | null = null;

  constructor(
    readonly records: readonly ClaimRecord[],
    /** the cache's version the index was built from */
    readonly version: number,
  ) {
    records.forEach((r, i) => {
      for (const code of new Set(r.codes)) {
        const list = this.byCode.get(code);
        if (list) list.push(i);
        else this.byCode.set(code, [i]);
      }
    });
  }

  /** A mark per record: 1 for those carrying a code of the scope (null: no scope, every record may pass). */
  private candidates(scope: ReadonlySet<string> | null): Uint8Array | null {
    if (scope === null) return null;
    const mark = new Uint8Array(this.records.length);
    for (const code of scope) for (const i of this.byCode.get(code) ?? []) mark[i] = 1;
    return mark;
  }

  /** The records the selection keeps, in project order. */
  select({ scope, keep }: Selection): ClaimRecord[] {
    const out: ClaimRecord[] = [];
    const mark = this.candidates(scope);
    if (mark === null) {
      for (const r of this.records) if (keep(r)) out.push(r);
      return out;
    }
    for (let i = 0; i < mark.length; i++) if (mark[i] === 1 && keep(this.records[i]!)) out.push(this.records[i]!);
    return out;
  }

  /** Every record's index in the table's order (sorted once per order and index). */
  private order(sort: TableSort, codeName: (id: string) => string): Int32Array {
    const key = `${sort.column}\u0000${sort.dir}`;
    let order = this.orders.get(key);
    if (!order) {
      order = Int32Array.from(sortedOrder(this.records.map(claimRow), sort, codeName));
      this.orders.set(key, order);
    }
    return order;
  }

  /**
   * The indices of the records the selection keeps, in the table's order; `key` names the filter
   * and order, so the next page of the same table is the same array.
   */
  sorted(key: string, selection: Selection, sort: TableSort, codeName: (id: string) => string): Int32Array {
    if (this.last?.key === key) return this.last.order;
    const all = this.order(sort, codeName);
    const mark = this.candidates(selection.scope);
    const kept = new Int32Array(mark === null ? all.length : mark.reduce((n, m) => n + m, 0));
    let n = 0;
    for (const i of all) if ((mark === null || mark[i] === 1) && selection.keep(this.records[i]!)) kept[n++] = i;
    const order = kept.subarray(0, n);
    this.last = { key, order };
    return order;
  }

  /** Rows offset … offset + limit − 1 of a sorted selection. */
  rows(order: Int32Array, offset: number, limit: number): ClaimRow[] {
    return Array.from(order.subarray(offset, offset + limit), (i) => claimRow(this.records[i]!));
  }
}

const indexes = new WeakMap<ClaimRecordCache, ClaimIndex>();

/**
 * The index of the cache when it holds exactly these summaries' records (each document read
 * already), else null: the caller takes the general path.
 */
export function claimIndexOf(cache: ClaimRecordCache, summaries: readonly DocumentSummary[]): ClaimIndex | null {
  if (!cache.holdsExactly(summaries)) return null;
  const held = indexes.get(cache);
  if (held && held.version === cache.version) return held;
  const records: ClaimRecord[] = [];
  for (const s of summaries) for (const r of cache.kept(s)!) records.push(r);
  const index = new ClaimIndex(records, cache.version);
  indexes.set(cache, index);
  return index;
}
