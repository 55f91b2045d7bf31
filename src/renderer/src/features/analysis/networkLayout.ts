/**
 * Where the network's nodes go (issue 16): a graphology graph of the analysis.network answer laid
 * out by ForceAtlas2, started from the same circle every time (nodes in their answer's order), so
 * the same data gives the same picture. A large network is first drawn on that circle and laid out
 * in slices after that first frame (useNetworkLayout.ts). Positions are fitted into a width × height box; a node's
 * radius grows with the square root of its degree or its claim count.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export interface LayoutNode {
  id: string;
  claims: number;
}
export interface LayoutEdge {
  source: string;
  target: string;
  weight: number;
}
export type SizeBy = 'degree' | 'claims';

export interface PlacedNode {
  id: string;
  x: number;
  y: number;
  r: number;
  degree: number;
}

export const MIN_RADIUS = 5;
/** at most this many labels are drawn (the biggest nodes'); every node keeps its name for screen readers */
export const MAX_LABELS = 60;

/** The ids of the nodes whose label is drawn: all of them, or the MAX_LABELS biggest. */
export function labelledNodes(placed: ReadonlyMap<string, PlacedNode>, max = MAX_LABELS): Set<string> {
  const all = [...placed.values()];
  if (all.length <= max) return new Set(all.map((p) => p.id));
  return new Set(
    all
      .sort((a, b) => b.r - a.r || a.id.localeCompare(b.id))
      .slice(0, max)
      .map((p) => p.id),
  );
}
export const MAX_RADIUS = 22;

/** from this many nodes the layout runs in slices after a first frame (useNetworkLayout.ts) */
export const SLICED_FROM = 300;

/** ForceAtlas2 rounds for a network of n nodes (fewer for large ones; Barnes–Hut is on above 2,000 nodes: inferSettings). */
export const iterationsFor = (n: number): number => (n > 1000 ? 80 : n > 300 ? 150 : 300);

/** The graph the layout moves: every node on one circle in the answer's order, each tie once, weighted. */
export function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Graph {
  const graph = new Graph({ multi: false, type: 'mixed' });
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
    graph.addNode(n.id, { x: 100 * Math.cos(angle), y: 100 * Math.sin(angle) });
  });
  for (const e of edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target) || e.source === e.target) continue;
    if (graph.hasEdge(e.source, e.target) || graph.hasEdge(e.target, e.source)) continue;
    graph.addUndirectedEdge(e.source, e.target, { weight: Math.abs(e.weight) });
  }
  return graph;
}

/** The layout's settings for this graph: strong gravity keeps separate components in one picture. */
export function layoutSettings(graph: Graph) {
  return { ...forceAtlas2.inferSettings(graph), strongGravityMode: true, gravity: 0.5, adjustSizes: false };
}

/** `iterations` rounds of ForceAtlas2 from where the nodes are now. */
export function runLayout(graph: Graph, iterations: number, settings = layoutSettings(graph)): void {
  if (graph.order > 1 && iterations > 0) forceAtlas2.assign(graph, { iterations, getEdgeWeight: 'weight', settings });
}

/** The nodes where the graph has them, fitted into the box, sized by degree or claims. */
export function placeNodes(
  graph: Graph,
  nodes: readonly LayoutNode[],
  box: { width: number; height: number; margin: number },
  sizeBy: SizeBy,
): Map<string, PlacedNode> {
  const xs = nodes.map((n) => graph.getNodeAttribute(n.id, 'x') as number);
  const ys = nodes.map((n) => graph.getNodeAttribute(n.id, 'y') as number);
  return fitted(
    nodes,
    xs,
    ys,
    nodes.map((n) => graph.degree(n.id)),
    box,
    sizeBy,
  );
}

/**
 * What placeNodes gives for layoutGraph's starting circle, without making the graph: the circle's
 * points and each node's degree (its distinct ties to other nodes of the network, either way)
 * counted from the ties. A large network's first frame (useNetworkLayout.ts).
 */
export function circlePlacement(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  box: { width: number; height: number; margin: number },
  sizeBy: SizeBy,
): Map<string, PlacedNode> {
  const index = new Map<string, number>();
  const xs: number[] = [];
  const ys: number[] = [];
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / Math.max(1, nodes.length);
    index.set(n.id, i);
    xs.push(100 * Math.cos(angle));
    ys.push(100 * Math.sin(angle));
  });
  const degrees = new Array<number>(nodes.length).fill(0);
  // each pair once, whichever way round (as layoutGraph keeps one undirected tie)
  const seen = new Set<number>();
  const n = nodes.length;
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a === undefined || b === undefined || a === b) continue;
    const pair = a < b ? a * n + b : b * n + a;
    if (seen.has(pair)) continue;
    seen.add(pair);
    degrees[a]!++;
    degrees[b]!++;
  }
  return fitted(nodes, xs, ys, degrees, box, sizeBy);
}

function fitted(
  nodes: readonly LayoutNode[],
  xs: readonly number[],
  ys: readonly number[],
  degrees: readonly number[],
  box: { width: number; height: number; margin: number },
  sizeBy: SizeBy,
): Map<string, PlacedNode> {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let i = 0; i < nodes.length; i++) {
    minX = Math.min(minX, xs[i]!);
    maxX = Math.max(maxX, xs[i]!);
    minY = Math.min(minY, ys[i]!);
    maxY = Math.max(maxY, ys[i]!);
  }
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const innerW = box.width - 2 * box.margin;
  const innerH = box.height - 2 * box.margin;
  const measure = (n: LayoutNode, i: number) => (sizeBy === 'degree' ? degrees[i]! : n.claims);
  let biggest = 1;
  nodes.forEach((n, i) => (biggest = Math.max(biggest, measure(n, i))));
  const placed = new Map<string, PlacedNode>();
  nodes.forEach((n, i) => {
    const single = nodes.length === 1;
    placed.set(n.id, {
      id: n.id,
      x: single ? box.width / 2 : box.margin + ((xs[i]! - minX) / spanX) * innerW,
      y: single ? box.height / 2 : box.margin + ((ys[i]! - minY) / spanY) * innerH,
      r: MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(measure(n, i) / biggest),
      degree: degrees[i]!,
    });
  });
  return placed;
}

/** The whole layout at once (what a network under SLICED_FROM nodes gets before its first frame). */
export function layoutNetwork(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  box: { width: number; height: number; margin: number },
  sizeBy: SizeBy,
): Map<string, PlacedNode> {
  const graph = layoutGraph(nodes, edges);
  runLayout(graph, iterationsFor(nodes.length));
  return placeNodes(graph, nodes, box, sizeBy);
}
