/**
 * `npm run bench`: every performance scenario of issue 9 on generated data, each beside the
 * machine's floor for the same work. Prints one JSON document on stdout and a table on stderr;
 * `--write-docs` also writes docs/performance.md. `--quick` runs fewer repetitions (for trying).
 *
 * Browser scenarios run in Debian's Chromium against browser mode (the built out/main/web.js).
 * Save latency and search go through the HTTP API, as the page calls them. CSV export runs the
 * export service in-process (bundled from src/ by scripts/bench.mjs), so its floor
 * (JSON.stringify) runs in the same process on the same annotations.
 */
import { readFile, rm, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { Annotation, DocumentSummary } from '@shared/model';
import type { SearchResult } from '@shared/api/search';
import { createOffsetMap } from '@shared/text/codepoints';
import { hostProject } from '../../src/main/app';
import { PROJECT_FILE, ProjectStore } from '../../src/main/store/projectStore';
import {
  closePage,
  frameMs,
  hoverPoints,
  hoverToPaint,
  keyToPaint,
  launchBrowser,
  newPage,
  openBothMs,
  openDocumentMs,
  openLibrary,
  scrollFrames,
  startupMs,
  tagOldMs,
  type StartupSplit,
  type InputTiming,
} from './browser';
import {
  articleText,
  loadCorpus,
  newsDocuments,
  seeded,
  writeProject,
  type Corpus,
  type WrittenProject,
} from './corpus';
import { cleanupFloor, durableWriteMs } from './floors';
import { machine, markdown, median, percentile, table, type Base, type Scenario } from './report';
import { measureSearch, writeSearchCorpus } from './searchBench';
import { measureAnalysis, writeAnalysisProject } from './analysisBench';
import { actorScenarios } from './actorBench';
import { agreementScenario } from './agreementBench';
import { startBrowserMode, type BrowserMode as Server } from '../browserMode';
import { deflateRawSync } from 'node:zlib';
import { importFile } from '../../src/main/import/index';
import { docxEntries } from '../../test/fixtures/import/docx';
import { makeZip } from '../../test/fixtures/import/zip';

const root = process.env.BENCH_ROOT ?? process.cwd();
const args = process.argv.slice(2);
const quick = args.includes('--quick') || process.env.BENCH_QUICK === '1';
const writeDocs = args.includes('--write-docs');
const LARGE = Number(process.env.BENCH_DOCUMENTS ?? 10_000);
const RUNS = {
  tag: quick ? 5 : 15,
  open: quick ? 3 : 5,
  startup: quick ? 2 : 5,
  save: quick ? 7 : 31,
  search: quick ? 3 : 7,
  exportCsv: quick ? 2 : 5,
  agreement: quick ? 3 : 9,
  // the claims view's changes are timed to a frame, as a tag is: a frame is 16.7 ms, so where in
  // it the answer lands moves one run by up to that, and a median of 7 moved with it from run to
  // run of the bench (18 and 25 ms for the same build)
  analysis: quick ? 5 : 15,
};

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const elapsed = (() => {
  const t0 = performance.now();
  return () => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
})();

const scenarios: Scenario[] = [];
const loadAtStart = os.loadavg()[0] ?? 0;
function record(
  s: Omit<Scenario, 'ratio' | 'met'> & { ratio?: number | null; check?: (s: Scenario) => boolean },
): void {
  const ratio = s.ratio !== undefined ? s.ratio : s.floor ? s.value / s.floor : null;
  const { check, ...rest } = s;
  const scenario: Scenario = { ...rest, ratio: ratio === null ? null : Math.round(ratio * 100) / 100, met: null };
  scenario.met = check ? check(scenario) : null;
  scenarios.push(scenario);
  log(
    `${s.name} = ${s.value.toFixed(2)} ${s.unit} (floor ${s.floor?.toFixed(2) ?? '—'}, ratio ${scenario.ratio ?? '—'})`,
  );
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await work();
  return [performance.now() - t0, value];
}

// ---------------------------------------------------------------------------------------------
// 1 and 2: tagging and opening a 200,000-character article with 5,000 annotations

const BIG_TITLE = 'مقال طويل جدا مع خمسة آلاف تعليق';
const PLAIN_TITLE = 'المقال الطويل نفسه بلا تعليقات';

async function readerScenarios(browser: Browser, corpus: Corpus, tmp: string): Promise<void> {
  const rand = seeded(1);
  const text = articleText(rand, corpus, 200_000);
  const paragraphs = text.split('\n').length;
  const specs = [
    { id: 'big-annotated', title: BIG_TITLE, text, annotations: 5000 },
    { id: 'big-plain', title: PLAIN_TITLE, text, annotations: 0 },
    ...newsDocuments(rand, corpus, 8, 10),
  ];
  const project = await writeProject(path.join(tmp, 'reader'), corpus, specs, rand);
  const bigFile = JSON.parse(await readFile(path.join(project.dir, 'documents', 'big-annotated.json'), 'utf8')) as {
    annotations: Annotation[];
  };
  // distinct (span, code) pairs: the same span with the same code is painted once
  const ranges = new Set(bigFile.annotations.flatMap((a) => a.codes.map((c) => `${a.start},${a.end},${c}`))).size;
  log(
    `reader project: ${text.length.toLocaleString()} characters in ${paragraphs} paragraphs, ${bigFile.annotations.length} annotations (${ranges} highlight ranges) [${elapsed()}]`,
  );

  const server = await startBrowserMode({ root, dataDir: project.dir, userData: path.join(tmp, 'userdata') });
  try {
    // 2: open from the library; the floor is the same text with no annotations. Both end points
    // are taken from the same click.
    const opened: Array<{ paint: number; old: number }> = [];
    const plain: Array<{ paint: number; old: number }> = [];
    for (let r = 0; r < RUNS.open; r++) {
      for (const [title, want, out] of [
        [PLAIN_TITLE, 0, plain],
        [BIG_TITLE, ranges, opened],
      ] as const) {
        const page = await newPage(browser);
        await openLibrary(page, server);
        out.push(await openBothMs(page, title, paragraphs, want));
        await closePage(page);
      }
    }
    record({
      name: 'open_to_paint_ms',
      value: median(opened.map((o) => o.paint)),
      unit: 'ms',
      floor: median(plain.map((o) => o.paint)),
      target: 'ratio ≤ 2',
      check: (s) => (s.ratio ?? Infinity) <= 2,
      how: `click the title in the library until the first frame holding all ${paragraphs} paragraphs of the 200,000-character article and its highlights (its ${ranges} ranges, or those near the screen, registered in one step) has rendered (checked in every frame's requestAnimationFrame callback, stopped by a MessageChannel message posted from it, which runs after that frame's style, layout and paint). Floor: the same text with no annotations, opened the same way.`,
      runs: RUNS.open,
    });
    record({
      name: 'open_document_ms',
      value: median(opened.map((o) => o.old)),
      unit: 'ms',
      floor: median(plain.map((o) => o.old)),
      target: 'ratio ≤ 3',
      check: (s) => (s.ratio ?? Infinity) <= 3,
      how: `the old end point, kept for one release (same clicks as \`open_to_paint_ms\`): until the paragraphs and highlight ranges are in the page (polled per task), plus one requestAnimationFrame callback, which runs before that frame renders.`,
      runs: RUNS.open,
    });

    // 1: tag a selection with key 1 on the open article
    const page = await newPage(browser);
    await openLibrary(page, server);
    await openDocumentMs(page, BIG_TITLE, paragraphs, ranges);
    const tags: InputTiming[] = [];
    const empty: InputTiming[] = [];
    const olds: number[] = [];
    const frames: number[] = [];
    const profile = process.env.BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
    if (profile) {
      await profile.send('Profiler.enable');
      await profile.send('Profiler.start');
    }
    // BENCH_TRACE=file: a Chromium trace (chrome://tracing, DevTools) of tagging, hover and scrolling
    if (process.env.BENCH_TRACE)
      await browser.startTracing(page, { path: process.env.BENCH_TRACE, screenshots: false });
    const rounds = RUNS.tag + 2;
    for (let r = 0; r < rounds; r++) {
      const tag = await keyToPaint(page, 7 + r * 13, '1', 'range');
      // let the save finish before the next tag, as a researcher reading on would
      await page.waitForTimeout(400);
      const floor = await keyToPaint(page, 8 + r * 13, 'x', 'nothing');
      const old = await tagOldMs(page, 9 + r * 13, '1');
      await page.waitForTimeout(400);
      const frame = await frameMs(page);
      if (r < 2) continue; // the first two warm the code paths up
      tags.push(tag);
      empty.push(floor);
      olds.push(old);
      frames.push(frame);
    }
    if (profile) {
      const { profile: data } = await profile.send('Profiler.stop');
      await writeFile(process.env.BENCH_PROFILE as string, JSON.stringify(data));
    }
    const after = await server.call<Annotation[]>('annotations.list', { documentId: 'big-annotated' });
    if (after.length !== 5000 + 2 * rounds)
      throw new Error(`expected ${5000 + 2 * rounds} annotations after tagging, found ${after.length}`);
    const lateFrames = tags.filter((t) => t.frames > 1).length;
    record({
      name: 'tag_to_paint_ms',
      value: median(tags.map((t) => t.paint)),
      unit: 'ms',
      floor: median(empty.map((t) => t.paint)),
      target: '≤ 33 ms',
      check: (s) => s.value <= 33.4,
      how: `in the open 200,000-character article with 5,000 annotations: select words programmatically, press "1" (a trusted key press through Chromium's input pipeline), from the keydown's time stamp until the first frame holding the new highlight range has rendered (checked in every frame's requestAnimationFrame callback, stopped by a MessageChannel message posted from it); ${tags.length - lateFrames} of ${tags.length} tags were in the next frame. Every tag is then checked to be saved on the server. Floor: a key no handler acts on ("x"), from its time stamp to the next rendered frame, same page.`,
      runs: RUNS.tag,
    });
    const timed = tags.map((t) => t.eventTiming);
    record({
      name: 'tag_event_timing_ms',
      value: median(timed.map((d) => d ?? 16)),
      unit: 'ms',
      floor: null,
      target: '',
      how: `the same key presses as seen by the Event Timing API (PerformanceEventTiming of the keydown, durationThreshold 16, what Chromium's INP uses): from the event's time stamp to the presentation of the next frame after its handlers, in 8 ms steps; ${timed.filter((d) => d === null).length} of ${timed.length} were under 16 ms (not reported; counted as 16). It shows the tag only when that frame holds the highlight (${tags.length - lateFrames} of ${tags.length} did).`,
      runs: RUNS.tag,
    });
    record({
      name: 'tag_latency_ms',
      value: median(olds),
      unit: 'ms',
      floor: median(frames),
      target: 'ratio ≤ 3',
      check: (s) => (s.ratio ?? Infinity) <= 3,
      how: 'the old end point, kept for one release: a synthetic keydown "1" dispatched on the page, until the highlight registry holds one more range (polled per task), plus one requestAnimationFrame callback, which runs before that frame renders (so the frame that paints the tag is not counted). Floor: one requestAnimationFrame round trip on the same page.',
      runs: RUNS.tag,
    });

    // 7: hover and scrolling on the open article (pointer over the text, as a reader's)
    const { on, off } = await hoverPoints(page);
    const hovers: InputTiming[] = [];
    const hoverFloors: InputTiming[] = [];
    for (let r = 0; r < RUNS.tag; r++) {
      hovers.push(await hoverToPaint(page, on, off, 'card'));
      hoverFloors.push(await hoverToPaint(page, on, off, 'nothing'));
    }
    record({
      name: 'hover_to_paint_ms',
      value: median(hovers.map((t) => t.paint)),
      unit: 'ms',
      floor: median(hoverFloors.map((t) => t.paint)),
      target: '',
      how: "a trusted pointer move onto an annotated word (from the page header), from the mousemove's time stamp until the first frame holding its hover card has rendered. Floor: the same move to its next rendered frame.",
      runs: RUNS.tag,
    });
    const scrolled = await scrollRuns(page, on);
    if (process.env.BENCH_TRACE) await browser.stopTracing();
    await closePage(page);
    const plainPage = await newPage(browser);
    await openLibrary(plainPage, server);
    await openDocumentMs(plainPage, PLAIN_TITLE, paragraphs, 0);
    const plainScroll = await scrollRuns(plainPage, on);
    await closePage(plainPage);
    record({
      name: 'scroll_frame_ms',
      value: percentile(scrolled.durations, 95),
      unit: 'ms',
      floor: percentile(plainScroll.durations, 95),
      target: '≤ 16 ms',
      check: (s) => s.value <= 16,
      how: `p95 of ${scrolled.durations.length} frames scrolling the open article with 5,000 annotations by ${SCROLL.px} px a frame (scrollTop set in each frame's requestAnimationFrame callback; ${SCROLL.runs} runs of ${SCROLL.frames} frames from the top), the pointer resting over the text as a reader's (the reader puts its hover card away while the article scrolls and hit-tests again once it stops): each frame from its begin time (the callback's time stamp) to the end of its rendering (a MessageChannel message posted from the callback). Frame intervals: p95 ${percentile(scrolled.intervals, 95).toFixed(1)} ms (plain: ${percentile(plainScroll.intervals, 95).toFixed(1)} ms). Floor: the same text with no annotations.`,
      runs: SCROLL.runs,
    });
  } finally {
    await server.stop();
  }
}

const SCROLL = { runs: quick ? 1 : 3, frames: 120, px: 60 };

async function scrollRuns(
  page: Page,
  at: { x: number; y: number },
): Promise<{ durations: number[]; intervals: number[] }> {
  const durations: number[] = [];
  const intervals: number[] = [];
  for (let r = 0; r < SCROLL.runs; r++) {
    await page.evaluate(() => {
      (document.querySelector('.reader-scroll') as HTMLElement).scrollTop = 0;
    });
    await page.waitForTimeout(200);
    const run = await scrollFrames(page, at, SCROLL.frames, SCROLL.px);
    durations.push(...run.durations);
    intervals.push(...run.intervals);
  }
  return { durations, intervals };
}

// ---------------------------------------------------------------------------------------------
// 3 and 6: startup, memory and save latency at 10 and at 10,000 documents; 5: search

interface AtSize {
  startup: number;
  rss: number;
  rssPeak: number;
  save: number;
  saveFloor: number;
  saveHttp: number;
}

async function projectScenarios(
  browser: Browser,
  project: WrittenProject,
  codeId: string,
  tmp: string,
  label: string,
  withSearch: boolean,
): Promise<AtSize> {
  const userData = path.join(tmp, 'userdata');
  // startup: a new server each time, measured from spawn to the library's first painted row
  const splits: StartupSplit[] = [];
  let server: Server | null = null;
  for (let r = 0; r < RUNS.startup; r++) {
    await server?.stop();
    // the browser and its page are ready first: startup is the app's, not the browser's
    const page = await newPage(browser);
    server = await startBrowserMode({ root, dataDir: project.dir, userData });
    splits.push(await startupMs(page, server));
    await closePage(page);
  }
  const startups = splits.map((s) => s.firstRow);
  if (!server) throw new Error('no server');
  try {
    // memory: with the library listed and ten documents opened, once the server is idle (V8's
    // memory reducer returns the garbage of reading the index after some seconds of idleness)
    await server.call('documents.list', {});
    for (const d of project.summaries.slice(0, 10)) await server.call('documents.get', { id: d.id });
    const rssPeak = server.rssMb();
    let rss = rssPeak;
    for (let s = 0; s < 20; s++) {
      await new Promise((r) => setTimeout(r, 1000));
      rss = Math.min(rss, server.rssMb());
    }
    log(`${label}: startup runs ${startups.map((x) => x.toFixed(0)).join(', ')} ms; ${splitText(splits)}`);
    log(
      `${label}: startup ${median(startups).toFixed(0)} ms, rss ${rss.toFixed(0)} MB settled (${rssPeak.toFixed(0)} MB at first) [${elapsed()}]`,
    );

    // save: annotations.create over HTTP on a document already open (as in the reader)
    const doc = { id: middle(project) };
    const docFile = path.join(project.dir, 'documents', `${doc.id}.json`);
    await server.call('annotations.list', { documentId: doc.id });
    const spans = wordSpans(
      (JSON.parse(await readFile(docFile, 'utf8')) as { document: { text: string } }).document.text,
      RUNS.save,
    );
    const saves: number[] = [];
    for (const span of spans) {
      const [ms] = await time(() =>
        server!.call('annotations.create', { documentId: doc.id, ...span, codes: [codeId] }),
      );
      saves.push(ms);
      await new Promise((res) => setTimeout(res, 60));
    }
    log(`${label}: save over HTTP ${median(saves).toFixed(2)} ms [${elapsed()}]`);
    if (withSearch) await searchScenarios(server, project);
    await server.stop();
    const inProcess = await saveInProcess(project, doc.id, codeId);
    log(
      `${label}: save in-process ${inProcess.save.toFixed(2)} ms, durable write ${inProcess.floor.toFixed(2)} ms (${inProcess.bytes} bytes) [${elapsed()}]`,
    );
    return {
      startup: median(startups),
      rss,
      rssPeak,
      save: inProcess.save,
      saveFloor: inProcess.floor,
      saveHttp: median(saves),
    };
  } finally {
    await server.stop();
  }
}

/** The medians of start-up's split: server listening, page DOMContentLoaded, first row painted. */
function splitText(splits: readonly StartupSplit[]): string {
  const at = (key: keyof StartupSplit) => median(splits.map((s) => s[key])).toFixed(0);
  return `median: listening ${at('ready')} ms, DOMContentLoaded ${at('dcl')} ms, first row ${at('firstRow')} ms after the spawn`;
}

/**
 * annotations.create through the services' dispatch (input validated, annotation anchored,
 * document file written durably) with the project open in this process, interleaved with the
 * floor: a durable write of the document file's bytes, so both see the same disk and load.
 */
async function saveInProcess(
  project: WrittenProject,
  documentId: string,
  codeId: string,
): Promise<{ save: number; floor: number; bytes: number }> {
  const store = await ProjectStore.open(project.dir);
  try {
    const { services } = await hostProject(store);
    await services.dispatch('annotations.list', { documentId });
    const docFile = store.documentPath(documentId);
    const spans = wordSpans(
      store.summaries().length > 0 ? (await store.document(documentId)).data.document.text : '',
      RUNS.save + 1,
    ).slice(1);
    const saves: number[] = [];
    const floors: number[] = [];
    let bytes = 0;
    for (const span of spans) {
      const [ms] = await time(() => services.dispatch('annotations.create', { documentId, ...span, codes: [codeId] }));
      saves.push(ms);
      await new Promise((res) => setTimeout(res, 30));
      const raw = await readFile(docFile);
      bytes = raw.length;
      floors.push(await durableWriteMs(path.dirname(docFile), raw));
      await new Promise((res) => setTimeout(res, 30));
    }
    await cleanupFloor(path.dirname(docFile));
    return { save: median(saves), floor: median(floors), bytes };
  } finally {
    await store.close();
  }
}

/** The document the save scenarios tag: the one in the middle of the library. */
function middle(project: WrittenProject): string {
  return (project.summaries[Math.floor(project.summaries.length / 2)] as WrittenProject['summaries'][number]).id;
}

interface Saved {
  save: number;
  floor: number;
}

/** save_latency_* and save_growth_10_to_10k, from saveInProcess at 10 and at LARGE documents. */
function recordSaves(at10: Saved, atLarge: Saved): void {
  record({
    name: 'save_latency_10_docs_ms',
    value: at10.save,
    unit: 'ms',
    floor: at10.floor,
    target: 'ratio ≤ 2',
    check: (s) => (s.ratio ?? Infinity) <= 2,
    how: 'annotations.create through the services (in-process dispatch: input validated, span anchored, the document file written durably; it resolves once the file is fsynced) on a 3,000-character document with 10+ annotations in a 10-document project. Floor: temp + write + fsync + rename + fsync(dir) of the same file bytes with node:fs in the same folder, interleaved with the saves.',
    runs: RUNS.save,
  });
  record({
    name: 'save_latency_10k_docs_ms',
    value: atLarge.save,
    unit: 'ms',
    floor: atLarge.floor,
    target: 'ratio ≤ 2',
    check: (s) => (s.ratio ?? Infinity) <= 2,
    how: `the same in a ${LARGE.toLocaleString()}-document project (the HTTP server stopped first).`,
    runs: RUNS.save,
  });
  record({
    name: 'save_growth_10_to_10k',
    value: atLarge.save,
    unit: 'ms',
    floor: at10.save,
    target: 'ratio ≤ 2',
    check: (s) => (s.ratio ?? Infinity) <= 2,
    how: `save latency at ${LARGE.toLocaleString()} documents against save latency at 10 documents.`,
    runs: RUNS.save,
  });
}

/** `count` spans of two words each, spread over the text, in code points. */
function wordSpans(text: string, count: number): Array<{ start: number; end: number }> {
  const map = createOffsetMap(text);
  const spaces: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === ' ') spaces.push(i);
  const step = Math.floor((spaces.length - 3) / count);
  return Array.from({ length: count }, (_, r) => ({
    start: map.toCp((spaces[r * step] as number) + 1),
    end: map.toCp(spaces[r * step + 2] as number),
  }));
}

