/**
 * A large network's ties drawn as a few SVG paths instead of one element each (issue 16): the
 * ties of one colour and (rounded) width share one path of move-and-line pairs, so 12,000 ties are
 * a handful of elements for React to make and the browser to lay out. Directed networks keep one
 * line per tie (each needs its arrow), as do networks under BUNDLE_FROM ties.
 */
import { edgeColour } from './networkPicture';

export const BUNDLE_FROM = 1000;

export interface BundleEdge {
  source: string;
  target: string;
  weight: number;
  combination: string | null;
}

export interface EdgeBundle {
  key: string;
  colour: string;
  width: number;
  d: string;
}

/** Stroke width of a tie: 1 to 5 by its weight's share of the largest. */
export const edgeWidth = (weight: number, maxWeight: number): number => 1 + 4 * (Math.abs(weight) / maxWeight);

const at = (n: number): string => (Math.round(n * 10) / 10).toString();

/** The ties grouped by colour and width (to half a pixel), each group one path; unplaced ends are left out. */
export function edgeBundles(
  edges: readonly BundleEdge[],
  placed: ReadonlyMap<string, { x: number; y: number }>,
  type: string,
  maxWeight: number,
): EdgeBundle[] {
  const groups = new Map<string, { colour: string; width: number; parts: string[] }>();
  // each node's point written once (a thousand nodes, not 24,000 ends)
  const points = new Map<string, string>();
  const point = (id: string): string | undefined => {
    let text = points.get(id);
    if (text === undefined) {
      const p = placed.get(id);
      if (!p) return undefined;
      points.set(id, (text = `${at(p.x)} ${at(p.y)}`));
    }
    return text;
  };
  for (const e of edges) {
    const a = point(e.source);
    const b = point(e.target);
    if (a === undefined || b === undefined) continue;
    const colour = edgeColour(e, type);
    const width = Math.round(edgeWidth(e.weight, maxWeight) * 2) / 2;
    const key = `${colour} ${width}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { colour, width, parts: [] }));
    group.parts.push(`M${a}L${b}`);
  }
  return [...groups].map(([key, g]) => ({ key, colour: g.colour, width: g.width, d: g.parts.join('') }));
}
