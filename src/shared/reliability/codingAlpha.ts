/**
 * Krippendorff's alpha for reliability data: several coders each give (or do not give) a value
 * to each unit. Computed through the coincidence matrix (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"): every pair of values that two different coders gave to one
 * unit counts 1 / (m_u − 1), where m_u is the number of values the unit received; units with fewer
 * than two values are not pairable and are left out.
 *
 *   α = 1 − (n − 1) · Σ_ck o_ck δ²(c, k) / Σ_ck n_c n_k δ²(c, k)
 *
 * with δ² nominal (0 when equal, else 1), ordinal (Σ_{g from c to k} n_g − (n_c + n_k) / 2)², on
 * the categories in their order (numbers ascending, or the order given), or interval (c − k)².
 *
 * Values are kept in Maps keyed by the value itself, so any string a coder typed is a category.
 */
import { numbered } from './kappa';

export type Metric = 'nominal' | 'ordinal' | 'interval';
export type Value = string | number;
export type ReliabilityData = ReadonlyArray<ReadonlyArray<Value | null | undefined>>;

export interface AlphaResult {
  /** Krippendorff's alpha; null when it is undefined (no pairable values, or no variation at all) */
  alpha: number | null;
  /** pairable values (n) */
  values: number;
  /** units with at least two values */
  units: number;
  observed: number;
  expected: number;
}

export interface AlphaOptions {
  /** ordinal: the categories from lowest to highest (default: numbers ascending) */
  order?: readonly Value[];
}

/**
 * The reliability data reduced to what alpha needs: the categories (in rank order for an ordinal
 * metric) and, per pairable unit, the category index of each value given. Built once, so a
 * bootstrap can resample units without looking at the values again.
 */
export interface PreparedData {
  metric: Metric;
  categories: Value[];
  /** the category indices of every pairable unit's values, unit after unit */
  values: Int32Array;
  /** unit u's values are values[offsets[u]] … values[offsets[u + 1] − 1] */
  offsets: Int32Array;
  /** pairable units */
  count: number;
}

export function prepareData(data: ReliabilityData, metric: Metric, options: AlphaOptions = {}): PreparedData {
  // the values numbered as they come (a Map: any value is a key), then prepared as numbers
  const { rows, given } = numbered(data);
  return prepareCoded(rows, given, metric, options);
}

/**
 * prepareData of reliability data already numbered: rows[coder][unit] is the index in `given` of
 * the value that coder gave the unit, or −1. The categories come in the order prepareData finds
 * them (coder after coder, unit after unit), so both give the same prepared data.
 */
export function prepareCoded(
  rows: ReadonlyArray<ArrayLike<number>>,
  given: readonly Value[],
  metric: Metric,
  options: AlphaOptions = {},
): PreparedData {
  return prepareCounted(rows, given, metric, options).prepared;
}

/**
 * prepareCoded, and how often each numbered value was given (`counts[id]`) with the values in
 * order of first appearance, coder after coder (`found`): the same pass finds both.
 */
export function prepareCounted(
  rows: ReadonlyArray<ArrayLike<number>>,
  given: readonly Value[],
  metric: Metric,
  options: AlphaOptions = {},
): { prepared: PreparedData; found: number[]; counts: Float64Array } {
  // (the passes over the units are functions of their own, of numbers only: the values' arrays
  // differ in kind from field to field, strings or numbers, and code that met both while it ran
  // the passes was taken back to the interpreter on most calls, measured)
  const seen = new Int32Array(given.length).fill(-1);
  const counts = new Float64Array(given.length);
  const found = countGiven(rows, seen, counts);
  const categories = categoriesOf(
    found.map((id) => given[id] as Value),
    metric,
    options,
  );
  const index = new Map<Value, number>(categories.map((c, i) => [c, i]));
  // the category of each numbered value
  const categoryOf = Int32Array.from(given, (v, id) => (seen[id] === -1 ? -1 : (index.get(v) as number)));
  return { prepared: { metric, categories, ...pairableValues(rows, categoryOf) }, found, counts };
}

/** How often each numbered value was given (`counts`), and the values in order of first appearance, coder after coder. */
function countGiven(rows: ReadonlyArray<ArrayLike<number>>, seen: Int32Array, counts: Float64Array): number[] {
  const found: number[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as ArrayLike<number>;
    for (let u = 0; u < row.length; u++) {
      const id = row[u] as number;
      if (id < 0) continue;
      if (seen[id] === -1) seen[id] = found.push(id) - 1;
      counts[id] = (counts[id] as number) + 1;
    }
  }
  return found;
}

