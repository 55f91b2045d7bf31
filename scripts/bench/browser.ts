/**
 * The browser scenarios, measured inside the page (performance.now), in Debian's Chromium through
 * Playwright, against browser mode.
 *
 * End points (docs/performance.md says which figure uses which):
 * - "painted": the first frame whose requestAnimationFrame callbacks see the result (checked at
 *   every frame, so no frame is skipped), stopped by a MessageChannel message posted from that
 *   callback, which runs once the frame's style, layout and paint are done on the main thread.
 * - Event Timing (PerformanceEventTiming, what Chromium's INP uses): for trusted key input, from
 *   the event's time stamp to the presentation of the next frame after its handlers, in 8 ms steps,
 *   reported only from 16 ms on (durationThreshold: 16).
 * - the old end point (kept beside the new for one release): a condition polled one task at a
 *   time, then one requestAnimationFrame callback, before that frame renders.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import type { BrowserMode as Server } from '../browserMode';

export async function launchBrowser(): Promise<Browser> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...(isRoot ? ['--no-sandbox'] : []),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-default-apps',
    ],
  });
}

/** Helpers installed in every page before the app runs. */
const PAGE_HELPERS = `
  window.__bench = {
    frame: () => new Promise((r) => requestAnimationFrame(() => r())),
    task: () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = () => r(); ch.port2.postMessage(0); }),
    // { end: performance.now() once the first frame whose rAF callbacks see test() true has
    //   rendered, frames: how many frames that took (1: the next one) }
    painted(test, what, ms = 30000) {
      const t0 = performance.now();
      let frames = 0;
      return new Promise((resolve, reject) => {
        const tick = () => {
          frames++;
          if (test()) {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => resolve({ end: performance.now(), frames });
            ch.port2.postMessage(0);
          } else if (performance.now() - t0 > ms) reject(new Error('timed out waiting for ' + what));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
    // the next trusted event of this type: its time stamp, and when the frame showing test() rendered
    armInput(type, test, what) {
      this.armed = new Promise((resolve, reject) => {
        const on = (e) => {
          if (!e.isTrusted) return;
          window.removeEventListener(type, on, true);
          const at = e.timeStamp;
          const handled = performance.now();
          this.painted(test, what, 10000).then((p) => resolve({ at, handled, end: p.end, frames: p.frames }), reject);
        };
        window.addEventListener(type, on, true);
      });
    },
    events: [],
    // the page idle again: what came before (a new selection, a pointer move) has been rendered
    async settle() {
      await this.painted(() => true, 'a frame');
      await new Promise((r) => setTimeout(r, 50));
      await this.painted(() => true, 'a frame');
    },
    // how many ranges of the codes' highlights span exactly the bench's last selection
    // (a count of registered ranges is not enough: only the paragraphs near the screen are
    // registered, so a jump to a far paragraph can register fewer ranges than were there before)
    selected() { const s = window.__benchSel; let n = 0; if (!s || typeof CSS === 'undefined' || !CSS.highlights) return 0; for (const [name, h] of CSS.highlights) { if (!name.startsWith('hx-c') && name !== 'hx-uncoded') continue; for (const r of h) if (r.startContainer === s.node && r.startOffset === s.start && r.endContainer === s.node && r.endOffset === s.end) n++; } return n; },
    ranges: () => { let n = 0; if (typeof CSS === 'undefined' || !CSS.highlights) return 0; for (const [name, h] of CSS.highlights) if (name.startsWith('hx-c') || name === 'hx-uncoded') n += h.size; return n; },
    async until(test, what, ms = 30000) {
      const t0 = performance.now();
      while (!test()) {
        if (performance.now() - t0 > ms) throw new Error('timed out waiting for ' + what + ' (' + document.querySelectorAll('[data-testid=article] p[data-para]').length + ' paragraphs, ' + this.ranges() + ' highlight ranges)');
        await this.task();
      }
    },
  };
  // Event Timing entries (key and pointer input taking 16 ms or more to the next frame)
  if (typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('event')) {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__bench.events.push(e); })
      .observe({ type: 'event', durationThreshold: 16, buffered: true });
  }
  // the library's first row, stamped at the frame after it appears (for startup)
  new MutationObserver((_, obs) => {
    if (document.querySelector('tr.doc-row')) {
      obs.disconnect();
      requestAnimationFrame(() => { window.__firstRowAt = performance.timeOrigin + performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true });
`;

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await context.addInitScript(PAGE_HELPERS);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
  return page;
}

