/**
 * Choosing documents in a large project (the agreement report, an export, the coding plan): the
 * dialogs list the project through documents.page, a window at a time, with a search box, rather
 * than fetching and drawing every document (35 MB and 100,000 checkboxes at 100,000 documents).
 */
import type { Page, Request } from '@playwright/test';
import { expect, test, type Hashiya } from './fixtures';
import { openTool } from './helpers/tools';

const COUNT = 300;
const title = (i: number) => `Article ${String(i).padStart(3, '0')}`;

async function seed(hashiya: Hashiya): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (let i = 1; i <= COUNT; i++) {
    const { document } = await hashiya.ok<{ document: { id: string } }>('documents.importText', {
      text: `قال المتحدث في البيان رقم ${i} إن وقف إطلاق النار صامد.`,
      title: title(i),
      allowDuplicate: true,
    });
    ids.set(title(i), document.id);
  }
  return ids;
}

/** The JSON body of the next call of `method` the page sends. */
const nextCall = (page: Page, method: string): Promise<Request> =>
  page.waitForRequest((r) => r.url().endsWith(`/api/${method}`));

test('the agreement report’s documents are found by title in a windowed list, and only the chosen one is sent', async ({
  page,
  hashiya,
}) => {
  test.setTimeout(120_000);
  const ids = await seed(hashiya);
  const target = ids.get(title(250)) as string;
  // two coders on the chosen document, so the report can be asked for
  for (const coder of ['Amal', 'Badr']) {
    await hashiya.ok('settings.update', { annotator: coder, coderId: coder });
    await hashiya.ok('annotations.create', { documentId: target, start: 0, end: 3, codes: ['ceasefire-proposal'] });
  }
  const listed: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/documents.list')) listed.push(r.url());
  });
  await hashiya.open(page);
  await openTool(page, 'agreement');
  const dialog = page.getByRole('dialog', { name: 'Intercoder agreement' });
  await dialog.getByLabel('Chosen documents').check();
  const picker = dialog.getByTestId('agreement-documents');
  await expect(picker.locator('[data-matched]')).toHaveAttribute('data-matched', String(COUNT + 1));
  // a window of rows is drawn, not all of them
  const drawn = await picker.getByRole('checkbox').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(100);
  await expect(picker.getByLabel(title(250))).toHaveCount(0);

  await picker.getByTestId('agreement-documents-find').fill('Article 250');
  await expect(picker.locator('[data-matched]')).toHaveAttribute('data-matched', '1');
  await picker.getByLabel(title(250)).check();
  await expect(picker.getByTestId('agreement-documents-count')).toHaveText('1 document chosen');
  // out of the search, the choice stands
  await picker.getByTestId('agreement-documents-find').fill('');
  await expect(picker.locator('[data-matched]')).toHaveAttribute('data-matched', String(COUNT + 1));
  await expect(picker.getByTestId('agreement-documents-count')).toHaveText('1 document chosen');

  await expect(dialog.getByTestId('agreement-coders').getByRole('checkbox')).toHaveCount(2);
  const sent = nextCall(page, 'agreement.report');
  await dialog.getByTestId('agreement-compute').click();
  expect((await sent).postDataJSON()).toMatchObject({ documentIds: [target] });
  await expect(dialog.getByTestId('agreement-report')).toBeVisible();

  // scrolled to the end, the last rows are asked for and drawn
  await picker.locator('[data-matched]').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(picker.getByLabel(title(COUNT))).toBeVisible();
  expect(listed, 'the dialog never fetched the whole document list').toEqual([]);
});

test('an export of chosen documents sends the ones ticked, and Clear empties the choice', async ({ page, hashiya }) => {
  test.setTimeout(120_000);
  const ids = await seed(hashiya);
  await hashiya.open(page);
  await page.getByTestId('export-csv-button').click();
  const dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await dialog.getByLabel('Selected documents').check();
  const picker = dialog.getByTestId('csv-scope-documents');
  await picker.getByTestId('csv-scope-documents-find').fill('Article 01');
  await expect(picker.locator('[data-matched]')).toHaveAttribute('data-matched', '10');
  await picker.getByLabel(title(12)).check();
  await picker.getByLabel(title(17)).check();
  await expect(picker.getByTestId('csv-scope-documents-count')).toHaveText('2 documents chosen');
  await picker.getByRole('button', { name: 'Clear' }).click();
  await expect(picker.getByTestId('csv-scope-documents-count')).toHaveText('0 documents chosen');
  await picker.getByLabel(title(17)).check();
  const sent = nextCall(page, 'export.csv');
  await dialog.getByTestId('csv-export-submit').click();
  expect((await sent).postDataJSON()).toMatchObject({ documentIds: [ids.get(title(17))] });
});