async function searchScenarios(server: Server, project: WrittenProject): Promise<void> {
  const search = (input: Record<string, unknown>) => server.call<SearchResult>('search', input);
  const [first, firstResult] = await time(() => search({ query: 'خليفة' }));
  log(`first search (builds the index of ${firstResult.documentCount} documents): ${first.toFixed(0)} ms`);
  // the cases of the search engineer's scripts/bench-search.ts, over this corpus
  const cases: Array<[string, Record<string, unknown>, boolean]> = [
    ['search_ms', { query: 'خليفة' }, true],
    ['search_substring_ms', { query: 'خليفة', options: { match: 'substring' } }, false],
    ['search_phrase_ms', { query: 'وقف إطلاق النار' }, false],
    ['search_no_hits_ms', { query: 'غير موجودة إطلاقا' }, false],
    // the sample names خليفه mostly as لخليفه: few whole-word hits, the filter must rule the rest out
    ['search_whole_word_ms', { query: 'خليفة', options: { wholeWord: true } }, false],
    ['search_harakat_ms', { query: 'اضطُرت', options: { ignoreDiacritics: false } }, false],
    ['search_digits_ms', { query: '٢٠١٩' }, false],
    [
      'search_one_document_ms',
      { query: 'الرئيس', documentId: project.summaries[123]?.id ?? project.summaries[0]?.id },
      false,
    ],
  ];
  for (const [name, input, main] of cases) {
    const times: number[] = [];
    let last: SearchResult | null = null;
    for (let r = 0; r < RUNS.search; r++) {
      const [ms, result] = await time(() => search(input));
      times.push(ms);
      last = result;
    }
    const hits = last ? `${last.hits.length}${last.truncated ? '+' : ''} hits in ${last.documentCount} documents` : '';
    record({
      name,
      value: median(times),
      unit: 'ms',
      floor: null,
      target: main ? '≤ 200 ms' : '',
      check: main ? (s) => s.value <= 200 : undefined,
      how: `HTTP \`search\` ${JSON.stringify(input)} over ${project.summaries.length.toLocaleString()} documents, warm (the first search of the session built the index in ${first.toFixed(0)} ms); ${hits}.`,
      runs: RUNS.search,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// 6b: memory held per document, in-process with a forced GC (exact, unlike RSS)

v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;
function heapMb(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** Heap retained by a project open with its library listed, and by each document opened. */
async function heldMemory(project: WrittenProject): Promise<{ project: number; perOpened: number }> {
  const before = heapMb();
  const store = await ProjectStore.open(project.dir);
  try {
    const { services } = await hostProject(store);
    await services.dispatch('documents.list', {});
    const listed = heapMb();
    const opened = project.summaries.slice(0, 10);
    for (const d of opened) {
      await services.dispatch('documents.get', { id: d.id });
      await services.dispatch('annotations.list', { documentId: d.id });
    }
    const after = heapMb();
    return { project: listed - before, perOpened: (after - listed) / opened.length };
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 4: CSV export of 100,000 annotations, in-process

async function exportScenario(project: WrittenProject): Promise<void> {
  const store = await ProjectStore.open(project.dir);
  try {
    const { services } = await hostProject(store);
    const exportCsv = () => services.dispatch('export.csv', {}) as Promise<{ csv: string; rows: number }>;
    // cold: documents read from disk one at a time (what a fresh session does)
    const [cold, coldResult] = await time(exportCsv);
    // warm: every document already open in the store
    const all: Annotation[][] = [];
    for (const s of project.summaries) all.push((await store.document(s.id)).data.annotations);
    const count = all.reduce((n, a) => n + a.length, 0);
    const csvTimes: number[] = [];
    const jsonTimes: number[] = [];
    let rows = 0;
    for (let r = 0; r < RUNS.exportCsv; r++) {
      const [ms, result] = await time(exportCsv);
      csvTimes.push(ms);
      rows = result.rows;
      const t0 = performance.now();
      let length = 0;
      for (const list of all) length += JSON.stringify(list).length;
      jsonTimes.push(performance.now() - t0);
      if (length === 0) throw new Error('nothing serialised');
    }
    const rate = (ms: number) => count / (ms / 1000);
    record({
      name: 'export_csv_per_s',
      value: Math.round(rate(median(csvTimes))),
      unit: 'annotations/s',
      floor: Math.round(rate(median(jsonTimes))),
      target: 'ratio ≥ 0.5',
      check: (s) => (s.ratio ?? 0) >= 0.5,
      how: `the export service (in-process, services.dispatch('export.csv')) over ${count.toLocaleString()} annotations in ${project.summaries.length.toLocaleString()} open documents (${rows.toLocaleString()} rows, one per annotation and code). Floor: JSON.stringify of the same annotation arrays. Ratio: CSV throughput / JSON throughput.`,
      runs: RUNS.exportCsv,
    });
    record({
      name: 'export_csv_cold_per_s',
      value: Math.round(rate(cold)),
      unit: 'annotations/s',
      floor: null,
      target: '',
      how: `the same export in a fresh store, every document file read, validated and let go (${coldResult.rows.toLocaleString()} rows); one run.`,
      runs: 1,
    });
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 3b: start-up and memory at 100,000 documents (a multi-year newspaper corpus), beside 10,000

const SCALE_DOCUMENTS = Number(process.env.BENCH_SCALE_DOCUMENTS ?? (quick ? 20_000 : 100_000));
/**
 * BENCH_SCALE_DIR=DIR: write the scale part's projects to DIR/scale-N and keep them; a later run
 * with the same DIR opens them again instead of generating them (two minutes at 100,000). The kept
 * projects hold what the server wrote into them (its index files), so a run that reuses them does
 * not see a first open without them: for iterating on a change, not for the published figures.
 */
const SCALE_DIR = process.env.BENCH_SCALE_DIR ? path.resolve(process.env.BENCH_SCALE_DIR) : null;

/** A project the scale part wrote and kept in `dir` (its summaries read back), or null. */
async function keptProject(dir: string): Promise<WrittenProject | null> {
  const text = await readFile(path.join(dir, PROJECT_FILE), 'utf8').catch(() => null);
  if (text === null) return null;
  const summaries = (JSON.parse(text) as { documents: DocumentSummary[] }).documents;
  const annotationCount = summaries.reduce((n, d) => n + d.annotationCount, 0);
  return { dir, summaries, annotationCount };
}

interface Scaled {
  documents: number;
  info: number;
  paint: number;
  rss: number;
  rssPeak: number;
}

/** the longest settledRss waits, in seconds */
const SETTLE_MAX_S = quick ? 20 : 60;

/**
 * The server's resident memory once it has settled. V8 gives back the room its young generation
 * grew to while the project was read only when its memory reducer runs, about 8 s after the last
 * garbage collection of that burst: at 10,000 documents some 9 s after the library was listed, at
 * 100,000 some 16 s (measured each second over 60 s: 87 → 71 MB and 158 → 122 MB, nothing more
 * given back after). A fixed window of 15 s caught the first and missed the second, so the ratio
 * of the two compared one process before that return with the other after it, and flipped
 * between 1.8× and 2.2× from run to run. Here each size is sampled every second until its RSS has
 * fallen at least 8% below the first sample and then held within 1 MB for 3 s, or SETTLE_MAX_S
 * (a process that gives nothing back is read at the end of that): the lowest value seen, and
 * after how many seconds.
 */
async function settledRss(rssMb: () => number, first: number): Promise<{ rss: number; seconds: number }> {
  let rss = first;
  let dropped = false;
  let steady = 0;
  let s = 0;
  while (s < SETTLE_MAX_S) {
    await new Promise((res) => setTimeout(res, 1000));
    s++;
    const now = rssMb();
    steady = Math.abs(now - rss) <= 1 || now > rss ? steady + 1 : 0;
    rss = Math.min(rss, now);
    if (!dropped && rss <= first * 0.92) {
      dropped = true;
      steady = 0;
    }
    if (dropped && steady >= 3) break;
  }
  return { rss, seconds: s };
}

/** Spawn to project.info answered, spawn to the library's first painted row, and settled RSS. */
async function startupAt(browser: Browser, project: WrittenProject, tmp: string, label: string): Promise<Scaled> {
  const userData = path.join(tmp, 'userdata');
  const infos: number[] = [];
  const paints: number[] = [];
  const splits: StartupSplit[] = [];
  let server: Server | null = null;
  try {
    for (let r = 0; r < RUNS.startup; r++) {
      await server?.stop();
      const page = await newPage(browser);
      server = await startBrowserMode({ root, dataDir: project.dir, userData, startTimeoutMs: 600_000 });
      await server.call('project.info', {});
      infos.push(Date.now() - server.spawnedAt);
      const split = await startupMs(page, server);
      splits.push(split);
      paints.push(split.firstRow);
      await closePage(page);
    }
    if (!server) throw new Error('no server');
    for (const d of project.summaries.slice(0, 10)) await server.call('documents.get', { id: d.id });
    const rssPeak = server.rssMb();
    const { rss, seconds } = await settledRss(() => server?.rssMb() ?? NaN, rssPeak);
    const result = { documents: project.summaries.length, info: median(infos), paint: median(paints), rss, rssPeak };
    log(
      `${label}: project.info ${infos.map((x) => x.toFixed(0)).join(', ')} ms; first row painted ${paints.map((x) => x.toFixed(0)).join(', ')} ms (${splitText(splits)}); rss ${rss.toFixed(0)} MB settled after ${seconds} s (${rssPeak.toFixed(0)} MB at first) [${elapsed()}]`,
    );
    return result;
  } finally {
    await server?.stop();
  }
}

async function scaleScenarios(browser: Browser, corpus: Corpus, tmp: string): Promise<void> {
  const sizes = [Math.round(SCALE_DOCUMENTS / 10), SCALE_DOCUMENTS];
  const measured: Scaled[] = [];
  for (const [i, size] of sizes.entries()) {
    const dir = path.join(SCALE_DIR ?? tmp, `scale-${size}`);
    const kept = SCALE_DIR ? await keptProject(dir) : null;
    const [genMs, project] = kept
      ? [0, kept]
      : await time(() => writeProject(dir, corpus, newsDocuments(seeded(20 + i), corpus, size, 2), seeded(30 + i)));
    log(
      kept
        ? `reused the ${size.toLocaleString()} documents kept in ${dir} [${elapsed()}]`
        : `generated ${size.toLocaleString()} documents in ${(genMs / 1000).toFixed(0)} s [${elapsed()}]`,
    );
    measured.push(await startupAt(browser, project, tmp, `${size.toLocaleString()} documents`));
    if (!SCALE_DIR) await rm(dir, { recursive: true, force: true });
  }
  const [small, large] = measured as [Scaled, Scaled];
  const n = large.documents.toLocaleString();
  const of = `news-sized documents (about 3,000 characters and 2 annotations each, scripts/bench/corpus.ts)`;
  record({
    name: 'startup_100k_docs_ms',
    value: large.paint,
    unit: 'ms',
    floor: small.paint,
    target: '≤ 2000 ms',
    check: (s) => s.value <= 2000,
    how: `from spawning \`node out/main/web.js\` on a ${n}-document project of ${of} to the frame after the library's first row appeared in a new Chromium page; project.info answered ${large.info.toFixed(0)} ms after the spawn (${small.info.toFixed(0)} ms at ${small.documents.toLocaleString()}). Floor: the same at ${small.documents.toLocaleString()} documents.`,
    runs: RUNS.startup,
  });
  record({
    name: 'rss_100k_docs_mb',
    value: Math.round(large.rss * 10) / 10,
    unit: 'MB',
    floor: Math.round(small.rss * 10) / 10,
    target: 'ratio ≤ 2',
    check: (s) => (s.ratio ?? Infinity) <= 2,
    how: `resident memory of the server process (VmRSS) with ${n} documents, the library listed and ten documents opened, once settled: sampled each second until V8 has given back the room the reading of the project took (a fall of 8% or more, then 3 s steady) or for ${SETTLE_MAX_S} s (settledRss in scripts/bench/main.ts). Floor: the same with ${small.documents.toLocaleString()} documents.`,
    runs: 1,
  });
  record({
    name: 'rss_100k_docs_right_after_mb',
    value: Math.round(large.rssPeak * 10) / 10,
    unit: 'MB',
    floor: Math.round(small.rssPeak * 10) / 10,
    target: '',
    how: `information: the same, right after the ten documents were opened, before V8 gives back any room (until this release, rss_100k_docs_mb was the lowest value over 15 s, which at ${n} documents was this figure). Floor: the same with ${small.documents.toLocaleString()} documents.`,
    runs: 1,
  });
}

// ---------------------------------------------------------------------------------------------
// 5b: search and tag-all in-process over scripts/bench/searchBench.ts's corpus (bench-search.mjs)

const SEARCH_DOCUMENTS = Number(process.env.BENCH_SEARCH_DOCUMENTS ?? (quick ? 2000 : 10_000));

async function searchCorpusScenarios(tmp: string): Promise<void> {
  const dir = path.join(tmp, 'search');
  const [writeMs, { chars }] = await time(() => writeSearchCorpus(dir, SEARCH_DOCUMENTS));
  log(
    `search corpus: ${SEARCH_DOCUMENTS.toLocaleString()} documents, ${(chars / 1e6).toFixed(1)} M characters, written in ${(writeMs / 1000).toFixed(1)} s [${elapsed()}]`,
  );
  const { figures: f, tagged, warm } = await measureSearch(dir, RUNS.search, log);
  const corpus = `${SEARCH_DOCUMENTS.toLocaleString()} synthetic articles (${(chars / 1e6).toFixed(1)} M characters, scripts/bench/searchBench.ts, the corpus of scripts/bench-search.mjs), in-process services.dispatch`;
  record({
    name: 'search_first_ms',
    value: f.search_first_ms,
    unit: 'ms',
    floor: null,
    target: '≤ 2000 ms',
    check: (s) => s.value <= 2000,
    how: `the first \`search\` of a session ({"query":"كلمة نادرة"}) over ${corpus}, the project reopened with its index files on disk (they are read, not built). Building them in a project that has none took ${f.search_index_build_ms.toFixed(0)} ms, and a documents.list asked 200 ms into that build answered in ${f.call_during_build_ms.toFixed(1)} ms.`,
    runs: 1,
  });
  record({
    name: 'search_warm_ms',
    value: f.search_warm_ms,
    unit: 'ms',
    floor: null,
    target: '≤ 50 ms',
    check: (s) => s.value <= 50,
    how: `a warm \`search\` {"query":"خليفة"} (word-aware, every spelling; 1,000+ hits, truncated) over ${corpus}; the slowest of ten warm cases (rare phrase, no hits, whole word, substring, proclitics, ة ≠ ه, digits, a common word, one document) took ${f.search_warm_worst_ms.toFixed(0)} ms.`,
    runs: RUNS.search,
  });
  record({
    name: 'search_warm_worst_ms',
    value: f.search_warm_worst_ms,
    unit: 'ms',
    floor: null,
    target: '≤ 50 ms',
    check: (s) => s.value <= 50,
    how: `the slowest median of the ${warm.length} warm cases over ${corpus}: ${warm.map((w) => `${w.label} ${w.ms.toFixed(1)} ms (${w.hits} hits)`).join('; ')}.`,
    runs: RUNS.search,
  });
  record({
    name: 'tag_all_1000_ms',
    value: f.tag_all_1000_ms,
    unit: 'ms',
    floor: f.tag_all_1000_floor_ms,
    target: '≤ 1000 ms',
    check: (s) => s.value <= 1000,
    how: `"Tag all hits" as ProjectTagAll.tsx does it: one \`annotations.createAcross\` (skipTagged) for the ${tagged.annotations.toLocaleString()} hits of {"query":"خليفة","options":{"match":"substring"}} in ${tagged.documents.toLocaleString()} documents of the same corpus, to its answer: every draft checked, then the new text of every touched document written as ONE record of the batch journal (docs/storage.md: one fsync of the record, one of journal/); the files are rewritten in the background (their first-save backups, hard links, are kept there too), and every one of them was on disk, the record retired and each file's first after-save snapshot taken (store.flush, which starts the snapshots at once) ${f.tag_all_1000_files_ms.toFixed(0)} ms after the call. The same tag-all again, after an undo: ${f.tag_all_1000_again_ms.toFixed(0)} ms. Its undo, one \`annotations.deleteAcross\`: ${f.untag_all_1000_ms.toFixed(0)} ms. The old way, one \`annotations.createMany\` per document: ${f.tag_all_1000_per_document_ms.toFixed(0)} ms. Floor: one durable write (temp + write + fsync + rename + fsync(dir)) of the ${tagged.documents.toLocaleString()} touched files' bytes back to back, what the record holds, in the same folder right after. The floor before the journal, ${tagged.documents.toLocaleString()} such writes of the files side by side (what the call used to wait for): ${f.tag_all_1000_per_file_floor_ms.toFixed(0)} ms.`,
    runs: 1,
  });
}

// ---------------------------------------------------------------------------------------------

/** Issue 6: a zip bomb is refused in under a second, before anything is expanded. */
async function zipBombScenario(): Promise<void> {
  const zeros = deflateRawSync(Buffer.alloc(50 * 1024 * 1024));
  const bomb = makeZip([
    ...docxEntries([{ text: 'وقف إطلاق النار' }]),
    { name: 'word/media/zeros.bin', compressed: zeros, declaredUncompressed: 50 * 1024 * 1024 },
  ]);
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    const refused = await importFile('bomb.docx', bomb).then(
      () => false,
      () => true,
    );
    times.push(performance.now() - t0);
    if (!refused) throw new Error('the zip bomb was not refused');
  }
  record({
    name: 'zip_bomb_refusal_ms',
    value: median(times),
    unit: 'ms',
    floor: null,
    target: '≤ 1000 ms',
    check: (sc) => sc.value <= 1000,
    how: `importFile on a ${(bomb.length / 1024).toFixed(0)} KB .docx holding 50 MB of zeros (ratio far past the limit): refused from the zip's central directory, nothing expanded.`,
    runs: times.length,
  });
}

// the claims view at 100,000 claims (scripts/bench/analysisBench.ts)
async function analysisScenarios(browser: Browser, corpus: Corpus, tmp: string): Promise<void> {
  const dir = path.join(tmp, 'analysis');
  const sizes = { documents: LARGE, claimsPerDocument: 10, actors: 1000 };
  const [ms, claims] = await time(() => writeAnalysisProject(dir, corpus, sizes));
  log(`analysis project: ${claims.toLocaleString()} claims written in ${(ms / 1000).toFixed(1)} s [${elapsed()}]`);
  const userData = path.join(tmp, 'analysis-userdata');
  const painted = new Set(['claims_filter_ms', 'timeline_ms', 'network_build_ms']);
  for (const r of await measureAnalysis(browser, root, dir, userData, corpus, RUNS.analysis, log))
    record(
      painted.has(r.name)
        ? { ...r, unit: 'ms', target: 'ratio ≤ 3', check: (s) => (s.ratio ?? Infinity) <= 3 }
        : { ...r, unit: 'ms', target: 'info' },
    );
}

async function finish(chromiumVersion: string): Promise<void> {
  const order = [
    'tag_to_paint_ms',
    'tag_event_timing_ms',
    'tag_latency_ms',
    'tag_to_paint_editor_open_ms',
    'tag_latency_editor_open_ms',
    'tag_to_paint_editor_open_marks_off_ms',
    'actor_typeahead_ms',
    'open_to_paint_ms',
    'open_document_ms',
    'scroll_frame_ms',
    'hover_to_paint_ms',
    'save_latency_10_docs_ms',
    'save_latency_10k_docs_ms',
    'save_growth_10_to_10k',
    'save_latency_http_10k_docs_ms',
    'export_csv_per_s',
    'export_csv_cold_per_s',
    'search_ms',
    'search_first_ms',
    'search_warm_ms',
    'claims_filter_ms',
    'timeline_ms',
    'network_build_ms',
    'claims_filter_server_ms',
    'timeline_server_ms',
    'network_to_paint_ms',
    'network_build_server_ms',
    'network_layout_ms',
    'tag_all_1000_ms',
    'startup_ms',
    'startup_100k_docs_ms',
    'rss_100k_docs_mb',
    'rss_100k_docs_right_after_mb',
    'memory_per_unopened_doc_kb',
    'rss_mb',
    'rss_peak_mb',
  ];
  scenarios.sort((a, b) => (order.indexOf(a.name) + 1 || 99) - (order.indexOf(b.name) + 1 || 99));
  // BENCH_BASE=file: the JSON of a run on the base tree in the same window, compared in the docs
  const base = process.env.BENCH_BASE
    ? {
        label: process.env.BENCH_BASE_LABEL ?? 'the base tree',
        ...(JSON.parse(await readFile(process.env.BENCH_BASE, 'utf8')) as Omit<Base, 'label'>),
      }
    : undefined;
  const result = { scenarios, machine: machine(chromiumVersion, loadAtStart), ...(base ? { base } : {}) };
  process.stdout.write(JSON.stringify(result, null, 2) + '\n');
  process.stderr.write('\n' + table(scenarios) + '\n');
  if (writeDocs) {
    await writeFile(path.join(root, 'docs', 'performance.md'), markdown(result));
    await writeFile(path.join(root, 'docs', 'performance.json'), JSON.stringify(result, null, 2) + '\n');
    log('wrote docs/performance.md and docs/performance.json');
  }
  log(`done in ${elapsed()}`);
  if (scenarios.some((s) => s.met === false)) process.exitCode = 1;
}

async function main(): Promise<void> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'hashiya-bench-'));
  let browser: Browser | null = null;
  try {
    const corpus = await loadCorpus(root);
    browser = await launchBrowser();
    const chromiumVersion = browser.version();
    log(`Chromium ${chromiumVersion}; data in ${tmp}`);

    // for working on one part: import | reader | actors | scale | search | analysis | agreement | projects | export |
    // save (the in-process saves at 10 and at LARGE documents, then the CSV export: no page, no server)
    const only = process.env.BENCH_ONLY;
    if (!only || only === 'import') await zipBombScenario();
    if (only === 'import') return finish(chromiumVersion);
    if (!only || only === 'reader') await readerScenarios(browser, corpus, tmp);

    if (!only || only === 'reader' || only === 'actors')
      await actorScenarios(browser, corpus, tmp, root, RUNS.tag, record, log);
    if (only === 'reader' || only === 'actors') return finish(chromiumVersion);
    if (!only || only === 'scale') await scaleScenarios(browser, corpus, tmp);
    if (only === 'scale') return finish(chromiumVersion);
    if (!only || only === 'search') await searchCorpusScenarios(tmp);
    if (only === 'search') return finish(chromiumVersion);
    if (!only || only === 'analysis') await analysisScenarios(browser, corpus, tmp);
    if (only === 'analysis') return finish(chromiumVersion);
    if (!only || only === 'agreement')
      await agreementScenario(corpus, path.join(tmp, 'agreement'), RUNS.agreement, record, log);
    if (only === 'agreement') return finish(chromiumVersion);
    const small = await writeProject(
      path.join(tmp, 'small'),
      corpus,
      newsDocuments(seeded(2), corpus, 10, 10),
      seeded(3),
    );
    const [genMs, large] = await time(() =>
      writeProject(path.join(tmp, 'large'), corpus, newsDocuments(seeded(4), corpus, LARGE, 10), seeded(5)),
    );
    log(
      `generated ${LARGE.toLocaleString()} documents with ${large.annotationCount.toLocaleString()} annotations in ${(genMs / 1000).toFixed(1)} s [${elapsed()}]`,
    );

    const codeId = corpus.codeIds[0] as string;
    // BENCH_ONLY=save: the in-process saves and the CSV export only (no browser, no HTTP server)
    if (only === 'save') {
      const [saveSmall, saveLarge] = [
        await saveInProcess(small, middle(small), codeId),
        await saveInProcess(large, middle(large), codeId),
      ];
      for (const [label, s] of [
        ['10 documents', saveSmall],
        [`${LARGE} documents`, saveLarge],
      ] as const)
        log(
          `${label}: save in-process ${s.save.toFixed(2)} ms, durable write ${s.floor.toFixed(2)} ms (${s.bytes} bytes)`,
        );
      recordSaves(saveSmall, saveLarge);
      await exportScenario(large);
      return finish(chromiumVersion);
    }
    const at10 =
      only && only !== 'projects' ? null : await projectScenarios(browser, small, codeId, tmp, '10 documents', false);
    const atLarge =
      only && only !== 'projects'
        ? null
        : await projectScenarios(browser, large, codeId, tmp, `${LARGE} documents`, true);

    if (at10 && atLarge) {
      recordSaves({ save: at10.save, floor: at10.saveFloor }, { save: atLarge.save, floor: atLarge.saveFloor });
      record({
        name: 'save_latency_http_10k_docs_ms',
        value: atLarge.saveHttp,
        unit: 'ms',
        floor: at10.saveHttp,
        target: '',
        how: `annotations.create over HTTP from Node's fetch in the ${LARGE.toLocaleString()}-document project, request to response (what the page waits for). Floor column: the same at 10 documents.`,
        runs: RUNS.save,
      });
      record({
        name: 'startup_ms',
        value: atLarge.startup,
        unit: 'ms',
        floor: at10.startup,
        target: '≤ 1000 ms',
        check: (s) => s.value <= 1000,
        how: `from spawning \`node out/main/web.js\` on a ${LARGE.toLocaleString()}-document project to the frame after the library's first row appeared in a new Chromium page (server and page clocks are the same machine's wall clock). Floor: the same with 10 documents.`,
        runs: RUNS.startup,
      });
      record({
        name: 'rss_mb',
        value: Math.round(atLarge.rss * 10) / 10,
        unit: 'MB',
        floor: Math.round(at10.rss * 10) / 10,
        target: '',
        how: `resident memory of the server process (/proc/PID/status VmRSS) with ${LARGE.toLocaleString()} documents: library listed, ten documents opened, then the lowest value over 20 s of idleness. Floor: the same with 10 documents, so the ratio is what the size of the corpus itself costs.`,
        runs: 1,
      });
      record({
        name: 'rss_peak_mb',
        value: Math.round(atLarge.rssPeak * 10) / 10,
        unit: 'MB',
        floor: Math.round(at10.rssPeak * 10) / 10,
        target: '',
        how: 'the same, right after the ten documents were opened (garbage from reading the index not yet returned).',
        runs: 1,
      });
    }

    if (!only || only === 'projects') {
      const small10 = await heldMemory(small);
      const large10k = await heldMemory(large);
      const perCorpusDoc =
        ((large10k.project - small10.project) / (large.summaries.length - small.summaries.length)) * 1024;
      record({
        name: 'memory_per_unopened_doc_kb',
        value: Math.round(perCorpusDoc * 100) / 100,
        unit: 'KB',
        floor: Math.round(large10k.perOpened * 1024 * 100) / 100,
        target: 'ratio ≤ 0.2',
        check: (s) => (s.ratio ?? Infinity) <= 0.2,
        how: `heap retained (after forced GC, in-process) by a project open with its library listed: the growth from 10 to ${LARGE.toLocaleString()} documents, per document. Floor: the heap retained by each of ten documents opened (text and annotations loaded). The ratio says how much of a document the corpus costs while it is not open: its index entry only.`,
        runs: 1,
      });
    }

    if (!only || only === 'export') await exportScenario(large);

    await finish(chromiumVersion);
  } finally {
    await browser?.close();
    if (process.env.BENCH_KEEP) log(`data kept in ${tmp}`);
    else await rm(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 2;
});
