/**
 * The claims view at scale (issue 16): 100,000 claims in 10,000 documents naming 1,000 actors of
 * the registry (with affiliations), dates over two years, written as a real project folder and
 * opened in browser mode in Chromium (the claims view, as a researcher uses it). Each figure runs
 * from the click in the page to the first frame that shows the result (browser.ts's "painted" end
 * point; analysisPaint.ts), with the server's answer beside it (*_server_ms: from the same click
 * to the answer's last byte in the page, by Resource Timing). Floors are measured in the bench's
 * process in the same run, on the same data:
 *  - claims_filter_ms: one filter change (a code ticked in the filter bar) to the painted table;
 *    floor: a plain Array filter + sort of the same 100,000 rows held in memory;
 *  - timeline_ms: the same click to the painted timeline; the same floor;
 *  - network_build_ms: the server's build of the two-mode network of every claim (1,000 actors),
 *    in the bench's process on the same project: the analysis service's network call (filter →
 *    network → the answer object, serialised with JSON.stringify as the API sends it), with the
 *    documents' records kept as after the first read and the kept answers forgotten before each
 *    run (a Positions choice not asked since the last change), the median of several runs; floor:
 *    JSON.stringify of the same answer. Beside it, network_to_paint_ms (information, the honest end
 *    point): the network's Positions switched (ignore ⇄ combine) in the page, to the painted
 *    network drawn on the layout's starting circle (useNetworkLayout.ts), with
 *    network_build_server_ms (the same change to the answer's last byte in the page: the answer
 *    kept since the bench asked for the same network just before) and
 *    network_layout_ms (to the frame with the finished layout).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { ClaimRow } from '@shared/api/analysis';
import type { Entity } from '@shared/claims/registry';
import { emptyRegistry } from '@shared/claims/registry';
import { buildDocumentFile } from '../../src/main/services/documentFactory';
import { hostProject } from '../../src/main/app';
import { networkAnswerCache } from '../../src/main/services/networkAnswerCache';
import { DOCUMENTS_DIR, PROJECT_FILE, ProjectStore } from '../../src/main/store/projectStore';
import { ProjectFile, SCHEMA_VERSION, type DocumentFile } from '../../src/main/store/schema';
import { startBrowserMode } from '../browserMode';
import { closePage, newPage, openLibrary } from './browser';
import { aggregationToPaint, codeFilterToPaint, openClaimsView, untickCode, viewShows } from './analysisPaint';
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

/**
 * BENCH_TRACE=dir: a Chromium trace (timeline categories) of runs 1–3 of the code filter, written to
 * dir as JSON that DevTools' Performance panel opens (a debugging aid, like BENCH_PROFILE).
 *
 * BENCH_PROFILE=dir: the page's main thread, sampled (Chromium's CPU profiler, over CDP) during one
 * code filter run, written to dir as a .cpuprofile that Chromium's DevTools open (a debugging aid).
 */
export async function startProfile(page: Page): Promise<{ stop(file: string): Promise<void> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await cdp.send('Profiler.stop');
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify(profile));
      await cdp.detach();
    },
  };
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** The median of `times` timings of `work` (a floor measured a few times, so one slow run does not set it). */
/**
 * The claims filter's floor: a plain Array filter of every row by a code (with its sub-codes) and
 * a sort by date, the first page of it (analysisAB.ts takes the same).
 */
export function floorFilter(
  rows: readonly ClaimRow[],
  codes: ReadonlyArray<{ id: string; parentId: string | null }>,
): (code: string) => ClaimRow[] {
  const children = new Map<string, string[]>();
  for (const c of codes) if (c.parentId !== null) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  return (code) => {
    const scope = new Set([code, ...(children.get(code) ?? [])]);
    const kept = rows.filter((r) => r.codes.some((c) => scope.has(c)));
    kept.sort((a, b) =>
      (a.documentDate ?? '') < (b.documentDate ?? '') ? -1 : (a.documentDate ?? '') > (b.documentDate ?? '') ? 1 : 0,
    );
    return kept.slice(0, 100);
  };
}

export function floorMs<T>(times: number, work: () => T): [number, T] {
  const ms: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    value = work();
    ms.push(performance.now() - t0);
  }
  return [median(ms), value as T];
}

interface NetworkAnswer {
  network: { nodes: unknown[]; edges: unknown[] };
}

/**
 * The server's build of the two-mode network of every claim, in this process: the project opened
 * here, every document read once (as the first network the view asks for does), then per run the
 * kept answers forgotten (networkAnswerCache.ts: the coverage of the kept sums stays known, as it
 * does until a change) and analysis.network dispatched as the transports do, its answer
 * serialised with JSON.stringify as the HTTP server sends it. Floor: JSON.stringify of the same
 * answer (the median of 3 per run). Positions alternate ignore ⇄ combine, as in the page.
 */
