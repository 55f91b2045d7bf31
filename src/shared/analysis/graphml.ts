/**
 * GraphML (http://graphml.graphdrawing.org) of a network, every attribute declared with a typed
 * <key> so Gephi, visone, yEd, igraph and networkx read it with its types: node names in both
 * scripts, kind, actor type, affiliation, country and claim count; edge weight, mean position,
 * combination and claim count. An attribute without a value (an edge without a position) is left
 * out of that element, as GraphML intends.
 */
import type { Network, NetworkEdge, NetworkNode } from './network';
import { xmlNumber, xmlText } from './xml';

interface Key<T> {
  id: string;
  type: 'string' | 'int' | 'double';
  value: (item: T) => string | number | null;
}

export const GRAPHML_NODE_KEYS: ReadonlyArray<Key<NetworkNode>> = [
  { id: 'label', type: 'string', value: (n) => n.name },
  { id: 'name_ar', type: 'string', value: (n) => n.nameAr },
  { id: 'name_latin', type: 'string', value: (n) => n.nameLatin },
  { id: 'kind', type: 'string', value: (n) => n.kind },
  { id: 'type', type: 'string', value: (n) => n.type },
  { id: 'affiliation', type: 'string', value: (n) => n.affiliation },
  { id: 'country', type: 'string', value: (n) => n.country },
  { id: 'claims', type: 'int', value: (n) => n.claims },
];

export const GRAPHML_EDGE_KEYS: ReadonlyArray<Key<NetworkEdge>> = [
  { id: 'weight', type: 'double', value: (e) => e.weight },
  { id: 'position', type: 'double', value: (e) => e.position },
  { id: 'combination', type: 'string', value: (e) => e.combination },
  { id: 'claims', type: 'int', value: (e) => e.claims },
];

function data<T>(keys: ReadonlyArray<Key<T>>, prefix: string, item: T): string {
  let out = '';
  for (const k of keys) {
    const v = k.value(item);
    if (v === null) continue;
    out += `<data key="${prefix}${k.id}">${typeof v === 'number' ? xmlNumber(v) : xmlText(v)}</data>`;
  }
  return out;
}

export function toGraphml(network: Network): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  // keys are prefixed by their domain (n_, e_) because nodes and edges both have "claims"
  for (const k of GRAPHML_NODE_KEYS)
    lines.push(`  <key id="n_${k.id}" for="node" attr.name="${k.id}" attr.type="${k.type}"/>`);
  for (const k of GRAPHML_EDGE_KEYS)
    lines.push(`  <key id="e_${k.id}" for="edge" attr.name="${k.id}" attr.type="${k.type}"/>`);
  lines.push(`  <graph id="G" edgedefault="${network.directed ? 'directed' : 'undirected'}">`);
  for (const n of network.nodes)
    lines.push(`    <node id="${xmlText(n.id)}">${data(GRAPHML_NODE_KEYS, 'n_', n)}</node>`);
  network.edges.forEach((e, i) =>
    lines.push(
      `    <edge id="e${i}" source="${xmlText(e.source)}" target="${xmlText(e.target)}">${data(GRAPHML_EDGE_KEYS, 'e_', e)}</edge>`,
    ),
  );
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
