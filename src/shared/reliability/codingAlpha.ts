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
  /** per pairable unit, the category indices of its values */
  units: Int32Array[];
}

export function prepareData(data: ReliabilityData, metric: Metric, options: AlphaOptions = {}): PreparedData {
  const given = new Set<Value>();
  for (const row of data) for (const v of row) if (v !== null && v !== undefined) given.add(v);
  let categories: Value[];
  if (metric === 'nominal') categories = [...given];
  else if (metric === 'ordinal' && options.order) {
    const ranked = new Set(options.order);
    for (const v of given)
      if (!ranked.has(v)) throw new RangeError(`An ordinal alpha needs every value ranked; “${String(v)}” is not.`);
    categories = [...ranked];
  } else {
    for (const v of given)
      if (!Number.isFinite(Number(v)) || (typeof v === 'string' && v.trim() === ''))
        throw new RangeError(`An ${metric} alpha needs numbers; “${String(v)}” is not one.`);
    categories = [...given].sort((a, b) => Number(a) - Number(b));
  }
  const index = new Map<Value, number>(categories.map((c, i) => [c, i]));
  const units: Int32Array[] = [];
  const unitCount = data.reduce((n, row) => Math.max(n, row.length), 0);
  for (let u = 0; u < unitCount; u++) {
    const values: number[] = [];
    for (const row of data) {
      const v = row[u];
      if (v !== null && v !== undefined) values.push(index.get(v) as number);
    }
    if (values.length >= 2) units.push(Int32Array.from(values));
  }
  return { metric, categories, units };
}

/** Alpha of the prepared units picked by `pick` (all of them, in order, when absent). */
export function alphaOfPrepared(prepared: PreparedData, pick?: ArrayLike<number>): AlphaResult {
  const V = prepared.categories.length;
  const o = new Float64Array(V * V);
  const count = pick ? pick.length : prepared.units.length;
  for (let p = 0; p < count; p++) {
    const unit = prepared.units[pick ? (pick[p] as number) : p] as Int32Array;
    const w = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++)
      for (let j = 0; j < unit.length; j++) {
        if (i === j) continue;
        const at = (unit[i] as number) * V + (unit[j] as number);
        o[at] = (o[at] as number) + w;
      }
  }
  const totals = new Float64Array(V);
  let n = 0;
  for (let c = 0; c < V; c++) {
    let sum = 0;
    for (let k = 0; k < V; k++) sum += o[c * V + k] as number;
    totals[c] = sum;
    n += sum;
  }
  const delta = deltas(prepared, totals);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < V; c++)
    for (let k = 0; k < V; k++) {
      const d = delta[c * V + k] as number;
      observed += (o[c * V + k] as number) * d;
      expected += (totals[c] as number) * (totals[k] as number) * d;
    }
  if (n < 2 || expected === 0)
    return { alpha: null, values: Math.round(n), units: count, observed: observed / Math.max(n, 1), expected: 0 };
  const rounded = (x: number) => Math.round(x * 1e12) / 1e12;
  return {
    alpha: rounded(1 - ((n - 1) * observed) / expected),
    values: Math.round(n),
    units: count,
    observed: observed / n,
    expected: expected / (n * (n - 1)),
  };
}

/** δ²(c, k) for every pair of categories, given the margins n_c (which the ordinal metric uses). */
function deltas(prepared: PreparedData, totals: Float64Array): Float64Array {
  const V = prepared.categories.length;
  const d = new Float64Array(V * V);
  for (let c = 0; c < V; c++)
    for (let k = 0; k < V; k++) {
      if (c === k) continue;
      if (prepared.metric === 'nominal') d[c * V + k] = 1;
      else if (prepared.metric === 'interval') {
        d[c * V + k] = (Number(prepared.categories[c]) - Number(prepared.categories[k])) ** 2;
      } else {
        let sum = 0;
        for (let g = Math.min(c, k); g <= Math.max(c, k); g++) sum += totals[g] as number;
        d[c * V + k] = (sum - ((totals[c] as number) + (totals[k] as number)) / 2) ** 2;
      }
    }
  return d;
}

/** The coincidence matrix of reliability data (rows: coders, columns: units; null = no value). */
export function coincidences(data: ReliabilityData): Map<Value, Map<Value, number>> {
  const prepared = prepareData(data, 'nominal');
  const o = new Map<Value, Map<Value, number>>();
  for (const unit of prepared.units) {
    const w = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++)
      for (let j = 0; j < unit.length; j++) {
        if (i === j) continue;
        const c = prepared.categories[unit[i] as number] as Value;
        const k = prepared.categories[unit[j] as number] as Value;
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
