/**
 * REFI-QDA project exchange in the real app (issue #17): export the sample project as .qdpx from
 * the export bar (the download is a zip holding project.qde and the texts), then import that file
 * into a fresh project from the import picker: the dry run's report first, nothing written until
 * Import, then every coding at its code-point span; the same file chosen again adds nothing.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import yauzl from 'yauzl';
import { expect, test } from './fixtures';
import { openTool } from './helpers/tools';

function entryNames(bytes: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err ?? new Error('not a zip'));
      const names: string[] = [];
      file.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        file.readEntry();
      });
      file.on('end', () => resolve(names));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

interface Annotation {
  start: number;
  end: number;
  quote: string;
  annotator: string;
  codes: string[];
}

test('a .qdpx exported from the UI re-imports in a fresh project through the import picker, coding for coding', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const sample = await hashiya.sample();
  const quotes = sample.text
    .split('\n')
    .filter((line) => line.split(' ').length > 8)
    .slice(0, 2)
    .map((line) => line.split(' ').slice(1, 5).join(' '));
  for (const [i, quote] of quotes.entries()) {
    const start = [...sample.text.slice(0, sample.text.indexOf(quote))].length;
    await hashiya.ok('annotations.create', {
      documentId: sample.id,
      start,
      end: start + [...quote].length,
      codes: [i === 0 ? 'ceasefire-proposal' : 'arms-embargo'],
    });
  }
  const before = await hashiya.ok<Annotation[]>('annotations.list', { documentId: sample.id });
  expect(before).toHaveLength(2);

  await hashiya.open(page);
  await openTool(page, 'qdpx');
  const dialog = page.getByRole('dialog', { name: 'REFI-QDA project (.qdpx)' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('qdpx-export').click()]);
  expect(download.suggestedFilename()).toMatch(/\.qdpx$/);
  const file = path.join(hashiya.dataDir, download.suggestedFilename());
  await download.saveAs(file);
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const names = await entryNames(bytes);
  expect(names).toContain('project.qde');
  expect(names.filter((n) => /^sources\/[0-9a-f-]{36}\.txt$/.test(n))).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // a fresh, empty project
  await hashiya.ok('project.create', { path: path.join(hashiya.dataDir, 'fresh'), name: 'Fresh' });
  await hashiya.open(page);
  await expect(page.getByText('No documents yet. Import an article to start.')).toBeVisible();
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-qdpx-button').click();
  const importing = page.getByRole('dialog', { name: 'REFI-QDA project (.qdpx)' });
  await expect(importing.getByTestId('qdpx-export')).toHaveCount(0);
  await importing.getByTestId('qdpx-import-input').setInputFiles(file);
  const report = importing.getByTestId('qdpx-report');
  await expect(report).toContainText('Would import: 2');
  await expect(report).toContainText('new document');
  await expect(report).toContainText('Salma (2)');
  expect(await hashiya.ok('documents.list')).toEqual([]);

  await importing.getByTestId('qdpx-import-confirm').click();
  await expect(report).toContainText('Imported: 2');
  await importing.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: sample.title }).first()).toBeVisible();

  const docs = await hashiya.ok<{ id: string; title: string }[]>('documents.list');
  expect(docs).toHaveLength(1);
  const text = (await hashiya.ok<{ text: string }>('documents.get', { id: docs[0]?.id })).text;
  expect(text).toBe(sample.text);
  const after = await hashiya.ok<Annotation[]>('annotations.list', { documentId: docs[0]?.id });
  const spans = (list: Annotation[]) =>
    list.map((a) => ({ start: a.start, end: a.end, quote: a.quote, annotator: a.annotator, codes: a.codes }));
  expect(spans(after)).toEqual(spans(before));

  // the same file chosen as an article in the import picker goes to the project import, and adds nothing
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-file-input').setInputFiles(file);
  const again = page.getByRole('dialog', { name: 'REFI-QDA project (.qdpx)' }).getByTestId('qdpx-report');
  await expect(again).toContainText('Would import: 0');
  await expect(again).toContainText('2 already in the project');
  await expect(page.getByTestId('qdpx-import-confirm')).toBeDisabled();
});