export async function networkBuildInProcess(
  dir: string,
  runs: number,
): Promise<{ build: number[]; floors: number[]; size: string }> {
  const store = await ProjectStore.open(dir);
  try {
    const { services } = await hostProject(store);
    const call = (aggregation: string) =>
      services.dispatch('analysis.network', { network: { type: 'twoMode', aggregation } }) as Promise<NetworkAnswer>;
    await call('ignore'); // reads every document once
    const build: number[] = [];
    const floors: number[] = [];
    let size = '';
    for (let r = 0; r < runs + 1; r++) {
      const aggregation = r % 2 === 0 ? 'combine' : 'ignore';
      networkAnswerCache(store).forgetAnswers();
      const t0 = performance.now();
      const answer = await call(aggregation);
      const text = JSON.stringify(answer);
      const ms = performance.now() - t0;
      const [floor, again] = floorMs(3, () => JSON.stringify(answer));
      if (text.length === 0 || again !== text) throw new Error('the answer did not serialise the same twice');
      size = `${answer.network.nodes.length.toLocaleString()} nodes, ${answer.network.edges.length.toLocaleString()} ties`;
      if (process.env.BENCH_DEBUG)
        console.error(`[analysis] in-process ${aggregation}: build ${ms.toFixed(1)} floor ${floor.toFixed(1)}`);
      if (r === 0) continue;
      build.push(ms);
      floors.push(floor);
    }
    return { build, floors, size };
  } finally {
    await store.close();
  }
}

interface TimelineAnswer {
  bins: Array<{ total: number }>;
}

