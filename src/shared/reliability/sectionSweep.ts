/**
 * The one sweep behind every length coincidence of the unitizing family (unitizingFamily.ts,
 * sectionTable.ts, codeSetTable.ts): each coder's continuum as sections with a numbered value,
 * and for every pair of coders the code points where one has value c and the other k, summed in
 * a V × V table (both orders, weighted 1 / (m − 1)) by one merge of the two sorted lists.
 */

/** One coder's sections in order, covering the continuum: parallel arrays. */
export interface NumberedSections {
  start: ArrayLike<number>;
  end: ArrayLike<number>;
  /** the section's value index (0 … V − 1) */
  value: ArrayLike<number>;
}

/**
 * l over the values: out[c · V + k], for every ordered pair of coders. (Where two sections end at
 * one place, both lists move on at once: the step between, of one section's end and the other's
 * next, has no length in common, and most of two coders' bounds are the same.)
 */
export function pairLengths(perCoder: readonly NumberedSections[], V: number): Float64Array {
  const m = perCoder.length;
  const sums = new Float64Array(V * V);
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) {
      const a = perCoder[i] as NumberedSections;
      const b = perCoder[j] as NumberedSections;
      const na = a.value.length;
      const nb = b.value.length;
      let p = 0;
      let q = 0;
      while (p < na && q < nb) {
        const ge = a.end[p] as number;
        const he = b.end[q] as number;
        const overlap = Math.min(ge, he) - Math.max(a.start[p] as number, b.start[q] as number);
        if (overlap > 0) {
          const c = a.value[p] as number;
          const k = b.value[q] as number;
          // (one division for both orders: the same number added to each; none for two coders,
          // a division by 1 giving the number itself)
          const weighted = m === 2 ? overlap : overlap / (m - 1);
          sums[c * V + k] = (sums[c * V + k] as number) + weighted;
          sums[k * V + c] = (sums[k * V + c] as number) + weighted;
        }
        if (ge < he) p++;
        else if (he < ge) q++;
        else {
          p++;
          q++;
        }
      }
    }
  return sums;
}

/** Sections valued by strings (null: ∅), their values numbered in order of first appearance. */
export function numberSections(
  perCoder: ReadonlyArray<ReadonlyArray<{ start: number; end: number; value: string | null }>>,
): { values: Array<string | null>; numbered: NumberedSections[] } {
  const index = new Map<string | null, number>();
  const values: Array<string | null> = [];
  const numbered = perCoder.map((sections) => ({
    start: Float64Array.from(sections, (s) => s.start),
    end: Float64Array.from(sections, (s) => s.end),
    value: Int32Array.from(sections, (s) => {
      let i = index.get(s.value);
      if (i === undefined) {
        i = values.length;
        index.set(s.value, i);
        values.push(s.value);
      }
      return i;
    }),
  }));
  return { values, numbered };
}
