/**
 * The agreement report's units on the continuum (agreement.ts): one per code of each compared
 * annotation, laid out coder after coder and clipped to the continuum (a CoderTable,
 * coderTable.ts), so αU (unitizingTable.ts) and the cut by the set of codes (codeSetTable.ts)
 * read the one table as it is written, the cut with no layout of its own.
 */
import type { CoderTable } from '@shared/reliability/coderTable';
import { floatScratch, intScratch, SLOT } from '@shared/reliability/scratch';
import type { ReadAnnotations } from './agreementDisagreements';

/**
 * The compared coders' units (codes numbered: `codeIds` first, then any other in the order met;
 * `slotCode` names the read code numbers): each coder's in reading order, a unit the clip to
 * [0, length) leaves empty left out (its code still numbered, as met).
 */
export function unitsOf(
  read: ReadAnnotations,
  mine: Int32Array,
  coderOf: Int32Array,
  offsets: readonly number[],
  codeIds: readonly string[],
  slotCode: readonly string[],
  length: number,
  coders: number,
): CoderTable {
  const categories = [...codeIds];
  const codeIndex = new Map(categories.map((c, i) => [c, i]));
  const categoryOf = Int32Array.from(slotCode, (code) => codeIndex.get(code) ?? -1);
  // (each pass a function of its own: the loops of a function called once per report ran as
  // on-stack replacements compiled before the code after them had run, taken back to the
  // interpreter on every call, measured with --trace-deopt)
  const coderFrom = unitCounts(read, mine, coderOf, offsets, length, coders);
  for (let c = 0; c < coders; c++) coderFrom[c + 1] = (coderFrom[c + 1] as number) + (coderFrom[c] as number);
  const n = coderFrom[coders] as number;
  // (scratch reused by the next report, scratch.ts: every place written here)
  const table: CoderTable = {
    begin: 0,
    length,
    coders,
    categories,
    coder: intScratch(SLOT.unitCoder, n),
    category: intScratch(SLOT.unitCategory, n),
    start: floatScratch(SLOT.unitStart, n),
    end: floatScratch(SLOT.unitEnd, n),
    coderFrom,
  };
  placeUnits(table, read, mine, coderOf, offsets, categoryOf, slotCode, categories);
  return table;
}

/** How many units each coder has (coderFrom[c + 1]), those the clip leaves. */
function unitCounts(
  read: ReadAnnotations,
  mine: Int32Array,
  coderOf: Int32Array,
  offsets: readonly number[],
  length: number,
  coders: number,
): Int32Array {
  const { codeFrom, document } = read;
  const starts = read.start;
  const ends = read.end;
  const coderFrom = new Int32Array(coders + 1);
  for (let y = 0; y < mine.length; y++) {
    const i = mine[y] as number;
    const offset = offsets[document[i] as number] as number;
    if (Math.min(length, offset + (ends[i] as number)) > Math.max(0, offset + (starts[i] as number))) {
      const c = (coderOf[i] as number) + 1;
      coderFrom[c] = (coderFrom[c] as number) + (codeFrom[i + 1] as number) - (codeFrom[i] as number);
    }
  }
  return coderFrom;
}

/** The units written at their coders' places (a code met first here numbered after the others). */
function placeUnits(
  table: CoderTable,
  read: ReadAnnotations,
  mine: Int32Array,
  coderOf: Int32Array,
  offsets: readonly number[],
  categoryOf: Int32Array,
  slotCode: readonly string[],
  categories: string[],
): void {
  const { codeFrom, codeList, document } = read;
  const starts = read.start;
  const ends = read.end;
  const { coder, category, start, end, length } = table;
  const next = table.coderFrom.slice(0, table.coders);
  for (let y = 0; y < mine.length; y++) {
    const i = mine[y] as number;
    const offset = offsets[document[i] as number] as number;
    const s = Math.max(0, offset + (starts[i] as number));
    const e = Math.min(length, offset + (ends[i] as number));
    const c = coderOf[i] as number;
    let u = next[c] as number;
    for (let x = codeFrom[i] as number; x < (codeFrom[i + 1] as number); x++) {
      const slot = codeList[x] as number;
      let k = categoryOf[slot] as number;
      if (k === -1) categoryOf[slot] = k = categories.push(slotCode[slot] as string) - 1;
      if (e <= s) continue;
      coder[u] = c;
      category[u] = k;
      start[u] = s;
      end[u++] = e;
    }
    next[c] = u;
  }
}
