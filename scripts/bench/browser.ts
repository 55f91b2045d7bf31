/**
 * The browser scenarios, measured inside the page (performance.now), in Debian's Chromium through
 * Playwright, against browser mode. Every wait inside the page yields one task at a time
 * (MessageChannel), so the moment a condition holds is seen within a task, not a frame.
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
    ranges: () => { let n = 0; if (typeof CSS === 'undefined' || !CSS.highlights) return 0; for (const [name, h] of CSS.highlights) if (name.startsWith('hx-c') || name === 'hx-uncoded') n += h.size; return n; },
    async until(test, what, ms = 30000) {
      const t0 = performance.now();
      while (!test()) {
        if (performance.now() - t0 > ms) throw new Error('timed out waiting for ' + what + ' (' + document.querySelectorAll('[data-testid=article] p[data-para]').length + ' paragraphs, ' + this.ranges() + ' highlight ranges)');
        await this.task();
      }
    },
  };
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

/** Time from spawning the server to the frame after the library's first row appeared. */
export async function startupMs(page: Page, server: Server): Promise<number> {
  await openLibrary(page, server);
  await page.waitForFunction(() => (window as unknown as { __firstRowAt?: number }).__firstRowAt !== undefined);
  const at = await page.evaluate(() => (window as unknown as { __firstRowAt: number }).__firstRowAt);
  return at - server.spawnedAt;
}

/** Click a document in the library; ms until its text and `ranges` highlight ranges are painted. */
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
          document.querySelectorAll('[data-testid=article] p[data-para]').length === paragraphs && b.ranges() >= ranges,
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

interface BenchHelpers {
  frame(): Promise<void>;
  task(): Promise<void>;
  ranges(): number;
  until(test: () => boolean, what: string, ms?: number): Promise<void>;
}
