/**
 * Seeded binomial and multinomial draws for the bootstrap (bootstrap.ts): drawing n units with
 * replacement out of T patterns, of which pattern p holds f_p units, gives counts that are
 * multinomial(n; f_p / n). They are drawn as T conditional binomials (count_p ~ Bin(n left,
 * f_p / units left)), each by inversion searched outwards from its mode, so a draw costs about
 * T · √(n p q) steps instead of n.
 *
 * The binomial search is exact: the outcomes are taken in the order m, m − 1, m + 1, m − 2, …
 * (m the mode), and the first whose cumulative probability passes the uniform is returned, which is
 * inversion under another ordering of the outcomes. The probabilities come from log-factorials and
 * the ratio recurrences, exact to about 1e−12.
 */

const LOG_FACTORIALS = (() => {
  const table = new Float64Array(256);
  for (let k = 1; k < 256; k++) table[k] = (table[k - 1] as number) + Math.log(k);
  return table;
})();

/** ln k! by Stirling's series (its error is below 1e−16 from 256 on). */
function stirling(k: number): number {
  const inv = 1 / k;
  const inv2 = inv * inv;
  return k * Math.log(k) - k + 0.5 * Math.log(2 * Math.PI * k) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260)));
}

/**
 * Stirling's series of each whole k from 256 on, as met (NaN: not yet): a bootstrap's thousands of
 * binomial draws take three of them each, two logarithms apiece, over the same few thousand k.
 * Each entry is what stirling(k) gives, so a look-up equals the computation; kept for the process
 * (a table of numbers, the same for every data), up to STIRLING_KEPT entries.
 */
const STIRLING_KEPT = 1 << 20;
let stirlingTable = new Float64Array(0);

/** ln k! (a table below 256, Stirling's series above: its error is below 1e−16 there). */
export function logFactorial(k: number): number {
  if (k < 256) return LOG_FACTORIALS[k] as number;
  if (!Number.isInteger(k) || k >= STIRLING_KEPT) return stirling(k);
  if (k >= stirlingTable.length) {
    const grown = new Float64Array(Math.min(STIRLING_KEPT, Math.max(k + 1, 2 * stirlingTable.length))).fill(NaN);
    grown.set(stirlingTable);
    stirlingTable = grown;
  }
  let x = stirlingTable[k] as number;
  if (x !== x) stirlingTable[k] = x = stirling(k);
  return x;
}

/** One draw of Bin(n, p) from a uniform u in [0, 1). */
export function binomialFromUniform(n: number, p: number, u: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const q = 1 - p;
  return binomialOf(n, p, Math.log(p), Math.log(q), p / q, q / p, u);
}

/**
 * binomialFromUniform for 0 < p < 1, given what depends on p alone (ln p, ln q, p / q, q / p, as
 * it computes them): a bootstrap draws from the same p a thousand times (multinomialPlan).
 */
function binomialOf(n: number, p: number, logP: number, logQ: number, up: number, down: number, u: number): number {
  if (n <= 0) return 0;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const atMode = Math.exp(
    logFactorial(n) - logFactorial(mode) - logFactorial(n - mode) + mode * logP + (n - mode) * logQ,
  );
  let left = u - atMode;
  if (left < 0) return mode;
  let lo = mode;
  let hi = mode;
  let pLo = atMode;
  let pHi = atMode;
  while (lo > 0 || hi < n) {
    if (lo > 0) {
      pLo *= (lo / (n - lo + 1)) * down;
      lo--;
      left -= pLo;
      if (left < 0) return lo;
    }
    if (hi < n) {
      pHi *= ((n - hi) / (hi + 1)) * up;
      hi++;
      left -= pHi;
      if (left < 0) return hi;
    }
  }
  // the probabilities summed a rounding short of u: the mode is the likeliest outcome
  return mode;
}

/**
 * What the conditional binomials of multinomialCounts(frequencies, n, …) take of their
 * probabilities, the same on every draw (pattern p's is f_p / units left, whatever the counts
 * drawn before it): each p and what binomialFromUniform computes of it, computed once.
 */
export interface MultinomialPlan {
  frequencies: ArrayLike<number>;
  n: number;
  p: Float64Array;
  logP: Float64Array;
  logQ: Float64Array;
  up: Float64Array;
  down: Float64Array;
}

export function multinomialPlan(frequencies: ArrayLike<number>, n: number): MultinomialPlan {
  const P = Math.max(0, frequencies.length - 1);
  const plan = {
    frequencies,
    n,
    p: new Float64Array(P),
    logP: new Float64Array(P),
    logQ: new Float64Array(P),
    up: new Float64Array(P),
    down: new Float64Array(P),
  };
  let units = n;
  for (let x = 0; x < P; x++) {
    const f = frequencies[x] as number;
    const p = f / units;
    plan.p[x] = p;
    if (p > 0 && p < 1) {
      const q = 1 - p;
      plan.logP[x] = Math.log(p);
      plan.logQ[x] = Math.log(q);
      plan.up[x] = p / q;
      plan.down[x] = q / p;
    }
    units -= f;
  }
  return plan;
}

/** multinomialCounts(plan.frequencies, plan.n, random, counts), from the plan: the same counts from the same uniforms. */
export function plannedCounts(plan: MultinomialPlan, random: () => number, counts: Float64Array): void {
  const { p: probability, logP, logQ, up, down } = plan;
  let draws = plan.n;
  const last = plan.frequencies.length - 1;
  for (let x = 0; x < last; x++) {
    let c = 0;
    if (draws > 0) {
      const u = random();
      const p = probability[x] as number;
      c =
        p > 0 && p < 1
          ? binomialOf(draws, p, logP[x] as number, logQ[x] as number, up[x] as number, down[x] as number, u)
          : binomialFromUniform(draws, p, u);
    }
    counts[x] = c;
    draws -= c;
  }
  if (last >= 0) counts[last] = draws;
}

/**
 * The counts of `n` draws with replacement from the patterns, pattern p holding `frequencies[p]`
 * of `n` units (frequencies sum to n), written into `counts`; `random` gives uniforms in [0, 1).
 */
export function multinomialCounts(
  frequencies: ArrayLike<number>,
  n: number,
  random: () => number,
  counts: Float64Array,
): void {
  let draws = n;
  let units = n;
  const last = frequencies.length - 1;
  for (let p = 0; p < last; p++) {
    const f = frequencies[p] as number;
    const c = draws > 0 ? binomialFromUniform(draws, f / units, random()) : 0;
    counts[p] = c;
    draws -= c;
    units -= f;
  }
  if (last >= 0) counts[last] = draws;
}
