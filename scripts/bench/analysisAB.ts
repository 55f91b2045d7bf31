/**
 * An A/B of the claims view's filter figures (claims_filter_ms, timeline_ms) between builds, in
 * one run: each variant is a checkout whose out/ is run (AB_ROOTS="A=/path,B=/path"), with its own
 * browser-mode server on its own copy of one 100,000-claim project, and its own page in one
 * Chromium. The runs alternate (A B B A …), each exactly as analysisBench.ts takes it (a code ticked,
 * to the painted table and timeline), so a slower moment of the shared machine falls on both.
 * Run by scripts/bench.mjs with BENCH_ENTRY=analysisAB (AB_RUNS rounds, default 12;
 * AB_TRACE=dir: a Chromium trace of each variant's third run, of every run with AB_TRACE_ALL=1, with more
 * categories with AB_TRACE_EXTRA=a,b; AB_PROFILE=dir: a CPU profile of every run;
 * AB_SPLIT=1: each run's split, when its rows were in the DOM and when each frame began).
 */
import { cp, mkdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ClaimRow } from '@shared/api/analysis';
import { startBrowserMode, type BrowserMode } from '../browserMode';
import { codeFilterToPaint, openClaimsView, untickCode, viewShows, type ViewShows } from './analysisPaint';
import { floorFilter, floorMs, startProfile, writeAnalysisProject } from './analysisBench';
import { closePage, launchBrowser, newPage, openLibrary } from './browser';
import { loadCorpus } from './corpus';

