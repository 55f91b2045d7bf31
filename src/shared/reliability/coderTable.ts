/**
 * A table of units laid out coder after coder, each unit clipped to the continuum (those left
 * empty by the clip dropped): what the cut by the set of codes (codeSetTable.ts) sweeps, coder by
 * coder in order of the units' starts. The agreement report writes its units so from the start
 * (src/main/services/agreementUnits.ts), so the cut reads them where they are; any other table is
 * laid out so here (coderTableOf), as the cut did itself before.
 *
 * αU (unitizingTable.ts) reads the same table: it clips each unit to the continuum itself (a
 * clipped unit clipped again is the same) and leaves the empty ones out, and its figures do not
 * depend on the order of a coder's units of one code (they are sorted and joined first).
 */
import { floatScratch, intScratch, SLOT } from './scratch';
import type { UnitTable } from './unitizingTable';

/** A UnitTable laid out coder after coder, every unit clipped to the continuum and not empty. */
export interface CoderTable extends UnitTable {
  coder: Int32Array;
  category: Int32Array;
  start: Float64Array;
  end: Float64Array;
  /** coder i's units: coderFrom[i] … coderFrom[i + 1] − 1, in the order of the table they came from */
  coderFrom: Int32Array;
}

/** Whether a table is laid out coder after coder (a CoderTable). */
export function isCoderTable(table: UnitTable): table is CoderTable {
  return (table as Partial<CoderTable>).coderFrom !== undefined;
}

/**
 * Any table's units within the continuum, clipped, laid out coder after coder in table order (a
 * counting sort), in scratch arrays reused by the next call (scratch.ts): valid until then.
 */
export function coderTableOf(table: UnitTable): CoderTable {
  const from = table.begin;
  const to = table.begin + table.length;
  const n = table.coder.length;
  const coderFrom = new Int32Array(table.coders + 1);
  const unitStart = table.start;
  const unitEnd = table.end;
  const unitCoder = table.coder;
  for (let u = 0; u < n; u++)
    if (Math.min(to, unitEnd[u] as number) > Math.max(from, unitStart[u] as number))
      coderFrom[(unitCoder[u] as number) + 1] = (coderFrom[(unitCoder[u] as number) + 1] as number) + 1;
  for (let i = 0; i < table.coders; i++) coderFrom[i + 1] = (coderFrom[i + 1] as number) + (coderFrom[i] as number);
  const placed = coderFrom[table.coders] as number;
  const start = floatScratch(SLOT.clippedStart, placed);
  const end = floatScratch(SLOT.clippedEnd, placed);
  const category = intScratch(SLOT.byCoder, placed);
  const coder = intScratch(SLOT.clippedCoder, placed);
  const next = coderFrom.slice(0, -1);
  const unitCategory = table.category;
  for (let u = 0; u < n; u++) {
    const s = Math.max(from, unitStart[u] as number);
    const e = Math.min(to, unitEnd[u] as number);
    if (e > s) {
      const i = unitCoder[u] as number;
      const at = next[i] as number;
      start[at] = s;
      end[at] = e;
      category[at] = unitCategory[u] as number;
      coder[at] = i;
      next[i] = at + 1;
    }
  }
  return {
    begin: table.begin,
    length: table.length,
    coders: table.coders,
    categories: table.categories,
    coder,
    category,
    start,
    end,
    coderFrom,
  };
}

/** Whether each coder's units come in order of their starts. */
export function startsInOrder(table: CoderTable): boolean {
  const { start, coderFrom } = table;
  for (let i = 0; i < table.coders; i++)
    for (let x = (coderFrom[i] as number) + 1; x < (coderFrom[i + 1] as number); x++)
      if ((start[x - 1] as number) > (start[x] as number)) return false;
  return true;
}

/**
 * Each coder's units of a table laid out by coderTableOf (its own scratch) sorted in place by
 * their starts, then their places (a stable sort): ranges already in order are left as they are.
 */
export function sortStarts(table: CoderTable): void {
  const { start, end, category, coderFrom } = table;
  for (let i = 0; i < table.coders; i++) {
    const lo = coderFrom[i] as number;
    const hi = coderFrom[i + 1] as number;
    let sorted = true;
    for (let x = lo + 1; x < hi && sorted; x++) if ((start[x - 1] as number) > (start[x] as number)) sorted = false;
    if (sorted) continue;
    const order = Array.from({ length: hi - lo }, (_, x) => lo + x).sort(
      (p, q) => (start[p] as number) - (start[q] as number) || p - q,
    );
    const s = order.map((x) => start[x] as number);
    const e = order.map((x) => end[x] as number);
    const c = order.map((x) => category[x] as number);
    start.set(s, lo);
    end.set(e, lo);
    category.set(c, lo);
  }
}
