/**
 * Actor networks as the Discourse Network Analyzer (DNA 3, Leifeld) defines them, computed from
 * claim records. A claim with several codes is one DNA statement per code (actor = claimant,
 * concept = code, qualifier = position −1/0/+1, an integer qualifier in DNA's terms).
 *
 * Let a[i][j][q] be the number of statements of actor i on concept j with position q.
 *
 * Two-mode (actor × concept), qualifier aggregation:
 *  - ignore:   w(i,j) = Σ_q a[i][j][q] (claims without a position count too);
 *  - subtract: w(i,j) = Σ_q q·a[i][j][q] (DNA's integer rule: negative levels subtract |q|·count);
 *  - combine:  w(i,j) = the count, and `combination` says which positions occur: agreement (only
 *    +1), disagreement (only −1), neutral (only 0), mixed (more than one). DNA encodes the
 *    combination as an integer rank instead; the label is the same information, readable.
 *
 * One-mode (actor × actor), over positioned statements, with d(q1,q2) = |q1 − q2| / range and
 * range = 2 (the scale −1…+1; DNA takes the range of the values present, which is 2 whenever
 * both +1 and −1 occur, and divides by zero when only one value does):
 *  - congruence: w(i1,i2) = Σ_j Σ_q1 Σ_q2 a[i1][j][q1]·a[i2][j][q2]·(1 − d(q1,q2))
 *  - conflict:   the same with d(q1,q2) instead of 1 − d;
 *  - subtract:   congruence − conflict.
 *  So equal positions on a code count fully to congruence, opposite ones fully to conflict, and a
 *  neutral 0 against ±1 half to each, as in DNA.
 * Normalisation (one-mode only), with c_i = Σ_j Σ_q a[i][j][q]:
 *  - none:    w;
 *  - average: w / ((c1 + c2) / 2);
 *  - jaccard: w / (m10 + m01 + m11), m10 = Σ of a[i1][j][q] over cells where a[i2][j][q] = 0,
 *             m01 the same the other way, m11 = Σ a[i1][j][q]·a[i2][j][q] over cells both use;
 *  - cosine:  w / (c1 · c2) (DNA's formula: √(c1²)·√(c2²));
 *  a zero denominator gives 0. An edge is kept when its weight is not 0.
 *
 * Directed networks from the claim fields: claimant → addressee and claimant → object actor, one
 * edge per ordered pair, weight = the number of claims (a claim counts once, whatever its codes).
 *
 * An edge's `position` is the mean position of the claims it rests on (null when none has one,
 * and in one-mode networks); its `claims` are the claims it rests on (one-mode: the statements of
 * both actors on the codes they share).
 */
import { addDays } from './dates';
import { claimDateOf, type DateField } from './filter';
import type { ActorRef, ClaimRecord } from './records';

export const NETWORK_TYPES = ['twoMode', 'congruence', 'conflict', 'subtract', 'addressee', 'objectActor'] as const;
export type NetworkType = (typeof NETWORK_TYPES)[number];
export const ONE_MODE_TYPES: readonly NetworkType[] = ['congruence', 'conflict', 'subtract'];
export const NORMALIZATIONS = ['none', 'average', 'jaccard', 'cosine'] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];
export const TWO_MODE_AGGREGATIONS = ['ignore', 'combine', 'subtract'] as const;
export type TwoModeAggregation = (typeof TWO_MODE_AGGREGATIONS)[number];
export type Combination = 'agreement' | 'disagreement' | 'neutral' | 'mixed' | 'none';

/** The position scale's range (max − min of −1…+1). */
export const POSITION_RANGE = 2;

export interface CodeInfo {
  id: string;
  name: string;
  nameAr: string;
  parentId: string | null;
}

export interface NetworkOptions {
  type: NetworkType;
  normalization?: Normalization;
  aggregation?: TwoModeAggregation;
  /** inclusive dates; claims outside (or without a date, when either is set) are left out */
  from?: string;
  to?: string;
  dateField?: DateField;
  /** the concepts: only these codes count (the filter's code scope); null or absent: every code */
  codes?: ReadonlySet<string> | null;
}

export interface NetworkNode {
  id: string;
  kind: 'actor' | 'code';
  name: string;
  nameAr: string;
  nameLatin: string;
  type: string;
  affiliation: string;
  country: string;
  /** the claims of the network this node takes part in */
  claims: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  weight: number;
  position: number | null;
  combination: Combination | null;
  claims: number;
}