export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

/** Open the app and wait for the library's rows. */
export async function openLibrary(page: Page, server: Server): Promise<void> {
  await page.goto(server.url);
  await page.waitForSelector('tr.doc-row', { timeout: 60_000 });
}

/** Where start-up's time went, each in ms from spawning the server (one wall clock). */
export interface StartupSplit {
  /** the server printed its URL (listening) */
  ready: number;
  /** the page's DOMContentLoaded: its HTML read and its module script run */
  dcl: number;
  /** the frame after the library's first row appeared: start-up */
  firstRow: number;
}

/** Time from spawning the server to the frame after the library's first row appeared, split. */
export async function startupMs(page: Page, server: Server): Promise<StartupSplit> {
  await openLibrary(page, server);
  await page.waitForFunction(() => (window as unknown as { __firstRowAt?: number }).__firstRowAt !== undefined);
  const [at, dcl] = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return [
      (window as unknown as { __firstRowAt: number }).__firstRowAt,
      performance.timeOrigin + (nav?.domContentLoadedEventEnd ?? Number.NaN),
    ] as const;
  });
  return { ready: server.readyAt - server.spawnedAt, dcl: dcl - server.spawnedAt, firstRow: at - server.spawnedAt };
}

/**
 * Click a document in the library; ms until its text and highlights (when `ranges` > 0) are in the
 * page. The reader registers its highlights in one step (all of them, or those near the screen),
 * so the first registered range means the step is done.
 */
export async function openDocumentMs(page: Page, title: string, paragraphs: number, ranges: number): Promise<number> {
  return page.evaluate(
    async ({ title, paragraphs, ranges }) => {
      const b = (window as unknown as { __bench: BenchHelpers }).__bench;
      const button = [...document.querySelectorAll<HTMLButtonElement>('button.doc-open')].find(
        (x) => x.textContent === title,
      );
      if (!button) throw new Error(`no library row titled ${title}`);
      await b.frame();
      const t0 = performance.now();
      button.click();
      await b.until(
        () =>
          document.querySelectorAll('[data-testid=article] p[data-para]').length === paragraphs &&
          b.ranges() >= Math.min(ranges, 1),
        'the article and its highlights',
      );
      await b.frame();
      return performance.now() - t0;
    },
    { title, paragraphs, ranges },
  );
}

/** One requestAnimationFrame round trip, started right after a frame (as the tag is). */
export async function frameMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const b = (window as unknown as { __bench: BenchHelpers }).__bench;
    await b.frame();
    const t0 = performance.now();
    await b.frame();
    return performance.now() - t0;
  });
}

/**
 * Select a few words in paragraph `para` programmatically, press the code key, and time until the
 * highlight registry holds one more range and the next frame has run.
 */
export async function tagMs(page: Page, para: number, key: string): Promise<number> {
  return page.evaluate(
    async ({ para, key }) => {
      const b = (window as unknown as { __bench: BenchHelpers }).__bench;
      const p = document.querySelectorAll('[data-testid=article] p[data-para]')[para];
      const node = p ? document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() : null;
      if (!node || !(node instanceof Text)) throw new Error(`no text in paragraph ${para}`);
      (p as Element).scrollIntoView({ block: 'center' });
      await b.frame();
      await b.frame();
      const s = node.data.indexOf(' ', 5) + 1;
      const e = node.data.indexOf(' ', s + 15);
      const range = document.createRange();
      range.setStart(node, s);
      range.setEnd(node, e > s ? e : node.data.length);
      const sel = window.getSelection() as Selection;
      sel.removeAllRanges();
      sel.addRange(range);
      const before = b.ranges();
      await b.frame();
      const t0 = performance.now();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      await b.until(() => b.ranges() > before, 'the new highlight', 10_000);
      await b.frame();
      return performance.now() - t0;
    },
    { para, key },
  );
}

interface Painted {
  end: number;
  frames: number;
}

