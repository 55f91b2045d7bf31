import { describe, expect, it } from 'vitest';
import { bootstrapAlpha, quantile, seededRandom } from './bootstrap';
import { krippendorffAlpha, type Metric, type Value } from './codingAlpha';
import { binomialFromUniform, logFactorial, multinomialCounts, multinomialPlan, plannedCounts } from './multinomial';

/** Two coders, 400 claims: the second agrees with the first about three times in four. */
function fixedData(): Value[][] {
  const random = seededRandom(4242);
  const a: Value[] = [];
  const b: Value[] = [];
  for (let u = 0; u < 400; u++) {
    const v = Math.floor(random() * 4) - 1;
    a.push(v);
    b.push(random() < 0.75 ? v : Math.floor(random() * 4) - 1);
  }
  return [a, b];
}

/** The slow reference: each replicate picks every unit with its own uniform (the old bootstrap). */
function slowBootstrap(data: Value[][], metric: Metric, replicates: number, seed: number) {
  const random = seededRandom(seed);
  const units = (data[0] ?? []).map((_, i) => i);
  const alphas: number[] = [];
  for (let r = 0; r < replicates; r++) {
    const draw = units.map(() => units[Math.floor(random() * units.length)] as number);
    const a = krippendorffAlpha(
      data.map((row) => draw.map((i) => row[i] ?? null)),
      metric,
    ).alpha;
    if (a !== null) alphas.push(a);
  }
  alphas.sort((p, q) => p - q);
  return { low: quantile(alphas, 0.025), high: quantile(alphas, 0.975) };
}

describe('the bootstrap drawn as pattern counts', () => {
  const data = fixedData();

  it('agrees with picking the units one by one, holds alpha, and is reproducible for a seed', () => {
    for (const metric of ['nominal', 'interval'] as const) {
      const alpha = krippendorffAlpha(data, metric).alpha as number;
      const fast = bootstrapAlpha(data, metric, { seed: 11 });
      expect(fast).toEqual(bootstrapAlpha(data, metric, { seed: 11 }));
      expect(fast.defined).toBe(1000);
      expect(fast.low as number).toBeLessThan(alpha);
      expect(fast.high as number).toBeGreaterThan(alpha);
      const slow = slowBootstrap(data, metric, 1000, 11);
      // two seeded bootstraps of the same data: their percentiles differ by Monte-Carlo noise only
      expect(Math.abs((fast.low as number) - slow.low)).toBeLessThan(0.02);
      expect(Math.abs((fast.high as number) - slow.high)).toBeLessThan(0.02);
    }
  });

  it('draws binomial counts with the right mean and spread, and multinomial counts that add up', () => {
    expect(logFactorial(300)).toBeCloseTo(
      Array.from({ length: 300 }, (_, i) => Math.log(i + 1)).reduce((s, x) => s + x, 0),
      9,
    );
    const random = seededRandom(5);
    const n = 5000;
    const p = 0.3;
    let sum = 0;
    let squares = 0;
    const draws = 4000;
    for (let i = 0; i < draws; i++) {
      const x = binomialFromUniform(n, p, random());
      expect(Number.isInteger(x) && x >= 0 && x <= n).toBe(true);
      sum += x;
      squares += x * x;
    }
    const mean = sum / draws;
    const variance = squares / draws - mean * mean;
    expect(Math.abs(mean - n * p)).toBeLessThan(2);
    expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.9);
    expect(variance / (n * p * (1 - p))).toBeLessThan(1.1);
    expect([
      binomialFromUniform(10, 0, 0.5),
      binomialFromUniform(10, 1, 0.5),
      binomialFromUniform(0, 0.5, 0.5),
    ]).toEqual([0, 10, 0]);
    const counts = new Float64Array(3);
    multinomialCounts([5, 1, 994], 1000, random, counts);
    expect(counts.reduce((s, x) => s + x, 0)).toBe(1000);
  });
});

describe('a multinomial plan (the probabilities taken once for every draw)', () => {
  it('gives the counts multinomialCounts gives, from the same uniforms', () => {
    const random = seededRandom(12);
    for (let trial = 0; trial < 200; trial++) {
      const P = 1 + Math.floor(random() * 12);
      const frequencies = Array.from({ length: P }, () => 1 + Math.floor(random() * (trial % 2 ? 5 : 3000)));
      const n = frequencies.reduce((s, f) => s + f, 0);
      const plan = multinomialPlan(frequencies, n);
      const seed = Math.floor(random() * 2 ** 32);
      const one = seededRandom(seed);
      const other = seededRandom(seed);
      const want = new Float64Array(P);
      const got = new Float64Array(P);
      for (let draw = 0; draw < 20; draw++) {
        multinomialCounts(frequencies, n, one, want);
        plannedCounts(plan, other, got);
        expect(got).toEqual(want);
      }
      // the same uniforms taken: the generators are where they were
      expect(other()).toBe(one());
    }
  });
});
