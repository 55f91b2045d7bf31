/**
 * Where the network's nodes are drawn (issue 16). A network under SLICED_FROM nodes is laid out
 * at once, before its first frame. A larger one (1,000 actors: 80 rounds of ForceAtlas2 take a
 * second or more) is drawn at once on the layout's starting circle, so the first frame after its
 * answer shows every node and tie; ForceAtlas2 (with Barnes–Hut) then runs for SLICE_MS at a time,
 * a round at a time, one task after another (the page stays responsive; nothing is drawn
 * meanwhile), and the laid-out picture replaces the circle in one step. `settled` says whether the
 * positions are the laid-out ones. The same data gives the same picture: the rounds carry their
 * state from task to task (forceAtlas2Steps.ts), so how they fall into tasks changes nothing.
 */
import { useEffect, useMemo, useState } from 'react';
import { ForceAtlas2Steps } from './forceAtlas2Steps';
import {
  circlePlacement,
  iterationsFor,
  layoutGraph,
  layoutNetwork,
  layoutSettings,
  placeNodes,
  SLICED_FROM,
  type LayoutEdge,
  type LayoutNode,
  type PlacedNode,
  type SizeBy,
} from './networkLayout';

/** how long one task of a large network's layout runs on (at least one round) */
export const SLICE_MS = 8;

interface Laid {
  nodes: readonly LayoutNode[];
  edges: readonly LayoutEdge[];
}

type Box = { width: number; height: number; margin: number };

/**
 * Lay the network out in tasks (`schedule`) of SLICE_MS each, and hand the placed nodes to `done`;
 * the returned function stops it.
 */
export function layOutInSlices(
  network: Laid,
  box: Box,
  sizeBy: SizeBy,
  done: (placed: Map<string, PlacedNode>) => void,
  schedule: (next: () => void) => () => void = (next) => {
    const timer = setTimeout(next, 0);
    return () => clearTimeout(timer);
  },
  sliceMs = SLICE_MS,
): () => void {
  const graph = layoutGraph(network.nodes, network.edges);
  const steps = new ForceAtlas2Steps(graph, { ...layoutSettings(graph), barnesHutOptimize: true });
  let left = graph.order > 1 ? iterationsFor(network.nodes.length) : 0;
  let cancel = () => {};
  let stopped = false;
  const step = () => {
    if (stopped) return;
    const t0 = performance.now();
    while (left > 0) {
      steps.round();
      left--;
      if (performance.now() - t0 >= sliceMs) break;
    }
    if (left > 0) cancel = schedule(step);
    else {
      steps.assign();
      done(placeNodes(graph, network.nodes, box, sizeBy));
    }
  };
  cancel = schedule(step);
  return () => {
    stopped = true;
    cancel();
  };
}

export function useNetworkLayout(
  network: Laid | null,
  box: Box,
  sizeBy: SizeBy,
): { placed: Map<string, PlacedNode>; settled: boolean } {
  const sliced = network !== null && network.nodes.length >= SLICED_FROM;
  // small: the whole layout; large: the starting circle, drawn at once
  const first = useMemo(
    () =>
      !network
        ? new Map<string, PlacedNode>()
        : sliced
          ? circlePlacement(network.nodes, network.edges, box, sizeBy)
          : layoutNetwork(network.nodes, network.edges, box, sizeBy),
    // box is a constant of the view
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [network, sizeBy, sliced],
  );
  const [laid, setLaid] = useState<{ network: Laid; sizeBy: SizeBy; placed: Map<string, PlacedNode> } | null>(null);
  useEffect(() => {
    if (!network || !sliced) return;
    return layOutInSlices(network, box, sizeBy, (placed) => setLaid({ network, sizeBy, placed }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [network, sizeBy, sliced]);
  const ready = laid !== null && laid.network === network && laid.sizeBy === sizeBy;
  return { placed: ready ? laid.placed : first, settled: !sliced || ready };
}
