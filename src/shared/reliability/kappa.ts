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
  const pa = new Map<Value, number>();
  const pb = new Map<Value, number>();
  let agree = 0;
  let n = 0;
  const len = Math.max(a.length, b.length);
  for (let u = 0; u < len; u++) {
    const x = a[u];
    const y = b[u];
    if (x === null || x === undefined || y === null || y === undefined) continue;
    n++;
    if (x === y) agree++;
    pa.set(x, (pa.get(x) ?? 0) + 1);
    pb.set(y, (pb.get(y) ?? 0) + 1);
  }
  if (n === 0) return { kappa: null, units: 0, observedAgreement: 0, expectedAgreement: 0 };
  const po = agree / n;
  let pe = 0;
  for (const [c, count] of pa) pe += (count / n) * ((pb.get(c) ?? 0) / n);
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
  const index = new Map<Value, number>();
  const counts: number[][] = [];
  const unitCount = data.reduce((n, row) => Math.max(n, row.length), 0);
  for (let u = 0; u < unitCount; u++) {
    const values = data.map((row) => row[u]);
    if (values.some((v) => v === null || v === undefined)) continue;
    const row: number[] = [];
    for (const v of values as Value[]) {
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
  let units = 0;
  let agree = 0;
  const unitCount = data.reduce((n, row) => Math.max(n, row.length), 0);
  for (let u = 0; u < unitCount; u++) {
    const values = data.map((row) => row[u]);
    if (values.some((v) => v === null || v === undefined)) continue;
    units++;
    if (values.every((v) => v === values[0])) agree++;
  }
  return { agreement: units === 0 ? null : agree / units, units };
}
