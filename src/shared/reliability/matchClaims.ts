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
  const matcher = new SpanMatcher(coder, start, end, coderCount, threshold);
  matcher.match(0, n);
  const { members, from } = matcher.sets();
  return Array.from({ length: from.length - 1 }, (_, g) => Array.from(members.subarray(from[g], from[g + 1])));
}

/**
 * matchSpans over ranges of one list of claims (a document's claims each, one after another),
 * with its working arrays made once for the whole list instead of once per range. `match(lo, hi)`
 * adds the matched sets of claims lo … hi − 1 (given in reading order), as matchSpans of those
 * claims alone gives them, to the sets so far (`sets()`: set s holds the claims members[from[s]]
 * … members[from[s + 1] − 1]; a claim is in one set at most, so the arrays are made once).
 */
export class SpanMatcher {
  private readonly parent: Int32Array;
  private readonly used: Uint8Array;
  private readonly group: Int32Array;
  private readonly byCoder: Int32Array;
  private readonly coderFrom: Int32Array;
  private readonly next: Int32Array;
  private readonly reach: Float64Array;
  private pairA = new Int32Array(64);
  private pairB = new Int32Array(64);
  private pairOverlap = new Float64Array(64);
  private order = new Int32Array(64);
  private readonly members: Int32Array;
  private readonly from: Int32Array;
  private memberCount = 0;
  private setCount = 0;

  constructor(
    private readonly coder: ArrayLike<number>,
    private readonly start: ArrayLike<number>,
    private readonly end: ArrayLike<number>,
    private readonly coderCount: number,
    private readonly threshold: number,
  ) {
    const n = coder.length;
    this.parent = new Int32Array(n);
    this.used = new Uint8Array(n);
    this.group = new Int32Array(n);
    this.byCoder = new Int32Array(n);
    this.coderFrom = new Int32Array(coderCount + 1);
    this.next = new Int32Array(coderCount);
    this.reach = new Float64Array(n);
    this.members = new Int32Array(n);
    // (a set holds two claims at least)
    this.from = new Int32Array(Math.floor(n / 2) + 1);
  }

  /** The matched sets so far (views of the matcher's arrays: another match adds to them). */
  sets(): { members: Int32Array; from: Int32Array } {
    return {
      members: this.members.subarray(0, this.memberCount),
      from: this.from.subarray(0, this.setCount + 1),
    };
  }

