/**
 * Krippendorff's alpha for reliability data: several coders each give (or do not give) a value
 * to each unit. Computed through the coincidence matrix (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"): every pair of values that two different coders gave to one
 * unit counts 1 / (m_u − 1), where m_u is the number of values the unit received; units with fewer
 * than two values are not pairable and are left out.
 *
 *   α = 1 − (n − 1) · Σ_ck o_ck δ²(c, k) / Σ_ck n_c n_k δ²(c, k)
 *
 * Values are kept in Maps keyed by the value itself, so any string a coder typed is a category.
 */

export type Metric = 'nominal' | 'interval';
export type Value = string | number;

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

function delta(metric: Metric, a: Value, b: Value): number {
  if (metric === 'nominal') return a === b ? 0 : 1;
  const d = Number(a) - Number(b);
  return d * d;
}

/** The coincidence matrix of reliability data (rows: coders, columns: units; null = no value). */
export function coincidences(
  data: ReadonlyArray<ReadonlyArray<Value | null | undefined>>,
): Map<Value, Map<Value, number>> {
  const o = new Map<Value, Map<Value, number>>();
  const unitCount = data.reduce((n, row) => Math.max(n, row.length), 0);
  for (let u = 0; u < unitCount; u++) {
    const values: Value[] = [];
    for (const row of data) {
      const v = row[u];
      if (v !== null && v !== undefined) values.push(v);
    }
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const c = values[i] as Value;
        const k = values[j] as Value;
        let row = o.get(c);
        if (!row) o.set(c, (row = new Map()));
        row.set(k, (row.get(k) ?? 0) + 1 / (m - 1));
      }
    }
  }
  return o;
}

export function krippendorffAlpha(
  data: ReadonlyArray<ReadonlyArray<Value | null | undefined>>,
  metric: Metric,
): AlphaResult {
  if (metric === 'interval') {
    for (const row of data)
      for (const v of row)
        if (v !== null && v !== undefined && !Number.isFinite(Number(v)))
          throw new RangeError(`An interval alpha needs numbers; “${String(v)}” is not one.`);
  }
  const o = coincidences(data);
  const totals = new Map<Value, number>();
  let n = 0;
  for (const [c, row] of o) {
    let nc = 0;
    for (const x of row.values()) nc += x;
    totals.set(c, nc);
    n += nc;
  }
  let units = 0;
  const unitCount = data.reduce((max, row) => Math.max(max, row.length), 0);
  for (let u = 0; u < unitCount; u++)
    if (data.filter((row) => row[u] !== null && row[u] !== undefined).length >= 2) units++;
  let observed = 0;
  for (const [c, row] of o) for (const [k, x] of row) observed += x * delta(metric, c, k);
  let expected = 0;
  const cats = [...totals.entries()];
  for (const [c, nc] of cats) for (const [k, nk] of cats) expected += nc * nk * delta(metric, c, k);
  const rounded = (x: number) => Math.round(x * 1e12) / 1e12;
  if (n < 2 || expected === 0)
    return { alpha: null, values: Math.round(n), units, observed: observed / Math.max(n, 1), expected: 0 };
  const alpha = 1 - ((n - 1) * observed) / expected;
  return {
    alpha: rounded(alpha),
    values: Math.round(n),
    units,
    observed: observed / n,
    expected: expected / (n * (n - 1)),
  };
}
