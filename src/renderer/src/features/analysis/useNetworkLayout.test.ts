import { describe, expect, it } from 'vitest';
import { iterationsFor, layoutGraph, placeNodes, type PlacedNode } from './networkLayout';
import { layOutInSlices } from './useNetworkLayout';

const box = { width: 800, height: 480, margin: 70 };
const nodes = Array.from({ length: 320 }, (_, i) => ({
  id: i < 300 ? `actor:${i}` : `code:${i}`,
  claims: 1 + (i % 5),
}));
const edges = nodes
  .slice(0, 300)
  .map((n, i) => ({ source: n.id, target: `code:${300 + (i % 20)}`, weight: 1 + (i % 3) }));

/** A scheduler run by hand: each slice waits until the test lets it go. */
function manual() {
  const queue: Array<() => void> = [];
  return {
    schedule: (next: () => void) => {
      queue.push(next);
      return () => queue.splice(queue.indexOf(next), 1);
    },
    runAll: () => {
      let slices = 0;
      while (queue.length > 0) {
        queue.shift()!();
        slices++;
      }
      return slices;
    },
  };
}

describe('a large network laid out in slices', () => {
  it('runs every round over tasks, then gives the laid-out picture, the same however the rounds fall into tasks', () => {
    const results: Array<Map<string, PlacedNode>> = [];
    // a round per task, then every round in one task
    for (const sliceMs of [0, Infinity]) {
      const clock = manual();
      let placed: Map<string, PlacedNode> | null = null;
      layOutInSlices({ nodes, edges }, box, 'degree', (p) => (placed = p), clock.schedule, sliceMs);
      expect(placed).toBeNull(); // nothing runs before the first frame's task
      expect(clock.runAll()).toBe(sliceMs === 0 ? iterationsFor(nodes.length) : 1);
      expect(placed).not.toBeNull();
      results.push(placed!);
    }
    expect([...results[0]!.values()]).toEqual([...results[1]!.values()]);
    // laid out: not where the starting circle put the nodes
    const circle = placeNodes(layoutGraph(nodes, edges), nodes, box, 'degree');
    expect(results[0]!.get('actor:0')).not.toEqual(circle.get('actor:0'));
  });

  it('stops when asked (a newer network replaced it): no picture comes', () => {
    const clock = manual();
    let placed: Map<string, PlacedNode> | null = null;
    const stop = layOutInSlices({ nodes, edges }, box, 'degree', (p) => (placed = p), clock.schedule);
    stop();
    clock.runAll();
    expect(placed).toBeNull();
  });
});
