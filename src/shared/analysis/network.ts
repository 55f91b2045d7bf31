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

function actorNode(a: ActorRef): NetworkNode {
  return {
    id: actorNodeId(a.id),
    kind: 'actor',
    name: a.name,
    nameAr: a.nameAr ?? '',
    nameLatin: a.nameLatin ?? '',
    type: a.type ?? '',
    affiliation: a.affiliation?.name ?? '',
    country: a.country ?? '',
    claims: 0,
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
  readonly byId = new Map<string, NetworkNode>();
  /** the claim each node last counted: a record's statements come together, so this counts claims */
  private readonly last = new Map<string, string>();
  add(id: string, make: () => NetworkNode, claim: string): NetworkNode {
    let n = this.byId.get(id);
    if (!n) {
      n = make();
      this.byId.set(id, n);
    }
    if (this.last.get(id) !== claim) {
      this.last.set(id, claim);
      n.claims++;
    }
    return n;
  }
  actor(a: ActorRef, claim: string): NetworkNode {
    return this.add(actorNodeId(a.id), () => actorNode(a), claim);
  }
  list(): NetworkNode[] {
    return [...this.byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

class EdgeSums {
  readonly edges = new Map<string, NetworkEdge & { positions: number; positionSum: number; levels: number }>();
  add(source: string, target: string, position: number | null): void {
    const key = `${source}\u0000${target}`;
    let e = this.edges.get(key);
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
      this.edges.set(key, e);
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
    for (const e of this.edges.values()) {
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

function conceptsOf(r: ClaimRecord, scope: ReadonlySet<string> | null | undefined): string[] {
  const unique = [...new Set(r.codes)];
  return scope ? unique.filter((c) => scope.has(c)) : unique;
}

function twoMode(records: readonly ClaimRecord[], options: NetworkOptions, codes: ReadonlyMap<string, CodeInfo>) {
  const nodes = new Nodes();
  const sums = new EdgeSums();
  const aggregation = options.aggregation ?? 'ignore';
  for (const r of records) {
    if (!r.claimant) continue;
    for (const c of conceptsOf(r, options.codes)) {
      const actor = nodes.actor(r.claimant, r.annotationId);
      const info = codes.get(c);
      const code = nodes.add(
        codeNodeId(c),
        () => ({
          id: codeNodeId(c),
          kind: 'code',
          name: info?.name ?? c,
          nameAr: info?.nameAr ?? '',
          nameLatin: info?.name ?? c,
          type: 'code',
          affiliation: '',
          country: '',
          claims: 0,
        }),
        r.annotationId,
      );
      sums.add(actor.id, code.id, r.position);
    }
  }
  const edges = sums.list((e) => (aggregation === 'subtract' ? e.positionSum : e.claims), aggregation === 'combine');
  return { nodes: nodes.list(), edges };
}

function oneMode(records: readonly ClaimRecord[], options: NetworkOptions) {
  const nodes = new Nodes();
  const type = options.type;
  const normalization = options.normalization ?? 'none';
  // a[i] : concept → counts per level
  const actorIndex = new Map<string, number>();
  const cells: Array<Map<string, Float64Array>> = [];
  const totals: number[] = [];
  const byConcept = new Map<string, Set<number>>();
  for (const r of records) {
    if (!r.claimant || r.position === null) continue;
    const concepts = conceptsOf(r, options.codes);
    if (concepts.length === 0) continue;
    const node = nodes.actor(r.claimant, r.annotationId);
    let i = actorIndex.get(node.id);
    if (i === undefined) {
      i = cells.length;
      actorIndex.set(node.id, i);
      cells.push(new Map());
      totals.push(0);
    }
    for (const c of concepts) {
      let counts = cells[i]!.get(c);
      if (!counts) {
        counts = new Float64Array(3);
        cells[i]!.set(c, counts);
      }
      counts[level(r.position)]!++;
      totals[i]!++;
      let actors = byConcept.get(c);
      if (!actors) byConcept.set(c, (actors = new Set()));
      actors.add(i);
    }
  }
  const ids = [...actorIndex.keys()];
  // pairs that share a concept; any other pair has weight 0 under every aggregation
  const pairs = new Map<number, { i: number; j: number; concepts: string[] }>();
  const n = ids.length;
  for (const [c, set] of byConcept) {
    const list = [...set].sort((x, y) => x - y);
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x]! * n + list[y]!;
        const p = pairs.get(key);
        if (p) p.concepts.push(c);
        else pairs.set(key, { i: list[x]!, j: list[y]!, concepts: [c] });
      }
  }
  const edges: NetworkEdge[] = [];
  for (const { i, j, concepts } of pairs.values()) {
    let raw = 0;
    let shared = 0;
    let m11 = 0;
    let s1 = 0; // Σ a[i] over cells where a[j] > 0
    let s2 = 0;
    for (const c of concepts) {
      const a = cells[i]!.get(c) as Float64Array;
      const b = cells[j]!.get(c) as Float64Array;
      for (let k1 = 0; k1 < 3; k1++) {
        if (a[k1]! > 0 && b[k1]! > 0) {
          m11 += a[k1]! * b[k1]!;
          s1 += a[k1]!;
          s2 += b[k1]!;
        }
        for (let k2 = 0; k2 < 3; k2++) {
          const joint = a[k1]! * b[k2]!;
          if (joint === 0) continue;
          const d = Math.abs(LEVELS[k1]! - LEVELS[k2]!) / POSITION_RANGE;
          raw += type === 'congruence' ? joint * (1 - d) : type === 'conflict' ? joint * d : joint * (1 - 2 * d);
        }
        shared += a[k1]! + b[k1]!;
      }
    }
    const c1 = totals[i]!;
    const c2 = totals[j]!;
    let norm = 1;
    if (normalization === 'average') norm = (c1 + c2) / 2;
    else if (normalization === 'jaccard') norm = c1 - s1 + (c2 - s2) + m11;
    else if (normalization === 'cosine') norm = c1 * c2;
    const weight = norm === 0 ? 0 : raw / norm;
    if (weight === 0) continue;
    const [source, target] = ids[i]! < ids[j]! ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!];
    edges.push({ source, target, weight, position: null, combination: null, claims: shared });
  }
  return { nodes: nodes.list(), edges: edges.sort(byEnds) };
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
        ? oneMode(chosen, options)
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
