/**
 * The claims table's rows, fetched in pages as the table scrolls (analysis.claims gives one window
 * at a time): which pages the visible rows need, and the pages already here. One RowPages belongs
 * to one filter and sort; a change of either starts a new one.
 */
// 50 rows: four screens of the table; the first page is on the path from a filter change to its
// painted rows, and 200 rows (75 KB to write, send and parse) cost more than the screen needs
export const PAGE_SIZE = 50;

/** The pages that hold rows first…last (inclusive), within `total` rows. */
export function pagesFor(first: number, last: number, total: number, pageSize = PAGE_SIZE): number[] {
  if (total <= 0 || last < first) return [];
  const from = Math.max(0, Math.floor(first / pageSize));
  const to = Math.min(Math.ceil(total / pageSize) - 1, Math.floor(Math.min(last, total - 1) / pageSize));
  const pages: number[] = [];
  for (let p = from; p <= to; p++) pages.push(p);
  return pages;
}

export class RowPages<T> {
  private readonly pages = new Map<number, T[]>();
  private readonly asked = new Set<number>();

  constructor(readonly pageSize = PAGE_SIZE) {}

  /** The row at `index`, or undefined while its page has not come. */
  row(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** The pages rows first…last need that are neither here nor asked for; marks them asked. */
  take(first: number, last: number, total: number): number[] {
    const wanted = pagesFor(first, last, total, this.pageSize).filter((p) => !this.pages.has(p) && !this.asked.has(p));
    for (const p of wanted) this.asked.add(p);
    return wanted;
  }

  /** Whether this page has come. */
  has(page: number): boolean {
    return this.pages.has(page);
  }

  put(page: number, rows: T[]): void {
    this.pages.set(page, rows);
    this.asked.delete(page);
  }

  /** A page whose fetch failed may be asked for again. */
  forget(page: number): void {
    this.asked.delete(page);
  }
}