interface BenchHelpers {
  frame(): Promise<void>;
  task(): Promise<void>;
  painted(test: () => boolean, what: string, ms?: number): Promise<Painted>;
  armInput(type: string, test: () => boolean, what: string): void;
  settle(): Promise<void>;
  armed: Promise<Painted & { at: number; handled: number }>;
  events: PerformanceEventTiming[];
  ranges(): number;
  selected(): number;
  until(test: () => boolean, what: string, ms?: number): Promise<void>;
}

/** Open timed both ways from one click: to the painted frame (new) and the old end point. */
export async function openBothMs(
  page: Page,
  title: string,
  paragraphs: number,
  ranges: number,
): Promise<{ paint: number; old: number }> {
  return page.evaluate(
    async ({ title, paragraphs, ranges }) => {
      const b = (window as unknown as { __bench: BenchHelpers }).__bench;
      const button = [...document.querySelectorAll<HTMLButtonElement>('button.doc-open')].find(
        (x) => x.textContent === title,
      );
      if (!button) throw new Error(`no library row titled ${title}`);
      const shown = () =>
        document.querySelectorAll('[data-testid=article] p[data-para]').length === paragraphs &&
        b.ranges() >= Math.min(ranges, 1);
      await b.frame();
      const t0 = performance.now();
      button.click();
      const painted = b.painted(shown, 'the article and its highlights');
      await b.until(shown, 'the article and its highlights');
      await b.frame();
      const old = performance.now() - t0;
      return { paint: (await painted).end - t0, old };
    },
    { title, paragraphs, ranges },
  );
}

/** Select a few words of paragraph `para` programmatically. */
async function selectWords(page: Page, para: number): Promise<void> {
  await page.evaluate(async (para) => {
    const b = (window as unknown as { __bench: BenchHelpers }).__bench;
    const p = document.querySelectorAll('[data-testid=article] p[data-para]')[para];
    const node = p ? document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode() : null;
    if (!node || !(node instanceof Text)) throw new Error(`no text in paragraph ${para}`);
    // on screen, as what a researcher selects is
    (p as Element).scrollIntoView({ block: 'center' });
    await b.frame();
    await b.frame(); // the highlights near the new scroll position are registered
    // a span no annotation covers exactly: a new tag on the span (and code) of an existing one
    // shares its range, so the frame would show nothing new
    const taken = new Set<string>();
    for (const [name, h] of CSS.highlights)
      if (name.startsWith('hx-'))
        for (const r of h) if (r.startContainer === node) taken.add(`${r.startOffset}:${r.endOffset}`);
    let s = node.data.indexOf(' ', 5) + 1;
    let e = node.data.indexOf(' ', s + 15);
    for (let k = 0; k < 12 && taken.has(`${s}:${e > s ? e : node.data.length}`); k++) {
      const next = node.data.indexOf(' ', s) + 1;
      if (next <= 0) break;
      s = next;
      e = node.data.indexOf(' ', s + 15);
    }
    const range = document.createRange();
    range.setStart(node, s);
    range.setEnd(node, e > s ? e : node.data.length);
    // the keys go where a researcher's would: to the page, not a field the editor focused
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    const sel = window.getSelection() as Selection;
    sel.removeAllRanges();
    sel.addRange(range);
    (window as unknown as { __benchSel: { node: Node; start: number; end: number } }).__benchSel = {
      node,
      start: range.startOffset,
      end: range.endOffset,
    };
  }, para);
}

export interface InputTiming {
  /** event time stamp to the end of the rendering of the first frame that shows the result */
  paint: number;
  /** frames from the event to that frame (1: the next frame) */
  frames: number;
  /** the event's Event Timing duration (to the next frame's presentation), null below 16 ms */
  eventTiming: number | null;
}

/** Event Timing entry for the trusted event stamped `at` (they arrive after the frame is presented). */
async function eventTimingFor(page: Page, name: string, at: number): Promise<number | null> {
  return page.evaluate(
    async ({ name, at }) => {
      const b = (window as unknown as { __bench: BenchHelpers }).__bench;
      for (let i = 0; i < 10; i++) {
        const entry = b.events.find((e) => e.name === name && Math.abs(e.startTime - at) < 0.5);
        if (entry) return entry.duration;
        await new Promise((r) => setTimeout(r, 20));
      }
      return null;
    },
    { name, at },
  );
}

