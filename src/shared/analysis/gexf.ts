/**
 * GEXF 1.3 (https://gexf.net) of a network, as Gephi and networkx read it: node labels, the
 * node and edge attributes declared in <attributes> with their types, edge weights as GEXF's own
 * `weight`. A value that is missing (an edge without a position) has no <attvalue>.
 */
import type { Network, NetworkEdge, NetworkNode } from './network';
import { xmlNumber, xmlText } from './xml';

interface Attr<T> {
  title: string;
  type: 'string' | 'integer' | 'double';
  value: (item: T) => string | number | null;
}

export const GEXF_NODE_ATTRIBUTES: ReadonlyArray<Attr<NetworkNode>> = [
  { title: 'name_ar', type: 'string', value: (n) => n.nameAr },
  { title: 'name_latin', type: 'string', value: (n) => n.nameLatin },
  { title: 'kind', type: 'string', value: (n) => n.kind },
  { title: 'type', type: 'string', value: (n) => n.type },
  { title: 'affiliation', type: 'string', value: (n) => n.affiliation },
  { title: 'country', type: 'string', value: (n) => n.country },
  { title: 'claims', type: 'integer', value: (n) => n.claims },
];

export const GEXF_EDGE_ATTRIBUTES: ReadonlyArray<Attr<NetworkEdge>> = [
  { title: 'position', type: 'double', value: (e) => e.position },
  { title: 'combination', type: 'string', value: (e) => e.combination },
  { title: 'claims', type: 'integer', value: (e) => e.claims },
];

function declare<T>(cls: 'node' | 'edge', prefix: string, attrs: ReadonlyArray<Attr<T>>): string[] {
  return [
    `    <attributes class="${cls}">`,
    ...attrs.map((a, i) => `      <attribute id="${prefix}${i}" title="${a.title}" type="${a.type}"/>`),
    '    </attributes>',
  ];
}

function values<T>(prefix: string, attrs: ReadonlyArray<Attr<T>>, item: T): string {
  let out = '';
  attrs.forEach((a, i) => {
    const v = a.value(item);
    if (v === null) return;
    out += `<attvalue for="${prefix}${i}" value="${typeof v === 'number' ? xmlNumber(v) : xmlText(v)}"/>`;
  });
  return out === '' ? '' : `<attvalues>${out}</attvalues>`;
}

export function toGexf(network: Network): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    '  <meta><creator>Hashiya</creator></meta>',
    `  <graph mode="static" defaultedgetype="${network.directed ? 'directed' : 'undirected'}">`,
    ...declare('node', 'n', GEXF_NODE_ATTRIBUTES),
    ...declare('edge', 'e', GEXF_EDGE_ATTRIBUTES),
    '    <nodes>',
  ];
  for (const n of network.nodes)
    lines.push(
      `      <node id="${xmlText(n.id)}" label="${xmlText(n.name)}">${values('n', GEXF_NODE_ATTRIBUTES, n)}</node>`,
    );
  lines.push('    </nodes>', '    <edges>');
  network.edges.forEach((e, i) =>
    lines.push(
      `      <edge id="${i}" source="${xmlText(e.source)}" target="${xmlText(e.target)}" weight="${xmlNumber(e.weight)}">${values('e', GEXF_EDGE_ATTRIBUTES, e)}</edge>`,
    ),
  );
  lines.push('    </edges>', '  </graph>', '</gexf>', '');
  return lines.join('\n');
}
