/**
 * The claims view's figures in the page (analysisBench.ts): a click or a choice made in the page,
 * timed with browser.ts's `painted` end point (the first frame whose requestAnimationFrame
 * callbacks see the result, stopped once that frame has rendered) and, beside it, the server's
 * answer (Resource Timing: from the same click to the answer's last byte in the page).
 *
 * What "shows the result" means, read from the page:
 *  - the table: its row count (aria-rowcount) is the filter's claims + 1 and its first row has its
 *    quote (a new filter starts from empty rows, so the quote is the new answer's);
 *  - the timeline: its bars' totals add up to the filter's claims;
 *  - the network: the answer's node count drawn, with the chosen position aggregation
 *    (data-aggregation); laid out: data-settled (useNetworkLayout.ts).
 */
import type { Page } from '@playwright/test';

export interface ViewShows {
  /** the table's claims */
  total: number;
  /** the sum of the timeline's bars */
  timeline: number;
  /** the network's nodes */
  nodes: number;
}

/** Predicates installed in the page once (page.evaluate cannot carry functions that call each other). */
const INSTALL = `
  window.__claims = {
    table(total) {
      const t = document.querySelector('.claims-table');
      if (!t || t.getAttribute('aria-rowcount') !== String(total + 1)) return false;
      const quote = document.querySelector('[data-testid=claim-row][data-index="0"] .col-quote');
      return !!quote && quote.textContent !== '';
    },
    timeline(sum) {
      const bars = document.querySelectorAll('[data-testid=timeline-bar]');
      if (bars.length === 0) return false;
      let n = 0;
      for (const b of bars) n += Number(b.getAttribute('data-total'));
      return n === sum;
    },
    network(nodes, aggregation, settled) {
      const svg = document.querySelector('[data-testid=network]');
      if (!svg) return false;
      if (aggregation && svg.getAttribute('data-aggregation') !== aggregation) return false;
      if (settled && svg.getAttribute('data-settled') !== 'true') return false;
      return svg.querySelectorAll('[data-testid=network-node]').length === nodes;
    },
    // the checkbox of a code in the open codes list, by its label
    checkbox(label) {
      const box = document.querySelector('[data-testid=filter-codes]');
      const found = [...(box ? box.querySelectorAll('label') : [])].find((l) => l.querySelector('bdi')?.textContent === label);
      const input = found && found.querySelector('input');
      if (!input) throw new Error('no code “' + label + '” in the codes list');
      return input;
    },
    // ms from t0 to the last byte of the first answer of the first of these methods requested
    // after t0 (a build before analysis.view asked for the table and the timeline apart: an A/B)
    answered(methods, t0) {
      for (const method of methods) {
        const entries = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/' + method) && e.startTime >= t0);
        if (entries.length > 0) return Math.min(...entries.map((e) => e.responseEnd)) - t0;
      }
      throw new Error('no request of ' + methods.join(' or ') + ' seen');
    },
  };
`;

interface Painted {
  end: number;
}
interface PageBench {
  painted(test: () => boolean, what: string, ms?: number): Promise<Painted>;
  settle(): Promise<void>;
}
interface PageClaims {
  table(total: number): boolean;
  timeline(sum: number): boolean;
  network(nodes: number, aggregation: string | null, settled: boolean): boolean;
  answered(methods: string[], t0: number): number;
  checkbox(label: string): HTMLInputElement;
}
type BenchWindow = { __bench: PageBench; __claims: PageClaims };

/** Wait until the view shows `want` with the network laid out, and the page is idle. */
export async function viewShows(page: Page, want: ViewShows): Promise<void> {
  await page.waitForFunction(
    (w) => {
      const c = (window as unknown as BenchWindow).__claims;
      return c.table(w.total) && c.timeline(w.timeline) && c.network(w.nodes, null, true);
    },
    want,
    { timeout: 600_000, polling: 100 },
  );
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.settle());
}