/**
 * A trusted key press (through the browser's input pipeline, as a researcher's) on a fresh
 * selection in paragraph `para`; `shows` is what the frame must hold: one more highlight range, or
 * nothing (the floor: a key no handler acts on).
 */
export async function keyToPaint(
  page: Page,
  para: number,
  key: string,
  shows: 'range' | 'nothing',
): Promise<InputTiming> {
  await selectWords(page, para);
  await page.evaluate(
    async ({ shows }) => {
      const b = (window as unknown as { __bench: BenchHelpers }).__bench;
      await b.settle(); // the scroll to the selection has been seen
      const before = b.selected();
      b.armInput('keydown', shows === 'range' ? () => b.selected() > before : () => true, 'the new highlight');
      await b.settle();
    },
    { shows },
  );
  await page.keyboard.press(key);
  const { at, handled, end, frames } = await page.evaluate(
    () => (window as unknown as { __bench: BenchHelpers }).__bench.armed,
  );
  const eventTiming = await eventTimingFor(page, 'keydown', at);
  if (process.env.BENCH_DEBUG)
    console.error(
      `[key ${key}] queued ${(handled - at).toFixed(1)} paint ${(end - at).toFixed(1)} frames ${frames} ET ${eventTiming}`,
    );
  return { paint: end - at, frames, eventTiming };
}

/** The old tag end point (synthetic key event, registry polled per task, then one rAF callback). */
export const tagOldMs = tagMs;

/** A point inside an annotated word in view, and one in the page's header (no handler of ours). */
export async function hoverPoints(
  page: Page,
): Promise<{ on: { x: number; y: number }; off: { x: number; y: number } }> {
  return page.evaluate(() => {
    const scroller = document.querySelector('.reader-scroll') as HTMLElement;
    const box = scroller.getBoundingClientRect();
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('hx-c')) continue;
      for (const r of h) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getClientRects()[0];
        if (rect && rect.width > 12 && rect.top > box.top + 80 && rect.bottom < box.bottom - 80)
          return {
            on: { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 },
            off: { x: box.left + 4, y: Math.max(2, box.top - 20) },
          };
      }
    }
    throw new Error('no annotated word in view');
  });
}

/** Pointer moved onto an annotated word until the frame showing its hover card has rendered. */
export async function hoverToPaint(
  page: Page,
  on: { x: number; y: number },
  off: { x: number; y: number },
  shows: 'card' | 'nothing',
): Promise<InputTiming> {
  await page.mouse.move(off.x, off.y);
  await page.waitForFunction(() => !document.querySelector('.hover-card'));
  await page.evaluate(
    async ({ shows }) => {
      const b = (window as unknown as { __bench: BenchHelpers }).__bench;
      b.armInput(
        'mousemove',
        shows === 'card' ? () => document.querySelector('.hover-card') !== null : () => true,
        'the hover card',
      );
      await b.settle();
    },
    { shows },
  );
  await page.mouse.move(on.x, on.y);
  const { at, end, frames } = await page.evaluate(() => (window as unknown as { __bench: BenchHelpers }).__bench.armed);
  return { paint: end - at, frames, eventTiming: null };
}

/**
 * Scroll the reader `px` pixels per frame for `count` frames with the pointer resting over the
 * article, as a reader's (the reader's hover handling sees the scroll). Each frame's duration: from the
 * frame's begin time (the rAF time stamp) to the end of its rendering (MessageChannel message).
 */
export async function scrollFrames(
  page: Page,
  at: { x: number; y: number },
  count: number,
  px: number,
): Promise<{ durations: number[]; intervals: number[] }> {
  await page.mouse.move(at.x, at.y);
  return page.evaluate(
    async ({ count, px }) => {
      const scroller = document.querySelector('.reader-scroll') as HTMLElement;
      const durations: number[] = [];
      const intervals: number[] = [];
      let last = 0;
      await new Promise<void>((done) => {
        let frames = 0;
        const tick = (ts: number) => {
          if (last) intervals.push(ts - last);
          last = ts;
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            durations.push(performance.now() - ts);
            if (durations.length === count) done();
          };
          ch.port2.postMessage(0);
          scroller.scrollTop += px;
          if (++frames < count) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      return { durations, intervals };
    },
    { count, px },
  );
}
