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
 * The coincidences and S of the sections revalued by `map` (∅ stays ∅, neighbours of one value
 * joined): what lengthCoincidences and the squares of remapSections(perCoder, map) give.
 */
function revalued(
  table: SectionTable,
  map: (value: string) => string | null,
  withSquares: boolean,
): { l: Coincidences; squares: number } {
  const V = table.values.length;
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
  const l = coincidencesOfSums(targets, sums);
  let squares = 0;
  // S only for |uα (cuα does not use it)
  for (let i = 0; withSquares && i < table.numbered.length; i++) {
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
  return { l, squares };
}

/** |uα of the table's sections revalued by `map`. */
export function boundaryOfTable(table: SectionTable, map: (value: string) => string | null): FamilyResult {
  const { l, squares } = revalued(table, map, true);
  return boundaryOfCoincidences(l, squares);
}

/** cuα of the table's sections revalued by `map`. */
export function codingGivenUnitsOfTable(table: SectionTable, map: (value: string) => string | null): FamilyResult {
  return codingGivenUnitsOfCoincidences(revalued(table, map, false).l);
}
