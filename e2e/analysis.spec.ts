/**
 * The claims view (issue 16) on the sample project: the table shows the tagged claims and sorts
 * them, the one filter narrows the table and the timeline alike, a network node filters the table
 * to its actor, the events CSV holds the rows the table shows, a row opens its passage, and axe
 * finds nothing serious.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, type Hashiya } from './fixtures';
import { seriousViolations } from './helpers/axe';
import { saveScreenshot } from './helpers/screenshots';

const MAY_TEXT = 'قال الرئيس الفرنسي إيمانويل ماكرون إنه يقترح وقفا للقتال دون شرط مع رقابة دولية على خط الجبهة.';

/** Tag the first occurrence of `words` in a document (offsets in code points). */
async function tag(
  hashiya: Hashiya,
  documentId: string,
  words: string,
  codes: string[],
  claimant: string,
  position: string,
) {
  const { text } = await hashiya.ok<{ text: string }>('documents.get', { id: documentId });
  const at = text.indexOf(words);
  expect(at, words).toBeGreaterThanOrEqual(0);
  const start = [...text.slice(0, at)].length;
  await hashiya.ok('annotations.create', {
    documentId,
    start,
    end: start + [...words].length,
    codes,
    values: { claimant: await hashiya.actor(claimant), position },
  });
}

/** Three claims: two in April (a ceasefire proposal rejected, an arms-embargo claim), one in May (Macron's proposal). */
async function seed(hashiya: Hashiya) {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const sample = await hashiya.sample();
  await hashiya.ok('documents.update', { id: sample.id, publishedAt: '2019-04-10' });
  const { document: may } = await hashiya.ok<{ document: { id: string } }>('documents.importText', {
    text: MAY_TEXT,
    title: 'Macron in May',
  });
  await hashiya.ok('documents.update', { id: may.id, publishedAt: '2019-05-22' });
  await tag(hashiya, sample.id, 'وقف إطلاق النار', ['ceasefire-proposal'], 'خليفة حفتر', 'rejects');
  await tag(hashiya, sample.id, 'المشير حفتر', ['arms-embargo'], 'غسان سلامة', 'supports');
  await tag(hashiya, may.id, 'يقترح وقفا للقتال', ['ceasefire-proposal'], 'إيمانويل ماكرون', 'proposes');
  return { sample, may };
}

async function openClaims(page: Page, hashiya: Hashiya) {
  await hashiya.open(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Claims' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Claims' })).toBeVisible();
}

/** The sample claims, the interface in Arabic, the claims view open. */
async function openClaimsInArabic(page: Page, hashiya: Hashiya) {
  await seed(hashiya);
  await hashiya.ok('settings.update', { uiLanguage: 'ar' });
  await hashiya.open(page);
  await page.getByRole('navigation', { name: 'الرئيسية' }).getByRole('button', { name: 'الادعاءات' }).click();
}

/** Tick `labels` in a filter field of several values (filter-<field>), then close its list. */
async function choose(page: Page, field: string, ...labels: string[]) {
  const box = page.getByTestId(`filter-${field}`);
  await box.getByRole('button').first().click();
  for (const label of labels) await box.getByRole('checkbox', { name: label, exact: true }).check();
  await page.keyboard.press('Escape');
}

const rows = (page: Page) => page.getByTestId('claim-row');
const column = (page: Page, name: string) => rows(page).locator(`.col-${name}`).allTextContents();
const timelineTotal = async (page: Page) =>
  (
    await page.getByTestId('timeline-bar').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-total'))))
  ).reduce((a, b) => a + b, 0);