  private find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      const up = parent[parent[i] as number] as number;
      parent[i] = up;
      i = up;
    }
    return i;
  }

  /** room for `need` pairs (the pair arrays grown, their contents kept) */
  private pairRoom(need: number): void {
    if (need <= this.pairA.length) return;
    const size = Math.max(need, 2 * this.pairA.length);
    const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.pairA = grow(this.pairA, new Int32Array(size));
    this.pairB = grow(this.pairB, new Int32Array(size));
    this.pairOverlap = grow(this.pairOverlap, new Float64Array(size));
    this.order = new Int32Array(size);
  }

  match(lo: number, hi: number): void {
    const { coder, start, end, coderCount, threshold, parent, used, byCoder, coderFrom, reach } = this;
    for (let i = lo; i < hi; i++) parent[i] = i;
    // each coder's claims (a counting sort: in claim order), sorted by start when they are not
    coderFrom.fill(0);
    for (let i = lo; i < hi; i++) {
      const c = coder[i] as number;
      if (c >= 0 && c < coderCount) coderFrom[c + 1] = (coderFrom[c + 1] as number) + 1;
    }
    for (let c = 0; c < coderCount; c++) coderFrom[c + 1] = (coderFrom[c + 1] as number) + (coderFrom[c] as number);
    const next = this.next;
    for (let c = 0; c < coderCount; c++) next[c] = lo + (coderFrom[c] as number);
    for (let i = lo; i < hi; i++) {
      const c = coder[i] as number;
      if (c < 0 || c >= coderCount) continue;
      byCoder[next[c] as number] = i;
      next[c] = (next[c] as number) + 1;
    }
    const startOf = (i: number) => start[i] as number;
    for (let c = 0; c < coderCount; c++) {
      const list = byCoder.subarray(lo + (coderFrom[c] as number), lo + (coderFrom[c + 1] as number));
      let sorted = true;
      for (let x = 1; x < list.length && sorted; x++)
        if (startOf(list[x - 1] as number) > startOf(list[x] as number)) sorted = false;
      if (!sorted) list.sort((i, j) => startOf(i) - startOf(j) || i - j);
    }
    for (let x = 0; x < coderCount; x++) {
      for (let y = x + 1; y < coderCount; y++) {
        const aFrom = lo + (coderFrom[x] as number);
        const aTo = lo + (coderFrom[x + 1] as number);
        const bFrom = lo + (coderFrom[y] as number);
        const bTo = lo + (coderFrom[y + 1] as number);
        // the furthest end among y's claims so far: those before `b` all end before a claim starts
        let far = -Infinity;
        for (let j = bFrom; j < bTo; j++) reach[j] = far = Math.max(far, end[byCoder[j] as number] as number);
        // the pairs above the threshold of the two coders: claims pairA[p], pairB[p], overlap pairOverlap[p]
        let pairs = 0;
        let b0 = bFrom;
        let ordered = true;
        for (let ia = aFrom; ia < aTo; ia++) {
          const a = byCoder[ia] as number;
          const sa = start[a] as number;
          const ea = end[a] as number;
          while (b0 < bTo && (reach[b0] as number) <= sa) b0++;
          for (let j = b0; j < bTo; j++) {
            const b = byCoder[j] as number;
            const sb = start[b] as number;
            if (sb >= ea) break;
            const eb = end[b] as number;
            const inter = Math.min(ea, eb) - Math.max(sa, sb);
            if (inter <= 0) continue;
            const overlap = inter / (ea - sa + (eb - sb) - inter);
            if (overlap < threshold) continue;
            this.pairRoom(pairs + 1);
            const { pairA, pairB } = this;
            if (
              pairs > 0 &&
              ((pairA[pairs - 1] as number) > a || (pairA[pairs - 1] === a && (pairB[pairs - 1] as number) > b))
            )
              ordered = false;
            pairA[pairs] = a;
            pairB[pairs] = b;
            this.pairOverlap[pairs++] = overlap;
          }
        }
        const { pairA, pairB, pairOverlap, order } = this;
        // largest overlap first; ties in reading order, so the result never depends on chance. When
        // the pairs came in reading order (the claims were), the pairs of equal spans (overlap 1, the
        // largest there is) are first as they came, and only the others are sorted.
        const byOverlap = (p: number, q: number) =>
          (pairOverlap[q] as number) - (pairOverlap[p] as number) ||
          (pairA[p] as number) - (pairA[q] as number) ||
          (pairB[p] as number) - (pairB[q] as number);
        let equal = 0;
        if (ordered) {
          for (let p = 0; p < pairs; p++) if (pairOverlap[p] === 1) order[equal++] = p;
          let rest = equal;
          for (let p = 0; p < pairs; p++) if (pairOverlap[p] !== 1) order[rest++] = p;
        } else for (let p = 0; p < pairs; p++) order[p] = p;
        if (pairs - equal > 1) order.subarray(equal, pairs).sort(byOverlap);
        for (let j = aFrom; j < aTo; j++) used[byCoder[j] as number] = 0;
        for (let j = bFrom; j < bTo; j++) used[byCoder[j] as number] = 0;
        for (let k = 0; k < pairs; k++) {
          const p = order[k] as number;
          const a = pairA[p] as number;
          const b = pairB[p] as number;
          if (used[a] === 1 || used[b] === 1) continue;
          used[a] = 1;
          used[b] = 1;
          parent[this.find(a)] = this.find(b);
        }
      }
    }
    // the groups in order of their first claim, each in claim order: each root's size, then its
    // group's place among the members (a counting sort of the claims by group); the pairing done,
    // `byCoder` holds each claim's root and `reach` the sizes
    const group = this.group;
    const rootOf = byCoder;
    const size = reach;
    for (let i = lo; i < hi; i++) size[i] = 0;
    for (let i = lo; i < hi; i++) {
      const root = this.find(i);
      rootOf[i] = root;
      size[root] = (size[root] as number) + 1;
    }
    for (let i = lo; i < hi; i++) group[i] = -1;
    const { members, from } = this;
    let at = this.memberCount;
    for (let i = lo; i < hi; i++) {
      const root = rootOf[i] as number;
      if ((size[root] as number) < 2 || group[root] !== -1) continue;
      // the group's first claim: its members go at `at` … at + size − 1
      group[root] = at;
      at += size[root] as number;
      from[++this.setCount] = at;
    }
    this.memberCount = at;
    for (let i = lo; i < hi; i++) {
      const root = rootOf[i] as number;
      if ((size[root] as number) < 2) continue;
      members[group[root] as number] = i;
      group[root] = (group[root] as number) + 1;
    }
  }
}
