/**
 * Claims in the reader at the registry's scale (issue 15): 10,000 generated actors with Arabic and
 * Latin names and aliases in the project of the reader scenarios' 200,000-character article with
 * 5,000 annotations, in browser mode, the mention marks on.
 *
 * - `actor_typeahead_ms`: one character typed into the claimant combobox of the open editor
 *   (trusted text input through Chromium's input pipeline) to the first rendered frame whose list
 *   holds the ranked matches of what is now typed. Floor: the same character typed into a bare
 *   input with no handler, added to the same page, to its next rendered frame. The ranking itself
 *   (`buildActorIndex(...).search` on the same actors, in Node) is reported beside it.
 * - `tag_to_paint_editor_open_ms` / `tag_latency_editor_open_ms`: `tag_to_paint_ms` and
 *   `tag_latency_ms` measured the same way (scripts/bench/browser.ts) while the claim editor is
 *   open (every tag makes its annotation active) and the registry holds the 10,000 actors.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { Registry } from '@shared/claims/registry';
import { buildActorIndex } from '@shared/claims/typeahead';
import { PROJECT_FILE } from '../../src/main/store/projectStore';
import { ProjectFile } from '../../src/main/store/schema';
import { startBrowserMode } from '../browserMode';
import { closePage, frameMs, keyToPaint, newPage, openDocumentMs, openLibrary, tagOldMs } from './browser';
import { generatedActors } from './actors';
import { articleText, seeded, writeProject, type Corpus } from './corpus';
import { median, type Scenario } from './report';

type Record = (s: Omit<Scenario, 'ratio' | 'met'> & { check?: (s: Scenario) => boolean }) => void;

export const ACTORS = 10_000;
const TITLE = 'مقال طويل مع عشرة آلاف فاعل';

/** What is typed into the claimant field, a character at a time. */
const TYPED = ['خليفه حفتر', 'ولحفتر', 'المشير حفتر', 'Macron', 'فائز السراج', 'سراج', 'ستيفاني'];

interface Armed {
  at: number;
  end: number;
  frames: number;
}

/** Type `char` (a trusted text input) after `before` is in the field; until `shows` is painted. */
async function typeToPaint(page: Page, field: 'combo' | 'bare', before: string, char: string): Promise<number> {
  const selector = field === 'combo' ? '[data-testid=annotation-editor] [data-field=claimant] input' : '#bench-bare';
  await page.locator(selector).fill(before);
  await page.evaluate(
    async ({ selector, query, field }) => {
      const b = (window as unknown as { __bench: BenchHelpers }).__bench;
      const input = document.querySelector(selector) as HTMLInputElement;
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
      const list = () => document.getElementById(input.getAttribute('aria-controls') ?? '') as HTMLElement | null;
      const ranked = () => {
        const l = list();
        return !!l && !l.hidden && l.dataset.query === query && l.children.length > 0;
      };
      b.armInput('input', field === 'combo' ? ranked : () => true, 'the ranked list');
      await b.settle();
    },
    { selector, query: before + char, field },
  );
  await page.keyboard.insertText(char);
  const { at, end } = await page.evaluate(
    () => (window as unknown as { __bench: { armed: Promise<Armed> } }).__bench.armed,
  );
  return end - at;
}

interface BenchHelpers {
  armInput(type: string, test: () => boolean, what: string): void;
  settle(): Promise<void>;
}