/** RFC 4180 rows of a CSV text (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) out.push([...row, cell]);
  return out;
}

test('the claims table shows the tagged claims and sorting by date reverses them', async ({ page, hashiya }) => {
  await seed(hashiya);
  await openClaims(page, hashiya);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole('heading', { name: /Claims table/ })).toContainText('3 claims');
  expect(await column(page, 'quote')).toContain('يقترح وقفا للقتال');
  expect(await column(page, 'documentDate')).toEqual(['2019-04-10', '2019-04-10', '2019-05-22']);
  const header = page.getByRole('columnheader', { name: 'Date', exact: true });
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByTestId('network-node')).toHaveCount(5);
  saveScreenshot('claims-network.png', await page.locator('.claims-network').screenshot());
  // the network pans and zooms from the keyboard, and 0 puts it back
  const picture = page.getByTestId('network').locator(':scope > g');
  const home = await picture.getAttribute('transform');
  await page.getByTestId('network').focus();
  await page.keyboard.press('+');
  await expect(picture).toHaveAttribute('transform', /scale\(1\.25\)/);
  const zoomed = await picture.getAttribute('transform');
  await page.keyboard.press('ArrowLeft');
  await expect(picture).not.toHaveAttribute('transform', zoomed!);
  await page.keyboard.press('0');
  await expect(picture).toHaveAttribute('transform', home!);
  await page.getByLabel('Stack by').selectOption({ label: 'Actor' });
  await expect(page.locator('.claims-timeline .chart-legend')).toContainText('إيمانويل ماكرون');
  // one shape per claimant, in its legend colour: the April bar holds two of them, May's one
  const swatches = await page
    .locator('.claims-timeline .chart-legend .swatch')
    .evaluateAll((s) => s.map((e) => getComputedStyle(e).backgroundColor));
  const shapes = page.getByTestId('timeline-series');
  await expect(shapes).toHaveCount(3);
  const fills = await shapes.evaluateAll((s) => s.map((e) => getComputedStyle(e).fill));
  expect(fills).toEqual(swatches);
  const pieces = await shapes.evaluateAll((s) => s.map((e) => (e.getAttribute('d')!.match(/M/g) ?? []).length));
  expect(pieces.reduce((a, b) => a + b, 0)).toBe(3);
  saveScreenshot('claims-timeline.png', await page.locator('.claims-timeline').screenshot());
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(rows(page).first().locator('.col-documentDate')).toHaveText('2019-05-22');
  expect(await column(page, 'documentDate')).toEqual(['2019-05-22', '2019-04-10', '2019-04-10']);
  expect(await seriousViolations(page)).toEqual([]);
});

test('one filter: a code narrows the table and the timeline alike; a network node filters to its actor', async ({
  page,
  hashiya,
}) => {
  await seed(hashiya);
  await openClaims(page, hashiya);
  await expect(rows(page)).toHaveCount(3);
  await expect.poll(() => timelineTotal(page)).toBe(3);

  await choose(page, 'codes', 'Ceasefire proposal');
  await expect(rows(page)).toHaveCount(2);
  await expect.poll(() => timelineTotal(page)).toBe(2);
  expect(await column(page, 'claimant')).toEqual(['خليفة حفتر', 'إيمانويل ماكرون']);

  const macron = page.getByTestId('network-node').filter({ hasText: 'إيمانويل ماكرون' });
  await macron.locator('circle').click();
  await expect(rows(page)).toHaveCount(1);
  expect(await column(page, 'claimant')).toEqual(['إيمانويل ماكرون']);
  await expect.poll(() => timelineTotal(page)).toBe(1);

  // the events CSV has the rows the table shows
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Events CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^hashiya-events-.*\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  const [head, ...lines] = parseCsv(csv.replace(/^\uFEFF/, ''));
  const quote = head!.indexOf('quote');
  expect(lines.map((l) => l[quote])).toEqual(await column(page, 'quote'));
  expect(await seriousViolations(page)).toEqual([]);
});

test('filters of several values: two codes and a position, from the keyboard; the timeline, network and files follow', async ({
  page,
  hashiya,
}) => {
  await seed(hashiya);
  await openClaims(page, hashiya);
  await expect(rows(page)).toHaveCount(3);
  // the codes field from the keyboard: open, tick two, Escape puts the focus back
  const codes = page.getByTestId('filter-codes');
  const button = codes.getByRole('button').first();
  await expect(button).toHaveAccessibleName('Code Any code');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await codes.getByRole('checkbox', { name: 'Ceasefire proposal', exact: true }).focus();
  await page.keyboard.press('Space');
  await codes.getByRole('checkbox', { name: 'Arms embargo', exact: true }).focus();
  await page.keyboard.press('Space');
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(button).toBeFocused();
  await expect(button).toHaveAccessibleName('Code 2 chosen');
  await expect(rows(page)).toHaveCount(3);
  // and a position: +1 (Salama supports the embargo, Macron proposes a ceasefire)
  await choose(page, 'positions', '+1');
  await expect(rows(page)).toHaveCount(2);
  expect(await column(page, 'claimant')).toEqual(['غسان سلامة', 'إيمانويل ماكرون']);
  await expect.poll(() => timelineTotal(page)).toBe(2);
  await expect(page.getByTestId('network-node').filter({ hasText: 'خليفة حفتر' })).toHaveCount(0);
  await expect(page.getByTestId('network-node').filter({ hasText: 'غسان سلامة' })).toHaveCount(1);
  // the files hold what is shown
  const [events] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Events CSV' }).click(),
  ]);
  const [head, ...lines] = parseCsv(readFileSync(await events.path(), 'utf8').replace(/^\uFEFF/, ''));
  expect(lines.map((l) => l[head!.indexOf('quote')])).toEqual(await column(page, 'quote'));
  const [edges] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Edges CSV', exact: true }).click(),
  ]);
  const edgeRows = parseCsv(readFileSync(await edges.path(), 'utf8').replace(/^\uFEFF/, '')).slice(1);
  expect(edgeRows.map((r) => r[1]).sort()).toEqual(['code:arms-embargo', 'code:ceasefire-proposal']);
  expect(await seriousViolations(page)).toEqual([]);
});

test('an actor chosen in the filter finds the claims of the actors affiliated with it', async ({ page, hashiya }) => {
  await seed(hashiya);
  const haftar = await hashiya.actor('خليفة حفتر');
  const lna = await hashiya.actor('الجيش الوطني الليبي');
  await hashiya.ok('registry.update', { id: haftar, patch: { affiliation: lna } });
  await openClaims(page, hashiya);
  await expect(rows(page)).toHaveCount(3);
  const actors = page.getByTestId('filter-actors');
  await actors.getByRole('button').first().click();
  // each actor shows its affiliation
  await expect(actors.getByRole('checkbox', { name: 'خليفة حفتر · الجيش الوطني الليبي' })).toBeVisible();
  await actors.getByRole('checkbox', { name: 'الجيش الوطني الليبي', exact: true }).check();
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(1);
  expect(await column(page, 'claimant')).toEqual(['خليفة حفتر']);
  // a second actor adds its claims (any of them passes)
  await choose(page, 'actors', 'إيمانويل ماكرون');
  await expect(rows(page)).toHaveCount(2);
  expect(await column(page, 'claimant')).toEqual(['خليفة حفتر', 'إيمانويل ماكرون']);
});

test('sliding windows: the network steps from window to window, and every window’s edges export', async ({
  page,
  hashiya,
}) => {
  await seed(hashiya);
  await openClaims(page, hashiya);
  await expect(page.getByTestId('network-node')).toHaveCount(5);
  await page.getByRole('checkbox', { name: 'Sliding windows' }).check();
  await page.getByLabel('Step (days)').fill('30');
  // 30-day windows 30 days apart from the first claim (2019-04-10): April's, then May's
  const shown = page.getByTestId('window-shown');
  await expect(shown).toHaveText('Window 1 of 2: 2019-04-10 – 2019-05-09');
  await expect(page.getByTestId('network-node').filter({ hasText: 'خليفة حفتر' })).toHaveCount(1);
  await expect(page.getByTestId('network-node').filter({ hasText: 'إيمانويل ماكرون' })).toHaveCount(0);
  await page.getByTestId('window-slider').focus();
  await page.keyboard.press('ArrowRight');
  await expect(shown).toHaveText('Window 2 of 2: 2019-05-10 – 2019-06-08');
  await expect(page.getByTestId('network-node').filter({ hasText: 'إيمانويل ماكرون' })).toHaveCount(1);
  await expect(page.getByTestId('network-node').filter({ hasText: 'خليفة حفتر' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Next window' })).toBeDisabled();
  expect(await seriousViolations(page)).toEqual([]);
  const [all] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Edges CSV, every window' }).click(),
  ]);
  expect(all.suggestedFilename()).toMatch(/^hashiya-network-twoMode-windows-edges-.*\.csv$/);
  const [head, ...lines] = parseCsv(readFileSync(await all.path(), 'utf8').replace(/^\uFEFF/, ''));
  expect(head!.slice(0, 3)).toEqual(['window', 'window_from', 'window_to']);
  expect(lines.map((l) => l.slice(0, 3).join(' '))).toEqual([
    '1 2019-04-10 2019-05-09',
    '1 2019-04-10 2019-05-09',
    '2 2019-05-10 2019-06-08',
  ]);
  // the GraphML holds the window on screen
  const [graphml] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'GraphML' }).click(),
  ]);
  const xml = readFileSync(await graphml.path(), 'utf8');
  expect(xml).toContain('إيمانويل ماكرون');
  expect(xml).not.toContain('خليفة حفتر');
  await page.getByRole('button', { name: 'Previous window' }).click();
  await expect(shown).toHaveText('Window 1 of 2: 2019-04-10 – 2019-05-09');
});

test('a row opens its passage in the reader, with the keyboard too', async ({ page, hashiya }) => {
  await seed(hashiya);
  await openClaims(page, hashiya);
  await choose(page, 'codes', 'Arms embargo');
  await expect(rows(page)).toHaveCount(1);
  await rows(page).first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('article')).toBeVisible();
  await expect(page.getByTestId('article')).toContainText('المشير حفتر');
});

test('a filter nothing matches says so', async ({ page, hashiya }) => {
  await seed(hashiya);
  await openClaims(page, hashiya);
  await choose(page, 'positions', 'No position');
  await expect(page.getByText('No claims match this filter.').first()).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
});

test('a click on a timeline bar shows that day’s claims; the timeline saves as SVG and PNG', async ({
  page,
  hashiya,
}) => {
  await seed(hashiya);
  await openClaims(page, hashiya);
  await expect(rows(page)).toHaveCount(3);
  const may = page
    .getByTestId('timeline-bar')
    .filter({ has: page.locator('rect') })
    .last();
  await expect(may).toHaveAttribute('aria-label', /^2019-05-22: 1 claim\b/);
  await may.focus();
  await expect(page.getByTestId('timeline-shown')).toContainText('2019-05-22: 1 claim');
  await page.keyboard.press('Enter');
  await expect(rows(page)).toHaveCount(1);
  expect(await column(page, 'claimant')).toEqual(['إيمانويل ماكرون']);
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('2019-05-22');

  const [svg] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save as SVG' }).click(),
  ]);
  expect(svg.suggestedFilename()).toMatch(/^hashiya-timeline-.*\.svg$/);
  const markup = readFileSync(await svg.path(), 'utf8');
  expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(markup).toContain('font-family="');
  expect(markup).toContain('2019-05-22');
  const [png] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save as PNG' }).click(),
  ]);
  expect([...readFileSync(await png.path()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});

test('in Arabic: the view’s words, right-to-left chrome, Arabic names in the network, and axe is content', async ({
  page,
  hashiya,
}) => {
  await openClaimsInArabic(page, hashiya);
  await expect(page.getByRole('heading', { level: 1, name: 'الادعاءات' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByRole('columnheader', { name: 'صاحب الادعاء' })).toBeVisible();
  await expect(page.getByTestId('network-node').filter({ hasText: 'خليفة حفتر' })).toHaveCount(1);
  // codes are named in Arabic too
  await expect(page.getByTestId('network-node').filter({ hasText: 'اقتراح وقف إطلاق النار' })).toHaveCount(1);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a claim tagged elsewhere appears in the open view', async ({ page, hashiya }) => {
  const { may } = await seed(hashiya);
  await openClaims(page, hashiya);
  await expect(rows(page)).toHaveCount(3);
  await expect.poll(() => timelineTotal(page)).toBe(3);
  await tag(hashiya, may.id, 'رقابة دولية', ['ceasefire-condition'], 'فائز السراج', 'rejects');
  await expect(rows(page)).toHaveCount(4);
  await expect.poll(() => timelineTotal(page)).toBe(4);
  await expect(page.getByTestId('network-node').filter({ hasText: 'فائز السراج' })).toHaveCount(1);
});

test('1,200 claims: the table fetches only the windows it shows, and End reaches the last claim', async ({
  page,
  hashiya,
}) => {
  const doc = await hashiya.sample();
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  // whole words of the sample, so no span splits a letter from its marks
  const chars = [...doc.text];
  const words: Array<[number, number]> = [];
  for (let i = 1; i < chars.length; i++) {
    if (chars[i - 1] !== ' ' || chars[i] === ' ') continue;
    const end = chars.indexOf(' ', i);
    if (end > i) words.push([i, end]);
  }
  // 1,200 actors in one registry import, then one claim each
  const names = Array.from({ length: 1200 }, (_, i) => `actor ${String(i).padStart(4, '0')}`);
  await hashiya.ok('registry.importCsv', { csv: ['name_latin', ...names].join('\n') });
  const registry = await hashiya.ok<{ entities: { id: string; nameLatin: string }[] }>('registry.get', {});
  const idOf = new Map(registry.entities.map((e) => [e.nameLatin, e.id]));
  const drafts = names.map((name, i) => ({
    documentId: doc.id,
    start: words[i % words.length]![0],
    end: words[i % words.length]![1],
    codes: ['ceasefire-proposal'],
    values: { claimant: idOf.get(name), position: 'proposes' },
  }));
  await hashiya.ok('annotations.createMany', { documentId: doc.id, drafts });
  const asked: Array<{ offset: number; limit: number }> = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/analysis.claims')) asked.push(JSON.parse(r.postData() ?? '{}'));
  });
  await openClaims(page, hashiya);
  await expect(page.getByRole('heading', { name: /Claims table/ })).toContainText('1,200 claims');
  await expect(page.getByRole('table', { name: 'Claims table' })).toHaveAttribute('aria-rowcount', '1201');
  // a window of rows is drawn, not 1,200
  expect(await rows(page).count()).toBeLessThan(100);
  await page.getByRole('columnheader', { name: 'Claimant' }).getByRole('button').click();
  await expect(rows(page).first().locator('.col-claimant')).toHaveText('actor 0000');
  await rows(page).first().focus();
  await page.keyboard.press('End');
  await expect(page.locator('[data-index="1199"] .col-claimant')).toHaveText('actor 1199');
  await expect(page.locator('[data-index="1199"]')).toBeFocused();
  expect(asked.every((a) => a.limit <= 200)).toBe(true);
  // the first page and the last, in each order: never the pages in between
  expect(asked.length).toBeLessThan(8);
  // scrolled to the middle: the rows in view are drawn, at their places in the box
  const body = page.locator('.claims-body');
  await body.evaluate((el) => (el.scrollTop = 600 * 34));
  await expect(page.locator('[data-index="600"] .col-claimant')).toHaveText('actor 0600');
  const [box, row] = await Promise.all([body.boundingBox(), page.locator('[data-index="600"]').boundingBox()]);
  expect(Math.abs(row!.y - box!.y)).toBeLessThan(2);
  expect(await page.locator('[data-index="0"]').count()).toBe(0);
});

test('in the Arabic interface the date fields show and take dates year first; a text that is no date is refused and changes nothing', async ({
  page,
  hashiya,
}) => {
  await openClaimsInArabic(page, hashiya);
  await expect(rows(page)).toHaveCount(3);
  // a text field (the browser's date input shows mm/dd/yyyy whatever the page's language)
  const from = page.getByLabel('من', { exact: true });
  await expect(from).toHaveAttribute('placeholder', 'سنة-شهر-يوم');
  await from.fill('22/05/2019');
  await from.press('Enter');
  await expect(from).toHaveValue('2019-05-22');
  await expect(rows(page)).toHaveCount(1);
  await from.fill('2019-13-45');
  await from.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'ليس تاريخًا' })).toBeVisible();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await expect(rows(page)).toHaveCount(1);
  // the network's window takes the same field
  const windowTo = page.getByLabel('النافذة إلى', { exact: true });
  await windowTo.fill('٢٠١٩/٠٤/٣٠');
  await windowTo.press('Tab');
  await expect(windowTo).toHaveValue('2019-04-30');
  await from.fill('');
  await from.press('Enter');
  await expect(rows(page)).toHaveCount(3);
  await expect(from).not.toHaveAttribute('aria-invalid', 'true');
});

test('while the claims are first read, the view says so, and the rows replace the words', async ({ page, hashiya }) => {
  await seed(hashiya);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  for (const method of ['analysis.claims', 'analysis.timeline'])
    await page.route(`**/api/${method}`, async (route) => {
      await held;
      await route.continue();
    });
  await openClaims(page, hashiya);
  const reading = page.getByTestId('claims-reading');
  await expect(reading).toHaveText(/Reading the claims of every document/);
  await expect(reading).toHaveAttribute('role', 'status');
  // the timeline waits too
  await expect(page.locator('.claims-timeline .claims-reading')).toHaveText('Loading…');
  release();
  await expect(rows(page)).toHaveCount(3);
  await expect(reading).toHaveCount(0);
  await expect(page.getByTestId('network-node').first()).toBeVisible();
  await expect(page.locator('.claims-reading')).toHaveCount(0);
});

test('choosing in the filter bar does not move what lies below it: each field keeps its width whatever is chosen', async ({
  page,
  hashiya,
}) => {
  await seed(hashiya);
  await openClaims(page, hashiya);
  await expect(rows(page)).toHaveCount(3);
  const place = () =>
    page.evaluate(() => {
      const box = (q: string) => document.querySelector(q)!.getBoundingClientRect();
      return {
        bar: box('.claims-filter').height,
        // what lies below the bar starts where it did (the charts' own heights follow their data)
        charts: box('.analysis-charts').top,
        button: box('[data-testid=filter-codes] .multi-select-button').width,
      };
    });
  for (const width of [1280, 1024, 900]) {
    await page.setViewportSize({ width, height: 800 });
    const before = await place();
    // a code's name, then two codes ("2 chosen"), then none again
    await choose(page, 'codes', 'Arms embargo');
    await expect(rows(page)).toHaveCount(1);
    const button = page.getByTestId('filter-codes').locator('.multi-select-button');
    await expect(button).toHaveAttribute('title', 'Arms embargo');
    expect(await place()).toEqual(before);
    await choose(page, 'codes', 'Ceasefire proposal');
    await expect(rows(page)).toHaveCount(3);
    await expect(button).toHaveAttribute('title', '2 chosen');
    expect(await place()).toEqual(before);
    await page.getByRole('button', { name: 'Clear the filter' }).click();
    await expect(button).toHaveAttribute('title', 'Any code');
    await expect(rows(page)).toHaveCount(3);
    expect(await place()).toEqual(before);
  }
});

test('a new filter keeps the last rows on screen, marked busy, until its first page comes', async ({
  page,
  hashiya,
}) => {
  await seed(hashiya);
  await openClaims(page, hashiya);
  await expect(rows(page)).toHaveCount(3);
  const table = page.getByRole('table', { name: 'Claims table' });
  await expect(table).toHaveAttribute('aria-busy', 'false');
  // hold the table's next answer until the test lets it go (a filter change asks for the table's
  // page with the timeline, in one call)
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/analysis.view', async (route) => {
    await held;
    await route.continue();
  });
  await choose(page, 'codes', 'Ceasefire proposal');
  await expect(table).toHaveAttribute('aria-busy', 'true');
  // the last rows are dimmed once the answer is late (not in the click's own frame)
  await expect(table).toHaveClass(/claims-busy/);
  // the table is not emptied meanwhile: the three claims stay readable
  expect((await column(page, 'claimant')).sort()).toEqual(['خليفة حفتر', 'غسان سلامة', 'إيمانويل ماكرون'].sort());
  release();
  await expect(rows(page)).toHaveCount(2);
  await expect(table).toHaveAttribute('aria-busy', 'false');
  await expect(table).not.toHaveClass(/claims-busy/);
  expect(await column(page, 'claimant')).toEqual(['خليفة حفتر', 'إيمانويل ماكرون']);
});

test('a filter whose answer fails says so, and going back to a filter that answers clears the alert', async ({
  page,
  hashiya,
}) => {
  await seed(hashiya);
  await openClaims(page, hashiya);
  await expect(rows(page)).toHaveCount(3);
  const table = page.locator('section.claims-table-section');
  // the server refuses every claims page while the filter names a code (asked alone, or with the
  // timeline in the call a filter change makes)
  for (const method of ['analysis.claims', 'analysis.view'])
    await page.route(`**/api/${method}`, async (route) => {
      const sent = route.request().postDataJSON() as {
        filter?: { codes?: string[] };
        claims?: { filter?: { codes?: string[] } };
      };
      if ((sent.claims ?? sent).filter?.codes) await route.fulfill({ status: 500, body: '{"error":"broken"}' });
      else await route.continue();
    });
  await choose(page, 'codes', 'Ceasefire proposal');
  await expect(table.getByRole('alert')).toBeVisible();
  const box = page.getByTestId('filter-codes');
  await box.getByRole('button').first().click();
  await box.getByRole('checkbox', { name: 'Ceasefire proposal', exact: true }).uncheck();
  await page.keyboard.press('Escape');
  await expect(rows(page)).toHaveCount(3);
  await expect(table.getByRole('alert')).toHaveCount(0);
});

/**
 * Where a cell's text lies in its cell: `first` and `last` are the horizontal middles of its first
 * and last characters, `left` and `right` the text's edges, `cellLeft` and `cellRight` the cell's
 * content edges (inside its padding).
 */
async function cellText(page: Page, column: string, text: string) {
  const cell = rows(page).locator(`.col-${column}`).filter({ hasText: text }).first();
  await expect(cell).toHaveText(text);
  return cell.evaluate((el) => {
    const node = el.firstChild as Text;
    const mid = (from: number, to: number) => {
      const r = document.createRange();
      r.setStart(node, from);
      r.setEnd(node, to);
      const box = r.getBoundingClientRect();
      return (box.left + box.right) / 2;
    };
    const whole = document.createRange();
    whole.selectNodeContents(node);
    const box = whole.getBoundingClientRect();
    const style = getComputedStyle(el);
    const cellBox = el.getBoundingClientRect();
    const n = node.data.length;
    return {
      first: mid(0, 1),
      last: mid(n - 1, n),
      left: box.left,
      right: box.right,
      cellLeft: cellBox.left + parseFloat(style.paddingLeft),
      cellRight: cellBox.right - parseFloat(style.paddingRight),
    };
  });
}

/**
 * The Arabic quote runs right to left (its full stop at its left end) and the Latin title left to
 * right (its full stop at its right end), each at the cell's `side`, the interface's.
 */
async function expectOwnDirections(page: Page, side: 'left' | 'right') {
  for (const [column, text, rtl] of [
    ['quote', 'على خط الجبهة.', true],
    ['title', 'Macron (Paris).', false],
  ] as const) {
    const at = await cellText(page, column, text);
    if (rtl) expect(at.last, text).toBeLessThan(at.first);
    else expect(at.last, text).toBeGreaterThan(at.first);
    const gap = side === 'left' ? at.left - at.cellLeft : at.cellRight - at.right;
    expect(Math.abs(gap), `${text} at the cell's ${side}`).toBeLessThan(2);
  }
}

test('each cell reads in its own text’s direction, and a column keeps the interface’s side', async ({
  page,
  hashiya,
}) => {
  const { may } = await seed(hashiya);
  // a Latin title ending in punctuation, and an Arabic quote ending in a full stop: laid out in the
  // other script's direction, their last characters would stand at the wrong end
  await hashiya.ok('documents.update', { id: may.id, title: 'Macron (Paris).' });
  await tag(hashiya, may.id, 'على خط الجبهة.', ['ceasefire-condition'], 'إيمانويل ماكرون', 'proposes');
  await openClaims(page, hashiya);
  await expect(rows(page)).toHaveCount(4);
  // English interface: each text in its own direction, both at the cells' left
  await expectOwnDirections(page, 'left');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  await hashiya.ok('settings.update', { uiLanguage: 'ar' });
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('navigation', { name: 'الرئيسية' }).getByRole('button', { name: 'الادعاءات' }).click();
  await expect(rows(page)).toHaveCount(4);
  // Arabic interface: the same directions, both at the cells' right
  await expectOwnDirections(page, 'right');
});
