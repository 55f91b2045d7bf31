/**
 * The codebook in use: create a code in the editor, give it key 8 (a taken key is refused with
 * the holder's name), tag a passage by pressing 8, merge the code into another, and see the
 * annotation follow in the side panel and in the summary.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test, type Hashiya } from './fixtures';
import { seriousViolations } from './helpers/axe';
import { dragSelect } from './helpers/selection';

interface Annotation {
  id: string;
  quote: string;
  codes: string[];
  values: Record<string, unknown>;
}

const PHRASE = 'تحت رقابة دولية';

async function openCodebook(page: Page) {
  await page.getByRole('button', { name: 'Codebook', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Codebook' });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function backToDocument(page: Page, hashiya: Hashiya, title: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Library' }).click();
  await hashiya.openDocument(page, title);
}

test('a new code with key 8 tags a passage, and its annotation follows a merge', async ({ page, hashiya }) => {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const doc = await hashiya.sample();
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);

  // create the code
  let dialog = await openCodebook(page);
  await dialog.getByTestId('new-code-name').fill('Truce monitoring');
  await dialog.getByRole('button', { name: 'Add code' }).click();
  const row = dialog.getByRole('treeitem', { name: /Truce monitoring/ });
  await expect(row).toHaveAttribute('aria-selected', 'true');

  // a key another code holds is refused, naming that code
  await dialog.getByTestId('code-key').selectOption('3');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Key 3 is already used by “Arms-embargo violation”');

  await dialog.getByTestId('code-key').selectOption('8');
  await dialog.getByLabel('Name (Arabic)').fill('مراقبة الهدنة');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(row.locator('.cb-row-end kbd')).toHaveText('8');
  const codebook = await hashiya.ok<{ codes: { id: string; name: string; key: string | null; nameAr: string }[] }>(
    'codebook.get',
  );
  const created = codebook.codes.find((c) => c.name === 'Truce monitoring');
  expect(created).toMatchObject({ key: '8', nameAr: 'مراقبة الهدنة' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // tag a passage by pressing 8
  await dragSelect(page, PHRASE);
  await page.keyboard.press('8');
  const item = page.getByTestId('annotation-list').locator('.annotation-item', { hasText: PHRASE });
  await expect(item.locator('.chip', { hasText: 'Truce monitoring' })).toBeVisible();
  const tagged = await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id });
  expect(tagged.map((a) => [a.quote, a.codes])).toEqual([[PHRASE, [created?.id]]]);

  // merge it into "Ceasefire proposal", from the editor
  dialog = await openCodebook(page);
  await dialog.getByRole('treeitem', { name: /Truce monitoring/ }).click();
  await expect(dialog.getByText('used by 1 annotation')).toBeVisible();
  await dialog.getByTestId('merge-target').selectOption({ label: '\u00A0\u00A0Ceasefire proposal' });
  await dialog.getByRole('button', { name: /^Merge/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Merge codes' });
  await expect(confirm.getByTestId('merge-confirm-message')).toContainText('1 annotation will carry');
  await confirm.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(dialog.getByRole('treeitem', { name: /Truce monitoring/ })).toHaveCount(0);
  const proposal = dialog.getByRole('treeitem', { name: /Ceasefire proposal/ });
  await expect(proposal.locator('.cb-usage')).toHaveText('1');
  await expect(proposal.locator('.cb-row-end kbd')).toHaveText('1');

  // the summary counts the annotation under its new code
  await dialog.getByRole('tab', { name: 'Summary' }).click();
  const summary = dialog.getByTestId('code-summary');
  await expect(summary.getByTestId('bar-Ceasefire proposal').getByTestId('bar-count')).toHaveText('1');
  await expect(summary.getByTestId('bar-Truce monitoring')).toHaveCount(0);
  // the parent tags nothing itself but stands for its child's annotation
  await expect(summary.getByRole('columnheader', { name: 'With sub-codes' })).toBeVisible();
  await expect(summary.getByTestId('bar-Ceasefire').getByTestId('bar-count')).toHaveText('0');
  await expect(summary.getByTestId('bar-Ceasefire').getByTestId('bar-total')).toHaveText('1');
  await expect(summary.getByTestId('summary-total')).toHaveText('1');
  await dialog.getByTestId('summary-scope').getByLabel('One document').check();
  await expect(dialog.getByText('Choose the document above.')).toBeVisible();
  await dialog.getByTestId('summary-document').getByLabel(doc.title).check();
  await expect(summary.getByTestId('bar-Ceasefire proposal').getByTestId('bar-count')).toHaveText('1');
  await page.keyboard.press('Escape');

  // the side panel follows at once: the annotation now carries the code it was merged into
  await expect(dialog).toBeHidden();
  const live = page.getByTestId('annotation-list').locator('.annotation-item', { hasText: PHRASE });
  await expect(live.locator('.chip', { hasText: 'Ceasefire proposal' })).toBeVisible();
  await expect(live.locator('.chip', { hasText: 'Truce monitoring' })).toHaveCount(0);
  // ...and so it does after opening the document again
  await backToDocument(page, hashiya, doc.title);
  const after = page.getByTestId('annotation-list').locator('.annotation-item', { hasText: PHRASE });
  await expect(after.locator('.chip', { hasText: 'Ceasefire proposal' })).toBeVisible();
  await expect(after.locator('.chip', { hasText: 'Truce monitoring' })).toHaveCount(0);
  const merged = await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id });
  expect(merged.map((a) => [a.quote, a.codes])).toEqual([[PHRASE, ['ceasefire-proposal']]]);
});

test('the codebook window works from the keyboard and deleting a code in use asks what to do', async ({
  page,
  hashiya,
}) => {
  const doc = await hashiya.sample();
  const text = doc.text;
  const start = [...text.slice(0, text.indexOf('فائز السراج'))].length;
  await hashiya.ok('annotations.create', {
    documentId: doc.id,
    start,
    end: start + 11,
    codes: ['political-process'],
    values: { claimant: await hashiya.actor('المشير حفتر') },
  });
  await hashiya.open(page);
  const dialog = await openCodebook(page);
  // arrow keys move through the tree
  await dialog.getByRole('treeitem').first().focus();
  await page.keyboard.press('End');
  await expect(dialog.getByRole('treeitem', { name: /Political process/ })).toBeFocused();
  await page.keyboard.press('Delete');
  const del = page.getByRole('dialog', { name: /Delete a code: Political process/ });
  await expect(del.getByTestId('delete-count')).toHaveText('used by 1 annotation.');
  await del.getByRole('radio', { name: 'Remove the code from them' }).check();
  await del.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(del).toBeHidden();
  await expect(dialog.getByRole('treeitem', { name: /Political process/ })).toHaveCount(0);
  const list = await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id });
  expect(list[0]?.codes).toEqual([]);

  // actors: two of them merged into one, every claim follows; a name changed keeps the old one as a spelling
  const haftar = await hashiya.actor('خليفة حفتر');
  for (const quote of ['غسان سلامه', 'مجلس الأمن']) {
    const at = [...text.slice(0, text.indexOf(quote))].length;
    await hashiya.ok('annotations.create', {
      documentId: doc.id,
      start: at,
      end: at + 10,
      codes: ['ceasefire-proposal'],
      values: { claimant: haftar },
    });
  }
  await dialog.getByRole('tab', { name: 'Actors' }).click();
  const row = (name: string) => dialog.getByTestId('actors-table').getByRole('row', { name: new RegExp(name) });
  await expect(row('خليفة حفتر').getByRole('cell').nth(3)).toHaveText('2');
  await dialog.getByRole('checkbox', { name: 'Select خليفة حفتر' }).check();
  await dialog.getByRole('checkbox', { name: 'Select المشير حفتر' }).check();
  await dialog.getByTestId('merge-bar').getByLabel('Keep').selectOption({ label: 'خليفة حفتر' });
  await dialog.getByTestId('merge-bar').getByRole('button', { name: 'Merge' }).click();
  await page.getByRole('dialog', { name: 'Merge actors' }).getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(row('المشير حفتر')).toHaveCount(0);
  await expect(row('خليفة حفتر').getByRole('cell').nth(3)).toHaveText('3');
  const merged = await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id });
  expect(merged.map((a) => a.values.claimant)).toEqual([haftar, haftar, haftar]);
  // the search finds it under the merged name, which is one of its spellings now
  await dialog.getByRole('searchbox', { name: 'Find an actor or a place' }).fill('المشير');
  await expect(dialog.getByTestId('actors-table').getByRole('row')).toHaveCount(2);
});

test('every tab of the codebook window passes axe-core with no serious or critical violations', async ({
  page,
  hashiya,
}) => {
  const doc = await hashiya.sample();
  const start = [...doc.text.slice(0, doc.text.indexOf('فائز السراج'))].length;
  await hashiya.ok('annotations.create', {
    documentId: doc.id,
    start,
    end: start + 11,
    codes: ['political-process'],
    values: { claimant: await hashiya.actor('فائز السراج') },
  });
  await hashiya.open(page);
  const audit = () => seriousViolations(page);
  const dialog = await openCodebook(page);
  for (const tab of ['Codes', 'Fields', 'Actors', 'Summary']) {
    await dialog.getByRole('tab', { name: tab }).click();
    await expect(dialog.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    expect(await audit(), tab).toEqual([]);
  }
  await dialog.getByRole('tab', { name: 'Codes' }).click();
  await dialog.getByRole('treeitem', { name: /Political process/ }).click();
  await dialog.getByRole('button', { name: 'Delete code…' }).click();
  await expect(page.getByRole('dialog', { name: /Delete a code/ })).toBeVisible();
  expect(await audit(), 'delete dialog').toEqual([]);
});

test('export the codebook as .qdc from the window, and import a colleague’s codebook with a preview', async ({
  page,
  hashiya,
}) => {
  await hashiya.open(page);
  const dialog = await openCodebook(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export REFI-QDA (.qdc)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-codebook\.qdc$/);
  const xml = readFileSync((await download.path()) as string, 'utf8');
  expect(xml).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Hashiya">');
  expect(xml).toContain('name="Ceasefire proposal" isCodable="true" color="#56B4E9"');

  // a colleague's version: one new sub-code, and another colour for an existing code
  const theirs = xml
    .replace('color="#56B4E9"', 'color="#123456"')
    .replace(
      /(<Code guid="[^"]+" name="Ceasefire proposal"[^>]*>)/,
      '$1\n<Code guid="9d7c2a10-3b4e-4f5a-8c6d-7e8f9a0b1c2d" name="Unilateral truce" isCodable="true" color="#44AA99"><Description>A truce declared by one side.</Description></Code>',
    );
  await dialog
    .getByTestId('codebook-import-file')
    .setInputFiles({ name: 'colleague.qdc', mimeType: 'application/xml', buffer: Buffer.from(theirs, 'utf8') });
  const preview = page.getByRole('dialog', { name: /Importing colleague\.qdc/ });
  await expect(preview).toContainText('New codes (1)');
  await expect(preview).toContainText('Unilateral truce');
  await expect(preview).toContainText('Differences (1)');
  await expect(preview).toContainText(
    '“Ceasefire proposal”: kept this project’s colour (“#56B4E9”); the file has “#123456”.',
  );
  // nothing changes before the import is confirmed
  expect((await hashiya.ok<{ codes: unknown[] }>('codebook.get')).codes).toHaveLength(11);
  await preview.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(preview).toBeHidden();
  const added = dialog.getByRole('treeitem', { name: /Unilateral truce/ });
  await expect(added).toHaveAttribute('aria-level', '3');
  const cb = await hashiya.ok<{ codes: { id: string; name: string; parentId: string | null; color: string }[] }>(
    'codebook.get',
  );
  expect(cb.codes.find((c) => c.name === 'Unilateral truce')?.parentId).toBe('ceasefire-proposal');
  expect(cb.codes.find((c) => c.id === 'ceasefire-proposal')?.color).toBe('#56B4E9');
});

test('merging two codes asks first with the count, and Undo puts every annotation’s codes back', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'E2E' });
  const doc = await hashiya.sample();
  const at = (quote: string) => {
    const u = doc.text.indexOf(quote);
    const start = [...doc.text.slice(0, u)].length;
    return { start, end: start + [...quote].length };
  };
  // one annotation has both codes, one only the source, one only the target, one neither
  for (const [quote, codes] of [
    ['فائز السراج', ['ceasefire-proposal', 'ceasefire-condition']],
    ['غسان سلامه', ['ceasefire-proposal']],
    ['مجلس الأمن', ['ceasefire-condition']],
    ['فرنسا', ['political-process']],
  ] as const) {
    await hashiya.ok('annotations.create', { documentId: doc.id, ...at(quote), codes });
  }
  const codesNow = async () =>
    (await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).map((a) => [a.quote, a.codes]);
  const before = await codesNow();
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  const dialog = await openCodebook(page);
  const usage = (name: RegExp) => dialog.getByRole('treeitem', { name }).locator('.cb-usage');
  await expect(usage(/Ceasefire proposal/)).toHaveText('2');
  await expect(usage(/Ceasefire condition/)).toHaveText('2');

  await dialog.getByRole('treeitem', { name: /Ceasefire proposal/ }).click();
  await dialog.getByTestId('merge-target').selectOption({ label: '\u00A0\u00A0Ceasefire condition' });
  await dialog.getByRole('button', { name: /^Merge/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Merge codes' });
  await expect(confirm.getByTestId('merge-confirm-message')).toHaveText(
    'Merge “Ceasefire proposal” into “Ceasefire condition”? 2 annotations will carry “Ceasefire condition” instead, and “Ceasefire proposal” will be removed from the codebook.',
  );
  // Cancel changes nothing
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  expect(await codesNow()).toEqual(before);

  await dialog.getByRole('button', { name: /^Merge/ }).click();
  await confirm.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog.getByRole('treeitem', { name: /Ceasefire proposal/ })).toHaveCount(0);
  await expect(usage(/Ceasefire condition/)).toHaveText('3');
  expect(await codesNow()).not.toEqual(before);

  const notice = dialog.getByTestId('merge-undo');
  await expect(notice).toContainText('2 annotations changed');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await expect(notice).toBeHidden();
  await expect(usage(/Ceasefire proposal/)).toHaveText('2');
  await expect(usage(/Ceasefire condition/)).toHaveText('2');
  expect(await codesNow()).toEqual(before);
  await expect(dialog.getByRole('treeitem', { name: /Ceasefire proposal/ }).locator('.cb-row-end kbd')).toHaveText('1');

  // the reader's panel follows the undo too
  await page.keyboard.press('Escape');
  const item = page.getByTestId('annotation-list').locator('.annotation-item', { hasText: 'غسان سلامه' });
  await expect(item.locator('.chip', { hasText: 'Ceasefire proposal' })).toBeVisible();
});

test('merging two actors asks first, and Undo gives each claim back its own actor', async ({ page, hashiya }) => {
  await hashiya.ok('settings.update', { annotator: 'E2E' });
  const doc = await hashiya.sample();
  const at = (quote: string) => {
    const u = doc.text.indexOf(quote);
    const start = [...doc.text.slice(0, u)].length;
    return { start, end: start + [...quote].length };
  };
  for (const [quote, claimant] of [
    ['فائز السراج', 'خليفة حفتر'],
    ['غسان سلامه', 'المشير حفتر'],
    ['مجلس الأمن', 'خليفة حفتر'],
    ['فرنسا', 'ماكرون'],
  ] as const) {
    await hashiya.ok('annotations.create', {
      documentId: doc.id,
      ...at(quote),
      codes: ['political-process'],
      values: { claimant: await hashiya.actor(claimant) },
    });
  }
  const claimantsNow = async () =>
    (await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).map((a) => [
      a.quote,
      a.values.claimant,
    ]);
  const before = await claimantsNow();
  await hashiya.open(page);
  const dialog = await openCodebook(page);
  await dialog.getByRole('tab', { name: 'Actors' }).click();
  const count = (name: string) =>
    dialog
      .getByTestId('actors-table')
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('cell')
      .nth(3);
  await expect(count('خليفة حفتر')).toHaveText('2');

  await dialog.getByRole('checkbox', { name: 'Select المشير حفتر' }).check();
  await dialog.getByRole('checkbox', { name: 'Select خليفة حفتر' }).check();
  await dialog.getByTestId('merge-bar').getByLabel('Keep').selectOption({ label: 'خليفة حفتر' });
  await dialog.getByTestId('merge-bar').getByRole('button', { name: 'Merge' }).click();
  const confirm = page.getByRole('dialog', { name: 'Merge actors' });
  await expect(confirm.getByTestId('merge-confirm-message')).toContainText('1 claim will name “خليفة حفتر”');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(await claimantsNow()).toEqual(before);

  await dialog.getByTestId('merge-bar').getByRole('button', { name: 'Merge' }).click();
  await confirm.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(count('خليفة حفتر')).toHaveText('3');
  await expect(dialog.getByRole('rowheader', { name: 'المشير حفتر' })).toHaveCount(0);

  await dialog.getByTestId('merge-undo').getByRole('button', { name: 'Undo' }).click();
  await expect(count('خليفة حفتر')).toHaveText('2');
  await expect(dialog.getByRole('rowheader', { name: 'المشير حفتر' })).toBeVisible();
  expect(await claimantsNow()).toEqual(before);
});

test('a claim field in use is not removed from the Fields tab without asking how many claims carry it; Keep changes nothing', async ({
  page,
  hashiya,
}) => {
  const doc = await hashiya.sample();
  const start = [...doc.text.slice(0, doc.text.indexOf('فائز السراج'))].length;
  await hashiya.ok('annotations.create', {
    documentId: doc.id,
    start,
    end: start + 11,
    codes: ['political-process'],
    values: { form: 'statement' },
  });
  await hashiya.open(page);
  const dialog = await openCodebook(page);
  await dialog.getByRole('tab', { name: 'Fields' }).click();
  const form = dialog.locator('li[data-field="form"]');
  await expect(form.locator('legend')).toContainText('1 claim');
  await form.getByRole('button', { name: 'Remove', exact: true }).click();
  const ask = page.getByRole('dialog', { name: 'Remove a field in use' });
  await expect(ask).toContainText('1 claim carries “Form”.');
  await ask.getByRole('button', { name: 'Keep' }).click();
  await expect(ask).toHaveCount(0);
  await expect(form.locator('legend')).toContainText('1 claim');
  const codebook = await hashiya.ok<{ fields: { key: string }[] }>('codebook.get');
  expect(codebook.fields.some((f) => f.key === 'form')).toBe(true);
  const [claim] = await hashiya.ok<{ values: Record<string, unknown> }[]>('annotations.list', { documentId: doc.id });
  expect(claim?.values).toEqual({ form: 'statement' });
});

test('a code merge done from the reader is undone by Ctrl+Z there and redone by Ctrl+Shift+Z', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'E2E' });
  const doc = await hashiya.sample();
  const at = (quote: string) => {
    const u = doc.text.indexOf(quote);
    const start = [...doc.text.slice(0, u)].length;
    return { start, end: start + [...quote].length };
  };
  await hashiya.ok('annotations.create', {
    documentId: doc.id,
    ...at('فائز السراج'),
    codes: ['ceasefire-proposal', 'ceasefire-condition'],
  });
  await hashiya.ok('annotations.create', { documentId: doc.id, ...at('غسان سلامه'), codes: ['ceasefire-proposal'] });
  const codesNow = async () =>
    (await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).map((a) => a.codes);
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  const dialog = await openCodebook(page);
  await dialog.getByRole('treeitem', { name: /Ceasefire proposal/ }).click();
  await dialog.getByTestId('merge-target').selectOption({ label: '\u00A0\u00A0Ceasefire condition' });
  await dialog.getByRole('button', { name: /^Merge/ }).click();
  await page.getByRole('dialog', { name: 'Merge codes' }).getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog.getByTestId('merge-undo')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  const list = page.getByTestId('annotation-list');
  await expect(list.locator('.chip', { hasText: 'Ceasefire proposal' })).toHaveCount(0);
  expect(await codesNow()).toEqual([['ceasefire-condition'], ['ceasefire-condition']]);

  await page.getByTestId('article').click();
  await page.keyboard.press('Control+z');
  await expect.poll(codesNow).toEqual([['ceasefire-proposal', 'ceasefire-condition'], ['ceasefire-proposal']]);
  await expect(list.locator('.chip', { hasText: 'Ceasefire proposal' })).toHaveCount(2);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(codesNow).toEqual([['ceasefire-condition'], ['ceasefire-condition']]);
  await page.keyboard.press('Control+z');
  await expect.poll(codesNow).toEqual([['ceasefire-proposal', 'ceasefire-condition'], ['ceasefire-proposal']]);
  expect(
    (await hashiya.ok<{ codes: Array<{ id: string }> }>('codebook.get')).codes.some(
      (c) => c.id === 'ceasefire-proposal',
    ),
  ).toBe(true);
});
