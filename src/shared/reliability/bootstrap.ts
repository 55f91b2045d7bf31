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
 * interval on every machine: the figure in a paper can be reproduced.
 */
import { alphaOfPrepared, prepareData, type AlphaOptions, type Metric, type ReliabilityData } from './codingAlpha';

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
  const replicates = options.replicates ?? DEFAULT_REPLICATES;
  const seed = options.seed ?? DEFAULT_SEED;
  const prepared = prepareData(data, metric, options);
  const N = prepared.units.length;
  const base = { replicates, seed, method: 'percentile bootstrap over units' as const };
  if (N < 2) return { low: null, high: null, defined: 0, ...base };
  const random = seededRandom(seed);
  const pick = new Int32Array(N);
  const alphas: number[] = [];
  for (let r = 0; r < replicates; r++) {
    for (let i = 0; i < N; i++) pick[i] = Math.floor(random() * N);
    const a = alphaOfPrepared(prepared, pick).alpha;
    if (a !== null) alphas.push(a);
  }
  if (alphas.length === 0) return { low: null, high: null, defined: 0, ...base };
  alphas.sort((x, y) => x - y);
  return { low: quantile(alphas, 0.025), high: quantile(alphas, 0.975), defined: alphas.length, ...base };
}
