/**
 * The agreement report (issue 17): two coders' annotations of the sample article, made through
 * the API as two coders make them (the annotator set before each one's creates); the report view
 * shows the αU the unit-tested function gives for the same spans, exports the rows it shows as
 * CSV, lists the disagreements and opens one in the reader at its passage.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { unitizingAlpha, type Unit } from '../src/shared/reliability/unitizingAlpha';
import { expect, test, type Hashiya } from './fixtures';
import { seriousViolations } from './helpers/axe';
import { openTool } from './helpers/tools';

const cp = (s: string) => [...s].length;

interface Seeded {
  doc: { id: string; text: string; title: string };
  units: Unit[];
}

async function seed(hashiya: Hashiya): Promise<Seeded> {
  const doc = await hashiya.sample();
  const at = (phrase: string, within?: string) => {
    const outer = within ?? phrase;
    const i = doc.text.indexOf(outer);
    if (i < 0) throw new Error(`no “${outer}” in the sample`);
    const start = cp(doc.text.slice(0, i)) + cp(outer.slice(0, outer.indexOf(phrase)));
    return { start, end: start + cp(phrase) };
  };
  const spans = {
    ceasefire: at('وقف إطلاق النار'),
    support: at('الداعمة لخليفه حفتر'),
    supportInner: at('لخليفه حفتر', 'الداعمة لخليفه حفتر'),
    envoy: at('غسان سلامه'),
  };
  const units: Unit[] = [];
  const create = async (coder: string, span: { start: number; end: number }, code: string, position: string) => {
    await hashiya.ok('annotations.create', { documentId: doc.id, ...span, codes: [code], values: { position } });
    units.push({ coder, category: code, ...span });
  };
  await hashiya.ok('settings.update', { annotator: 'Amal', coderId: 'Amal' });
  await create('Amal', spans.ceasefire, 'ceasefire-proposal', 'supports');
  await create('Amal', spans.support, 'foreign-military-support', 'reports');
  await hashiya.ok('settings.update', { annotator: 'Badr', coderId: 'Badr' });
  await create('Badr', spans.ceasefire, 'ceasefire-proposal', 'rejects');
  await create('Badr', spans.supportInner, 'foreign-military-support', 'reports');
  await create('Badr', spans.envoy, 'politics', 'reports');
  return { doc, units };
}

async function openReport(page: Page, docTitle: string) {
  await openTool(page, 'agreement');
  const dialog = page.getByRole('dialog', { name: 'Intercoder agreement' });
  await dialog.getByLabel('Chosen documents').check();
  await dialog.getByTestId('agreement-documents').getByLabel(docTitle).check();
  await expect(dialog.getByTestId('agreement-coders').getByRole('checkbox')).toHaveCount(2);
  await dialog.getByTestId('agreement-compute').click();
  await expect(dialog.getByTestId('agreement-report')).toBeVisible();
  return dialog;
}

const fmt = (x: number) =>
  new Intl.NumberFormat('en', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(x);

test('the report shows the αU of the seeded spans, per code and per field, with the warnings in words', async ({
  page,
  hashiya,
}) => {
  const { doc, units } = await seed(hashiya);
  await hashiya.open(page);
  const dialog = await openReport(page, doc.title);

  const codes = ['ceasefire-proposal', 'foreign-military-support', 'politics'];
  const expected = unitizingAlpha({ begin: 0, length: cp(doc.text), coders: ['Amal', 'Badr'], units }, codes);
  const table = dialog.getByTestId('agreement-codes');
  await expect(table.locator('tr[data-code-id=""] [data-cell="alpha-u"]')).toHaveText(fmt(expected.alpha as number));
  for (const c of expected.categories) {
    await expect(table.locator(`tr[data-code-id="${c.category}"] [data-cell="alpha-u"]`)).toHaveText(
      c.alpha === null ? 'undefined' : fmt(c.alpha),
    );
    await expect(table.locator(`tr[data-code-id="${c.category}"] [data-cell="units"]`)).toHaveText(String(c.units));
  }
  // position: the two matched claims agree on one of two (supports / rejects, reports / reports)
  const stance = dialog.getByTestId('agreement-fields').locator('tr[data-field="position"]');
  await expect(stance.locator('[data-cell="percent"]')).toHaveText('50%');
  await expect(stance.locator('[data-cell="n"]')).toHaveText('2');
  await expect(dialog.getByTestId('agreement-summary')).toContainText('2 matched claims · 1 unmatched');
  await expect(dialog.getByTestId('agreement-warnings')).toContainText(
    'α of Position rests on 2 units; a figure on fewer than 10 is not reliable.',
  );

  // the CSV holds the rows shown: BOM, header, one row per code (all codes first) and per field
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('agreement-export').click()]);
  expect(download.suggestedFilename()).toBe('agreement.csv');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-e2e-agreement-'));
  try {
    const file = path.join(dir, 'agreement.csv');
    await download.saveAs(file);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      'row,code_id,name,alpha_u,boundary_alpha,cu_alpha,units,metric,alpha,alpha_ci_low,alpha_ci_high,cohen_kappa,fleiss_kappa,percent_agreement,n,warnings',
    );
    expect(lines[1]?.startsWith(`code,,All chosen codes,${Math.round((expected.alpha as number) * 1e4) / 1e4},`)).toBe(
      true,
    );
    expect(lines.filter((l) => l.startsWith('code,'))).toHaveLength(1 + codes.length);
    // the codebook's claim fields agreement can compare, in its order (the political-claims template)
    expect(lines.filter((l) => l.startsWith('field,')).map((l) => l.split(',')[1])).toEqual([
      'claimant',
      'addressee',
      'object_actor',
      'form',
      'position',
      'certainty',
      'place',
    ]);
    expect(lines.find((l) => l.startsWith('field,position,'))).toMatch(
      /^field,position,Position,,,,,interval,.*,0\.5,2,α of Position rests on 2 units/,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('each disagreement is listed and opens the reader at its passage', async ({ page, hashiya }) => {
  const { doc } = await seed(hashiya);
  await hashiya.open(page);
  const dialog = await openReport(page, doc.title);
  const items = dialog.getByTestId('agreement-disagreements').locator(':scope > li');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('different values');
  await expect(items.nth(0)).toContainText('Position: supports');
  await expect(items.nth(0)).toContainText('Position: rejects');
  await expect(items.nth(1)).toContainText('different boundaries');
  await expect(items.nth(1).locator('q')).toHaveText(['الداعمة لخليفه حفتر', 'لخليفه حفتر']);
  await expect(items.nth(2)).toContainText('only one coder marked it');
  await expect(items.nth(2)).toContainText('غسان سلامه');

  await items.nth(1).getByRole('button', { name: 'Open in the reader' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(doc.title);
  // the reader flashes the passage both coders' spans cover
  await expect
    .poll(() => page.evaluate(() => [...(CSS.highlights.get('hx-flash') ?? [])].map((r) => (r as Range).toString())))
    .toEqual(['الداعمة لخليفه حفتر']);
});

test('the report in Arabic formats its numbers and passes axe-core with no serious or critical violations', async ({
  page,
  hashiya,
}) => {
  const { doc } = await seed(hashiya);
  await hashiya.open(page);
  const dialog = await openReport(page, doc.title);
  const audit = () => seriousViolations(page);
  expect(await audit()).toEqual([]);
  // the keyboard reaches every choice and the buttons: Escape closes, More takes focus back
  await dialog.getByTestId('agreement-compute').focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('more-button')).toBeFocused();

  await hashiya.ok('settings.update', { uiLanguage: 'ar' });
  await page.reload();
  await openTool(page, 'agreement');
  const ar = page.getByRole('dialog', { name: 'الاتفاق بين المرمّزين' });
  await ar.getByLabel('وثائق مختارة').check();
  await ar.getByTestId('agreement-documents').getByLabel(doc.title).check();
  await ar.getByTestId('agreement-compute').click();
  const stance = ar.getByTestId('agreement-fields').locator('tr[data-field="position"]');
  await expect(stance.locator('[data-cell="percent"]')).toHaveText(
    new Intl.NumberFormat('ar', { style: 'percent', maximumFractionDigits: 0 }).format(0.5),
  );
  // the figure a script gets from agreement.report, written as the page writes Arabic numbers
  const report = await hashiya.ok<{ unitizing: { alpha: number } }>('agreement.report', { documentIds: [doc.id] });
  const arabic = await page.evaluate(
    (x) => new Intl.NumberFormat('ar', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(x),
    report.unitizing.alpha,
  );
  await expect(ar.locator('tr[data-code-id=""] [data-cell="alpha-u"]')).toHaveText(arabic);
  await expect(ar.getByTestId('agreement-warnings')).toContainText('يقوم على وحدتين');
  expect(await audit()).toEqual([]);
});

test('the choices do not move when the coders arrive: their place is kept while they load', async ({
  page,
  hashiya,
}) => {
  await seed(hashiya);
  // agreement.coders reads every document; its answer is held back until the test lets it through
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/agreement.coders', async (route) => {
    const response = await route.fetch();
    await released;
    await route.fulfill({ response });
  });
  await hashiya.open(page);
  await openTool(page, 'agreement');
  const dialog = page.getByRole('dialog', { name: 'Intercoder agreement' });
  await expect(dialog.getByTestId('agreement-coders-loading')).toContainText('Loading…');
  await expect(dialog.getByTestId('agreement-compute')).toBeDisabled();
  const radio = dialog.getByLabel('Chosen documents');
  const before = await radio.boundingBox();
  release();
  await expect(dialog.getByTestId('agreement-coders').getByRole('checkbox')).toHaveCount(2);
  await expect(dialog.getByTestId('agreement-coders-loading')).toHaveCount(0);
  expect(await radio.boundingBox()).toEqual(before);
  await expect(dialog.getByTestId('agreement-compute')).toBeEnabled();
});
