/**
 * The library's pages (documents.page): the document index sorted and filtered by the library's
 * rules (src/shared/library/rows.ts), one window of rows at a time, so the page never asks for
 * 100,000 summaries to show thirty. What is costly at that size is kept until the index changes:
 * each sort's order of positions (a count-only change keeps every order but the count's), the
 * folded title and source of every document (made at the first filter), and the last filtered
 * order (so the next page of the same view is a slice).
 */
import type { DocumentSummary } from '@shared/model';
import { filterIndex, sortRows, type Sort } from '@shared/library/rows';
import { normalizeQuery } from '@shared/search/normalize';
import type { DocumentIndex } from './documentIndex';

export interface PageRequest {
  offset: number;
  limit: number;
  sort: Sort | null;
  /** the filter as typed (folded here) */
  query: string;
  /** the collator's locale for text columns */
  locale: string;
  /** only these documents (the ones assigned to me), or all */
  only: ReadonlySet<string> | null;
}

export interface Page {
  /** documents in the project */
  total: number;
  /** documents the filter (and `only`) keeps */
  matched: number;
  rows: DocumentSummary[];
}

interface Stamp {
  list: readonly DocumentSummary[];
  length: number;
  shape: number;
  counts: number;
}

export class DocumentPages {
  private orders = new Map<string, { stamp: Stamp; order: Uint32Array }>();
  private folded: { stamp: Stamp; text: string[] } | null = null;
  private last: { stamp: Stamp; key: string; only: ReadonlySet<string> | null; order: Uint32Array } | null = null;

  constructor(private readonly index: DocumentIndex) {}

  private stamp(): Stamp {
    const list = this.index.all();
    return { list, length: list.length, ...this.index.versions };
  }

  /**
   * One window of the view `request` describes. `list` replaces the index's entries for this
   * request only (blind coding's own counts): nothing is kept for it.
   */
  page(request: PageRequest, list?: readonly DocumentSummary[]): Page {
    const rows = list ?? this.index.all();
    const order = list ? this.viewOf(list, request) : this.keptView(request);
    const end = Math.min(order.length, request.offset + request.limit);
    const out: DocumentSummary[] = [];
    for (let i = request.offset; i < end; i++) out.push(rows[order[i] as number] as DocumentSummary);
    return { total: rows.length, matched: order.length, rows: out };
  }

  private keptView(request: PageRequest): Uint32Array {
    const stamp = this.stamp();
    const key = `${sortKey(request.sort, request.locale)}\u0000${normalizeQuery(request.query)}`;
    const last = this.last;
    if (last && last.key === key && last.only === request.only && same(last.stamp, stamp, countsMatter(request.sort)))
      return last.order;
    const order = this.filtered(this.sorted(stamp, request), stamp, request);
    this.last = { stamp, key, only: request.only, order };
    return order;
  }

  private sorted(stamp: Stamp, request: PageRequest): Uint32Array {
    if (!request.sort) return identity(stamp.length);
    const key = sortKey(request.sort, request.locale);
    const kept = this.orders.get(key);
    if (kept && same(kept.stamp, stamp, countsMatter(request.sort))) return kept.order;
    const order = sortedPositions(stamp.list, request.sort, request.locale);
    this.orders.set(key, { stamp, order });
    return order;
  }

  private filtered(order: Uint32Array, stamp: Stamp, request: PageRequest): Uint32Array {
    const q = normalizeQuery(request.query);
    const { only } = request;
    if (q === '' && !only) return order;
    let text: string[] = [];
    if (q !== '') {
      if (!this.folded || !same(this.folded.stamp, stamp, false))
        this.folded = { stamp, text: filterIndex(stamp.list) };
      text = this.folded.text;
    }
    return keep(order, (i) => (q === '' || (text[i] as string).includes(q)) && (!only || only.has(stamp.list[i]!.id)));
  }

  /** The same view without anything kept (for a list that is not the index's). */
  private viewOf(list: readonly DocumentSummary[], request: PageRequest): Uint32Array {
    const order = request.sort ? sortedPositions(list, request.sort, request.locale) : identity(list.length);
    const q = normalizeQuery(request.query);
    const text = q === '' ? [] : filterIndex(list);
    const { only } = request;
    return keep(order, (i) => (q === '' || (text[i] as string).includes(q)) && (!only || only.has(list[i]!.id)));
  }
}

const sortKey = (sort: Sort | null, locale: string) =>
  sort ? `${sort.key}:${sort.descending ? 'desc' : 'asc'}:${locale}` : 'project order';

/** Only annotation-count sorts change when a count changes (the rows are read live). */
const countsMatter = (sort: Sort | null) => sort?.key === 'annotationCount';

function same(a: Stamp, b: Stamp, counts: boolean): boolean {
  return a.list === b.list && a.length === b.length && a.shape === b.shape && (!counts || a.counts === b.counts);
}

function identity(n: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order;
}

function sortedPositions(list: readonly DocumentSummary[], sort: Sort, locale: string): Uint32Array {
  const at = new Map<DocumentSummary, number>();
  list.forEach((d, i) => at.set(d, i));
  return Uint32Array.from(sortRows([...list], sort, locale), (d) => at.get(d) as number);
}

function keep(order: Uint32Array, test: (i: number) => boolean): Uint32Array {
  const out = new Uint32Array(order.length);
  let n = 0;
  for (const i of order) if (test(i)) out[n++] = i;
  return out.slice(0, n);
}
