/**
 * The two-mode network's sums kept as a running total (issue 16): for every claimant, per code,
 * the counts the two-mode network adds up (claims, positioned claims, position sum, claims per
 * position level), and per claimant and for the whole project the claims by their set of codes.
 * Records are added when a document's records are made and taken away again when a change forgets
 * them, so a network of every document is built from the ~12,000 sums instead of a pass over
 * 100,000 claims. The same cells' counts per position level are what the one-mode networks
 * (congruence, conflict, subtract) need, so `oneMode` builds those from them too.
 *
 * The sums are exact: positions are counted only while every one is an integer (integer sums do
 * not depend on the order they are added or taken away in); a record with any other position
 * marks the total inexact and the caller builds from the records instead. `build` gives the
 * network `buildNetwork` gives for the same records (network.test.ts and
 * networkAggregate.test.ts compare them, edge by edge).
 */
import {
  actorNode,
  actorNodeId,
  codeNodeId,
  oneModeFromActors,
  type Normalization,
  type NetworkType,
  type OneModeActor,
  type CodeInfo,
  type Combination,
  type Network,
  type NetworkEdge,
  type NetworkNode,
  type TwoModeAggregation,
} from './network';
import type { ActorRef, ClaimRecord } from './records';

interface Cell {
  claims: number;
  positions: number;
  sum: number;
  /** positioned claims per level: −1, 0, +1 */
  levels: [number, number, number];
}

interface ActorSums {
  ref: ActorRef;
  /** the actor's node id (actorNodeId), made once */
  nodeId: string;
  /** code id → sums */
  cells: Map<string, Cell>;
  /** the cells in their codes' id order, made when first needed after a cell came or went */
  sortedCells: Array<{ code: string; target: string; cell: Cell }> | null;
  /** the actor's claims with a code, by their code set (codeSetKey) */
  codeSets: Map<string, number>;
  /** the actor's claims with a code (the sum of codeSets) */
  total: number;
  /** the actor's claims with a code and a position, by their code set (the one-mode networks') */
  positionedSets: Map<string, number>;
}

/** A record's distinct codes as one key (one code: the code itself; none: ''). */
function codeSetKey(codes: readonly string[]): string {
  if (codes.length <= 1) return codes[0] ?? '';
  return [...new Set(codes)].sort().join('\u0000');
}

function keyMeets(key: string, scope: ReadonlySet<string>): boolean {
  if (key === '') return false;
  if (!key.includes('\u0000')) return scope.has(key);
  return key.split('\u0000').some((c) => scope.has(c));
}

/** an integer position's level index (network.ts's `level`): −1 and below 0, 0 1, +1 and above 2 */
const level = (p: number): 0 | 1 | 2 => (p <= -1 ? 0 : p >= 1 ? 2 : 1);

function bump(map: Map<string, number>, key: string, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n === 0) map.delete(key);
  else map.set(key, n);
}