const root = process.env.BENCH_ROOT ?? process.cwd();
const roots = (process.env.AB_ROOTS ?? `A=${root}`).split(',').map((s) => {
  const [name, dir] = s.split('=');
  return { name: name!, dir: dir! };
});
const runs = Number(process.env.AB_RUNS ?? 12);
const work = process.env.AB_DIR ?? path.join(os.tmpdir(), 'hashiya-ab');
const median = (v: readonly number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const corpus = await loadCorpus(root);
const pristine = path.join(work, 'project');
if (!(await stat(path.join(pristine, 'project.json')).catch(() => null))) {
  await rm(pristine, { recursive: true, force: true });
  await writeAnalysisProject(pristine, corpus, { documents: 10_000, claimsPerDocument: 10, actors: 1000 });
}
const browser = await launchBrowser();
interface Variant {
  name: string;
  server: BrowserMode;
  page: Page;
  table: number[];
  timeline: number[];
  tableServer: number[];
  timelineServer: number[];
}
const variants: Variant[] = [];
try {
  for (const r of roots) {
    const dir = path.join(work, `project-${r.name}`);
    await rm(dir, { recursive: true, force: true });
    await cp(pristine, dir, { recursive: true });
    await mkdir(path.join(work, `user-${r.name}`), { recursive: true });
    const server = await startBrowserMode({
      root: r.dir,
      dataDir: dir,
      userData: path.join(work, `user-${r.name}`),
      startTimeoutMs: 600_000,
    });
    const page = await newPage(browser);
    variants.push({ name: r.name, server, page, table: [], timeline: [], tableServer: [], timelineServer: [] });
  }
  const want = async (server: BrowserMode, filter: { codes?: string[] }): Promise<ViewShows> => {
    const table = await server.call<{ total: number }>('analysis.claims', {
      filter,
      sort: { column: 'documentDate', dir: 'desc' },
      offset: 0,
      limit: 1,
    });
    const timeline = await server.call<{ bins: Array<{ total: number }> }>('analysis.timeline', {
      filter,
      interval: 'auto',
      stackBy: 'code',
      dateField: 'document',
    });
    const network = await server.call<{ network: { nodes: unknown[] } }>('analysis.network', {
      filter,
      network: { type: 'twoMode', aggregation: 'ignore' },
    });
    return {
      total: table.total,
      timeline: timeline.bins.reduce((n, b) => n + b.total, 0),
      nodes: network.network.nodes.length,
    };
  };
  // the floor as analysisBench.ts takes it (a plain Array filter + sort of every row, in memory),
  // measured in this run beside the variants, so each figure's ratio is to a floor of the same moment
  const rows: ClaimRow[] = [];
  const total = (await variants[0]!.server.call<{ total: number }>('analysis.claims', { offset: 0, limit: 1 })).total;
  for (let offset = 0; offset < total; offset += 2000)
    rows.push(
      ...(await variants[0]!.server.call<{ rows: ClaimRow[] }>('analysis.claims', { offset, limit: 2000 })).rows,
    );
  const floorFilterSort = floorFilter(rows, corpus.codebook.codes);
  const floors: number[] = [];
  // a view that does not come back to every claim within a minute says what it shows instead
  const shownOrSay = async (v: Variant, want: ViewShows) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stuck = new Promise<void>((resolve) => (timer = setTimeout(resolve, 60_000)));
    const done = viewShows(v.page, want).then(() => true);
    if (await Promise.race([done, stuck.then(() => false)])) return clearTimeout(timer);
    const seen = await v.page.evaluate(() => ({
      rowcount: document.querySelector('.claims-table')?.getAttribute('aria-rowcount'),
      busy: document.querySelector('.claims-table')?.getAttribute('aria-busy'),
      firstQuote: document
        .querySelector('[data-testid=claim-row][data-index="0"] .col-quote')
        ?.textContent?.slice(0, 20),
      bars: [...document.querySelectorAll('[data-testid=timeline-bar]')].reduce(
        (n, b) => n + Number(b.getAttribute('data-total')),
        0,
      ),
      nodes: document.querySelectorAll('[data-testid=network-node]').length,
      settled: document.querySelector('[data-testid=network]')?.getAttribute('data-settled'),
      alerts: [...document.querySelectorAll('[role=alert]')].map((a) => a.textContent),
      codes: document.querySelector('[data-testid=filter-codes] .multi-select-button')?.textContent,
    }));
    console.error(`[ab] ${v.name} stuck: wants ${JSON.stringify(want)}, shows ${JSON.stringify(seen)}`);
    await done;
  };
  const every = new Map<string, ViewShows>();
  for (const v of variants) {
    every.set(v.name, await want(v.server, {}));
    await openLibrary(v.page, v.server);
    await openClaimsView(v.page, every.get(v.name)!);
    // AB_EVAL=expression: a look at the open view (a debugging aid)
    if (process.env.AB_EVAL)
      console.error(`[ab] ${v.name}: ${JSON.stringify(await v.page.evaluate(process.env.AB_EVAL))}`);
  }
  for (let r = 0; r < runs + 1; r++) {
    const code = corpus.codebook.codes.find((c) => c.id === corpus.codeIds[r % corpus.codeIds.length])!;
    const order = r % 2 === 0 ? variants : [...variants].reverse();
    const [floor] = floorMs(3, () => floorFilterSort(code.id));
    if (r > 0) floors.push(floor);
    for (const v of order) {
      const shows = await want(v.server, { codes: [code.id] });
      const tracing = process.env.AB_TRACE && (r === 3 || (process.env.AB_TRACE_ALL && r > 0));
      if (tracing)
        await browser.startTracing(v.page, {
          path: path.join(process.env.AB_TRACE!, `${v.name}-${r}-${code.id}.json`),
          screenshots: false,
          // no sampling profiler (Playwright's default adds one, which doubles the JavaScript's time)
          categories: [
            'devtools.timeline',
            'disabled-by-default-devtools.timeline',
            'disabled-by-default-devtools.timeline.frame',
            'toplevel',
            // AB_TRACE_EXTRA=a,b: more categories (disabled-by-default-devtools.timeline.invalidationTracking: what each layout was for)
            ...(process.env.AB_TRACE_EXTRA ? process.env.AB_TRACE_EXTRA.split(',') : []),
          ],
        });
      const profiling = process.env.AB_PROFILE && r >= 1 ? await startProfile(v.page) : null;
      const t = await codeFilterToPaint(v.page, code.name || code.nameAr, shows, Boolean(process.env.AB_SPLIT));
      // AB_SPLIT=1: when the rows were in the DOM and each frame until they were shown (analysisPaint.ts)
      if (t.split)
        console.error(
          `[split] ${v.name} table ${t.table.toFixed(1)}: answer ${t.tableServer.toFixed(1)}, rows in the DOM ${t.split.dom.toFixed(1)}, frames at ${t.split.frames.map((f) => f.toFixed(1)).join(' ')}`,
        );
      if (tracing) await browser.stopTracing();
      if (profiling) await profiling.stop(path.join(process.env.AB_PROFILE!, `${v.name}-${code.id}.cpuprofile`));
      // AB_RESOURCES=1: the requests' Resource Timing of this run (a debugging aid)
      if (process.env.AB_RESOURCES)
        console.error(
          await v.page.evaluate(() =>
            performance
              .getEntriesByType('resource')
              .map((e) => {
                const r = e as PerformanceResourceTiming;
                const at = (x: number) => (x - r.startTime).toFixed(1);
                return `  ${r.name.split('/').pop()} start ${r.startTime.toFixed(1)} req +${at(r.requestStart)} resp +${at(r.responseStart)} end +${at(r.responseEnd)} ${r.transferSize}B`;
              })
              .join('\n'),
          ),
        );
      await untickCode(v.page, code.name || code.nameAr);
      await shownOrSay(v, every.get(v.name)!);
      console.error(
        `[ab] ${r} ${v.name} ${code.id}: table ${t.table.toFixed(1)} timeline ${t.timeline.toFixed(1)} (answers ${t.tableServer.toFixed(1)} / ${t.timelineServer.toFixed(1)}) load ${os.loadavg()[0]!.toFixed(2)}`,
      );
      if (r === 0) continue;
      v.table.push(t.table);
      v.timeline.push(t.timeline);
      v.tableServer.push(t.tableServer);
      v.timelineServer.push(t.timelineServer);
    }
  }
  const floor = median(floors);
  console.error(`[ab] floor ${floor.toFixed(1)} over ${floors.length} runs`);
  for (const v of variants)
    console.error(
      `[ab] ${v.name}: claims_filter ${median(v.table).toFixed(1)} timeline ${median(v.timeline).toFixed(1)} (answers ${median(v.tableServer).toFixed(1)} / ${median(v.timelineServer).toFixed(1)}) over ${v.table.length} runs; ratios ${(median(v.table) / floor).toFixed(2)}× / ${(median(v.timeline) / floor).toFixed(2)}× the floor`,
    );
} finally {
  for (const v of variants) {
    await closePage(v.page);
    await v.server.stop();
  }
  await browser.close();
}
