/**
 * Chance-corrected agreement of coders on units they all coded: Cohen's kappa (two coders,
 * Cohen 1960), Fleiss' kappa (any fixed number of coders, Fleiss 1971), and plain percent
 * agreement. Categories are Map keys, so any value a coder gave is a category.
 */
import type { Value } from './codingAlpha';

export interface KappaResult {
  kappa: number | null;
  /** units that entered the figure */
  units: number;
  observedAgreement: number;
  expectedAgreement: number;
}

/** Cohen's kappa of two coders' values for the same units (pairs where either is missing are left out). */
export function cohenKappa(
  a: ReadonlyArray<Value | null | undefined>,
  b: ReadonlyArray<Value | null | undefined>,
): KappaResult {
  const [x, y] = numbered([a, b]).rows;
  return cohenKappaCoded(x as Int32Array, y as Int32Array);
}

/**
 * Reliability data numbered: rows[coder][unit] is the value's index (one Map over all coders:
 * equal values get one index, in the order they come, coder after coder), −1 where there is none;
 * `given` the values by index and `count` how many.
 */
export function numbered(data: ReadonlyArray<ReadonlyArray<Value | null | undefined>>): {
  rows: Int32Array[];
  given: Value[];
  count: number;
} {
  const ids = new Map<Value, number>();
  const given: Value[] = [];
  const unitCount = data.reduce((n, row) => Math.max(n, row.length), 0);
  const rows = data.map((row) => {
    const out = new Int32Array(unitCount).fill(-1);
    row.forEach((v, u) => {
      if (v === null || v === undefined) return;
      let id = ids.get(v);
      if (id === undefined) ids.set(v, (id = given.push(v) - 1));
      out[u] = id;
    });
    return out;
  });
  return { rows, given, count: given.length };
}

/** cohenKappa of numbered values (−1: none; equal indices are equal values). */
export function cohenKappaCoded(a: ArrayLike<number>, b: ArrayLike<number>): KappaResult {
  let top = 0;
  for (let u = 0; u < a.length; u++) top = Math.max(top, (a[u] as number) + 1);
  for (let u = 0; u < b.length; u++) top = Math.max(top, (b[u] as number) + 1);
  const pa = new Float64Array(top);
  const pb = new Float64Array(top);
  // a's categories in order of first appearance (the order the expected agreement is summed in)
  const order: number[] = [];
  let agree = 0;
  let n = 0;
  const len = Math.max(a.length, b.length);
  for (let u = 0; u < len; u++) {
    const x = u < a.length ? (a[u] as number) : -1;
    const y = u < b.length ? (b[u] as number) : -1;
    if (x < 0 || y < 0) continue;
    n++;
    if (x === y) agree++;
    if (pa[x] === 0) order.push(x);
    pa[x] = (pa[x] as number) + 1;
    pb[y] = (pb[y] as number) + 1;
  }
  if (n === 0) return { kappa: null, units: 0, observedAgreement: 0, expectedAgreement: 0 };
  const po = agree / n;
  let pe = 0;
  for (const c of order) pe += ((pa[c] as number) / n) * ((pb[c] as number) / n);
  return { kappa: pe === 1 ? null : (po - pe) / (1 - pe), units: n, observedAgreement: po, expectedAgreement: pe };
}

/**
 * Fleiss' kappa from a table of counts: counts[i][j] coders who put unit i in category j, the
 * same number of coders for every unit.
 */
export function fleissKappaFromCounts(counts: ReadonlyArray<ReadonlyArray<number>>): KappaResult {
  const units = counts.length;
  if (units === 0) return { kappa: null, units: 0, observedAgreement: 0, expectedAgreement: 0 };
  const raters = (counts[0] ?? []).reduce((s, x) => s + x, 0);
  if (raters < 2) return { kappa: null, units, observedAgreement: 0, expectedAgreement: 0 };
  const categories = counts.reduce((m, row) => Math.max(m, row.length), 0);
  const columnTotals = new Array<number>(categories).fill(0);
  let pBar = 0;
  for (const row of counts) {
    const total = row.reduce((s, x) => s + x, 0);
    if (total !== raters) throw new RangeError('Fleiss’ kappa needs the same number of coders for every unit.');
    let sq = 0;
    row.forEach((x, j) => {
      sq += x * x;
      columnTotals[j] = (columnTotals[j] ?? 0) + x;
    });
    pBar += (sq - raters) / (raters * (raters - 1));
  }
  pBar /= units;
  let pe = 0;
  for (const t of columnTotals) pe += (t / (units * raters)) ** 2;
  return { kappa: pe === 1 ? null : (pBar - pe) / (1 - pe), units, observedAgreement: pBar, expectedAgreement: pe };
}

/** Fleiss' kappa of reliability data (rows: coders, columns: units): only units every coder coded enter. */
export function fleissKappa(data: ReadonlyArray<ReadonlyArray<Value | null | undefined>>): KappaResult {
  return fleissKappaCoded(numbered(data).rows);
}

/** fleissKappa of numbered values (−1: none). */
export function fleissKappaCoded(rows: ReadonlyArray<ArrayLike<number>>): KappaResult {
  const index = new Map<number, number>();
  const counts: number[][] = [];
  const unitCount = rows.reduce((n, row) => Math.max(n, row.length), 0);
  const at = (row: ArrayLike<number>, u: number) => (u < row.length ? (row[u] as number) : -1);
  for (let u = 0; u < unitCount; u++) {
    if (rows.some((row) => at(row, u) < 0)) continue;
    const row: number[] = [];
    for (const r of rows) {
      const v = at(r, u);
      let j = index.get(v);
      if (j === undefined) index.set(v, (j = index.size));
      row[j] = (row[j] ?? 0) + 1;
    }
    counts.push(row);
  }
  const width = index.size;
  return fleissKappaFromCounts(counts.map((row) => Array.from({ length: width }, (_, j) => row[j] ?? 0)));
}

/** Share of units, among those every coder coded, on which all coders gave the same value. */
export function percentAgreement(data: ReadonlyArray<ReadonlyArray<Value | null | undefined>>): {
  agreement: number | null;
  units: number;
} {
  return percentAgreementCoded(numbered(data).rows);
}

/** percentAgreement of numbered values (−1: none). */
export function percentAgreementCoded(rows: ReadonlyArray<ArrayLike<number>>): {
  agreement: number | null;
  units: number;
} {
  let units = 0;
  let agree = 0;
  const unitCount = rows.reduce((n, row) => Math.max(n, row.length), 0);
  for (let u = 0; u < unitCount; u++) {
    let first = -2;
    let all = true;
    let same = true;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r] as ArrayLike<number>;
      const v = u < row.length ? (row[u] as number) : -1;
      if (v < 0) {
        all = false;
        break;
      }
      if (first === -2) first = v;
      else if (v !== first) same = false;
    }
    if (!all) continue;
    units++;
    if (same) agree++;
  }
  return { agreement: units === 0 ? null : agree / units, units };
}
