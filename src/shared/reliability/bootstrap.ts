/**
 * A 95% interval for Krippendorff's alpha by a percentile bootstrap over units (Efron &
 * Tibshirani 1993, ch. 13): draw as many pairable units as the data hold, with replacement,
 * compute alpha on the draw, repeat `replicates` times, and take the 2.5th and 97.5th percentiles
 * of the alphas that are defined. This is NOT Krippendorff's own bootstrap (Hayes & Krippendorff
 * 2007, which resamples pairs of values and corrects the distribution); a unit-level percentile
 * bootstrap keeps each unit's values together, which is what a reader of the report resamples
 * when asking "would other claims of the same kind agree as well?".
 *
 * The draws come from a seeded generator (mulberry32), so the same data and seed give the same
 * interval on every machine: the figure in a paper can be reproduced. A draw is made as the counts
 * of the units' distinct value patterns (a multinomial draw, multinomial.ts), which is the same
 * distribution as picking units one by one but costs the number of patterns, not of units. (Since
 * December 2026; before, each unit was picked with its own uniform, so the intervals of the same
 * data and seed differ from those of earlier versions by the bootstrap's own noise.)
 */
import {
  alphaOfCoincidences,
  coincidenceAlpha,
  prepareData,
  unitPairs,
  type AlphaResult,
  type AlphaOptions,
  type Metric,
  type PreparedData,
  type ReliabilityData,
} from './codingAlpha';
import { multinomialPlan, plannedCounts } from './multinomial';

export const DEFAULT_REPLICATES = 1000;
export const DEFAULT_SEED = 20160801;

export interface AlphaInterval {
  /** 2.5th and 97.5th percentiles; null when fewer than two units or no replicate had a defined alpha */
  low: number | null;
  high: number | null;
  /** replicates drawn, and how many of them gave a defined alpha */
  replicates: number;
  defined: number;
  seed: number;
  method: 'percentile bootstrap over units';
}

/** mulberry32: a small, fast, well-mixed 32-bit generator; returns floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The q-quantile of sorted numbers, by linear interpolation between order statistics (R's type 7). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

export function bootstrapAlpha(
  data: ReliabilityData,
  metric: Metric,
  options: AlphaOptions & { replicates?: number; seed?: number } = {},
): AlphaInterval {
  return bootstrapPrepared(prepareData(data, metric, options), options);
}

/** bootstrapAlpha of data already prepared (prepareData), so a caller computing α too prepares it once. */
export function bootstrapPrepared(
  prepared: PreparedData,
  options: { replicates?: number; seed?: number } = {},
  found: Patterns = patterns(prepared),
): AlphaInterval {
  const replicates = options.replicates ?? DEFAULT_REPLICATES;
  const seed = options.seed ?? DEFAULT_SEED;
  const N = prepared.count;
  const base = { replicates, seed, method: 'percentile bootstrap over units' as const };
  if (N < 2) return { low: null, high: null, defined: 0, ...base };
  // units with the same values contribute the same coincidences: a draw only counts how often
  // each such pattern comes up (a multinomial draw over the patterns, multinomial.ts), and a
  // replicate's coincidences are the patterns' so weighted
  // every pairable value of one category: every replicate's units too, so no replicate has any
  // variation, and none a defined α (coincidenceAlpha: expected 0); what the draws would give
  if (oneCategory(prepared)) return { low: null, high: null, defined: 0, ...base };
  const { entries, cellOf, weights, rows, cols, frequencies } = found;
  const P = entries.length - 1;
  const random = seededRandom(seed);
  const counts = new Float64Array(P);
  const sums = new Float64Array(rows.length);
  const alphas: number[] = [];
  const figure = coincidenceAlpha(prepared);
  const coincidences = { rows, cols, weights: sums };
  // (what the draws take of the patterns' probabilities, the same on every replicate: once)
  const plan = multinomialPlan(frequencies, N);
  for (let r = 0; r < replicates; r++) {
    plannedCounts(plan, random, counts);
    sums.fill(0);
    for (let p = 0; p < P; p++) {
      const times = counts[p] as number;
      if (times === 0) continue;
      for (let x = entries[p] as number; x < (entries[p + 1] as number); x++) {
        const g = cellOf[x] as number;
        sums[g] = (sums[g] as number) + times * (weights[x] as number);
      }
    }
    const a = figure(coincidences, N).alpha;
    if (a !== null) alphas.push(a);
  }
  if (alphas.length === 0) return { low: null, high: null, defined: 0, ...base };
  alphas.sort((x, y) => x - y);
  return { low: quantile(alphas, 0.025), high: quantile(alphas, 0.975), defined: alphas.length, ...base };
}

