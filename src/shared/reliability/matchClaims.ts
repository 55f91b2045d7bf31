/**
 * Matching claims between coders (the rule documented in src/shared/api/agreement.ts): for each
 * pair of coders, their spans in one document are paired greedily by the largest overlap
 * (|intersection| / |union| of the code-point spans), pairs below the threshold left out, each
 * span used at most once per pair of coders; the matched sets are the connected groups of pairs.
 */

export interface Claim {
  /** index of the claim's coder in the coder list */
  coder: number;
  start: number;
  end: number;
}

/** |intersection| / |union| of two spans (0 when they do not overlap). */
export function spanOverlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  return inter / (a.end - a.start + (b.end - b.start) - inter);
}

/**
 * The matched sets of one document's claims, each a list of claim indices in reading order
 * (claims are given in reading order); claims in no set are left out. The overlapping pairs of two
 * coders are found by one sweep over their claims sorted by start (a claim is compared only with
 * the other coder's claims that reach it), not by comparing every pair.
 */
export function matchClaims(claims: readonly Claim[], coderCount: number, threshold: number): number[][] {
  return matchSpans(
    claims.map((c) => c.coder),
    claims.map((c) => c.start),
    claims.map((c) => c.end),
    coderCount,
    threshold,
  );
}

/** matchClaims of claims given as parallel arrays (claim i: coder[i], start[i], end[i]), so no object is made per claim. */
export function matchSpans(
  coder: ArrayLike<number>,
  start: ArrayLike<number>,
  end: ArrayLike<number>,
  coderCount: number,
  threshold: number,
): number[][] {
  const n = coder.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const up = parent[parent[i] as number] as number;
      parent[i] = up;
      i = up;
    }
    return i;
  };
  const byCoder: number[][] = Array.from({ length: coderCount }, () => []);
  for (let i = 0; i < n; i++) byCoder[coder[i] as number]?.push(i);
  const startOf = (i: number) => start[i] as number;
  for (const list of byCoder)
    if (list.some((i, x) => x > 0 && startOf(list[x - 1] as number) > startOf(i)))
      list.sort((i, j) => startOf(i) - startOf(j) || i - j);
  const used = new Uint8Array(n);
  // the pairs above the threshold of two coders: claims pairA[p], pairB[p], overlap pairOverlap[p]
  const pairA: number[] = [];
  const pairB: number[] = [];
  const pairOverlap: number[] = [];
  for (let x = 0; x < coderCount; x++) {
    for (let y = x + 1; y < coderCount; y++) {
      const as = byCoder[x] as number[];
      const bs = byCoder[y] as number[];
      // the furthest end among y's claims so far: those before `lo` all end before a claim starts
      const reach = new Float64Array(bs.length);
      let far = -Infinity;
      for (let j = 0; j < bs.length; j++) reach[j] = far = Math.max(far, end[bs[j] as number] as number);
      pairA.length = 0;
      pairB.length = 0;
      pairOverlap.length = 0;
      let lo = 0;
      let ordered = true;
      for (const a of as) {
        const sa = start[a] as number;
        const ea = end[a] as number;
        while (lo < bs.length && (reach[lo] as number) <= sa) lo++;
        for (let j = lo; j < bs.length; j++) {
          const b = bs[j] as number;
          const sb = start[b] as number;
          if (sb >= ea) break;
          const eb = end[b] as number;
          const inter = Math.min(ea, eb) - Math.max(sa, sb);
          if (inter <= 0) continue;
          const overlap = inter / (ea - sa + (eb - sb) - inter);
          if (overlap < threshold) continue;
          const p = pairA.length;
          if (p > 0 && ((pairA[p - 1] as number) > a || (pairA[p - 1] === a && (pairB[p - 1] as number) > b)))
            ordered = false;
          pairA.push(a);
          pairB.push(b);
          pairOverlap.push(overlap);
        }
      }
      // largest overlap first; ties in reading order, so the result never depends on chance. When
      // the pairs came in reading order (the claims were), the pairs of equal spans (overlap 1, the
      // largest there is) are first as they came, and only the others are sorted.
      const byOverlap = (p: number, q: number) =>
        (pairOverlap[q] as number) - (pairOverlap[p] as number) ||
        (pairA[p] as number) - (pairA[q] as number) ||
        (pairB[p] as number) - (pairB[q] as number);
      let order: number[];
      if (ordered) {
        order = [];
        const rest: number[] = [];
        for (let p = 0; p < pairA.length; p++) (pairOverlap[p] === 1 ? order : rest).push(p);
        for (const p of rest.sort(byOverlap)) order.push(p);
      } else order = Array.from({ length: pairA.length }, (_, p) => p).sort(byOverlap);
      for (const i of as) used[i] = 0;
      for (const i of bs) used[i] = 0;
      for (const p of order) {
        const a = pairA[p] as number;
        const b = pairB[p] as number;
        if (used[a] === 1 || used[b] === 1) continue;
        used[a] = 1;
        used[b] = 1;
        parent[find(a)] = find(b);
      }
    }
  }
  // the groups in order of their first claim, each in claim order
  const groupOf = new Int32Array(n).fill(-1);
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const root = find(i);
    size[root] = (size[root] as number) + 1;
  }
  const groups: number[][] = [];
  for (let i = 0; i < n; i++) {
    const root = find(i);
    if ((size[root] as number) < 2) continue;
    let g = groupOf[root] as number;
    if (g === -1) {
      g = groupOf[root] = groups.length;
      groups.push([]);
    }
    (groups[g] as number[]).push(i);
  }
  return groups;
}
