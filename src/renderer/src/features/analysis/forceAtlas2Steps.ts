/**
 * ForceAtlas2 one round at a time (useNetworkLayout.ts), on the library's own matrices and its own
 * round (graphology-layout-forceatlas2's iterate.js), kept between rounds: the speeds and forces
 * carry over as they do inside `forceAtlas2.assign`, so the picture does not depend on how the
 * rounds are spread over tasks.
 */
import type Graph from 'graphology';
import defaults from 'graphology-layout-forceatlas2/defaults.js';
import { assignLayoutChanges, graphToByteArrays } from 'graphology-layout-forceatlas2/helpers.js';
import iterate from 'graphology-layout-forceatlas2/iterate.js';

export class ForceAtlas2Steps {
  private readonly matrices: { nodes: Float32Array; edges: Float32Array };
  private readonly settings: object;

  constructor(
    private readonly graph: Graph,
    settings: object,
  ) {
    this.settings = { ...defaults, ...settings };
    this.matrices = graphToByteArrays(graph, (_edge, attributes) =>
      typeof attributes.weight === 'number' ? attributes.weight : 1,
    );
  }

  /** One round. */
  round(): void {
    iterate(this.settings, this.matrices.nodes, this.matrices.edges);
  }

  /** Write the positions reached into the graph's x and y. */
  assign(): void {
    assignLayoutChanges(this.graph, this.matrices.nodes, null);
  }
}