export interface Network {
  type: NetworkType;
  directed: boolean;
  normalization: Normalization;
  aggregation: TwoModeAggregation | null;
  from: string | null;
  to: string | null;
  nodes: NetworkNode[];
  edges: NetworkEdge[];
}

export const actorNodeId = (id: string): string => `actor:${id}`;
export const codeNodeId = (id: string): string => `code:${id}`;

/** An actor's node: its names in both scripts and its registry attributes (every exporter reads these). */
export function actorNode(a: ActorRef, claims = 0): NetworkNode {
  return {
    id: actorNodeId(a.id),
    kind: 'actor',
    name: a.name,
    nameAr: a.nameAr ?? '',
    nameLatin: a.nameLatin ?? '',
    type: a.type ?? '',
    affiliation: a.affiliation?.name ?? '',
    country: a.country ?? '',
    claims,
  };
}

/** The records inside the options' time window. */
export function inWindow(records: readonly ClaimRecord[], options: Pick<NetworkOptions, 'from' | 'to' | 'dateField'>) {
  if (!options.from && !options.to) return [...records];
  return records.filter((r) => {
    const d = claimDateOf(r, options.dateField);
    if (d === null) return false;
    return (!options.from || d >= options.from) && (!options.to || d <= options.to);
  });
}

/** Positions as indexes 0, 1, 2 (for −1, 0, +1). */
const LEVELS = [-1, 0, 1] as const;
const level = (p: number): number => Math.max(0, Math.min(2, Math.round(p) + 1));