function combination(levels: readonly number[]): Combination {
  const bits = (levels[0]! > 0 ? 1 : 0) | (levels[1]! > 0 ? 2 : 0) | (levels[2]! > 0 ? 4 : 0);
  return bits === 0
    ? 'none'
    : bits === 4
      ? 'agreement'
      : bits === 1
        ? 'disagreement'
        : bits === 2
          ? 'neutral'
          : 'mixed';
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byRefId = (a: ActorSums, b: ActorSums): number => byText(a.ref.id, b.ref.id);

export class TwoModeTotals {
  private readonly actors = new Map<string, ActorSums>();
  /** every record (with a claimant or not) by its code set: how many claims a filter lets through */
  private readonly codeSets = new Map<string, number>();
  /** records whose position is not an integer: while any is counted, the sums are not used */
  private inexact = 0;
  private count = 0;
  /** the actors in id order, made when first needed after an actor came or went */
  private sorted: ActorSums[] | null = null;
  /** code id → its node id (codeNodeId), made once per code */
  private readonly codeIds = new Map<string, string>();

  /** Count these records in (sign 1) or take them out again (sign −1). */
  add(records: readonly ClaimRecord[], sign: 1 | -1): void {
    for (const r of records) {
      const key = codeSetKey(r.codes);
      bump(this.codeSets, key, sign);
      this.count += sign;
      if (r.position !== null && !Number.isInteger(r.position)) this.inexact += sign;
      if (!r.claimant || key === '') continue;
      let a = this.actors.get(r.claimant.id);
      if (!a) {
        // taking out what was never counted: the sums no longer stand for anything
        if (sign < 0) {
          this.inexact++;
          continue;
        }
        a = {
          ref: r.claimant,
          nodeId: actorNodeId(r.claimant.id),
          cells: new Map(),
          sortedCells: null,
          codeSets: new Map(),
          total: 0,
          positionedSets: new Map(),
        };
        this.actors.set(r.claimant.id, a);
        this.sorted = null;
      }
      bump(a.codeSets, key, sign);
      a.total += sign;
      if (r.position !== null) bump(a.positionedSets, key, sign);
      const codes = r.codes.length === 1 ? r.codes : [...new Set(r.codes)];
      for (const c of codes) {
        let cell = a.cells.get(c);
        if (!cell) {
          a.cells.set(c, (cell = { claims: 0, positions: 0, sum: 0, levels: [0, 0, 0] }));
          a.sortedCells = null;
        }
        cell.claims += sign;
        if (r.position !== null) {
          cell.positions += sign;
          cell.sum += sign * r.position;
          cell.levels[level(r.position)] += sign;
        }
        if (cell.claims === 0) {
          a.cells.delete(c);
          a.sortedCells = null;
        }
      }
      if (a.codeSets.size === 0) {
        this.actors.delete(r.claimant.id);
        this.sorted = null;
      }
    }
  }

  /** Forget everything. */
  clear(): void {
    this.actors.clear();
    this.codeSets.clear();
    this.inexact = 0;
    this.count = 0;
    this.sorted = null;
  }

  /** Whether the sums may be used (every position counted is an integer). */
  get exact(): boolean {
    return this.inexact === 0;
  }

  /** The records counted. */
  get records(): number {
    return this.count;
  }

  /** How many of the counted records have a code in the scope (all of them without one). */
  claims(scope: ReadonlySet<string> | null): number {
    if (!scope) return this.count;
    let n = 0;
    for (const [key, count] of this.codeSets) if (keyMeets(key, scope)) n += count;
    return n;
  }

  /**
   * The two-mode network of every record counted, its concepts the codes of `scope` (null: all).
   * Actor node ids sort before code node ids ('actor:' < 'code:'), so walking the actors in id
   * order and each actor's codes in id order gives nodes and edges already in buildNetwork's
   * order: the orders are kept between builds, nothing is sorted but what an edit changed.
   */
  build(
    aggregation: TwoModeAggregation,
    scope: ReadonlySet<string> | null,
    codebook: readonly CodeInfo[],
  ): Pick<Network, 'nodes' | 'edges'> {
    const combine = aggregation === 'combine';
    const subtract = aggregation === 'subtract';
    const nodes: NetworkNode[] = [];
    const edges: NetworkEdge[] = [];
    const codeClaims = new Map<string, number>();
    const sorted = (this.sorted ??= [...this.actors.values()].sort(byRefId));
    for (const a of sorted) {
      let claims = a.total;
      if (scope) {
        claims = 0;
        for (const [key, count] of a.codeSets) if (keyMeets(key, scope)) claims += count;
      }
      if (claims === 0) continue;
      const source = a.nodeId;
      nodes.push(actorNode(a.ref, claims));
      const cells = (a.sortedCells ??= this.sortCells(a.cells));
      for (const { code, target, cell } of cells) {
        if (scope && !scope.has(code)) continue;
        codeClaims.set(code, (codeClaims.get(code) ?? 0) + cell.claims);
        const weight = subtract ? cell.sum : cell.claims;
        if (weight === 0 && !combine) continue;
        edges.push({
          source,
          target,
          weight,
          position: cell.positions > 0 ? cell.sum / cell.positions : null,
          combination: combine ? combination(cell.levels) : null,
          claims: cell.claims,
        });
      }
    }
    const info = new Map(codebook.map((c) => [c.id, c]));
    for (const code of [...codeClaims.keys()].sort(byText)) {
      const c = info.get(code);
      nodes.push({
        id: this.codeNodeId(code),
        kind: 'code',
        name: c?.name ?? code,
        nameAr: c?.nameAr ?? '',
        nameLatin: c?.name ?? code,
        type: 'code',
        affiliation: '',
        country: '',
        claims: codeClaims.get(code)!,
      });
    }
    return { nodes, edges };
  }

  /**
   * A one-mode network (congruence, conflict, subtract) of every record counted, its concepts the
   * codes of `scope` (null: all): each actor's positioned claims per code and level are the
   * cells' level counts, the same counts buildNetwork takes from the records.
   */
  oneMode(
    type: NetworkType,
    normalization: Normalization,
    scope: ReadonlySet<string> | null,
  ): Pick<Network, 'nodes' | 'edges'> {
    const actors: OneModeActor[] = [];
    for (const a of this.actors.values()) {
      let claims = 0;
      for (const [key, count] of a.positionedSets) if (!scope || keyMeets(key, scope)) claims += count;
      if (claims === 0) continue;
      const cells = new Map<string, readonly number[]>();
      let total = 0;
      for (const [code, cell] of a.cells) {
        if (scope && !scope.has(code)) continue;
        if (cell.positions === 0) continue;
        cells.set(code, cell.levels);
        total += cell.positions;
      }
      actors.push({
        node: actorNode(a.ref, claims),
        cells,
        total,
      });
    }
    return oneModeFromActors(actors, type, normalization);
  }

  private codeNodeId(code: string): string {
    let id = this.codeIds.get(code);
    if (id === undefined) this.codeIds.set(code, (id = codeNodeId(code)));
    return id;
  }

  private sortCells(cells: ReadonlyMap<string, Cell>): Array<{ code: string; target: string; cell: Cell }> {
    return [...cells.keys()]
      .sort(byText)
      .map((code) => ({ code, target: this.codeNodeId(code), cell: cells.get(code)! }));
  }
}
