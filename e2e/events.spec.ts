/**
 * The contract's events in the page: changes made elsewhere (another tab, a script calling the
 * API) show without a reload, another project opens without one, and Edit ▸ Undo of the desktop
 * app's menu undoes the typing in a text field.
 */
import path from 'node:path';
import { expect, test } from './fixtures';
import { openTool } from './helpers/tools';
import { installDesktopBridge, menuCommand } from './helpers/desktopBridge';

test('a document imported elsewhere (another tab, the API) appears in the open library at once', async ({
  page,
  hashiya,
}) => {
  await hashiya.open(page);
  await expect(page.getByRole('button', { name: 'بيان الهدنة', exact: true })).toHaveCount(0);
  await hashiya.ok('documents.importText', { text: 'دعا المبعوث الأممي إلى هدنة فورية.', title: 'بيان الهدنة' });
  await expect(page.getByRole('button', { name: 'بيان الهدنة', exact: true })).toBeVisible();
});

test('opening another project shows it without reloading the page', async ({ page, hashiya }) => {
  await hashiya.open(page);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  await openTool(page, 'project');
  const panel = page.getByRole('dialog', { name: 'Project' });
  await panel.getByLabel('Folder path').fill(path.join(hashiya.dataDir, 'second-study'));
  await panel.getByRole('button', { name: 'New project' }).click();
  await expect(page.getByText('No documents yet. Import an article to start.')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  // the panel shows the project now open, from the page's one copy of project.info
  await openTool(page, 'project');
  await expect(page.getByRole('dialog', { name: 'Project' })).toContainText(path.join(hashiya.dataDir, 'second-study'));
});

test('Edit ▸ Undo and Redo in a text field outside the reader undo the typing, not an annotation', async ({
  page,
  hashiya,
}) => {
  const sample = await hashiya.sample();
  const codebook = await hashiya.ok<{ codes: { id: string }[] }>('codebook.get');
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  await hashiya.ok('annotations.create', { documentId: sample.id, start: 0, end: 4, codes: [codebook.codes[0]?.id] });
  await installDesktopBridge(page, hashiya.token);
  await hashiya.open(page);
  await hashiya.openDocument(page, sample.title);
  await expect(page.locator('[data-annotation-id]').first()).toBeVisible();

  const box = page.getByRole('searchbox', { name: 'Search all documents' });
  await box.click();
  await page.keyboard.insertText('حفتر');
  await expect(box).toHaveValue('حفتر');
  await menuCommand(page, 'undo');
  await expect(box).toHaveValue('');
  await menuCommand(page, 'redo');
  await expect(box).toHaveValue('حفتر');
  // the reader's annotation was not undone
  const annotations = await hashiya.ok<unknown[]>('annotations.list', { documentId: sample.id });
  expect(annotations).toHaveLength(1);
});

test('restoring a backup of the project’s settings shows them at once, without reloading the page', async ({
  page,
  hashiya,
}) => {
  // a backup of project.json is taken soon after the first save of a session, then not for minutes
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  await expect
    .poll(async () => (await hashiya.ok<unknown[]>('backups.list', { documentId: null })).length, { timeout: 20_000 })
    .toBeGreaterThan(0);
  await hashiya.ok('settings.update', { annotator: 'Mona' });
  await hashiya.open(page);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

  await openTool(page, 'project');
  let panel = page.getByRole('dialog', { name: 'Project' });
  await expect(panel.getByTestId('coder-now')).toContainText('Mona');
  await panel.getByRole('button', { name: 'Restore from backup…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
  await dialog
    .getByRole('row', { name: /Project settings and codebook/ })
    .last()
    .getByRole('button')
    .click();
  await dialog.getByRole('button', { name: 'Restore this copy' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await openTool(page, 'project');
  panel = page.getByRole('dialog', { name: 'Project' });
  await expect(panel.getByTestId('coder-now')).toContainText('Salma');
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});