class Nodes {
  /** each node with the claim it last counted: a record's statements come together, so this counts claims */
  private readonly byId = new Map<string, { node: NetworkNode; last: string }>();
  add(id: string, make: (id: string) => NetworkNode, claim: string): NetworkNode {
    let entry = this.byId.get(id);
    if (!entry) {
      entry = { node: make(id), last: '' };
      this.byId.set(id, entry);
    }
    if (entry.last !== claim) {
      entry.last = claim;
      entry.node.claims++;
    }
    return entry.node;
  }
  actor(a: ActorRef, claim: string): NetworkNode {
    return this.add(actorNodeId(a.id), () => actorNode(a), claim);
  }
  list(): NetworkNode[] {
    return [...this.byId.values()].map((e) => e.node).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

class EdgeSums {
  /** source → target → sums (two maps: no key string made per statement) */
  readonly edges = new Map<
    string,
    Map<string, NetworkEdge & { positions: number; positionSum: number; levels: number }>
  >();
  add(source: string, target: string, position: number | null): void {
    let targets = this.edges.get(source);
    if (!targets) this.edges.set(source, (targets = new Map()));
    let e = targets.get(target);
    if (!e) {
      e = {
        source,
        target,
        weight: 0,
        position: null,
        combination: null,
        claims: 0,
        positions: 0,
        positionSum: 0,
        levels: 0,
      };
      targets.set(target, e);
    }
    e.claims++;
    if (position !== null) {
      e.positions++;
      e.positionSum += position;
      e.levels |= 1 << level(position);
    }
  }
  list(
    weight: (e: { claims: number; positionSum: number; levels: number }) => number,
    combine: boolean,
  ): NetworkEdge[] {
    const out: NetworkEdge[] = [];
    for (const targets of this.edges.values())
      for (const e of targets.values()) {
        const w = weight(e);
        if (w === 0 && !combine) continue;
        out.push({
          source: e.source,
          target: e.target,
          weight: w,
          position: e.positions > 0 ? e.positionSum / e.positions : null,
          combination: combine ? combination(e.levels) : null,
          claims: e.claims,
        });
      }
    return out.sort(byEnds);
  }
}

function combination(levels: number): Combination {
  switch (levels) {
    case 0:
      return 'none';
    case 0b100:
      return 'agreement';
    case 0b001:
      return 'disagreement';
    case 0b010:
      return 'neutral';
    default:
      return 'mixed';
  }
}

const byEnds = (a: NetworkEdge, b: NetworkEdge): number =>
  a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0;

function conceptsOf(r: ClaimRecord, scope: ReadonlySet<string> | null | undefined): readonly string[] {
  // most claims carry one code: no set to make
  if (r.codes.length <= 1) return scope && r.codes.length === 1 && !scope.has(r.codes[0]!) ? [] : r.codes;
  const unique = [...new Set(r.codes)];
  return scope ? unique.filter((c) => scope.has(c)) : unique;
}

function codeNode(id: string, c: string, info: CodeInfo | undefined): NetworkNode {
  return {
    id,
    kind: 'code',
    name: info?.name ?? c,
    nameAr: info?.nameAr ?? '',
    nameLatin: info?.name ?? c,
    type: 'code',
    affiliation: '',
    country: '',
    claims: 0,
  };
}

/**
 * The two-mode network over indexes: actors and codes numbered as met, one cell per (actor, code)
 * pair found through a number key, sums in plain arrays, claims per node counted by the last
 * record each node saw. Nothing is made per statement but the first time a pair is met.
 */
function twoMode(records: readonly ClaimRecord[], options: NetworkOptions, codes: ReadonlyMap<string, CodeInfo>) {
  const aggregation = options.aggregation ?? 'ignore';
  const actorIndex = new Map<string, number>();
  const actorRefs: ActorRef[] = [];
  const codeIndex = new Map<string, number>();
  const codeList: string[] = [];
  const actorLast: number[] = [];
  const actorClaims: number[] = [];
  const codeLast: number[] = [];
  const codeClaims: number[] = [];
  const cellOf = new Map<number, number>();
  const cellActor: number[] = [];
  const cellCode: number[] = [];
  const cellClaims: number[] = [];
  const cellPositions: number[] = [];
  const cellSum: number[] = [];
  const cellLevels: number[] = [];
  for (let n = 0; n < records.length; n++) {
    const r = records[n]!;
    if (!r.claimant) continue;
    const concepts = conceptsOf(r, options.codes);
    if (concepts.length === 0) continue;
    let a = actorIndex.get(r.claimant.id);
    if (a === undefined) {
      actorIndex.set(r.claimant.id, (a = actorRefs.length));
      actorRefs.push(r.claimant);
      actorLast.push(-1);
      actorClaims.push(0);
    }
    if (actorLast[a] !== n) {
      actorLast[a] = n;
      actorClaims[a]!++;
    }
    for (const c of concepts) {
      let k = codeIndex.get(c);
      if (k === undefined) {
        codeIndex.set(c, (k = codeList.length));
        codeList.push(c);
        codeLast.push(-1);
        codeClaims.push(0);
      }
      if (codeLast[k] !== n) {
        codeLast[k] = n;
        codeClaims[k]!++;
      }
      const key = a * 1_048_576 + k;
      let cell = cellOf.get(key);
      if (cell === undefined) {
        cellOf.set(key, (cell = cellActor.length));
        cellActor.push(a);
        cellCode.push(k);
        cellClaims.push(0);
        cellPositions.push(0);
        cellSum.push(0);
        cellLevels.push(0);
      }
      cellClaims[cell]!++;
      if (r.position !== null) {
        cellPositions[cell]!++;
        cellSum[cell]! += r.position;
        cellLevels[cell]! |= 1 << level(r.position);
      }
    }
  }
  const actorIds = actorRefs.map((a) => actorNodeId(a.id));
  const codeIds = codeList.map(codeNodeId);
  const nodes: NetworkNode[] = [
    ...actorRefs.map((a, i) => ({ ...actorNode(a), claims: actorClaims[i]! })),
    ...codeList.map((c, k) => ({ ...codeNode(codeIds[k]!, c, codes.get(c)), claims: codeClaims[k]! })),
  ].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const combine = aggregation === 'combine';
  const edges: NetworkEdge[] = [];
  for (let cell = 0; cell < cellActor.length; cell++) {
    const weight = aggregation === 'subtract' ? cellSum[cell]! : cellClaims[cell]!;
    if (weight === 0 && !combine) continue;
    edges.push({
      source: actorIds[cellActor[cell]!]!,
      target: codeIds[cellCode[cell]!]!,
      weight,
      position: cellPositions[cell]! > 0 ? cellSum[cell]! / cellPositions[cell]! : null,
      combination: combine ? combination(cellLevels[cell]!) : null,
      claims: cellClaims[cell]!,
    });
  }
  return { nodes, edges: edges.sort(byEnds) };
}

/** 1 − d(q1, q2) for congruence, d for conflict, 1 − 2d for subtract, by level pair (3 × 3). */
function levelWeights(type: NetworkType): Float64Array {
  const w = new Float64Array(9);
  for (let k1 = 0; k1 < 3; k1++)
    for (let k2 = 0; k2 < 3; k2++) {
      const d = Math.abs(LEVELS[k1]! - LEVELS[k2]!) / POSITION_RANGE;
      w[k1 * 3 + k2] = type === 'congruence' ? 1 - d : type === 'conflict' ? d : 1 - 2 * d;
    }
  return w;
}

/** One actor of a one-mode network: its node, its positioned statements per concept by level (−1, 0, +1), their sum. */
export interface OneModeActor {
  node: NetworkNode;
  cells: ReadonlyMap<string, ArrayLike<number>>;
  total: number;
}

/** Each actor's positioned statements per concept, from the records (what oneModeFromActors reads). */
function oneModeActors(records: readonly ClaimRecord[], options: NetworkOptions): OneModeActor[] {
  const nodes = new Nodes();
  const byId = new Map<string, { node: NetworkNode; cells: Map<string, Float64Array>; total: number }>();
  for (const r of records) {
    if (!r.claimant || r.position === null) continue;
    const concepts = conceptsOf(r, options.codes);
    if (concepts.length === 0) continue;
    const node = nodes.actor(r.claimant, r.annotationId);
    let actor = byId.get(node.id);
    if (!actor) byId.set(node.id, (actor = { node, cells: new Map(), total: 0 }));
    for (const c of concepts) {
      let counts = actor.cells.get(c);
      if (!counts) actor.cells.set(c, (counts = new Float64Array(3)));
      counts[level(r.position)]!++;
      actor.total++;
    }
  }
  return [...byId.values()];
}

/**
 * One-mode networks, row by row: for each actor i, every concept it uses, every other actor j
 * using that concept, the counts of both meet (accumulators indexed by j, reset per row), so the
 * work is the sum over concepts of (actors using it)², with typed arrays and no pair map. The
 * actors' counts come from the records (buildNetwork) or from the kept sums (networkAggregate.ts);
 * every product and sum is of whole numbers and halves, so the order they come in changes nothing.
 */
export function oneModeFromActors(
  actors: readonly OneModeActor[],
  type: NetworkType,
  normalization: Normalization,
): Pick<Network, 'nodes' | 'edges'> {
  const conceptIndex = new Map<string, number>();
  // counts per (actor, concept): cells[i] maps a concept index to its 3 level counts
  const cells: Array<Map<number, ArrayLike<number>>> = actors.map((a) => {
    const out = new Map<number, ArrayLike<number>>();
    for (const [c, counts] of a.cells) {
      let ci = conceptIndex.get(c);
      if (ci === undefined) conceptIndex.set(c, (ci = conceptIndex.size));
      out.set(ci, counts);
    }
    return out;
  });
  const totals = actors.map((a) => a.total);
  const n = cells.length;
  // per concept: the actors using it (ascending) and their 3 level counts side by side
  const users: number[][] = Array.from({ length: conceptIndex.size }, () => []);
  for (let i = 0; i < n; i++) for (const ci of cells[i]!.keys()) users[ci]!.push(i);
  const userCounts = users.map((list, ci) => {
    const out = new Float64Array(list.length * 3);
    list.forEach((i, x) => out.set(cells[i]!.get(ci)!, x * 3));
    return out;
  });
  const weights = levelWeights(type);
  const ids = actors.map((a) => a.node.id);
  const raw = new Float64Array(n);
  const m11 = new Float64Array(n);
  const s1 = new Float64Array(n); // Σ a[i] over cells where a[j] > 0
  const s2 = new Float64Array(n);
  const shared = new Float64Array(n);
  const touched = new Uint8Array(n);
  // rows in id order, each row's ties in id order: the edges come out sorted (no sort of them all)
  const order = ids.map((_, i) => i).sort((x, y) => (ids[x]! < ids[y]! ? -1 : ids[x]! > ids[y]! ? 1 : 0));
  const rank = new Int32Array(n);
  order.forEach((i, r) => (rank[i] = r));
  const edges: NetworkEdge[] = [];
  for (const i of order) {
    const row: number[] = [];
    for (const [ci, a] of cells[i]!) {
      const list = users[ci]!;
      const counts = userCounts[ci]!;
      const a0 = a[0]!;
      const a1 = a[1]!;
      const a2 = a[2]!;
      for (let x = 0; x < list.length; x++) {
        const j = list[x]!;
        if (rank[j]! <= rank[i]!) continue;
        const b0 = counts[x * 3]!;
        const b1 = counts[x * 3 + 1]!;
        const b2 = counts[x * 3 + 2]!;
        if (!touched[j]) {
          touched[j] = 1;
          row.push(j);
        }
        raw[j]! +=
          a0 * (b0 * weights[0]! + b1 * weights[1]! + b2 * weights[2]!) +
          a1 * (b0 * weights[3]! + b1 * weights[4]! + b2 * weights[5]!) +
          a2 * (b0 * weights[6]! + b1 * weights[7]! + b2 * weights[8]!);
        m11[j]! += a0 * b0 + a1 * b1 + a2 * b2;
        s1[j]! += (b0 > 0 ? a0 : 0) + (b1 > 0 ? a1 : 0) + (b2 > 0 ? a2 : 0);
        s2[j]! += (a0 > 0 ? b0 : 0) + (a1 > 0 ? b1 : 0) + (a2 > 0 ? b2 : 0);
        shared[j]! += a0 + a1 + a2 + b0 + b1 + b2;
      }
    }
    const c1 = totals[i]!;
    row.sort((x, y) => rank[x]! - rank[y]!);
    for (const j of row) {
      const c2 = totals[j]!;
      let norm = 1;
      if (normalization === 'average') norm = (c1 + c2) / 2;
      else if (normalization === 'jaccard') norm = c1 - s1[j]! + (c2 - s2[j]!) + m11[j]!;
      else if (normalization === 'cosine') norm = c1 * c2;
      const weight = norm === 0 ? 0 : raw[j]! / norm;
      if (weight !== 0)
        edges.push({ source: ids[i]!, target: ids[j]!, weight, position: null, combination: null, claims: shared[j]! });
      raw[j] = m11[j] = s1[j] = s2[j] = shared[j] = touched[j] = 0;
    }
  }
  const nodes = actors.map((a) => a.node).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { nodes, edges };
}

function directed(records: readonly ClaimRecord[], options: NetworkOptions) {
  const nodes = new Nodes();
  const sums = new EdgeSums();
  for (const r of records) {
    const other = options.type === 'addressee' ? r.addressee : r.objectActor;
    if (!r.claimant || !other) continue;
    if (options.codes && conceptsOf(r, options.codes).length === 0) continue;
    const from = nodes.actor(r.claimant, r.annotationId);
    const to = nodes.actor(other, r.annotationId);
    sums.add(from.id, to.id, r.position);
  }
  return { nodes: nodes.list(), edges: sums.list((e) => e.claims, false) };
}

/** One network of the records (already filtered) in the options' time window. */
export function buildNetwork(
  records: readonly ClaimRecord[],
  options: NetworkOptions,
  codebook: readonly CodeInfo[] = [],
): Network {
  const chosen = inWindow(records, options);
  const codes = new Map(codebook.map((c) => [c.id, c]));
  const isOneMode = ONE_MODE_TYPES.includes(options.type);
  const built =
    options.type === 'twoMode'
      ? twoMode(chosen, options, codes)
      : isOneMode
        ? oneModeFromActors(oneModeActors(chosen, options), options.type, options.normalization ?? 'none')
        : directed(chosen, options);
  return {
    type: options.type,
    directed: options.type === 'addressee' || options.type === 'objectActor',
    normalization: isOneMode ? (options.normalization ?? 'none') : 'none',
    aggregation: options.type === 'twoMode' ? (options.aggregation ?? 'ignore') : null,
    from: options.from ?? null,
    to: options.to ?? null,
    ...built,
  };
}

export interface SlidingWindow {
  /** days in each window */
  size: number;
  /** days from one window's start to the next one's */
  step: number;
}

/**
 * A sequence of networks over sliding windows: the first starts at `from` (else the earliest
 * dated claim), each covers `size` days, the next starts `step` days later, until a window
 * starts after `to` (else the latest dated claim).
 */
export function buildNetworkSeries(
  records: readonly ClaimRecord[],
  options: NetworkOptions,
  window: SlidingWindow,
  codebook: readonly CodeInfo[] = [],
): Network[] {
  let first = options.from ?? null;
  let last = options.to ?? null;
  for (const r of records) {
    const d = claimDateOf(r, options.dateField);
    if (d === null) continue;
    if (!options.from && (first === null || d < first)) first = d;
    if (!options.to && (last === null || d > last)) last = d;
  }
  if (first === null || last === null) return [];
  const out: Network[] = [];
  for (let start = first; start <= last; start = addDays(start, window.step)) {
    const end = addDays(start, window.size - 1);
    out.push(
      buildNetwork(
        records,
        { ...options, from: start, to: options.to && end > options.to ? options.to : end },
        codebook,
      ),
    );
  }
  return out;
}