export async function actorScenarios(
  browser: Browser,
  corpus: Corpus,
  tmp: string,
  root: string,
  runs: number,
  record: Record,
  log: (msg: string) => void,
): Promise<void> {
  const rand = seeded(41);
  const text = articleText(rand, corpus, 200_000);
  const paragraphs = text.split('\n').length;
  const project = await writeProject(
    path.join(tmp, 'actors'),
    corpus,
    [{ id: 'big-actors', title: TITLE, text, annotations: 5000 }],
    rand,
  );
  // the registry: 10,000 actors, checked by the project file's own schema
  const file = path.join(project.dir, PROJECT_FILE);
  const json = JSON.parse(await readFile(file, 'utf8')) as { registry: Registry };
  const entities = generatedActors(ACTORS);
  json.registry = { ...json.registry, entities };
  await writeFile(file, JSON.stringify(ProjectFile.parse(json)));
  const bigFile = JSON.parse(await readFile(path.join(project.dir, 'documents', 'big-actors.json'), 'utf8')) as {
    annotations: { start: number; end: number; codes: string[] }[];
  };
  const ranges = new Set(bigFile.annotations.flatMap((a) => a.codes.map((c) => `${a.start},${a.end},${c}`))).size;

  // the ranking alone, in Node, on the same actors and keystrokes
  const t0 = performance.now();
  const index = buildActorIndex(entities);
  const indexMs = performance.now() - t0;
  const ranking: number[] = [];
  for (let round = 0; round < 3; round++)
    for (const word of TYPED)
      for (let k = 1; k <= [...word].length; k++) {
        const q = [...word].slice(0, k).join('');
        const s = performance.now();
        index.search(q, { kind: 'actor', limit: 8 });
        if (round > 0) ranking.push(performance.now() - s);
      }

  const server = await startBrowserMode({ root, dataDir: project.dir, userData: path.join(tmp, 'userdata-actors') });
  const page = await newPage(browser);
  try {
    await openLibrary(page, server);
    await openDocumentMs(page, TITLE, paragraphs, ranges);
    const marksStart = Date.now();
    await page.waitForFunction(() => CSS.highlights.has('mention-actor'), undefined, { timeout: 60_000 });
    const marksMs = Date.now() - marksStart;
    const marked = await page.evaluate(() => CSS.highlights.get('mention-actor')?.size ?? 0);
    log(
      `actors: ${ACTORS.toLocaleString()} in the registry; ${marked} mention marks registered ${marksMs} ms after open`,
    );

    // tags with the editor open: the first tag opens it, every tag keeps it open on its annotation
    const tags: number[] = [];
    const empty: number[] = [];
    const olds: number[] = [];
    const frames: number[] = [];
    const rounds = runs + 2;
    // BENCH_PROFILE_ACTORS=file: a CPU profile of the page while it tags with the editor open
    const profile = process.env.BENCH_PROFILE_ACTORS ? await page.context().newCDPSession(page) : null;
    if (profile) {
      await profile.send('Profiler.enable');
      await profile.send('Profiler.start');
    }
    for (let r = 0; r < rounds; r++) {
      const tag = await keyToPaint(page, 7 + r * 13, '1', 'range');
      await page.waitForTimeout(400);
      const open = await page.locator('[data-testid=annotation-editor] [data-testid=claim-fields]').count();
      if (open !== 1) throw new Error('the claim editor is not open after a tag');
      const floor = await keyToPaint(page, 8 + r * 13, 'x', 'nothing');
      const old = await tagOldMs(page, 9 + r * 13, '1');
      await page.waitForTimeout(400);
      const frame = await frameMs(page);
      if (r < 2) continue;
      tags.push(tag.paint);
      empty.push(floor.paint);
      olds.push(old);
      frames.push(frame);
    }
    if (profile) {
      const { profile: data } = await profile.send('Profiler.stop');
      await writeFile(process.env.BENCH_PROFILE_ACTORS as string, JSON.stringify(data));
    }
    const how = `in the open 200,000-character article with 5,000 annotations and ${ACTORS.toLocaleString()} actors in the registry (${marked} mention marks registered near the screen), the claim editor open on the annotation of the tag before`;
    record({
      name: 'tag_to_paint_editor_open_ms',
      value: median(tags),
      unit: 'ms',
      floor: median(empty),
      target: '≤ 33 ms',
      check: (s) => s.value <= 33.4,
      how: `\`tag_to_paint_ms\` ${how}: a trusted "1" on a fresh selection, from the keydown's time stamp to the first rendered frame holding the new highlight range. Floor: a key no handler acts on ("x"), same page.`,
      runs,
    });
    record({
      name: 'tag_latency_editor_open_ms',
      value: median(olds),
      unit: 'ms',
      floor: median(frames),
      target: 'ratio ≤ 3',
      check: (s) => (s.ratio ?? Infinity) <= 3,
      how: `\`tag_latency_ms\` (the old end point: a synthetic keydown "1", the registry polled per task, then one requestAnimationFrame callback) ${how}. Floor: one requestAnimationFrame round trip on the same page.`,
      runs,
    });

    // the same tags with the mention marks switched off (what the marks cost a tag)
    await page.getByTestId('mention-marks').uncheck();
    await page.waitForFunction(() => !CSS.highlights.has('mention-actor'));
    const offTags: number[] = [];
    const offEmpty: number[] = [];
    for (let r = 0; r < runs; r++) {
      offTags.push((await keyToPaint(page, 400 + r * 13, '1', 'range')).paint);
      await page.waitForTimeout(400);
      offEmpty.push((await keyToPaint(page, 401 + r * 13, 'x', 'nothing')).paint);
    }
    await page.getByTestId('mention-marks').check();
    await page.waitForFunction(() => CSS.highlights.has('mention-actor'), undefined, { timeout: 60_000 });
    record({
      name: 'tag_to_paint_editor_open_marks_off_ms',
      value: median(offTags),
      unit: 'ms',
      floor: median(offEmpty),
      target: '',
      how: `\`tag_to_paint_editor_open_ms\` on the same page after the toolbar's "Mark actors" switch was turned off (no mention highlight registered): what the marks cost a tag is the difference. Floor: "x", same page.`,
      runs,
    });

    // type-ahead in the claimant field of the open editor
    await page.evaluate(() => {
      const bare = document.createElement('input');
      bare.id = 'bench-bare';
      bare.setAttribute('aria-label', 'bench');
      bare.style.cssText = 'position:fixed;inset-block-start:0;inset-inline-start:0;width:8em';
      document.body.append(bare);
    });
    const typed: number[] = [];
    const bare: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (const word of TYPED) {
        const chars = [...word];
        for (let k = 0; k < chars.length; k++) {
          const before = chars.slice(0, k).join('');
          const char = chars[k] as string;
          const t = await typeToPaint(page, 'combo', before, char);
          const f = await typeToPaint(page, 'bare', before, char);
          if (round === 0 && word === TYPED[0]) continue; // warming up
          typed.push(t);
          bare.push(f);
        }
      }
    }
    await page.locator('[data-testid=annotation-editor] [data-field=claimant] input').fill('');
    await page.locator('#bench-bare').focus();
    record({
      name: 'actor_typeahead_ms',
      value: median(typed),
      unit: 'ms',
      floor: median(bare),
      target: '≤ 50 ms',
      check: (s) => s.value <= 50,
      how: `one character typed into the claimant combobox (${typed.length} keystrokes of ${TYPED.map((w) => `«${w}»`).join(', ')}: a trusted text input through Chromium's input pipeline), from the input event's time stamp to the first rendered frame whose list holds the ranked matches of the text now typed, ${how}. Floor: the same character typed into a bare input no handler listens to, added to the same page, to its next rendered frame. The ranking alone (\`buildActorIndex(...).search\`, limit 8, in Node on the same ${ACTORS.toLocaleString()} actors, ${(ACTORS * 4).toLocaleString()} spellings) takes ${median(ranking).toFixed(2)} ms a keystroke (index built in ${indexMs.toFixed(0)} ms); the page marked the article's mentions ${marksMs} ms after it opened, in idle time.`,
      runs: typed.length,
    });
  } finally {
    await closePage(page);
    await server.stop();
  }
}
