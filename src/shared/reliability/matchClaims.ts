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
  const n = claims.length;
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
  claims.forEach((c, i) => byCoder[c.coder]?.push(i));
  const startOf = (i: number) => (claims[i] as Claim).start;
  for (const list of byCoder)
    if (list.some((i, x) => x > 0 && startOf(list[x - 1] as number) > startOf(i)))
      list.sort((i, j) => startOf(i) - startOf(j) || i - j);
  const used = new Uint8Array(n);
  for (let x = 0; x < coderCount; x++) {
    for (let y = x + 1; y < coderCount; y++) {
      const as = byCoder[x] as number[];
      const bs = byCoder[y] as number[];
      // the furthest end among y's claims so far: those before `lo` all end before a claim starts
      const reach = new Float64Array(bs.length);
      let far = -Infinity;
      bs.forEach((b, j) => (reach[j] = far = Math.max(far, (claims[b] as Claim).end)));
      const pairs: Array<{ a: number; b: number; overlap: number }> = [];
      let lo = 0;
      for (const a of as) {
        const ca = claims[a] as Claim;
        while (lo < bs.length && (reach[lo] as number) <= ca.start) lo++;
        for (let j = lo; j < bs.length; j++) {
          const b = bs[j] as number;
          const cb = claims[b] as Claim;
          if (cb.start >= ca.end) break;
          const overlap = spanOverlap(ca, cb);
          if (overlap > 0 && overlap >= threshold) pairs.push({ a, b, overlap });
        }
      }
      // largest overlap first; ties in reading order, so the result never depends on chance
      pairs.sort((p, q) => q.overlap - p.overlap || p.a - q.a || p.b - q.b);
      for (const i of as) used[i] = 0;
      for (const i of bs) used[i] = 0;
      for (const { a, b } of pairs) {
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