test('Restore from backup…: a document of the project is found by title, and its backup restores the file as it was', async ({
  page,
  hashiya,
}) => {
  const sample = await hashiya.sample();
  await hashiya.ok('annotations.create', { documentId: sample.id, start: 0, end: 4, codes: ['ceasefire-proposal'] });
  // a document's file is backed up, as it was, at its first save of a session
  await expect
    .poll(async () => (await hashiya.ok<unknown[]>('backups.list', { documentId: sample.id })).length, {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  const backups = await hashiya.ok<Array<{ annotationCount: number | null }>>('backups.list', {
    documentId: sample.id,
  });
  const before = backups.findIndex((b) => b.annotationCount === 0);
  expect(before, 'a backup from before the annotation').toBeGreaterThanOrEqual(0);

  await hashiya.open(page);
  await openTool(page, 'backups');
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await dialog.getByLabel('A document of the project').check();
  await expect(dialog.getByText('Choose the document above.')).toBeVisible();
  const picker = dialog.getByTestId('restore-document');
  await picker.getByTestId('restore-document-find').fill(sample.title.slice(0, 12));
  // each choice is one line, its radio beside its title (this dialog's own label rule once stacked them)
  const row = picker.locator('label.document-picker-row').first();
  const radio = await row.locator('input').boundingBox();
  const name = await row.locator('span').boundingBox();
  expect(radio && name, 'the row is drawn').toBeTruthy();
  expect(Math.abs(radio!.y + radio!.height / 2 - (name!.y + name!.height / 2))).toBeLessThan(6);
  expect((await row.boundingBox())?.height).toBe(28);
  await picker.getByLabel(sample.title).check();
  await expect(dialog.locator('.backup-list tbody tr')).toHaveCount(backups.length);
  await dialog.locator('.backup-list tbody tr').nth(before).getByRole('button').click();
  await dialog.getByRole('button', { name: 'Restore this copy' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await hashiya.ok<unknown[]>('annotations.list', { documentId: sample.id })).toHaveLength(0);
});

test('Restore from backup…: a document no longer in the project is offered by its backups, and its copies are listed', async ({
  page,
  hashiya,
}) => {
  const { document } = await hashiya.ok<{ document: { id: string } }>('documents.importText', {
    text: 'نص سيحذف بعد أن تحفظ له نسخة.',
    title: 'Deleted later',
  });
  await hashiya.ok('annotations.create', { documentId: document.id, start: 0, end: 2, codes: ['ceasefire-proposal'] });
  await expect
    .poll(async () => (await hashiya.ok<unknown[]>('backups.list', { documentId: document.id })).length, {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  await hashiya.ok('documents.delete', { id: document.id });

  await hashiya.open(page);
  await openTool(page, 'backups');
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await dialog.getByLabel('A document no longer in the project').first().check();
  await expect(dialog.getByText('Choose the document above.')).toBeVisible();
  await dialog.getByTestId('restore-gone').selectOption({ label: 'Deleted later' });
  await expect(dialog.locator('.backup-list tbody tr').first()).toContainText('Deleted later');
  await expect(dialog.locator('.backup-list tbody tr').first()).toContainText('(no longer in the project)');
});

test('an open picker lists a document imported elsewhere meanwhile, and drops one deleted from the list and the choice', async ({
  page,
  hashiya,
}) => {
  for (const name of ['Alpha', 'Beta'])
    await hashiya.ok('documents.importText', { text: `نص ${name} عن وقف إطلاق النار.`, title: name });
  await hashiya.open(page);
  await page.getByTestId('export-csv-button').click();
  const dialog = page.getByRole('dialog', { name: 'Export CSV' });
  await dialog.getByLabel('Selected documents').check();
  const picker = dialog.getByTestId('csv-scope-documents');
  // the sample article and the two above
  await expect(picker.locator('[data-matched]')).toHaveAttribute('data-matched', '3');
  await picker.getByLabel('Alpha').check();
  // another window (here: a script over the same API) imports a document and deletes one
  const { document } = await hashiya.ok<{ document: { id: string } }>('documents.importText', {
    text: 'نص جديد عن حظر الأسلحة.',
    title: 'Gamma',
  });
  await expect(picker.getByLabel('Gamma')).toBeVisible();
  await expect(picker.locator('[data-matched]')).toHaveAttribute('data-matched', '4');
  await picker.getByLabel('Gamma').check();
  await expect(picker.getByTestId('csv-scope-documents-count')).toHaveText('2 documents chosen');
  // deleted: gone from the list and from the choice, which the export then sends
  await hashiya.ok('documents.delete', { id: document.id });
  await expect(picker.getByLabel('Gamma')).toHaveCount(0);
  await expect(picker.getByLabel('Alpha')).toBeChecked();
  await expect(picker.getByTestId('csv-scope-documents-count')).toHaveText('1 document chosen');
  const sent = nextCall(page, 'export.csv');
  await dialog.getByTestId('csv-export-submit').click();
  expect((await sent).postDataJSON().documentIds).toHaveLength(1);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
});
