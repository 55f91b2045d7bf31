/**
 * Merging a colleague's work (issue 17): two coders code the sample article blind in two project
 * folders, Amal with the mouse and Badr through the API; Badr's project bundle is exported, Amal
 * imports it as his layer through "Import colleague’s work…" (dry-run report, confirm, undo toast),
 * the agreement report shows the αU the unit-tested function gives for the same spans, and
 * importing the same bundle again changes nothing.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation } from '@shared/model';
import { unitizingAlpha } from '../src/shared/reliability/unitizingAlpha';
import { expect, test, type Hashiya } from './fixtures';
import { seriousViolations } from './helpers/axe';
import { openTool } from './helpers/tools';
import { cp, dragSelect } from './helpers/selection';

const codePoints = (s: string) => [...s].length;
const fmt = (x: number) =>
  new Intl.NumberFormat('en', { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(x);

interface Setup {
  doc: { id: string; text: string; title: string };
  bundle: string;
  dir: string;
}

/** Badr codes his copy (a second project folder) through the API and exports his bundle; Amal's copy is open again after. */
async function badrsBundle(hashiya: Hashiya): Promise<Setup> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-e2e-layers-'));
  const sample = await hashiya.sample();
  await hashiya.ok('project.create', { path: path.join(dir, 'badr'), name: 'Badr’s copy' });
  await hashiya.ok('settings.update', { annotator: 'Badr', blind: true });
  // Badr imported the same article into his own project
  const { document } = await hashiya.ok<{ document: { id: string } }>('documents.importText', {
    text: sample.text,
    title: sample.title,
  });
  const theirs = await hashiya.ok<Setup['doc']>('documents.get', { id: document.id });
  expect(theirs.text).toBe(sample.text);
  const span = (phrase: string) => {
    const start = cp(theirs.text, theirs.text.indexOf(phrase));
    return { start, end: start + codePoints(phrase) };
  };
  for (const [phrase, code] of [
    ['وقف إطلاق النار', 'ceasefire-proposal'],
    ['المشير خليفه', 'ceasefire-proposal'],
    ['فائز السراج', 'ceasefire-condition'],
  ] as const)
    await hashiya.ok('annotations.create', { documentId: theirs.id, ...span(phrase), codes: [code] });
  const exported = await hashiya.ok<{ data: string }>('export.bundle', {});
  const bundle = path.join(dir, 'badr-bundle.zip');
  await writeFile(bundle, Buffer.from(exported.data, 'base64'));
  await hashiya.ok('project.open', { path: hashiya.dataDir });
  await hashiya.ok('settings.update', { annotator: 'Amal', blind: true });
  return { doc: await hashiya.sample(), bundle, dir };
}

/** Amal tags with the mouse and a code key, as a coder does. */
async function amalCodes(page: Page, hashiya: Hashiya, doc: Setup['doc']) {
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  for (const [phrase, key] of [
    ['وقف إطلاق النار', '1'],
    ['المشير خليفه حفتر', '1'],
  ] as const) {
    await dragSelect(page, phrase);
    await page.keyboard.press(key);
    await expect(page.getByTestId('annotation-list').locator('.item-quote', { hasText: phrase })).toBeVisible();
  }
  await expect
    .poll(async () => (await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).length)
    .toBe(2);
}

async function importBundle(page: Page, bundle: string) {
  await openTool(page, 'layers');
  const dialog = page.getByRole('dialog', { name: 'Import a colleague’s work as their layer' });
  await dialog.getByLabel('A project bundle').check();
  await dialog.getByTestId('layers-file').setInputFiles(bundle);
  await dialog.getByTestId('layers-check').click();
  await expect(dialog.getByTestId('layers-report')).toBeVisible();
  return dialog;
}