/** The categories of the values met (in order of first appearance): as met, ranked, or as numbers ascending. */
export function categoriesOf(firstSeen: Value[], metric: Metric, options: AlphaOptions = {}): Value[] {
  if (metric === 'nominal') return firstSeen;
  if (metric === 'ordinal' && options.order) {
    const ranked = new Set(options.order);
    for (const v of firstSeen)
      if (!ranked.has(v)) throw new RangeError(`An ordinal alpha needs every value ranked; “${String(v)}” is not.`);
    return [...ranked];
  }
  for (const v of firstSeen)
    if (!Number.isFinite(Number(v)) || (typeof v === 'string' && v.trim() === ''))
      throw new RangeError(`An ${metric} alpha needs numbers; “${String(v)}” is not one.`);
  return [...firstSeen].sort((a, b) => Number(a) - Number(b));
}

/** The category indices of every pairable unit's values (two values or more), unit after unit. */
function pairableValues(
  rows: ReadonlyArray<ArrayLike<number>>,
  categoryOf: Int32Array,
): { values: Int32Array; offsets: Int32Array; count: number } {
  const unitCount = rows.reduce((n, row) => Math.max(n, row.length), 0);
  const R = rows.length;
  const values = new Int32Array(unitCount * R);
  const offsets = new Int32Array(unitCount + 1);
  let count = 0;
  let at = 0;
  for (let u = 0; u < unitCount; u++) {
    // the unit's values written on (taken back when fewer than two)
    const from = at;
    for (let r = 0; r < R; r++) {
      const row = rows[r] as ArrayLike<number>;
      const id = u < row.length ? (row[u] as number) : -1;
      if (id >= 0) values[at++] = categoryOf[id] as number;
    }
    if (at - from < 2) {
      at = from;
      continue;
    }
    offsets[++count] = at;
  }
  return { values: values.slice(0, at), offsets: offsets.slice(0, count + 1), count };
}

/** Non-zero coincidences o_ck as parallel arrays (sparse: a field of a thousand names stays small). */
export interface Coincidences {
  rows: Int32Array;
  cols: Int32Array;
  weights: Float64Array;
}

/** The pairs of values of one unit's category indices, each weighted 1 / (m_u − 1). */
export function unitPairs(values: ArrayLike<number>, add: (c: number, k: number, w: number) => void): void {
  const m = values.length;
  const w = 1 / (m - 1);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) add(values[i] as number, values[j] as number, w);
}

/** The coincidences of the prepared units picked by `pick` (all when absent). */
export function coincidencesOf(prepared: PreparedData, pick?: ArrayLike<number>): Coincidences {
  const V = prepared.categories.length;
  const cells = new Map<number, number>();
  const add = (c: number, k: number, w: number) => cells.set(c * V + k, (cells.get(c * V + k) ?? 0) + w);
  const count = pick ? pick.length : prepared.count;
  for (let p = 0; p < count; p++) {
    const u = pick ? (pick[p] as number) : p;
    unitPairs(prepared.values.subarray(prepared.offsets[u], prepared.offsets[u + 1]), add);
  }
  const rows = new Int32Array(cells.size);
  const cols = new Int32Array(cells.size);
  const weights = new Float64Array(cells.size);
  let i = 0;
  for (const [cell, w] of cells) {
    rows[i] = Math.floor(cell / V);
    cols[i] = cell % V;
    weights[i++] = w;
  }
  return { rows, cols, weights };
}

/** Alpha of the prepared units picked by `pick` (all of them, in order, when absent). */
export function alphaOfPrepared(prepared: PreparedData, pick?: ArrayLike<number>): AlphaResult {
  return alphaOfCoincidences(prepared, coincidencesOf(prepared, pick), pick ? pick.length : prepared.count);
}

/**
 * Alpha from coincidences over the prepared categories, of `units` pairable units. The expected
 * disagreement Σ_ck n_c n_k δ²(c, k) is computed in closed form where the metric allows:
 * nominal n² − Σ n_c², interval 2 (n Σ n_c v_c² − (Σ n_c v_c)²); ordinal sums over the pairs.
 */
export function alphaOfCoincidences(prepared: PreparedData, o: Coincidences, units: number): AlphaResult {
  return coincidenceAlpha(prepared)(o, units);
}

/**
 * alphaOfCoincidences for one prepared data, what it needs of the categories taken once (the
 * margins' array, the numbers of an interval metric, δ² where the margins do not enter it), for a
 * caller that figures many coincidences of the same data (the bootstrap, once per replicate).
 */
