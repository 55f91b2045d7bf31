/**
 * The report's |uα and cuα per code revalue one cut of the coders' continua (the sections valued
 * by their set of codes, unitizingFamily.ts). Revaluing only relabels code points, so the length
 * coincidences of any revaluation are sums of the coincidences of the set values themselves:
 * those are taken once, in one merge of every pair of coders' sections, and each code's figures
 * come from that V × V table and one pass over the section lengths (for S, the squares of the
 * revalued sections' lengths), with no sections built anew.
 */
import { numberSections, pairLengths, type NumberedSections } from './sectionSweep';
import {
  boundaryOfCoincidences,
  codingGivenUnitsOfCoincidences,
  coincidencesOfSums,
  type Coincidences,
  type FamilyResult,
  type Section,
} from './unitizingFamily';

export interface SectionTable {
  /** the distinct values of the sections (null: ∅) */
  values: Array<string | null>;
  /** per coder, each section's value index and length */
  numbered: Int32Array[];
  lengths: Float64Array[];
  /** l over the values: pairs[c · V + k] */
  pairs: Float64Array;
}

export function sectionTable(perCoder: ReadonlyArray<readonly Section[]>): SectionTable {
  const { values, numbered } = numberSections(perCoder);
  return tableOfNumbered(values, numbered);
}

/** The table of sections already numbered (values[i] the value of index i). */
export function tableOfNumbered(values: Array<string | null>, perCoder: readonly NumberedSections[]): SectionTable {
  const lengths = perCoder.map((s) => {
    const out = new Float64Array(s.value.length);
    for (let i = 0; i < out.length; i++) out[i] = (s.end[i] as number) - (s.start[i] as number);
    return out;
  });
  return {
    values,
    numbered: perCoder.map((s) => (s.value instanceof Int32Array ? s.value : Int32Array.from(s.value))),
    lengths,
    pairs: pairLengths(perCoder, values.length),
  };
}

/**
 * The length coincidences of the sections revalued by `map` (∅ stays ∅, neighbours of one value
 * joined), summed from the table's: what lengthCoincidences of remapSections(perCoder, map) gives.
 */
function revaluedCoincidences(table: SectionTable, map: (value: string) => string | null): Coincidences {
  const V = table.values.length;
  const { targets, to } = targetsOf(table, map);
  const T = targets.length;
  const sums = new Float64Array(T * T);
  for (let c = 0; c < V; c++)
    for (let k = 0; k < V; k++) {
      const x = table.pairs[c * V + k] as number;
      if (x > 0) {
        const cell = (to[c] as number) * T + (to[k] as number);
        sums[cell] = (sums[cell] as number) + x;
      }
    }
  return coincidencesOfSums(targets, sums);
}

/** The targets of the table's values revalued by `map` (numbered as first met) and each value's target. */
function targetsOf(
  table: SectionTable,
  map: (value: string) => string | null,
): { targets: Array<string | null>; to: Int32Array } {
  const targetIndex = new Map<string | null, number>();
  const targets: Array<string | null> = [];
  const to = Int32Array.from(table.values, (v) => {
    const x = v === null ? null : map(v);
    let i = targetIndex.get(x);
    if (i === undefined) {
      i = targets.length;
      targetIndex.set(x, i);
      targets.push(x);
    }
    return i;
  });
  return { targets, to };
}

/** S of the sections revalued by `map`: Σ l² over the joined sections of each value, ∅ Σ l (the squares of remapSections). */
function revaluedSquares(table: SectionTable, map: (value: string) => string | null): number {
  const { targets, to } = targetsOf(table, map);
  let squares = 0;
  for (let i = 0; i < table.numbered.length; i++) {
    const numbered = table.numbered[i] as Int32Array;
    const lengths = table.lengths[i] as Float64Array;
    let run = 0;
    let runValue = -1;
    for (let s = 0; s < numbered.length; s++) {
      const t = to[numbered[s] as number] as number;
      const length = lengths[s] as number;
      if (targets[t] === null) {
        squares += run * run + length;
        run = 0;
        runValue = -1;
      } else if (t === runValue) run += length;
      else {
        squares += run * run;
        run = length;
        runValue = t;
      }
    }
    squares += run * run;
  }
  return squares;
}

/**
 * S of the sections revalued by "holds code k or ∅" (what revaluedSquares gives for each such map)
 * for every code k at once, in one pass over the sections: a run of sections holding k is joined,
 * and the sections not holding k add their lengths. `holds[v]` lists the codes (0 … codes − 1) that
 * value v holds. The sums are of whole numbers, exact in any order, so equal those of one pass per
 * code; when a length is not whole, or a sum could pass 2^53, null (take one pass per code).
 */
export function heldSquares(
  table: SectionTable,
  holds: ReadonlyArray<readonly number[]>,
  codes: number,
): Float64Array | null {
  // (each loop a function of its own: the second loop of a function called once per report,
  // reached first in an on-stack replacement compiled during the first, was taken back to the
  // interpreter on every call, measured with --trace-deopt)
  const total = wholeTotal(table.lengths);
  if (total === null || total * total + total >= 2 ** 53) return null;
  const squares = new Float64Array(codes);
  const run = new Float64Array(codes);
  const held = new Float64Array(codes);
  heldRuns(table, holds, squares, run, held, codes);
  // the last runs, and every section not holding the code counted by its length
  for (let k = 0; k < codes; k++)
    squares[k] = (squares[k] as number) + (run[k] as number) ** 2 + (total - (held[k] as number));
  return squares;
}

/** The sum of the sections' lengths when every one is whole, else null. */
function wholeTotal(perCoder: readonly Float64Array[]): number | null {
  let total = 0;
  for (const lengths of perCoder)
    for (let s = 0; s < lengths.length; s++) {
      const length = lengths[s] as number;
      if (!Number.isInteger(length)) return null;
      total += length;
    }
  return total;
}

/** heldSquares' pass: each code's runs squared into `squares` (the last run of each left in `run`), its held length in `held`. */
function heldRuns(
  table: SectionTable,
  holds: ReadonlyArray<readonly number[]>,
  squares: Float64Array,
  run: Float64Array,
  held: Float64Array,
  codes: number,
): void {
  // the section (coder after coder) that last held each code, to tell a run going on
  const last = new Int32Array(codes).fill(-2);
  let at = 0;
  for (let i = 0; i < table.numbered.length; i++) {
    const numbered = table.numbered[i] as Int32Array;
    const lengths = table.lengths[i] as Float64Array;
    // a coder's first section continues no run of the coder before
    at++;
    for (let s = 0; s < numbered.length; s++, at++) {
      const length = lengths[s] as number;
      const these = holds[numbered[s] as number] as readonly number[];
      for (let x = 0; x < these.length; x++) {
        const k = these[x] as number;
        if (last[k] === at - 1) run[k] = (run[k] as number) + length;
        else {
          squares[k] = (squares[k] as number) + (run[k] as number) ** 2;
          run[k] = length;
        }
        last[k] = at;
        held[k] = (held[k] as number) + length;
      }
    }
  }
}

/** |uα of the table's sections revalued by `map`. */
export function boundaryOfTable(
  table: SectionTable,
  map: (value: string) => string | null,
  squares: number = revaluedSquares(table, map),
): FamilyResult {
  return boundaryOfCoincidences(revaluedCoincidences(table, map), squares);
}

/** cuα of the table's sections revalued by `map`. */
export function codingGivenUnitsOfTable(table: SectionTable, map: (value: string) => string | null): FamilyResult {
  return codingGivenUnitsOfCoincidences(revaluedCoincidences(table, map));
}
