/**
 * The claims view's indexes (issue 16), kept beside the claim record cache (claimRecordCache.ts):
 * every kept record in project order (documents in the project's order, claims in their
 * document's order, the order the general path filters in), and per code the records carrying
 * it, so a code filter visits only that code's claims, not all 100,000; per table order (column
 * and direction) the records sorted once, and per code its records' places in that order, so a
 * code's table is its places (with sub-codes: their union) read in order, not a new sort. For the
 * timeline, each record's distinct codes as numbers and (per date field) its day number, so a
 * code's timeline is counted from typed arrays, not from the records. A filter that chooses only
 * codes keeps its scope's records without asking the predicate of each. An index stands for one
 * state of the cache: a change event (which forgets documents) moves the cache's version on and
 * the next call builds a new index.
 *
 * The answers are exactly the general path's (analysis.fastPath.test.ts): the filter is the same
 * predicate, applied to the same records; a sort by (key, project order) is a total order, so the
 * filtered records in the sorted order of all records are the filtered records sorted.
 */
import type { ClaimColumn, ClaimRow } from '@shared/api/analysis';
import type { DateField } from '@shared/analysis/filter';
import type { ClaimRecord } from '@shared/analysis/records';
import {
  countTimeline,
  recordDays,
  recordStacker,
  type Stacker,
  type Timeline,
  type TimelineOptions,
} from '@shared/analysis/timeline';
import type { DocumentSummary } from '@shared/model';
import { sameStamp, stampOf, type ClaimRecordCache, type Stamp } from './claimRecordCache';
import { claimRow, sortedOrder } from './claimRows';

export type TableSort = { column: ClaimColumn; dir: 'asc' | 'desc' };

/** What to keep: the filter's code scope (null: any code) and its predicate. */
export interface Selection {
  scope: ReadonlySet<string> | null;
  keep: (r: ClaimRecord) => boolean;
  /** the filter chooses nothing but codes: every record of the scope is kept (`keep` need not be asked) */
  scopeOnly?: boolean;
}

/** One table order: every record's index in it, and per code (by number) its records' places in it, ascending. */
interface Order {
  order: Int32Array;
  byCode: Int32Array[];
}

/**
 * The numbers (each below `size`) of sorted lists as one sorted list, each once: marked in one
 * byte per number, then read off in order, a merge of the k lists with no sort (a code with its
 * sub-codes is tens of thousands of numbers; sorting them was most of a code filter's time).
 */
function union(lists: readonly Int32Array[], size: number): Int32Array {
  if (lists.length === 1) return lists[0]!;
  const marks = new Uint8Array(size);
  let count = 0;
  for (const l of lists)
    for (let k = 0; k < l.length; k++) {
      const i = l[k]!;
      if (marks[i] === 0) {
        marks[i] = 1;
        count++;
      }
    }
  const all = new Int32Array(count);
  for (let i = 0, n = 0; n < count; i++) if (marks[i] === 1) all[n++] = i;
  return all;
}

export class ClaimIndex {
  /** per code, the indices of the records carrying it, ascending */
  private readonly byCode = new Map<string, Int32Array>();
  /** per table order (column and direction) */
  private readonly orders = new Map<string, Order>();
  /** the last filtered order asked for (the table's next page) */
  private last: { key: string; order: Int32Array } | null = null;
  /** each record's distinct codes, in its order, by number: record i's are codeList[codeStart[i] … codeStart[i + 1] − 1] */
  private readonly codeStart: Int32Array;
  private readonly codeList: Int32Array;
  /** the code ids, by number, and their numbers */
  private readonly codeIds: string[] = [];
  private readonly codeNumbers = new Map<string, number>();
  /** every record's number, in order (made when first asked for) */
  private every: Int32Array | null = null;
  /** per date field, every record's day (timeline.ts's recordDays) */
  private readonly days = new Map<DateField, Int32Array>();

  constructor(
    readonly records: readonly ClaimRecord[],
    /** the cache's version the index was built from */
    readonly version: number,
  ) {
    const lists = new Map<string, number[]>();
    const numbers = this.codeNumbers;
    const codeList: number[] = [];
    this.codeStart = new Int32Array(records.length + 1);
    records.forEach((r, i) => {
      this.codeStart[i] = codeList.length;
      for (const code of new Set(r.codes)) {
        const list = lists.get(code);
        if (list) list.push(i);
        else lists.set(code, [i]);
        let n = numbers.get(code);
        if (n === undefined) {
          numbers.set(code, (n = this.codeIds.length));
          this.codeIds.push(code);
        }
        codeList.push(n);
      }
    });
    this.codeStart[records.length] = codeList.length;
    this.codeList = Int32Array.from(codeList);
    for (const [code, list] of lists) this.byCode.set(code, Int32Array.from(list));
  }

  /** The numbers of the records the selection keeps, in project order. */
  private selected({ scope, keep, scopeOnly }: Selection): Int32Array {
    const candidates =
      scope === null
        ? null
        : union(
            [...scope].map((c) => this.byCode.get(c) ?? EMPTY),
            this.records.length,
          );
    if (scopeOnly) return candidates ?? (this.every ??= every(this.records.length));
    const out = new Int32Array(candidates ? candidates.length : this.records.length);
    let n = 0;
    if (candidates === null) this.records.forEach((r, i) => keep(r) && (out[n++] = i));
    else for (const i of candidates) if (keep(this.records[i]!)) out[n++] = i;
    return out.subarray(0, n);
  }

