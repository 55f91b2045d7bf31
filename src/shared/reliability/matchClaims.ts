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
 * (claims are given in reading order); claims in no set are left out.
 */
export function matchClaims(claims: readonly Claim[], coderCount: number, threshold: number): number[][] {
  const parent = claims.map((_, i) => i);
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
  for (let x = 0; x < coderCount; x++) {
    for (let y = x + 1; y < coderCount; y++) {
      const pairs: Array<{ a: number; b: number; overlap: number }> = [];
      for (const a of byCoder[x] as number[])
        for (const b of byCoder[y] as number[]) {
          const overlap = spanOverlap(claims[a] as Claim, claims[b] as Claim);
          if (overlap > 0 && overlap >= threshold) pairs.push({ a, b, overlap });
        }
      // largest overlap first; ties in reading order, so the result never depends on chance
      pairs.sort((p, q) => q.overlap - p.overlap || p.a - q.a || p.b - q.b);
      const usedA = new Set<number>();
      const usedB = new Set<number>();
      for (const { a, b } of pairs) {
        if (usedA.has(a) || usedB.has(b)) continue;
        usedA.add(a);
        usedB.add(b);
        parent[find(a)] = find(b);
      }
    }
  }
  const groups = new Map<number, number[]>();
  claims.forEach((_, i) => {
    const root = find(i);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = []));
    group.push(i);
  });
  return [...groups.values()].filter((g) => g.length > 1).sort((g, h) => (g[0] as number) - (h[0] as number));
}
