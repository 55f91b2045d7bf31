/**
 * The one pass over two coders' numbered values (rows of equal length, −1: none) that gives what
 * α, Cohen's κ, percent agreement and the warning flags of one field need (fieldFigures.ts): the
 * values in order of first appearance, coder after coder (as prepareCounted finds them), how
 * often each was given, the pairable units' values (both coders gave one), and κ's tallies. Each
 * figure made from it equals the one its own pass gives (the same counts, summed in the same
 * order: every count is of ones, exact in any order), in one pass instead of four.
 */

export interface TwoCoderPass {
  /** the values (numbers) in order of first appearance, the first coder's, then the second's new ones */
  found: number[];
  /** counts[id]: how often value id was given, by either coder */
  counts: Float64Array;
  /** the pairable units' values, unit after unit: pairs[2k] the first coder's, pairs[2k + 1] the second's */
  pairs: Int32Array;
  /** pairable units, and those where the two values are equal */
  count: number;
  agree: number;
  /** per value, over the pairable units: how often each coder gave it */
  first: Float64Array;
  second: Float64Array;
  /** the first coder's values in order of first appearance over the pairable units (κ's expected agreement is summed in it) */
  order: number[];
}

/** The pass over rows `a` and `b` (the same length) of values numbered 0 … values − 1. */
export function twoCoderPass(a: Int32Array, b: Int32Array, values: number): TwoCoderPass {
  // the rows read as twoCoderPassOf reads matched sets: unit u's values at 2u and 2u + 1 (one pass
  // written once)
  const units = a.length;
  const ids = new Int32Array(2 * units);
  const at = new Int32Array(2 * units);
  for (let u = 0; u < units; u++) {
    ids[2 * u] = a[u] as number;
    ids[2 * u + 1] = b[u] as number;
    at[2 * u] = (a[u] as number) < 0 ? -1 : 2 * u;
    at[2 * u + 1] = (b[u] as number) < 0 ? -1 : 2 * u + 1;
  }
  return twoCoderPassOf(at, ids, units, values);
}

/**
 * twoCoderPass of the rows a[s] = ids[first[2s]] and b[s] = ids[first[2s + 1]] (−1 where
 * first holds −1), s < units, read where they lie instead of copied into rows first: the report
 * keeps each matched set's first annotation per coder (first) and each annotation's value number
 * per field (ids).
 */
export function twoCoderPassOf(first: Int32Array, ids: Int32Array, units: number, values: number): TwoCoderPass {
  const seenFirst = new Uint8Array(values);
  const seenSecond = new Uint8Array(values);
  const found: number[] = [];
  const foundSecond: number[] = [];
  const counts = new Float64Array(values);
  const firstCounts = new Float64Array(values);
  const second = new Float64Array(values);
  const order: number[] = [];
  const pairs = new Int32Array(2 * units);
  let count = 0;
  let agree = 0;
  for (let u = 0; u < units; u++) {
    const i = first[2 * u] as number;
    const j = first[2 * u + 1] as number;
    const x = i < 0 ? -1 : (ids[i] as number);
    const y = j < 0 ? -1 : (ids[j] as number);
    if (x >= 0) {
      if (seenFirst[x] === 0) {
        seenFirst[x] = 1;
        found.push(x);
      }
      counts[x] = (counts[x] as number) + 1;
    }
    if (y >= 0) {
      if (seenSecond[y] === 0) {
        seenSecond[y] = 1;
        foundSecond.push(y);
      }
      counts[y] = (counts[y] as number) + 1;
    }
    if (x >= 0 && y >= 0) {
      pairs[2 * count] = x;
      pairs[2 * count + 1] = y;
      count++;
      if (x === y) agree++;
      if (firstCounts[x] === 0) order.push(x);
      firstCounts[x] = (firstCounts[x] as number) + 1;
      second[y] = (second[y] as number) + 1;
    }
  }
  for (const y of foundSecond) if (seenFirst[y] === 0) found.push(y);
  return { found, counts, pairs: pairs.subarray(0, 2 * count), count, agree, first: firstCounts, second, order };
}