export function coincidenceAlpha(prepared: PreparedData): (o: Coincidences, units: number) => AlphaResult {
  const V = prepared.categories.length;
  const totals = new Float64Array(V);
  const numbers = prepared.metric === 'interval' ? prepared.categories.map(Number) : null;
  // δ² of the nominal and interval metrics does not depend on the margins: made once
  const fixed = prepared.metric === 'ordinal' ? null : deltaOf(prepared, totals);
  return (o, units) => {
    totals.fill(0);
    let n = 0;
    for (let i = 0; i < o.weights.length; i++) {
      const r = o.rows[i] as number;
      totals[r] = (totals[r] as number) + (o.weights[i] as number);
      n += o.weights[i] as number;
    }
    const delta = fixed ?? deltaOf(prepared, totals);
    let observed = 0;
    for (let i = 0; i < o.weights.length; i++)
      observed += (o.weights[i] as number) * delta(o.rows[i] as number, o.cols[i] as number);
    let expected = 0;
    // the size of the terms, to tell a closed form's rounding from real variation
    let scale = 1;
    if (prepared.metric === 'nominal') {
      let squares = 0;
      for (let c = 0; c < V; c++) squares += (totals[c] as number) ** 2;
      expected = n * n - squares;
      scale = n * n;
    } else if (numbers) {
      let sum = 0;
      let sumSquares = 0;
      for (let c = 0; c < V; c++) {
        const v = numbers[c] as number;
        sum += (totals[c] as number) * v;
        sumSquares += (totals[c] as number) * v * v;
      }
      expected = 2 * (n * sumSquares - sum * sum);
      scale = 2 * n * sumSquares;
    } else {
      for (let c = 0; c < V; c++)
        for (let k = 0; k < V; k++) expected += (totals[c] as number) * (totals[k] as number) * delta(c, k);
    }
    // no variation: 0 (allowing for the rounding of the closed forms)
    if (n < 2 || expected <= 1e-12 * scale)
      return { alpha: null, values: Math.round(n), units, observed: observed / Math.max(n, 1), expected: 0 };
    const rounded = (x: number) => Math.round(x * 1e12) / 1e12;
    return {
      alpha: rounded(1 - ((n - 1) * observed) / expected),
      values: Math.round(n),
      units,
      observed: observed / n,
      expected: expected / (n * (n - 1)),
    };
  };
}

/** δ²(c, k), given the margins n_c (which the ordinal metric uses). */
function deltaOf(prepared: PreparedData, totals: Float64Array): (c: number, k: number) => number {
  if (prepared.metric === 'nominal') return (c, k) => (c === k ? 0 : 1);
  if (prepared.metric === 'interval') {
    const v = prepared.categories.map(Number);
    return (c, k) => ((v[c] as number) - (v[k] as number)) ** 2;
  }
  // ordinal: (Σ_{g from c to k} n_g − (n_c + n_k) / 2)², from running sums of the margins
  const cumulative = new Float64Array(totals.length + 1);
  for (let g = 0; g < totals.length; g++) cumulative[g + 1] = (cumulative[g] as number) + (totals[g] as number);
  return (c, k) => {
    if (c === k) return 0;
    const lo = Math.min(c, k);
    const hi = Math.max(c, k);
    const sum = (cumulative[hi + 1] as number) - (cumulative[lo] as number);
    return (sum - ((totals[c] as number) + (totals[k] as number)) / 2) ** 2;
  };
}

/** The coincidence matrix of reliability data (rows: coders, columns: units; null = no value). */
export function coincidences(data: ReliabilityData): Map<Value, Map<Value, number>> {
  const prepared = prepareData(data, 'nominal');
  const o = new Map<Value, Map<Value, number>>();
  const { values, offsets } = prepared;
  for (let u = 0; u < prepared.count; u++) {
    const from = offsets[u] as number;
    const to = offsets[u + 1] as number;
    const w = 1 / (to - from - 1);
    for (let i = from; i < to; i++)
      for (let j = from; j < to; j++) {
        if (i === j) continue;
        const c = prepared.categories[values[i] as number] as Value;
        const k = prepared.categories[values[j] as number] as Value;
        let row = o.get(c);
        if (!row) o.set(c, (row = new Map()));
        row.set(k, (row.get(k) ?? 0) + w);
      }
  }
  return o;
}

export function krippendorffAlpha(data: ReliabilityData, metric: Metric, options: AlphaOptions = {}): AlphaResult {
  return alphaOfPrepared(prepareData(data, metric, options));
}