/** Whether the prepared units' values are all of one category. */
function oneCategory(prepared: PreparedData): boolean {
  const { values } = prepared;
  for (let x = 1; x < values.length; x++) if (values[x] !== values[0]) return false;
  return true;
}

/**
 * α of all the prepared units from their patterns (alphaOfPrepared of the same data): each
 * pattern's coincidences counted as often as units have it. With two or three coders every
 * weight is 1 or 1/2, so the sums are exact and equal alphaOfPrepared's.
 */
export function alphaOfPatterns(prepared: PreparedData, found: Patterns): AlphaResult {
  const { entries, cellOf, weights, rows, cols, frequencies } = found;
  const sums = new Float64Array(rows.length);
  for (let p = 0; p < entries.length - 1; p++) {
    const times = frequencies[p] as number;
    for (let x = entries[p] as number; x < (entries[p + 1] as number); x++) {
      const g = cellOf[x] as number;
      sums[g] = (sums[g] as number) + times * (weights[x] as number);
    }
  }
  return alphaOfCoincidences(prepared, { rows, cols, weights: sums }, prepared.count);
}

/**
 * The distinct value patterns of the units (a unit's values as a multiset): which pattern each
 * unit has and how many units have each, and per pattern its coincidence entries
 * (entries[p] … entries[p + 1] − 1: the cell `cellOf` and weight), the cells numbered once over
 * all patterns (`rows`, `cols`). Patterns are numbered in order of their first unit.
 */
export interface Patterns {
  patternOf: Int32Array;
  frequencies: Float64Array;
  entries: Int32Array;
  cellOf: Int32Array;
  weights: Float64Array;
  rows: Int32Array;
  cols: Int32Array;
}

export function patterns(prepared: PreparedData): Patterns {
  const V = prepared.categories.length;
  let widest = 0;
  for (let u = 0; u < prepared.count; u++)
    widest = Math.max(widest, (prepared.offsets[u + 1] as number) - (prepared.offsets[u] as number));
  // a unit's sorted values as one number in base V + 1 while that is exact, else as a string
  const numeric = widest * Math.log2(V + 1) < 52;
  // the numeric keys looked up in an array while there are few of them (pairs of up to 255 values)
  const keys = numeric ? (V + 1) ** widest : Infinity;
  const dense = keys <= 1 << 16 ? new Int32Array(keys).fill(-1) : null;
  const byKey = new Map<number | string, number>();
  const cellIndex = new Map<number, number>();
  const patternOf = new Int32Array(prepared.count);
  const frequencies: number[] = [];
  const entries: number[] = [0];
  const cellOf: number[] = [];
  const weights: number[] = [];
  const rows: number[] = [];
  const cols: number[] = [];
  // a unit's values sorted, in one buffer for every unit (its first `size` places)
  const sorted = new Int32Array(widest);
  for (let u = 0; u < prepared.count; u++) {
    let size = 0;
    for (let x = prepared.offsets[u] as number; x < (prepared.offsets[u + 1] as number); x++) {
      // insertion into the sorted values so far
      const v = prepared.values[x] as number;
      let at = size++;
      while (at > 0 && (sorted[at - 1] as number) > v) {
        sorted[at] = sorted[at - 1] as number;
        at--;
      }
      sorted[at] = v;
    }
    let key: number | string;
    if (numeric) {
      key = 0;
      for (let i = size - 1; i >= 0; i--) key = key * (V + 1) + (sorted[i] as number) + 1;
    } else key = sorted.subarray(0, size).join(',');
    let p = dense ? (dense[key as number] as number) : (byKey.get(key) ?? -1);
    if (p === -1) {
      p = frequencies.length;
      if (dense) dense[key as number] = p;
      else byKey.set(key, p);
      frequencies.push(0);
      const mine = new Map<number, number>();
      unitPairs(sorted.subarray(0, size), (c, k, w) => {
        let g = cellIndex.get(c * V + k);
        if (g === undefined) {
          g = rows.length;
          cellIndex.set(c * V + k, g);
          rows.push(c);
          cols.push(k);
        }
        mine.set(g, (mine.get(g) ?? 0) + w);
      });
      for (const [g, w] of mine) {
        cellOf.push(g);
        weights.push(w);
      }
      entries.push(cellOf.length);
    }
    patternOf[u] = p;
    frequencies[p] = (frequencies[p] as number) + 1;
  }
  return {
    patternOf,
    frequencies: Float64Array.from(frequencies),
    entries: Int32Array.from(entries),
    cellOf: Int32Array.from(cellOf),
    weights: Float64Array.from(weights),
    rows: Int32Array.from(rows),
    cols: Int32Array.from(cols),
  };
}