  /**
   * The timeline of the records the selection keeps (timeline.ts's buildTimeline of those records,
   * the same answer): counted from typed arrays, with no record read for a stack by code.
   */
  timeline(
    selection: Selection,
    options: TimelineOptions,
    codeNames: ReadonlyMap<string, string>,
  ): { claims: number } & Timeline {
    const field = options.dateField ?? 'document';
    let days = this.days.get(field);
    if (!days) this.days.set(field, (days = recordDays(this.records, field)));
    const scope = options.codes ?? null;
    const stack =
      options.stackBy === 'code'
        ? this.codeStacker(scope)
        : recordStacker(this.records, options.stackBy ?? 'none', scope);
    const claims = this.selected(selection);
    return { claims: claims.length, ...countTimeline({ claims, days, stack }, options, codeNames) };
  }

  /** The stacks by code from the index's code numbers (recordStacker's, without reading a record). */
  private codeStacker(scope: ReadonlySet<string> | null): Stacker {
    const { codeStart, codeList, codeIds } = this;
    const inScope = Uint8Array.from(codeIds, (c) => (scope === null || scope.has(c) ? 1 : 0));
    return (i, bin, stacks) => {
      for (let k = codeStart[i]!; k < codeStart[i + 1]!; k++) {
        const n = codeList[k]!;
        if (inScope[n]) stacks.add(codeIds[n]!, bin, codeIds[n]!);
      }
    };
  }

  /** A table order (sorted once per order and index). */
  private order(sort: TableSort, codeName: (id: string) => string): Order {
    const key = `${sort.column}\u0000${sort.dir}`;
    let found = this.orders.get(key);
    if (!found) {
      const order = Int32Array.from(sortedOrder(this.records.map(claimRow), sort, codeName));
      found = { order, byCode: this.placesByCode(order) };
      this.orders.set(key, found);
    }
    return found;
  }

  /**
   * Every code's places in an order, in one pass over the order (so each list comes ascending,
   * with no sort), made with the order: a code's first filter in this order finds them ready.
   */
  private placesByCode(order: Int32Array): Int32Array[] {
    const { codeStart, codeList } = this;
    const byCode = this.codeIds.map((c) => new Int32Array(this.byCode.get(c)!.length));
    const filled = new Int32Array(byCode.length);
    for (let place = 0; place < order.length; place++) {
      const i = order[place]!;
      for (let k = codeStart[i]!; k < codeStart[i + 1]!; k++) {
        const n = codeList[k]!;
        byCode[n]![filled[n]!++] = place;
      }
    }
    return byCode;
  }

  /** The places in this order of a code's records, ascending. */
  private places(o: Order, code: string): Int32Array {
    const n = this.codeNumbers.get(code);
    return n === undefined ? EMPTY : o.byCode[n]!;
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
    const places =
      scope === null
        ? null
        : union(
            [...scope].map((c) => this.places(o, c)),
            o.order.length,
          );
    const kept = new Int32Array(places === null ? o.order.length : places.length);
    let n = 0;
    if (places === null) {
      if (selection.scopeOnly) return this.remember(key, o.order);
      for (const i of o.order) if (keep(this.records[i]!)) kept[n++] = i;
    } else if (selection.scopeOnly) for (const place of places) kept[n++] = o.order[place]!;
    else
      for (const place of places) {
        const i = o.order[place]!;
        if (keep(this.records[i]!)) kept[n++] = i;
      }
    return this.remember(key, kept.subarray(0, n));
  }

  private remember(key: string, order: Int32Array): Int32Array {
    this.last = { key, order };
    return order;
  }

  /** Rows offset … offset + limit − 1 of a sorted selection. */
  rows(order: Int32Array, offset: number, limit: number): ClaimRow[] {
    return Array.from(order.subarray(offset, offset + limit), (i) => claimRow(this.records[i]!));
  }
}

const EMPTY = new Int32Array(0);

/** 0, 1, … n − 1 */
function every(n: number): Int32Array {
  const all = new Int32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  return all;
}

/**
 * The summaries an index was built for, as they were then (each one's object, id and stamp): the
 * same list again, with the cache's version unchanged, is held exactly by the cache without a
 * look-up per document (holdsExactly's 10,000 map look-ups were most of a code filter's call).
 */
class Built {
  private readonly summaries: DocumentSummary[];
  private readonly ids: string[];
  private readonly stamps: Stamp[];

  constructor(summaries: readonly DocumentSummary[]) {
    this.summaries = [...summaries];
    this.ids = summaries.map((s) => s.id);
    this.stamps = summaries.map(stampOf);
  }

  /** The same summaries, in the same order, each with the same id and stamp. */
  same(summaries: readonly DocumentSummary[]): boolean {
    if (summaries.length !== this.summaries.length) return false;
    for (let i = 0; i < summaries.length; i++) {
      const s = summaries[i]!;
      if (s !== this.summaries[i] || s.id !== this.ids[i] || !sameStamp(this.stamps[i]!, s)) return false;
    }
    return true;
  }
}

const indexes = new WeakMap<ClaimRecordCache, { index: ClaimIndex; built: Built }>();

/**
 * The index of the cache when it holds exactly these summaries' records (each document read
 * already), else null: the caller takes the general path.
 */
export function claimIndexOf(cache: ClaimRecordCache, summaries: readonly DocumentSummary[]): ClaimIndex | null {
  const held = indexes.get(cache);
  // nothing kept or forgotten since, and the summaries as they were: what holdsExactly found then
  if (held && held.index.version === cache.version && held.built.same(summaries)) return held.index;
  if (!cache.holdsExactly(summaries)) return null;
  if (held && held.index.version === cache.version) {
    indexes.set(cache, { index: held.index, built: new Built(summaries) });
    return held.index;
  }
  const records: ClaimRecord[] = [];
  for (const s of summaries) for (const r of cache.kept(s)!) records.push(r);
  const index = new ClaimIndex(records, cache.version);
  indexes.set(cache, { index, built: new Built(summaries) });
  return index;
}