test('a colleague’s bundle imported as their layer: the report first, then agreement on both layers, and a second import changes nothing', async ({
  page,
  hashiya,
}) => {
  const { doc, bundle, dir } = await badrsBundle(hashiya);
  try {
    await amalCodes(page, hashiya, doc);
    // while blind, Badr's layer is refused, and the dialog says why; nothing is written
    const dialog = page.getByRole('dialog', { name: 'Import a colleague’s work as their layer' });
    await openTool(page, 'layers');
    await dialog.getByLabel('A project bundle').check();
    await dialog.getByTestId('layers-file').setInputFiles(bundle);
    await dialog.getByTestId('layers-check').click();
    await expect(dialog.getByRole('alert')).toContainText('Reveal other coders’ work before importing it');
    expect(await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).toHaveLength(2);
    // coding is done: Amal reveals the other coders' work, then brings Badr's in
    await hashiya.ok('settings.update', { blind: false });
    await dialog.getByTestId('layers-check').click();
    await expect(dialog.getByTestId('layers-report')).toBeVisible();
    await expect(dialog.getByTestId('layers-summary')).toHaveText(
      '3 annotations to add · 0 already here · 0 conflicts · 0 orphans',
    );
    await expect(dialog.getByTestId('layers-coders').locator('tbody tr')).toHaveText([/Badr\s*new\s*330/]);
    await expect(dialog.getByTestId('layers-documents').locator('tbody tr')).toHaveText([
      new RegExp(`${doc.title}.*same text.*3 / 3`),
    ]);
    // nothing is written before the confirmation
    expect(await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).toHaveLength(2);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByTestId('layers-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('layers-toast')).toContainText('Imported 3 annotations of Badr.');

    // coding is done: Amal reveals the other layers to compare them
    await hashiya.ok('settings.update', { blind: false });
    const all = await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id });
    expect(all.map((a) => a.annotator).sort()).toEqual(['Amal', 'Amal', 'Badr', 'Badr', 'Badr']);
    // the independent figure: the unit-tested αU on the same spans
    const units = all.flatMap((a) =>
      a.codes.map((category) => ({ coder: a.annotator, category, start: a.start, end: a.end })),
    );
    const codes = [...new Set(units.map((u) => u.category))];
    const expected = unitizingAlpha({ begin: 0, length: codePoints(doc.text), coders: ['Amal', 'Badr'], units }, codes);
    await openTool(page, 'agreement');
    const report = page.getByRole('dialog', { name: 'Intercoder agreement' });
    await report.getByLabel('Chosen documents').check();
    await report.getByTestId('agreement-documents').getByLabel(doc.title).check();
    await expect(report.getByTestId('agreement-coders').getByRole('checkbox')).toHaveCount(2);
    await report.getByTestId('agreement-compute').click();
    const table = report.getByTestId('agreement-codes');
    await expect(table.locator('tr[data-code-id=""] [data-cell="alpha-u"]')).toHaveText(fmt(expected.alpha as number));
    for (const c of expected.categories)
      await expect(table.locator(`tr[data-code-id="${c.category}"] [data-cell="alpha-u"]`)).toHaveText(
        c.alpha === null ? 'undefined' : fmt(c.alpha),
      );
    await page.keyboard.press('Escape');
    await expect(report).toBeHidden();

    // the same bundle again: everything is already here, nothing to confirm, nothing changes
    const again = await importBundle(page, bundle);
    await expect(again.getByTestId('layers-summary')).toHaveText(
      '0 annotations to add · 3 already here · 0 conflicts · 0 orphans',
    );
    await expect(again.getByTestId('layers-confirm')).toHaveCount(0);
    await expect(again.getByText('Nothing to import')).toBeVisible();
    expect(await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).toEqual(all);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the import is undone from its toast, and the dialog works by keyboard and in Arabic', async ({
  page,
  hashiya,
}) => {
  const { doc, bundle, dir } = await badrsBundle(hashiya);
  try {
    // another coder's layer comes in once blind coding is over
    await hashiya.ok('settings.update', { blind: false });
    await hashiya.open(page);
    const dialog = await importBundle(page, bundle);
    await dialog.getByTestId('layers-confirm').click();
    await expect(page.getByTestId('layers-toast')).toContainText('Imported 3 annotations of Badr.');
    await page.getByTestId('layers-undo').click();
    await expect(page.getByTestId('layers-toast')).toContainText('Import undone: 3 annotations removed.');
    expect(await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).toEqual([]);
    const info = await hashiya.ok<{ annotationCount: number }>('project.info');
    expect(info.annotationCount).toBe(0);

    // keyboard: More, then the entry's first letter and Enter open the dialog; Escape closes it
    // and gives focus back to More
    await page.getByTestId('more-button').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('i');
    await expect(page.getByRole('menuitem', { name: 'Import colleague’s work…' })).toBeFocused();
    await page.keyboard.press('Enter');
    const opened = page.getByRole('dialog', { name: 'Import a colleague’s work as their layer' });
    await expect(opened).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(opened).toBeHidden();
    await expect(page.getByTestId('more-button')).toBeFocused();

    await hashiya.ok('settings.update', { uiLanguage: 'ar' });
    await page.reload();
    await openTool(page, 'layers');
    const ar = page.getByRole('dialog', { name: 'استيراد عمل زميل كطبقته' });
    await ar.getByLabel('حزمة مشروع').check();
    // no native file input (it says "Choose File" in the browser's language): a button in Arabic opens the picker
    await expect(ar.locator('input[type="file"]:visible')).toHaveCount(0);
    await expect(ar.getByTestId('layers-file-name')).toHaveText('لم يُختر ملف');
    const chooser = page.waitForEvent('filechooser');
    await ar.getByRole('button', { name: 'اختيار ملف…' }).focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(bundle);
    await expect(ar.getByTestId('layers-file-name')).toHaveText(path.basename(bundle));
    await ar.getByTestId('layers-check').click();
    await expect(ar.getByTestId('layers-documents')).toContainText('النص نفسه');
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
