/**
 * Filters of several values (OR within a field, AND across fields) through every analysis
 * method: the table, the timeline, the network and the exports' bytes follow the one filter; and
 * the edges of every sliding window export as one long CSV.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimFilter } from '@shared/analysis/filter';
import type { DocumentSummary } from '@shared/model';
import { eachTestProject, SAMPLE_TEXT as SAMPLE } from '../../../test/harness/eachProject';
import type { TestProject } from '../../../test/harness/project';

let p!: TestProject;
eachTestProject('hashiya-analysis-filters-', (opened) => (p = opened));

async function doc(title: string, publishedAt: string, source: string): Promise<DocumentSummary> {
  const { document } = await p.call('documents.importText', { text: SAMPLE, title, allowDuplicate: true });
  return p.call('documents.update', { id: document.id, publishedAt, source });
}

/** Four claims by three actors over two sources and two months; Haftar belongs to the LNA. */
async function setUp() {
  const add = async (nameAr: string, affiliation?: string) =>
    (await p.call('registry.add', { entity: { kind: 'actor', nameAr, ...(affiliation ? { affiliation } : {}) } }))
      .entity.id;
  const lna = await add('الجيش الوطني الليبي');
  const haftar = await add('خليفة حفتر', lna);
  const sarraj = await add('فائز السراج');
  const macron = await add('إيمانويل ماكرون');
  const april = await doc('April', '2019-04-10', 'Al-Wasat');
  const may = await doc('May', '2019-05-22', 'Libya Observer');
  const claim = (d: DocumentSummary, start: number, codes: string[], claimant: string, position: string) =>
    p.call('annotations.create', { documentId: d.id, start, end: start + 5, codes, values: { claimant, position } });
  await claim(april, 0, ['ceasefire-proposal'], haftar, 'rejects');
  await claim(april, 20, ['arms-embargo'], sarraj, 'supports');
  await claim(may, 40, ['ceasefire-proposal'], macron, 'proposes');
  await claim(may, 60, ['political-process'], sarraj, 'reports');
  return { lna, haftar, sarraj, macron };
}

const quotesOf = async (filter: ClaimFilter) =>
  (await p.call('analysis.claims', { filter, offset: 0, limit: 100 })).rows.map((r) => r.claimant);

describe('filters of several values', () => {
  it('OR within a field: two codes, two actors (one through its affiliation), two positions, two sources', async () => {
    const { lna, sarraj } = await setUp();
    expect(await quotesOf({ codes: ['ceasefire-proposal', 'arms-embargo'] })).toEqual([
      'خليفة حفتر',
      'فائز السراج',
      'إيمانويل ماكرون',
    ]);
    // the LNA finds Haftar's claim (he is affiliated with it)
    expect(await quotesOf({ actors: [lna, sarraj] })).toEqual(['خليفة حفتر', 'فائز السراج', 'فائز السراج']);
    expect(await quotesOf({ positions: [1, -1] })).toEqual(['خليفة حفتر', 'فائز السراج', 'إيمانويل ماكرون']);
    expect(await quotesOf({ sources: ['Al-Wasat', 'Libya Observer'] })).toHaveLength(4);
  });

  it('AND across fields: codes × actors × sources', async () => {
    const { sarraj, macron } = await setUp();
    const filter: ClaimFilter = {
      codes: ['ceasefire-proposal', 'political-process'],
      actors: [sarraj, macron],
      sources: ['Libya Observer'],
    };
    expect(await quotesOf(filter)).toEqual(['إيمانويل ماكرون', 'فائز السراج']);
    expect(await quotesOf({ ...filter, positions: [0] })).toEqual(['فائز السراج']);
  });

  it('the timeline, the network and every export follow the same filter, byte for byte', async () => {
    const { sarraj, macron } = await setUp();
    const filter: ClaimFilter = { actors: [sarraj, macron], positions: [1, 0] };
    const timeline = await p.call('analysis.timeline', { filter });
    expect(timeline.claims).toBe(3);
    expect(timeline.bins.reduce((n, b) => n + b.total, 0)).toBe(3);
    const network = await p.call('analysis.network', { filter, network: { type: 'twoMode' } });
    expect(network.network.nodes.map((n) => n.name).sort()).toEqual(
      ['Arms embargo', 'Ceasefire proposal', 'Political process', 'إيمانويل ماكرون', 'فائز السراج'].sort(),
    );
    const events = await p.call('analysis.export', { format: 'eventsCsv', filter });
    const lines = events.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(1 + 3);
    expect(lines.slice(1).every((l) => /فائز السراج|إيمانويل ماكرون/.test(l))).toBe(true);
    const edges = await p.call('analysis.export', { format: 'edgesCsv', filter, network: { type: 'twoMode' } });
    expect(
      edges.text
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n'),
    ).toHaveLength(1 + network.network.edges.length);
    const graphml = await p.call('analysis.export', { format: 'graphml', filter, network: { type: 'twoMode' } });
    expect(graphml.text).toContain('فائز السراج');
    expect(graphml.text).not.toContain('خليفة حفتر');
  });

  it('exports the edges of every sliding window as one long CSV with the window first', async () => {
    await setUp();
    const spec = { type: 'twoMode' as const, from: '2019-04-01', window: { size: 30, step: 30 } };
    const json = await p.call('analysis.network', { network: spec });
    const csv = await p.call('analysis.export', { format: 'edgesCsv', network: spec });
    expect(csv.fileName).toMatch(/^hashiya-network-twoMode-windows-edges-.*\.csv$/);
    const [head, ...rows] = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(head).toBe('window,window_from,window_to,source,target,weight,position,combination,claims,directed');
    expect(rows.map((r) => r.split(',').slice(0, 3).join(','))).toEqual(
      json.windows.flatMap((w, i) => w.edges.map(() => `${i + 1},${w.from},${w.to}`)),
    );
    expect(rows[0]).toMatch(/^1,2019-04-01,2019-04-30,/);
    expect(rows.at(-1)).toMatch(/^2,2019-05-01,2019-05-30,/);
    const refused = await p.call('analysis.export', { format: 'graphml', network: spec }).catch((e: Error) => e);
    expect(String(refused)).toMatch(/one network/);
  });
});
