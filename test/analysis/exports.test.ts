/**
 * The graph and CSV exports, read back by the programs researchers use: networkx reads the
 * GraphML and the GEXF (CI installs Debian's python3-networkx), Python's csv module reads the
 * event list. Without networkx the networkx test is skipped and says why.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toGexf } from '@shared/analysis/gexf';
import { toGraphml } from '@shared/analysis/graphml';
import { buildNetwork } from '@shared/analysis/network';
import { edgesCsv, eventsCsv, nodesCsv } from '@shared/analysis/tables';
import { actor, claim } from '@shared/analysis/testRecords';

const lna = { id: 'lna', name: 'الجيش الوطني الليبي' };
const haftar = actor('haftar', {
  name: 'خليفة حفتر',
  nameAr: 'خليفة حفتر',
  nameLatin: 'Khalifa Haftar',
  type: 'person',
  affiliation: lna,
  country: 'Libya',
});
const sarraj = actor('sarraj', {
  name: 'فائز السراج',
  nameAr: 'فائز السراج',
  nameLatin: 'Fayez al-Sarraj',
  type: 'person',
});
const macron = actor('macron', { name: 'إيمانويل ماكرون', nameAr: 'إيمانويل ماكرون', nameLatin: 'Emmanuel Macron' });
const records = [
  claim(haftar, ['ceasefire'], -1, { quote: 'لا وقف لإطلاق النار; "قبل" انسحاب' }),
  claim(sarraj, ['ceasefire'], -1, { quote: '=1+1 رفض السراج' }),
  claim(macron, ['ceasefire', 'talks'], 1, { quote: 'دعا ماكرون إلى\nوقف "فوري"' }),
  claim(haftar, ['talks'], 1, { quote: "'بداية باقتباس" }),
];
const codes = new Map([
  ['ceasefire', { id: 'ceasefire', name: 'Ceasefire proposal', nameAr: 'مقترح وقف إطلاق النار', parentId: null }],
  ['talks', { id: 'talks', name: 'Political process', nameAr: 'العملية السياسية', parentId: null }],
]);
const twoMode = buildNetwork(records, { type: 'twoMode', aggregation: 'combine' }, [...codes.values()]);
const congruence = buildNetwork(records, { type: 'congruence' });
const addressed = buildNetwork(
  [claim(macron, ['ceasefire'], 1, { addressee: haftar }), claim(macron, ['talks'], 1, { addressee: haftar })],
  { type: 'addressee' },
);

describe('GraphML and GEXF as written', () => {
  it('declare every attribute with its type and keep Arabic names', () => {
    const g = toGraphml(twoMode);
    expect(g).toContain('<key id="n_claims" for="node" attr.name="claims" attr.type="int"/>');
    expect(g).toContain('<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>');
    expect(g).toContain('<data key="n_name_latin">Khalifa Haftar</data>');
    expect(g).toContain('<data key="n_affiliation">الجيش الوطني الليبي</data>');
    const x = toGexf(twoMode);
    expect(x).toContain('version="1.3"');
    expect(x).toContain('<node id="code:ceasefire" label="Ceasefire proposal">');
    expect(x).toContain('value="مقترح وقف إطلاق النار"');
    expect(x).toContain('title="claims" type="integer"');
  });
  it('escape markup and drop the characters XML cannot hold', () => {
    const odd = buildNetwork([claim(actor('x', { name: 'A <b> & "c"\u0001' }), ['k'], 1)], { type: 'twoMode' });
    expect(toGraphml(odd)).toContain('A &lt;b&gt; &amp; &quot;c&quot;</data>');
    expect(toGexf(odd)).not.toContain('\u0001');
  });
});

describe('the CSV exports', () => {
  it('start with a BOM, guard formula cells and keep ; and " in the text', () => {
    const events = eventsCsv(records, codes);
    expect(events.startsWith('\uFEFFtime,actor,actor_id,actor_type,actor_affiliation,concept,')).toBe(true);
    expect(events).toContain('"لا وقف لإطلاق النار; ""قبل"" انسحاب"');
    expect(events).toContain("'=1+1 رفض السراج");
    // a claim with two codes is two rows
    expect(events.trim().split('\r\n')).toHaveLength(1 + 5);
    expect(nodesCsv(twoMode).split('\r\n')[0]).toBe(
      '\uFEFFid,label,name_ar,name_latin,kind,type,affiliation,country,claims',
    );
    expect(edgesCsv(congruence)).toContain('actor:haftar,actor:macron,1,,,');
  });
});

const python = spawnSync('python3', ['-c', 'import networkx'], { encoding: 'utf8' });
const networkxMissing =
  python.error !== undefined
    ? 'python3 is not installed'
    : python.status !== 0
      ? 'networkx is not installed (Debian: apt-get install python3-networkx)'
      : null;
if (networkxMissing) console.warn(`Skipping the networkx round trip: ${networkxMissing}.`);

describe.skipIf(networkxMissing !== null)('read by networkx and Python’s csv module', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashiya-analysis-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (script: string): unknown =>
    JSON.parse(execFileSync('python3', ['-c', script, dir], { encoding: 'utf8' }));

  it('GraphML and GEXF: node and edge counts, weights, every attribute, Arabic names intact', () => {
    writeFileSync(join(dir, 'two.graphml'), toGraphml(twoMode));
    writeFileSync(join(dir, 'two.gexf'), toGexf(twoMode));
    writeFileSync(join(dir, 'one.graphml'), toGraphml(congruence));
    writeFileSync(join(dir, 'dir.graphml'), toGraphml(addressed));
    const out = run(String.raw`
import json, sys, os, networkx as nx
d = sys.argv[1]
res = {}
for name in ['two.graphml', 'two.gexf', 'one.graphml', 'dir.graphml']:
    p = os.path.join(d, name)
    g = nx.read_graphml(p) if name.endswith('graphml') else nx.read_gexf(p)
    res[name] = {
        'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), 'directed': g.is_directed(),
        'node': {k: v for k, v in g.nodes['actor:haftar'].items()},
        'edgeData': sorted([[u, v, dict(a)] for u, v, a in g.edges(data=True)], key=lambda e: (e[0], e[1])),
    }
print(json.dumps(res, ensure_ascii=False))
`) as Record<
      string,
      {
        nodes: number;
        edges: number;
        directed: boolean;
        node: Record<string, unknown>;
        edgeData: Array<[string, string, Record<string, unknown>]>;
      }
    >;

    const graphml = out['two.graphml']!;
    expect([graphml.nodes, graphml.edges, graphml.directed]).toEqual([5, 5, false]);
    expect(graphml.node).toEqual({
      label: 'خليفة حفتر',
      name_ar: 'خليفة حفتر',
      name_latin: 'Khalifa Haftar',
      kind: 'actor',
      type: 'person',
      affiliation: 'الجيش الوطني الليبي',
      country: 'Libya',
      claims: 2,
    });
    const edge = (e: Array<[string, string, Record<string, unknown>]>, a: string, b: string) =>
      e.find(([u, v]) => (u === a && v === b) || (u === b && v === a))?.[2];
    expect(edge(graphml.edgeData, 'actor:macron', 'code:ceasefire')).toMatchObject({
      weight: 1,
      position: 1,
      combination: 'agreement',
      claims: 1,
    });

    const gexf = out['two.gexf']!;
    expect([gexf.nodes, gexf.edges, gexf.directed]).toEqual([5, 5, false]);
    expect(gexf.node).toMatchObject({
      label: 'خليفة حفتر',
      name_ar: 'خليفة حفتر',
      name_latin: 'Khalifa Haftar',
      type: 'person',
      affiliation: 'الجيش الوطني الليبي',
      country: 'Libya',
      claims: 2,
    });
    expect(edge(gexf.edgeData, 'actor:haftar', 'code:ceasefire')).toMatchObject({
      weight: 1,
      position: -1,
      combination: 'disagreement',
      claims: 1,
    });

    // directed: Macron addressed Haftar twice, nobody addressed Macron
    const addressee = out['dir.graphml']!;
    expect([addressee.nodes, addressee.edges, addressee.directed]).toEqual([2, 1, true]);
    expect(addressee.edgeData[0]).toMatchObject([
      'actor:macron',
      'actor:haftar',
      { weight: 2, position: 1, claims: 2 },
    ]);

    // congruence: Haftar and Sarraj both reject a ceasefire (1), Haftar and Macron support talks (1)
    const one = out['one.graphml']!;
    expect([one.nodes, one.edges]).toEqual([3, 2]);
    expect(one.edgeData.map(([u, v, a]) => [[u, v].sort().join('|'), a.weight])).toEqual(
      [
        ['actor:haftar|actor:sarraj', 1],
        ['actor:haftar|actor:macron', 1],
      ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)),
    );
  });

  it('the event list: every quote byte for byte through csv (after the documented one-quote guard)', () => {
    writeFileSync(join(dir, 'events.csv'), eventsCsv(records, codes));
    const rows = run(String.raw`
import csv, json, sys, os
with open(os.path.join(sys.argv[1], 'events.csv'), encoding='utf-8-sig', newline='') as f:
    rows = list(csv.DictReader(f))
print(json.dumps([[r['annotation_id'], r['actor'], r['concept'], r['agreement'], r['quote']] for r in rows], ensure_ascii=False))
`) as string[][];
    const unguard = (s: string) => (s.startsWith("'") ? s.slice(1) : s);
    expect(rows).toHaveLength(5);
    for (const [id, , , , quote] of rows) {
      const r = records.find((x) => x.annotationId === id)!;
      expect(unguard(quote!)).toBe(r.quote);
    }
    expect(rows[0]!.slice(1, 4)).toEqual(['خليفة حفتر', 'Ceasefire proposal', '-1']);
  });
});