/** Open the project in browser mode and the claims view in Chromium, and measure; `log` hears progress. */
export async function measureAnalysis(
  browser: Browser,
  root: string,
  dir: string,
  userData: string,
  corpus: Corpus,
  runs: number,
  log: (msg: string) => void,
): Promise<AnalysisResult[]> {
  // the server's build in this process first (the browser-mode server then opens the project)
  const inProcess = await networkBuildInProcess(dir, Math.max(9, runs));
  log(`analysis: the network built in process, median ${median(inProcess.build).toFixed(1)} ms`);
  const server = await startBrowserMode({ root, dataDir: dir, userData, startTimeoutMs: 600_000 });
  const page = await newPage(browser);
  try {
    const t0 = performance.now();
    const first = await server.call<{ total: number; rows: ClaimRow[] }>('analysis.claims', { offset: 0, limit: 100 });
    log(
      `analysis: ${first.total.toLocaleString()} claims; the first page, read cold, in ${(performance.now() - t0).toFixed(0)} ms`,
    );
    // the floor's rows: every row of the table, in memory, as plain objects
    const rows: ClaimRow[] = [];
    for (let offset = 0; offset < first.total; offset += 2000)
      rows.push(...(await server.call<{ rows: ClaimRow[] }>('analysis.claims', { offset, limit: 2000 })).rows);
    const floorFilterSort = floorFilter(rows, corpus.codebook.codes);
    const expected = async (filter: { codes?: string[] }, aggregation: string) => {
      // another order than the page's, so the server's kept table answers the page afresh
      const table = await server.call<{ total: number }>('analysis.claims', {
        filter,
        sort: { column: 'documentDate', dir: 'desc' },
        offset: 0,
        limit: 1,
      });
      const timeline = await server.call<TimelineAnswer>('analysis.timeline', {
        filter,
        interval: 'auto',
        stackBy: 'code',
        dateField: 'document',
      });
      const network = await server.call<{ network: { nodes: unknown[]; edges: unknown[] } }>('analysis.network', {
        filter,
        network: { type: 'twoMode', aggregation },
      });
      return {
        total: table.total,
        timeline: timeline.bins.reduce((n, b) => n + b.total, 0),
        nodes: network.network.nodes.length,
        network,
      };
    };
    const all = await expected({}, 'ignore');
    const every = { total: all.total, timeline: all.timeline, nodes: all.nodes };

    await openLibrary(page, server);
    await openClaimsView(page, every);
    log(`analysis: the claims view shows every claim (${all.nodes.toLocaleString()} network nodes)`);

    const table: number[] = [];
    const tableServer: number[] = [];
    const timeline: number[] = [];
    const timelineServer: number[] = [];
    const floors: number[] = [];
    // a run ticks one code in the filter bar (from every claim to that code's), then unticks it
    for (let r = 0; r < runs + 1; r++) {
      const code = corpus.codebook.codes.find((c) => c.id === corpus.codeIds[r % corpus.codeIds.length])!;
      const want = await expected({ codes: [code.id] }, 'ignore');
      const [floor, floorRows] = floorMs(3, () => floorFilterSort(code.id));
      if (Math.min(want.total, 100) !== floorRows.length)
        throw new Error('the floor and the table disagree on the rows');
      const profiling = process.env.BENCH_PROFILE && r === 1 ? await startProfile(page) : null;
      const tracing = process.env.BENCH_TRACE && r >= 1 && r <= 3;
      if (tracing)
        await browser.startTracing(page, {
          path: path.join(process.env.BENCH_TRACE!, `claims-filter-${r}-${code.id}.json`),
          categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'],
        });
      const t = await codeFilterToPaint(page, code.name || code.nameAr, want);
      if (tracing) await browser.stopTracing();
      if (profiling) await profiling.stop(path.join(process.env.BENCH_PROFILE!, `claims-filter-${code.id}.cpuprofile`));
      await untickCode(page, code.name || code.nameAr);
      await viewShows(page, every);
      if (process.env.BENCH_DEBUG)
        console.error(`[analysis] ${code.id}: ${JSON.stringify(t)} floor ${floor.toFixed(1)}`);
      if (r === 0) continue; // warms the code paths
      table.push(t.table);
      tableServer.push(t.tableServer);
      timeline.push(t.timeline);
      timelineServer.push(t.timelineServer);
      floors.push(floor);
    }

    const network: number[] = [];
    const networkServer: number[] = [];
    const laidOut: number[] = [];
    const json: number[] = [];
    let size = '';
    for (let r = 0; r < runs + 1; r++) {
      const aggregation = r % 2 === 0 ? 'combine' : 'ignore';
      const want = await expected({}, aggregation);
      const [jsonMs, text] = floorMs(3, () => JSON.stringify(want.network));
      if (text.length === 0) throw new Error('nothing serialised');
      size = `${want.network.network.nodes.length.toLocaleString()} nodes, ${want.network.network.edges.length.toLocaleString()} ties`;
      const t = await aggregationToPaint(page, aggregation, want.nodes);
      if (process.env.BENCH_DEBUG)
        console.error(`[analysis] ${aggregation}: ${JSON.stringify(t)} floor ${jsonMs.toFixed(1)}`);
      if (r === 0) continue;
      network.push(t.painted);
      networkServer.push(t.server);
      laidOut.push(t.laidOut);
      json.push(jsonMs);
    }
    const what = `${first.total.toLocaleString()} claims in 10,000 documents, 1,000 actors`;
    const floorHow = `Floor: a plain Array filter on the same code scope + sort by date of the same ${rows.length.toLocaleString()} rows held in memory, in the bench's process (the median of 3 per run).`;
    const ticked = `browser mode in Chromium, the claims view of ${what}: one code ticked in the filter bar (every claim → that code's, with its sub-codes)`;
    return [
      {
        name: 'claims_filter_ms',
        value: median(table),
        floor: median(floors),
        how: `${ticked}, from the click to the first frame showing the table's new count and first row (the timeline and the network are redrawn by the same click). ${floorHow}`,
        runs,
      },
      {
        name: 'claims_filter_server_ms',
        value: median(tableServer),
        floor: median(floors),
        how: `the same clicks, to the last byte of the answer arriving in the page (Resource Timing) of analysis.view, the one call that brings the table's first page and the timeline: the server's answer, not the paint. The same floor.`,
        runs,
      },
      {
        name: 'timeline_ms',
        value: median(timeline),
        floor: median(floors),
        how: `the same clicks, to the first frame showing the new timeline (its bars' totals add up to the filter's claims). The same floor.`,
        runs,
      },
      {
        name: 'timeline_server_ms',
        value: median(timelineServer),
        floor: median(floors),
        how: `the same clicks, to the last byte of analysis.view's answer in the page (the timeline comes with the table's page). The same floor.`,
        runs,
      },
      {
        name: 'network_build_ms',
        value: median(inProcess.build),
        floor: median(inProcess.floors),
        how: `the server's build of the two-mode network of every claim of ${what} (${inProcess.size}), in the bench's process on the same project: the analysis service's network call (filter → network → the answer object serialised with JSON.stringify, as the API sends it), with every document's records kept as after the first read and the kept answers forgotten before each run (a Positions choice, ignore ⇄ combine, not asked since the last change); the median of ${inProcess.build.length} runs. Floor: JSON.stringify of the same answer in the same process (the median of 3 per run).`,
        runs: inProcess.build.length,
      },
      {
        name: 'network_to_paint_ms',
        value: median(network),
        floor: median(json),
        how: `information (the honest end point): browser mode in Chromium, the claims view of ${what}, no filter: the network's Positions switched (ignore ⇄ combine), from the change to the first frame showing the two-mode network of every claim (${size}) — every node and tie drawn on the layout's starting circle; ForceAtlas2 then runs in slices after that frame (network_layout_ms). Floor: JSON.stringify of the same answer in the bench's process (the median of 3 per run).`,
        runs,
      },
      {
        name: 'network_build_server_ms',
        value: median(networkServer),
        floor: median(json),
        how: `the same changes in the page, to the last byte of analysis.network's answer in the page (Resource Timing). The bench asks the server for the same network just before each change (to know what the page must show), so the page's request is answered from the kept answer (networkAnswerCache.ts): this is its serialisation and transfer, not a build. The same floor as network_to_paint_ms.`,
        runs,
      },
      {
        name: 'network_layout_ms',
        value: median(laidOut),
        floor: median(json),
        how: `the same changes in the page, to the first frame showing the finished ForceAtlas2 layout. Information: the issue's figure is network_build_ms.`,
        runs,
      },
    ];
  } finally {
    await closePage(page);
    await server.stop();
  }
}
