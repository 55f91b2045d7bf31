/**
 * The claims view's indexes (issue 16), kept beside the claim record cache (claimRecordCache.ts):
 * every kept record in project order (documents in the project's order, claims in their
 * document's order, the order the general path filters in), and per code the records carrying
 * it, so a code filter visits only that code's claims, not all 100,000; per table order (column
 * and direction) the records sorted once, and per code its records' places in that order, so a
 * code's table is its places (with sub-codes: their union) read in order, not a new sort. An index stands for one state of the cache: a change event (which
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

/** One table order: every record's index in it, each record's place in it, and per code its records' places, ascending. */
interface Order {
  order: Int32Array;
  rank: Int32Array;
  byCode: Map<string, Int32Array>;
}

/** The numbers of sorted lists as one sorted list, each once. */
function union(lists: readonly Int32Array[]): Int32Array {
  if (lists.length === 1) return lists[0]!;
  const all = new Int32Array(lists.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of lists) {
    all.set(l, at);
    at += l.length;
  }
  all.sort();
  let n = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
  return all.subarray(0, n);
}

export class ClaimIndex {
  /** per code, the indices of the records carrying it, ascending */
  private readonly byCode = new Map<string, Int32Array>();
  /** per table order (column and direction) */
  private readonly orders = new Map<string, Order>();
  /** the last filtered order asked for (the table's next page) */
  private last: { key: string; order: Int32Array } | null = null;

  constructor(
    readonly records: readonly ClaimRecord[],
    /** the cache's version the index was built from */
    readonly version: number,
  ) {
    const lists = new Map<string, number[]>();
    records.forEach((r, i) => {
      for (const code of new Set(r.codes)) {
        const list = lists.get(code);
        if (list) list.push(i);
        else lists.set(code, [i]);
      }
    });
    for (const [code, list] of lists) this.byCode.set(code, Int32Array.from(list));
  }

  /** The records the selection keeps, in project order. */
  select({ scope, keep }: Selection): ClaimRecord[] {
    const out: ClaimRecord[] = [];
    if (scope === null) {
      for (const r of this.records) if (keep(r)) out.push(r);
      return out;
    }
    for (const i of union([...scope].map((c) => this.byCode.get(c) ?? EMPTY)))
      if (keep(this.records[i]!)) out.push(this.records[i]!);
    return out;
  }

  /** A table order (sorted once per order and index). */
  private order(sort: TableSort, codeName: (id: string) => string): Order {
    const key = `${sort.column}\u0000${sort.dir}`;
    let found = this.orders.get(key);
    if (!found) {
      const order = Int32Array.from(sortedOrder(this.records.map(claimRow), sort, codeName));
      const rank = new Int32Array(order.length);
      order.forEach((i, place) => (rank[i] = place));
      found = { order, rank, byCode: new Map() };
      this.orders.set(key, found);
    }
    return found;
  }

  /** The places in this order of a code's records, ascending. */
  private places(o: Order, code: string): Int32Array {
    let places = o.byCode.get(code);
    if (!places) {
      places = Int32Array.from(this.byCode.get(code) ?? EMPTY, (i) => o.rank[i]!).sort();
      o.byCode.set(code, places);
    }
    return places;
  }

  /**
   * The indices of the records the selection keeps, in the table's order; `key` names the filter
   * and order, so the next page of the same table is the same array.
   */
  sorted(key: string, selection: Selection, sort: TableSort, codeName: (id: string) => string): Int32Array {
    if (this.last?.key === key) return this.last.order;
    const o = this.order(sort, codeName);
    const { scope, keep } = selection;
    // the scope's records by their places in the order (a code filter visits only its claims)
    const places = scope === null ? null : union([...scope].map((c) => this.places(o, c)));
    const kept = new Int32Array(places === null ? o.order.length : places.length);
    let n = 0;
    if (places === null) {
      for (const i of o.order) if (keep(this.records[i]!)) kept[n++] = i;
    } else
      for (const place of places) {
        const i = o.order[place]!;
        if (keep(this.records[i]!)) kept[n++] = i;
      }
    const order = kept.subarray(0, n);
    this.last = { key, order };
    return order;
  }

  /** Rows offset … offset + limit − 1 of a sorted selection. */
  rows(order: Int32Array, offset: number, limit: number): ClaimRow[] {
    return Array.from(order.subarray(offset, offset + limit), (i) => claimRow(this.records[i]!));
  }
}

const EMPTY = new Int32Array(0);

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
