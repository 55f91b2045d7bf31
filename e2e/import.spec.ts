/**
 * Import in browser mode, through the real UI: a hostile web page arrives as plain article text
 * (no request leaves 127.0.0.1, none of its scripts or handlers run), many files come in with a
 * summary of what was refused and why, duplicates can be imported anyway, text can be pasted,
 * and files can be dropped on the window.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { makeDocx } from '../test/fixtures/import/docx';
import { expect, test, IMPORT_WAIT } from './fixtures';
import { screenshotPath } from './helpers/screenshots';
import { NEXIS_THREE } from '../test/fixtures/import/nexis';

const FIXTURES = path.resolve('test/fixtures/import');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.from('IHDR'),
  Buffer.alloc(64, 7),
]);

async function chooseFiles(
  page: Page,
  files: { name: string; mimeType: string; buffer: Buffer }[],
  via: 'button' | 'shortcut' = 'button',
) {
  if (via === 'button') await page.getByTestId('import-button').click();
  else await page.keyboard.press('Control+O');
  await expect(page.getByRole('dialog', { name: 'Import articles' })).toBeVisible();
  await page.getByTestId('import-file-input').setInputFiles(files);
}

test('a hostile web page imports as plain text: nothing fetched, no script run', async ({ page, hashiya }) => {
  await hashiya.open(page);
  const titleBefore = await page.title();
  await chooseFiles(page, [{ name: 'hostile.html', mimeType: 'text/html', buffer: fixture('hostile.html') }]);
  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  await expect(dialog.getByTestId('import-counts')).toHaveText('1 imported · 0 refused');
  await dialog.getByRole('button', { name: 'هدنة إنسانية في طرابلس' }).click();

  const paragraphs = page.locator('[data-testid="article"] p');
  await expect(paragraphs).toHaveText([
    'هدنة إنسانية في طرابلس',
    'دعت الأمم المتحدة يوم الأحد إلى هدنة إنسانية في طرابلس لمدة أسبوع، بحسب بيان صدر عن البعثة الأممية.',
    'وقال المبعوث الأممي إن المدنيين يدفعون ثمن القتال، وإن الهدنة يجب أن تفتح الطريق أمام العودة إلى طاولة الحوار.',
    'وأضاف أن الأطراف مطالبة باحترام حظر السلاح المفروض على ليبيا منذ عام 2011.',
  ]);
  // give anything that could load or run a moment to do so
  await page.waitForTimeout(500);
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    title: document.title,
    body: document.body.innerText,
    foreign: document.querySelectorAll(
      '[data-testid="article"] :is(script, iframe, img, object, embed, svg, a, style, link)',
    ).length,
    handlers: document.querySelectorAll(
      '[data-testid="article"] [onclick], [data-testid="article"] [onmouseover], [data-testid="article"] [onerror]',
    ).length,
  }));
  expect(state.pwned).toBeUndefined();
  expect(state.title).toBe(titleBefore);
  expect(state.body).not.toContain('PWNED');
  expect(state.foreign).toBe(0);
  expect(state.handlers).toBe(0);
  expect(
    hashiya.requests.filter(
      (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).hostname !== '127.0.0.1',
    ),
  ).toEqual([]);
  expect(hashiya.requests.some((u) => u.includes('attacker'))).toBe(false);
});

test('many files: a summary of what came in, what was refused and why, and Import anyway for a duplicate', async ({
  page,
  hashiya,
}) => {
  await hashiya.open(page);
  const before = await hashiya.ok<unknown[]>('documents.list');
  await chooseFiles(
    page,
    [
      { name: 'article.html', mimeType: 'text/html', buffer: fixture('article.html') },
      { name: 'photo.txt', mimeType: 'text/plain', buffer: PNG },
      {
        name: 'report.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: makeDocx([{ text: 'دعا المبعوث الأممي إلى وقف فوري لإطلاق النار.', rtl: true }], {
          title: 'تقرير البعثة',
        }),
      },
      { name: 'libya-1256.txt', mimeType: 'text/plain', buffer: fixture('libya.windows-1256-crlf.txt') },
    ],
    'shortcut',
  );
  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  await expect(dialog.getByTestId('import-counts')).toHaveText(
    '2 imported · 1 refused · 1 already in the project',
    IMPORT_WAIT,
  );
  await expect(dialog.locator('[data-kind="refused"]')).toContainText('“photo.txt” is a PNG image, not text');
  await expect(dialog.locator('[data-kind="duplicate"]')).toContainText('already in the project as');
  await expect(dialog.locator('[data-kind="imported"]').nth(1)).toContainText('تقرير البعثة');
  expect(await hashiya.ok<unknown[]>('documents.list')).toHaveLength(before.length + 2);

  await dialog.getByRole('button', { name: 'Import anyway' }).click();
  await expect(dialog.getByTestId('import-counts')).toHaveText('3 imported · 1 refused', IMPORT_WAIT);
  await expect(dialog.locator('[data-kind="imported"]').last()).toContainText(
    'The file is not UTF-8; it was read as Windows-1256',
  );
  await expect(dialog.locator('[data-kind="imported"]').last()).toContainText('The same text is also in the project');
  expect(await hashiya.ok<unknown[]>('documents.list')).toHaveLength(before.length + 3);
});

test('paste text as a new document', async ({ page, hashiya }) => {
  await hashiya.open(page);
  await page.getByTestId('import-button').click();
  await page.getByTestId('paste-button').click();
  const dialog = page.getByRole('dialog', { name: 'Paste text as a new document' });
  await dialog.getByLabel('Title (optional)').fill('بيان البعثة');
  // hard-wrapped (55 characters): the wrapped line is joined, the paragraphs stay apart
  await dialog
    .getByLabel('Text', { exact: true })
    .fill(
      'دعت البعثة الأممية للدعم في ليبيا جميع الأطراف إلى هدنة\nإنسانية في طرابلس تبدأ مع حلول عيد الفطر.\n\nوقالت إن الحوار هو الطريق الوحيد.',
    );
  await dialog.getByRole('button', { name: 'Create document' }).click();
  await dialog.getByRole('button', { name: 'بيان البعثة' }).click();
  await expect(page.locator('[data-testid="article"] p')).toHaveText([
    'دعت البعثة الأممية للدعم في ليبيا جميع الأطراف إلى هدنة إنسانية في طرابلس تبدأ مع حلول عيد الفطر.',
    'وقالت إن الحوار هو الطريق الوحيد.',
  ]);
});

test('files dropped on the window are imported', async ({ page, hashiya }) => {
  await hashiya.open(page);
  const transfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['أعلنت الحكومة هدنة جديدة في المدينة.'], 'dropped.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByText('Drop files to import them')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  await expect(dialog.getByTestId('import-counts')).toHaveText('1 imported · 0 refused');
  await expect(page.getByText('Drop files to import them')).toBeHidden();
  const docs = await hashiya.ok<{ title: string }[]>('documents.list');
  expect(docs.map((d) => d.title)).toContain('أعلنت الحكومة هدنة جديدة في المدينة.');
});

test('a Nexis export of three articles is previewed, one is left out, two come in with their titles and dates', async ({
  page,
  hashiya,
}) => {
  await hashiya.open(page);
  const before = await hashiya.ok<unknown[]>('documents.list');
  const nexis = NEXIS_THREE;
  await chooseFiles(page, [{ name: 'nexis-export.txt', mimeType: 'text/plain', buffer: Buffer.from(nexis) }]);
  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  const review = dialog.getByTestId('import-review');
  await expect(review.getByTestId('import-article')).toHaveCount(3);
  await expect(review).toContainText('3 articles found in this file');
  await expect(review.getByTestId('import-article').first()).toContainText('2019-05-15 · The Guardian');
  // nothing is written before the researcher chooses
  expect(await hashiya.ok<unknown[]>('documents.list')).toHaveLength(before.length);

  // by keyboard: leave out the second article, and the advertisement of the first
  await review.getByRole('checkbox', { name: 'Import this article: حفتر في الإليزيه' }).focus();
  await page.keyboard.press('Space');
  await review.getByText('Paragraphs (4/4)').click();
  await review.getByRole('checkbox', { name: 'Keep paragraph 3' }).first().press('Space');
  await expect(review.getByText('Paragraphs (3/4)')).toBeVisible();
  const reviewShot = screenshotPath('import-review.png');
  if (reviewShot) await page.screenshot({ path: reviewShot });
  await review.getByRole('button', { name: 'Import chosen (2)' }).click();

  await expect(dialog.getByTestId('import-counts')).toHaveText('2 imported · 0 refused');
  const imported = dialog.locator('[data-kind="imported"]');
  await expect(imported.getByRole('list', { name: 'Imported documents' }).getByRole('listitem')).toHaveText([
    'Ceasefire talks resume in Paris · 2019-05-15',
    'Oil prices jump · 2019-06-02',
  ]);
  const docs =
    await hashiya.ok<{ id: string; title: string; publishedAt: string | null; source: string }[]>('documents.list');
  const added = docs.slice(before.length);
  expect(added.map((d) => [d.title, d.publishedAt, d.source])).toEqual([
    ['Ceasefire talks resume in Paris', '2019-05-15', 'The Guardian'],
    ['Oil prices jump', '2019-06-02', 'Reuters'],
  ]);
  const first = await hashiya.ok<{ text: string }>('documents.get', { id: added[0]?.id });
  expect(first.text).toBe(
    'Ceasefire talks resume in Paris\nThe talks resumed on Wednesday.\nBoth sides said progress was slow.',
  );
});

test('a near-duplicate of a document in the project is reported, with Import anyway', async ({ page, hashiya }) => {
  await hashiya.open(page);
  const [sample] = await hashiya.ok<{ id: string; title: string }[]>('documents.list');
  if (!sample) throw new Error('the project should hold the sample article');
  const { text } = await hashiya.ok<{ text: string }>('documents.get', { id: sample.id });
  const [title, ...rest] = text.split('\n');
  const resaved = [title, 'آخر تحديث: 16 مايو 2019 - 14:05', ...rest].join('\n');
  await chooseFiles(page, [{ name: 'resaved.txt', mimeType: 'text/plain', buffer: Buffer.from(resaved) }]);
  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  await expect(dialog.getByTestId('import-counts')).toHaveText('0 imported · 0 refused · 1 already in the project');
  await expect(dialog.locator('[data-kind="duplicate"]')).toContainText(`the same as “${sample.title}”`);
  await dialog.getByRole('button', { name: 'Import anyway' }).click();
  await expect(dialog.getByTestId('import-counts')).toHaveText('1 imported · 0 refused');
  await expect(dialog.locator('[data-kind="imported"]')).toContainText('the same as');
});
