/**
 * The claims view at scale (issue 16): 100,000 claims in 10,000 documents naming 1,000 actors of
 * the registry (with affiliations), dates over two years, written as a real project folder and
 * driven in-process through the services' dispatch, as the export bench is. Each scenario has
 * its floor measured in the same process on the same data:
 *  - claims_filter_ms: one filter change (another code) to the table's first page of rows;
 *    floor: a plain Array filter + sort of the same 100,000 rows held in memory;
 *  - timeline_ms: the same filter change to the timeline's bins; the same floor;
 *  - network_build_ms: the two-mode actor × code network of every claim (1,000 actors);
 *    floor: JSON.stringify of the same network.
 * What the page then paints is not in these numbers (docs/performance.md says so).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ClaimRow } from '@shared/api/analysis';
import type { Entity } from '@shared/claims/registry';
import { emptyRegistry } from '@shared/claims/registry';
import { hostProject } from '../../src/main/app';
import { buildDocumentFile } from '../../src/main/services/documentFactory';
import { DOCUMENTS_DIR, PROJECT_FILE, ProjectStore } from '../../src/main/store/projectStore';
import { ProjectFile, SCHEMA_VERSION, type DocumentFile } from '../../src/main/store/schema';
import { annotationsFor, articleText, seeded, type Corpus } from './corpus';

export interface AnalysisSizes {
  documents: number;
  claimsPerDocument: number;
  actors: number;
}

export interface AnalysisResult {
  name: string;
  value: number;
  floor: number;
  how: string;
  runs: number;
}

const POSITIONS = ['proposes', 'supports', 'rejects', 'reports'];

/** Write the project: 1 actor in 10 is a group, every other actor is affiliated with one. */
export async function writeAnalysisProject(dir: string, corpus: Corpus, sizes: AnalysisSizes): Promise<number> {
  const rand = seeded(16);
  await mkdir(path.join(dir, DOCUMENTS_DIR), { recursive: true });
  const registry = emptyRegistry();
  const groups = Math.max(1, Math.floor(sizes.actors / 10));
  for (let i = 0; i < sizes.actors; i++) {
    const entity: Entity = {
      id: `actor-${i}`,
      kind: 'actor',
      nameAr: `فاعل رقم ${i}`,
      nameLatin: `Actor ${i}`,
      aliases: [],
      type: null,
      affiliation: i < groups ? null : `actor-${i % groups}`,
      country: '',
      color: null,
      notes: '',
    };
    registry.entities.push(entity);
  }
  // a handful of texts shared round, so writing 10,000 documents takes seconds
  const texts = Array.from({ length: 50 }, () => articleText(rand, corpus, 3000));
  const summaries: DocumentFile['document'][] = [];
  let claims = 0;
  const start = Date.UTC(2019, 0, 1);
  for (let d = 0; d < sizes.documents; d++) {
    const id = `doc-${String(d).padStart(5, '0')}`;
    const importedAt = new Date(Date.UTC(2024, 0, 1, 0, 0, 0, d)).toISOString();
    const publishedAt = new Date(start + Math.floor(rand() * 730) * 86_400_000).toISOString().slice(0, 10);
    const text = texts[d % texts.length] as string;
    const file = buildDocumentFile(
      id,
      { text, title: `مقال ${d + 1}`, warnings: [], meta: { source: `Source ${d % 7}`, publishedAt } },
      importedAt,
    );
    file.annotations = annotationsFor(rand, corpus, id, text, sizes.claimsPerDocument, importedAt).map((a) => ({
      ...a,
      values: {
        claimant: `actor-${Math.floor(rand() * sizes.actors)}`,
        ...(rand() < 0.3 ? { addressee: `actor-${Math.floor(rand() * sizes.actors)}` } : {}),
        position: POSITIONS[Math.floor(rand() * POSITIONS.length)] as string,
      },
    }));
    file.document.annotationCount = file.annotations.length;
    claims += file.annotations.length;
    await writeFile(path.join(dir, DOCUMENTS_DIR, `${id}.json`), JSON.stringify(file));
    const { text: _text, ...summary } = file.document;
    summaries.push(summary as DocumentFile['document']);
  }
  const project = ProjectFile.parse({
    schemaVersion: SCHEMA_VERSION,
    name: 'Analysis bench',
    createdAt: new Date(Date.UTC(2024, 0, 1)).toISOString(),
    settings: { annotator: 'Bench', snapToWords: true, uiLanguage: 'en', textSize: 20, coderId: null, blind: false },
    codebook: corpus.codebook,
    registry,
    documents: summaries,
    notices: [],
  });
  await writeFile(path.join(dir, PROJECT_FILE), JSON.stringify(project));
  return claims;
}

