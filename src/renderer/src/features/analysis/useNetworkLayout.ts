/**
 * Where the network's nodes are drawn (issue 16). A network under SLICED_FROM nodes is laid out
 * at once, before its first frame. A larger one (1,000 actors: 80 rounds of ForceAtlas2 take a
 * second or more) is drawn at once on the layout's starting circle, so the first frame after its
 * answer shows every node and tie; ForceAtlas2 then runs a few rounds per task (the page stays
 * responsive and nothing is drawn meanwhile) and the laid-out picture replaces the circle in one
 * step. `settled` says whether the positions are the laid-out ones. The same data gives the same
 * picture: the same rounds in the same slices.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  iterationsFor,
  layoutGraph,
  layoutNetwork,
  layoutSettings,
  placeNodes,
  runLayout,
  SLICED_FROM,
  type LayoutEdge,
  type LayoutNode,
  type PlacedNode,
  type SizeBy,
} from './networkLayout';

/** ForceAtlas2 rounds per task while a large network is laid out */
export const ROUNDS_PER_SLICE = 4;

interface Laid {
  nodes: readonly LayoutNode[];
  edges: readonly LayoutEdge[];
}

type Box = { width: number; height: number; margin: number };

/**
 * Lay the network out in slices of ROUNDS_PER_SLICE rounds, each in its own task (`schedule`),
 * and hand the placed nodes to `done`; the returned function stops it.
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
): () => void {
  const graph = layoutGraph(network.nodes, network.edges);
  const settings = layoutSettings(graph);
  let left = iterationsFor(network.nodes.length);
  let cancel = () => {};
  let stopped = false;
  const step = () => {
    if (stopped) return;
    const rounds = Math.min(ROUNDS_PER_SLICE, left);
    runLayout(graph, rounds, settings);
    left -= rounds;
    if (left > 0) cancel = schedule(step);
    else done(placeNodes(graph, network.nodes, box, sizeBy));
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
          ? placeNodes(layoutGraph(network.nodes, network.edges), network.nodes, box, sizeBy)
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