/** From the library to the claims view, showing every claim. */
export async function openClaimsView(page: Page, every: ViewShows): Promise<void> {
  await page.evaluate(INSTALL);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Claims' }).click();
  await viewShows(page, every);
  // the codes' list stays open for the runs
  await page.getByTestId('filter-codes').getByRole('button').first().click();
  await page.getByTestId('filter-codes').locator('input[type=checkbox]').first().waitFor();
}

/** Tick one code: ms to the painted table and timeline, and to their answers. */
/**
 * Where a tick's time went (a debugging aid, `split`): ms from the click to the first moment the
 * table's new rows were in the DOM (a MutationObserver's callback), and to each frame's
 * requestAnimationFrame callbacks up to the one that showed them; the rest of `table` is that
 * frame's own work on the main thread.
 */
export interface TickSplit {
  dom: number;
  frames: number[];
}

export async function codeFilterToPaint(
  page: Page,
  label: string,
  want: ViewShows,
  split = false,
): Promise<{ table: number; tableServer: number; timeline: number; timelineServer: number; split?: TickSplit }> {
  return page.evaluate(
    async ({ label, want, split }) => {
      const w = window as unknown as BenchWindow;
      const input = w.__claims.checkbox(label);
      await w.__bench.settle();
      performance.clearResourceTimings();
      const seen: TickSplit = { dom: -1, frames: [] };
      let observer: MutationObserver | null = null;
      if (split) {
        observer = new MutationObserver(() => {
          if (seen.dom < 0 && w.__claims.table(want.total)) seen.dom = performance.now() - t0;
        });
        observer.observe(document.querySelector('.claims-table-section')!, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        const frame = () => {
          seen.frames.push(performance.now() - t0);
          if (seen.dom < 0 && seen.frames.length < 20) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      }
      const t0 = performance.now();
      input.click();
      const [table, timeline] = await Promise.all([
        w.__bench.painted(() => w.__claims.table(want.total), 'the table', 120_000),
        w.__bench.painted(() => w.__claims.timeline(want.timeline), 'the timeline', 120_000),
      ]);
      return {
        table: table.end - t0,
        // the table's page and the timeline come in one call (analysis.view, earlyRequests.ts)
        tableServer: w.__claims.answered(['analysis.view', 'analysis.claims'], t0),
        timeline: timeline.end - t0,
        timelineServer: w.__claims.answered(['analysis.view', 'analysis.timeline'], t0),
        ...(observer ? (observer.disconnect(), { split: seen }) : {}),
      };
    },
    { label, want, split },
  );
}

/** Untick the code again (not timed). */
export async function untickCode(page: Page, label: string): Promise<void> {
  await page.evaluate((label) => (window as unknown as BenchWindow).__claims.checkbox(label).click(), label);
}

/** Choose the network's position aggregation: ms to the painted network, to its answer, and to the laid-out frame. */
export async function aggregationToPaint(
  page: Page,
  aggregation: string,
  nodes: number,
): Promise<{ painted: number; server: number; laidOut: number }> {
  return page.evaluate(
    async ({ aggregation, nodes }) => {
      const w = window as unknown as BenchWindow;
      const label = [...document.querySelectorAll('.claims-network label')].find((l) => l.textContent === 'Positions');
      const select = label ? document.getElementById((label as HTMLLabelElement).htmlFor) : null;
      if (!(select instanceof HTMLSelectElement)) throw new Error('no Positions choice in the network view');
      await w.__bench.settle();
      performance.clearResourceTimings();
      const t0 = performance.now();
      select.value = aggregation;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      const painted = await w.__bench.painted(
        () => w.__claims.network(nodes, aggregation, false),
        'the network',
        120_000,
      );
      const laidOut = await w.__bench.painted(
        () => w.__claims.network(nodes, aggregation, true),
        'the layout',
        300_000,
      );
      return {
        painted: painted.end - t0,
        server: w.__claims.answered(['analysis.network'], t0),
        laidOut: laidOut.end - t0,
      };
    },
    { aggregation, nodes },
  );
}