async function time<T>(work: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await work();
  return [performance.now() - t0, value];
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Open the project and measure; `log` hears progress. */
export async function measureAnalysis(
  dir: string,
  corpus: Corpus,
  runs: number,
  log: (msg: string) => void,
): Promise<AnalysisResult[]> {
  const store = await ProjectStore.open(dir);
  const host = await hostProject(store);
  const call = <T>(name: string, input: unknown) => host.services.dispatch(name, input) as Promise<T>;
  try {
    const [coldMs, first] = await time(() =>
      call<{ total: number; rows: ClaimRow[] }>('analysis.claims', { offset: 0, limit: 100 }),
    );
    log(`analysis: ${first.total.toLocaleString()} claims; the first page, read cold, in ${coldMs.toFixed(0)} ms`);
    // the floor's rows: every row of the table, in memory, as plain objects
    const rows: ClaimRow[] = [];
    for (let offset = 0; offset < first.total; offset += 2000)
      rows.push(...(await call<{ rows: ClaimRow[] }>('analysis.claims', { offset, limit: 2000 })).rows);
    const codes = corpus.codeIds;
    const children = new Map<string, string[]>();
    for (const c of corpus.codebook.codes)
      if (c.parentId !== null) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
    const floorFilterSort = (code: string) => {
      const scope = new Set([code, ...(children.get(code) ?? [])]);
      const kept = rows.filter((r) => r.codes.some((c) => scope.has(c)));
      kept.sort((a, b) =>
        (a.documentDate ?? '') < (b.documentDate ?? '') ? -1 : (a.documentDate ?? '') > (b.documentDate ?? '') ? 1 : 0,
      );
      return kept.slice(0, 100);
    };
    const table: number[] = [];
    const timeline: number[] = [];
    const floors: number[] = [];
    // a run changes the filter to another code, as a click in the filter bar does
    for (let r = 0; r < runs + 1; r++) {
      const code = codes[r % codes.length] as string;
      const filter = { codes: [code] };
      const [tableMs, page] = await time(() =>
        call<{ rows: ClaimRow[] }>('analysis.claims', { filter, offset: 0, limit: 100 }),
      );
      const [timelineMs] = await time(() => call('analysis.timeline', { filter, stackBy: 'code' }));
      const [floorMs, floorRows] = await time(() => floorFilterSort(code));
      if (page.rows.length !== floorRows.length) throw new Error('the floor and the table disagree on the rows');
      if (r === 0) continue; // warms the code paths
      table.push(tableMs);
      timeline.push(timelineMs);
      floors.push(floorMs);
    }
    const network: number[] = [];
    const json: number[] = [];
    let size = '';
    for (let r = 0; r < runs + 1; r++) {
      const [ms, out] = await time(() =>
        call<{ network: { nodes: unknown[]; edges: unknown[] } }>('analysis.network', { network: { type: 'twoMode' } }),
      );
      const [jsonMs, text] = await time(() => JSON.stringify(out));
      if (text.length === 0) throw new Error('nothing serialised');
      size = `${out.network.nodes.length.toLocaleString()} nodes, ${out.network.edges.length.toLocaleString()} edges`;
      if (r === 0) continue;
      network.push(ms);
      json.push(jsonMs);
    }
    const what = `${first.total.toLocaleString()} claims in ${store.summaries().length.toLocaleString()} documents, ${store.data.registry.entities.length.toLocaleString()} actors`;
    return [
      {
        name: 'claims_filter_ms',
        value: median(table),
        floor: median(floors),
        how: `analysis.claims in-process (services.dispatch) after the filter changes to another code (with its sub-codes), sorted by date, the first 100 rows, over ${what}; the page's paint is not included. Floor: a plain Array filter on the same code scope + sort by date of the same ${rows.length.toLocaleString()} rows held in memory, in the same process.`,
        runs,
      },
      {
        name: 'timeline_ms',
        value: median(timeline),
        floor: median(floors),
        how: `analysis.timeline in-process, the same filter change, stacked by code, interval chosen automatically; not the paint. Floor: the same plain filter + sort.`,
        runs,
      },
      {
        name: 'network_build_ms',
        value: median(network),
        floor: median(json),
        how: `analysis.network in-process: the two-mode actor × code network of every claim (${size}), the server's build (drawing it is the page's ForceAtlas2 layout and SVG, not included). Floor: JSON.stringify of the same answer.`,
        runs,
      },
    ];
  } finally {
    await host.close();
  }
}
