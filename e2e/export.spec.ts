/**
 * Export in the real app: tag in the reader, click Export CSV…, and read the downloaded file with
 * Python's csv module; exchange W3C JSON-LD through the Exchange… dialog and see the import summary.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Hashiya } from './fixtures';
import { openTool } from './helpers/tools';
import { cp, dragSelect } from './helpers/selection';

const TEXT = [
  'أعلن المتحدث 😀 أن تركيا سلّمت 30 مدرعة لقوات الوفاق.',
  'وقال غسان سلامة 👍🏽 إن «الحل العسكري غير ممكن» في ليبيا.',
].join('\n');

interface Row {
  [column: string]: string | boolean;
  _slice_ok: boolean;
}

async function setup(hashiya: Hashiya) {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const { document } = await hashiya.ok<{ document: { id: string; title: string } }>('documents.importText', {
    text: TEXT,
    title: 'Export test article',
  });
  return hashiya.ok<{ id: string; title: string; text: string }>('documents.get', { id: document.id });
}

test('Export CSV… downloads a UTF-8 CSV whose rows match the text in code points and are safe to open', async ({
  page,
  hashiya,
}) => {
  const doc = await setup(hashiya);
  const start = cp(doc.text, doc.text.indexOf('غسان سلامة 👍🏽'));
  await hashiya.ok('annotations.create', {
    documentId: doc.id,
    start,
    end: start + [...'غسان سلامة 👍🏽'].length,
    codes: ['political-process', 'ceasefire-proposal'],
    values: { claimant: await hashiya.actor('=1+1'), note: '@SUM(A1)\nsecond line' },
  });
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  // one tag made in the reader, with the mouse and a code key
  await dragSelect(page, 'تركيا سلّمت 30 مدرعة');
  await page.keyboard.press('3');
  await expect(
    page.getByTestId('annotation-list').locator('.item-quote', { hasText: 'تركيا سلّمت 30 مدرعة' }),
  ).toBeVisible();

  await page.getByTestId('export-csv-button').click();
  const dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await expect(dialog.getByLabel('This document')).toBeChecked();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByTestId('csv-export-submit').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^hashiya-.+-\d{4}-\d{2}-\d{2}\.csv$/);
  await expect(dialog.getByTestId('csv-export-done')).toContainText('3');

  const dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-e2e-csv-'));
  try {
    const csvPath = path.join(dir, 'export.csv');
    await download.saveAs(csvPath);
    const bytes = await readFile(csvPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from('\r\n'))).toBe(true);
    await writeFile(path.join(dir, `${doc.id}.txt`), doc.text, 'utf8');
    const out = JSON.parse(
      execFileSync('python3', [path.join('test', 'export', 'readCsv.py'), csvPath, dir], { encoding: 'utf8' }),
    ) as {
      bom: boolean;
      header: string[];
      rows: Row[];
    };
    expect(out.header.slice(0, 8)).toEqual([
      'document_id',
      'document_title',
      'document_source',
      'document_date',
      'annotation_id',
      'code',
      'code_path',
      'quote',
    ]);
    expect(out.rows).toHaveLength(3); // two codes → two rows, plus the tag made in the UI
    for (const row of out.rows) expect(row._slice_ok, String(row.quote)).toBe(true);
    const ui = out.rows.find((r) => r.quote === 'تركيا سلّمت 30 مدرعة');
    expect(ui?.code).toBe('Arms-embargo violation');
    expect(ui?.code_path).toBe('Arms embargo > Arms-embargo violation');
    expect(ui?.annotator).toBe('Salma');
    expect(ui?.paragraph).toBe('1');
    const api = out.rows.filter((r) => r.quote === 'غسان سلامة 👍🏽');
    expect(api.map((r) => r.code)).toEqual(['Political process', 'Ceasefire proposal']);
    expect(api[0]?.start).toBe(String(start));
    expect(api[0]?.paragraph).toBe('2');
    expect(api[0]?.claimant).toBe("'=1+1");
    expect(api[0]?.note).toBe("'@SUM(A1)\nsecond line");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('Export CSV… for the whole project as a .zip with the texts', async ({ page, hashiya }) => {
  const doc = await setup(hashiya);
  const start = cp(doc.text, doc.text.indexOf('غسان سلامة 👍🏽'));
  await hashiya.ok('annotations.create', {
    documentId: doc.id,
    start,
    end: start + [...'غسان سلامة 👍🏽'].length,
    codes: ['political-process'],
  });
  await hashiya.open(page);
  await page.getByTestId('export-csv-button').click();
  const dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await expect(dialog.getByLabel('This document')).toBeDisabled();
  await dialog.getByLabel('Whole project').check();
  await dialog.getByLabel(/As a \.zip/).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByTestId('csv-export-submit').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-e2e-zip-'));
  try {
    const file = path.join(dir, 'bundle.zip');
    await download.saveAs(file);
    const script = [
      'import csv, io, sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1])',
      "name = [n for n in z.namelist() if n.endswith('.csv')][0]",
      "rows = list(csv.DictReader(io.StringIO(z.read(name).decode('utf-8-sig'), newline='')))",
      "print('|'.join(z.read('texts/' + r['document_id'] + '.txt').decode('utf-8')[int(r['start']):int(r['end'])] for r in rows))",
    ].join('\n');
    // the sample article has no annotations; the one made here is the only row
    expect(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }).trim()).toBe('غسان سلامة 👍🏽');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('Exchange…: export W3C JSON-LD, import it back without duplicates, and see what did not anchor', async ({
  page,
  hashiya,
}) => {
  const doc = await setup(hashiya);
  for (const phrase of ['تركيا سلّمت', 'غسان سلامة']) {
    const start = cp(doc.text, doc.text.indexOf(phrase));
    await hashiya.ok('annotations.create', {
      documentId: doc.id,
      start,
      end: start + [...phrase].length,
      codes: ['ceasefire-proposal'],
    });
  }
  await hashiya.open(page);
  await openTool(page, 'exchange');
  const dialog = page.getByRole('dialog', { name: /Exchange annotations/ });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('w3c-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.jsonld$/);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-e2e-w3c-'));
  try {
    const file = path.join(dir, 'annotations.jsonld');
    await download.saveAs(file);
    const json = JSON.parse(await readFile(file, 'utf8')) as {
      type: string;
      first: { items: Array<{ target: { selector: Array<Record<string, unknown>> } }> };
    };
    expect(json.type).toBe('AnnotationCollection');
    expect(json.first.items).toHaveLength(2);

    // the same file again: nothing is added
    await dialog.getByTestId('w3c-import-input').setInputFiles(file);
    await expect(dialog.getByTestId('w3c-import-summary')).toContainText('Imported: 0');
    await expect(dialog.getByTestId('w3c-import-summary')).toContainText('2 already in the project');

    // an annotation whose quote is not in the text is listed, not dropped
    const changed = structuredClone(json);
    const item = changed.first.items[0]!;
    (item as Record<string, unknown>).id = 'urn:uuid:00000000-0000-4000-8000-000000000001';
    item.target.selector = [{ type: 'TextQuoteSelector', exact: 'نص غير موجود', prefix: '', suffix: '' }];
    const other = path.join(dir, 'colleague.jsonld');
    await writeFile(other, JSON.stringify(changed));
    await dialog.getByTestId('w3c-import-input').setInputFiles(other);
    const summary = dialog.getByTestId('w3c-import-summary');
    await expect(summary).toContainText('Could not be placed (1)');
    await expect(summary).toContainText('نص غير موجود');
    await expect(summary).toContainText('the quoted passage is not in the text');
    expect(await hashiya.ok<unknown[]>('annotations.list', { documentId: doc.id })).toHaveLength(2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('the export dialog explains the columns and the apostrophe rule itself, offline, in both languages', async ({
  page,
  hashiya,
}) => {
  await hashiya.open(page);
  await page.getByTestId('export-csv-button').click();
  const dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await expect(dialog).not.toContainText('docs/export.md');
  // nothing is fetched for the guide: it works with the network cut
  await page.context().setOffline(true);
  const guide = dialog.getByTestId('csv-guide');
  await guide.getByText('Column guide').click();
  await expect(guide.getByRole('rowheader', { name: 'start' })).toBeVisible();
  await expect(guide.getByRole('row', { name: /code_path/ })).toContainText('the code with its parents');
  await expect(guide).toContainText('remove one leading apostrophe from every text cell that has one');
  await expect(guide.locator('pre').filter({ hasText: 'keep_default_na=False' })).toBeVisible();
  // the export's 17 columns (the last, layer, names the coder or the adjudicated layer), then the three kinds of claim columns
  await expect(guide.getByRole('rowheader')).toHaveCount(20);
  await expect(guide.getByRole('row', { name: /^layer/ })).toContainText('the coder’s name, or “adjudicated”');
  await expect(guide.getByRole('row', { name: /<key>_value/ })).toContainText('a position’s −1, 0 or +1');
  await page.context().setOffline(false);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'العربية' }).click();
  await page.getByTestId('export-csv-button').click();
  const ar = page.getByRole('dialog', { name: 'تصدير CSV' });
  await ar.getByTestId('csv-guide').getByText('دليل الأعمدة').click();
  await expect(ar.getByTestId('csv-guide').getByRole('row', { name: /code_path/ })).toContainText(
    'الرمز مع الرموز الأعلى منه',
  );
});

test('Exchange…: a file larger than one batch imports whole, and again adds nothing', async ({ page, hashiya }) => {
  const doc = await setup(hashiya);
  const { sha256 } = await hashiya.ok<{ sha256: string }>('documents.get', { id: doc.id });
  const phrase = 'غسان سلامة';
  const start = cp(doc.text, doc.text.indexOf(phrase));
  const N = 25_000; // three batches of the dialog
  const items = Array.from({ length: N }, (_, i) => ({
    type: 'Annotation',
    body: [{ type: 'TextualBody', purpose: 'commenting', value: `note ${i}` }],
    target: {
      source: `urn:sha256:${sha256}`,
      selector: { type: 'TextPositionSelector', start, end: start + [...phrase].length },
    },
  }));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-e2e-w3c-big-'));
  try {
    const file = path.join(dir, 'many.jsonld');
    await writeFile(file, JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } }));
    await hashiya.open(page);
    await openTool(page, 'exchange');
    const dialog = page.getByRole('dialog', { name: /Exchange annotations/ });
    await dialog.getByTestId('w3c-import-input').setInputFiles(file);
    const summary = dialog.getByTestId('w3c-import-summary');
    await expect(summary).toContainText(`Imported: ${N}`, { timeout: 120_000 });
    await expect(summary).toContainText('Every annotation in the file was placed.');
    expect(await hashiya.ok<unknown[]>('annotations.list', { documentId: doc.id })).toHaveLength(N);

    await dialog.getByTestId('w3c-import-input').setInputFiles(file);
    await expect(summary).toContainText(`${N} already in the project`, { timeout: 120_000 });
    await expect(summary).toContainText('Imported: 0');
    expect(await hashiya.ok<unknown[]>('annotations.list', { documentId: doc.id })).toHaveLength(N);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
