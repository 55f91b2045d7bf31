import { describe, expect, it } from 'vitest';
import {
  circlePlacement,
  labelledNodes,
  layoutGraph,
  layoutNetwork,
  MAX_RADIUS,
  MIN_RADIUS,
  placeNodes,
} from './networkLayout';

const nodes = [
  { id: 'actor:a', claims: 4 },
  { id: 'actor:b', claims: 1 },
  { id: 'code:c', claims: 5 },
  { id: 'actor:d', claims: 1 },
];
const edges = [
  { source: 'actor:a', target: 'code:c', weight: 3 },
  { source: 'actor:b', target: 'code:c', weight: 1 },
  { source: 'actor:d', target: 'code:c', weight: -1 },
];
const box = { width: 600, height: 400, margin: 30 };

describe('the network’s layout', () => {
  it('gives the same picture for the same data, inside the box', () => {
    const one = layoutNetwork(nodes, edges, box, 'degree');
    const two = layoutNetwork(nodes, edges, box, 'degree');
    expect([...one.values()]).toEqual([...two.values()]);
    for (const p of one.values()) {
      expect(p.x).toBeGreaterThanOrEqual(30 - 1e-9);
      expect(p.x).toBeLessThanOrEqual(570 + 1e-9);
      expect(p.y).toBeGreaterThanOrEqual(30 - 1e-9);
      expect(p.y).toBeLessThanOrEqual(370 + 1e-9);
    }
  });

  it('sizes nodes by degree or by claims', () => {
    const byDegree = layoutNetwork(nodes, edges, box, 'degree');
    expect(byDegree.get('code:c')!.r).toBe(MAX_RADIUS);
    expect(byDegree.get('code:c')!.degree).toBe(3);
    expect(byDegree.get('actor:a')!.r).toBeLessThan(MAX_RADIUS);
    const byClaims = layoutNetwork(nodes, edges, box, 'claims');
    expect(byClaims.get('actor:a')!.r).toBeGreaterThan(byClaims.get('actor:b')!.r);
    expect(byClaims.get('actor:b')!.r).toBeGreaterThan(MIN_RADIUS);
  });

  it('puts a lone node in the middle', () => {
    expect(layoutNetwork([{ id: 'x', claims: 1 }], [], box, 'claims').get('x')).toMatchObject({ x: 300, y: 200 });
  });

  it('labels every node of a small network and only the biggest of a large one', () => {
    const placed = layoutNetwork(nodes, edges, box, 'claims');
    expect(labelledNodes(placed).size).toBe(4);
    expect([...labelledNodes(placed, 2)].sort()).toEqual(['actor:a', 'code:c']);
  });

  it('places a large network’s first frame on the starting circle exactly as the layout graph does', () => {
    // ties twice, both ways round, to itself and to a node not in the network: each pair counts once
    const many = Array.from({ length: 40 }, (_, i) => ({
      id: i < 35 ? `actor:${i}` : `code:${i}`,
      claims: (i * 7) % 11,
    }));
    const ties = [
      ...many.flatMap((n, i) => (i < 35 ? [{ source: n.id, target: `code:${35 + (i % 5)}`, weight: i % 4 }] : [])),
      { source: 'code:36', target: 'actor:3', weight: 2 },
      { source: 'actor:3', target: 'code:38', weight: 2 },
      { source: 'actor:3', target: 'code:38', weight: 5 },
      { source: 'actor:4', target: 'actor:4', weight: 1 },
      { source: 'actor:5', target: 'actor:gone', weight: 1 },
    ];
    for (const sizeBy of ['degree', 'claims'] as const) {
      const direct = circlePlacement(many, ties, box, sizeBy);
      expect([...direct.entries()]).toEqual([...placeNodes(layoutGraph(many, ties), many, box, sizeBy).entries()]);
    }
    expect(circlePlacement(many, ties, box, 'degree').get('actor:3')!.degree).toBe(2);
  });
});
