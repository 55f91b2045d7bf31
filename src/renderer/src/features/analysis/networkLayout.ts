/**
 * Where the network's nodes go (issue 16): a graphology graph of the analysis.network answer laid
 * out by ForceAtlas2, started from the same circle every time (nodes in their answer's order), so
 * the same data gives the same picture. Positions are fitted into a width × height box; a node's
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

export function layoutNetwork(
  nodes: readonly LayoutNode[],
  edges: readonly LayoutEdge[],
  box: { width: number; height: number; margin: number },
  sizeBy: SizeBy,
): Map<string, PlacedNode> {
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
  if (nodes.length > 1) {
    forceAtlas2.assign(graph, {
      // fewer rounds for large networks (Barnes–Hut is on above 2,000 nodes: inferSettings)
      iterations: nodes.length > 1000 ? 80 : nodes.length > 300 ? 150 : 300,
      getEdgeWeight: 'weight',
      // strong gravity keeps separate components in one picture instead of drifting apart
      settings: { ...forceAtlas2.inferSettings(graph), strongGravityMode: true, gravity: 0.5, adjustSizes: false },
    });
  }
  const xs = nodes.map((n) => graph.getNodeAttribute(n.id, 'x') as number);
  const ys = nodes.map((n) => graph.getNodeAttribute(n.id, 'y') as number);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const spanX = maxX - minX || 1;
  const spanY = maxY - minY || 1;
  const innerW = box.width - 2 * box.margin;
  const innerH = box.height - 2 * box.margin;
  const measure = (n: LayoutNode) => (sizeBy === 'degree' ? graph.degree(n.id) : n.claims);
  const biggest = Math.max(1, ...nodes.map(measure));
  const placed = new Map<string, PlacedNode>();
  nodes.forEach((n, i) => {
    const single = nodes.length === 1;
    placed.set(n.id, {
      id: n.id,
      x: single ? box.width / 2 : box.margin + ((xs[i]! - minX) / spanX) * innerW,
      y: single ? box.height / 2 : box.margin + ((ys[i]! - minY) / spanY) * innerH,
      r: MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(measure(n) / biggest),
      degree: graph.degree(n.id),
    });
  });
  return placed;
}
