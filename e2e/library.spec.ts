/**
 * The library table: Source and Published columns, sorting by any column (by mouse or keyboard,
 * announced with aria-sort), an Arabic-aware filter on title and source, and still windowed.
 */
import type { Page } from '@playwright/test';
import { expect, test, type Hashiya } from './fixtures';

const DOCS = [
  { title: 'زيارة خليفة حفتر إلى باريس', source: 'فرانس 24', publishedAt: '2019-05-08' },
  { title: 'Embargo report', source: 'Reuters', publishedAt: '2019-04-20' },
  { title: 'إطلاق النار في طرابلس', source: 'الجزيرة', publishedAt: '2019-04-04' },
];

async function seedLibrary(hashiya: Hashiya, filler: number) {
  const sample = await hashiya.sample();
  await hashiya.ok('documents.update', { id: sample.id, publishedAt: null });
  for (const [i, d] of DOCS.entries()) {
    const { document } = await hashiya.ok<{ document: { id: string } }>('documents.importText', {
      text: `نص الوثيقة رقم ${i} ${d.title}`,
      title: d.title,
    });
    await hashiya.ok('documents.update', { id: document.id, source: d.source, publishedAt: d.publishedAt });
  }
  for (let i = 0; i < filler; i++)
    await hashiya.ok('documents.importText', {
      text: `وثيقة إضافية ${i}`,
      title: `Filler ${String(i).padStart(3, '0')}`,
    });
}

const titles = (page: Page) => page.locator('.doc-row .doc-open').allTextContents();

test('the library sorts by any column, by click or keyboard, and says how it is sorted', async ({ page, hashiya }) => {
  await seedLibrary(hashiya, 0);
  await page.setViewportSize({ width: 1280, height: 800 });
  await hashiya.open(page);
  const table = page.getByRole('table');
  for (const name of ['Title', 'Source', 'Published', 'Language', 'Characters', 'Annotations', 'Imported'])
    await expect(table.getByRole('columnheader', { name })).toBeVisible();
  const row = (title: string) => page.locator('.doc-row', { hasText: title });
  await expect(row('Embargo report').locator('td').nth(1)).toHaveText('Reuters');
  await expect(row('Embargo report').getByTestId('published')).toHaveText('20 Apr 2019');

  const published = table.getByRole('columnheader', { name: 'Published' });
  await expect(published).toHaveAttribute('aria-sort', 'none');
  await published.getByRole('button').click();
  await expect(published).toHaveAttribute('aria-sort', 'ascending');
  // the sample article has no date: it comes last
  // the rows come from the server a moment after the header changes: wait for them
  await expect
    .poll(async () => (await titles(page)).slice(0, 3))
    .toEqual([DOCS[2]?.title, DOCS[1]?.title, DOCS[0]?.title]);
  await published.getByRole('button').click();
  await expect(published).toHaveAttribute('aria-sort', 'descending');
  await expect
    .poll(async () => (await titles(page)).slice(0, 3))
    .toEqual([DOCS[0]?.title, DOCS[1]?.title, DOCS[2]?.title]);

  // keyboard: Tab to the Source header, Enter sorts by it (and the other column is no longer sorted)
  const source = table.getByRole('columnheader', { name: 'Source' });
  await source.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(source).toHaveAttribute('aria-sort', 'ascending');
  await expect(published).toHaveAttribute('aria-sort', 'none');
  await expect.poll(async () => (await titles(page))[0]).toBe('Embargo report');
  await page.keyboard.press('Space');
  await expect(source).toHaveAttribute('aria-sort', 'descending');
});

test('the library filter matches title and source whatever the spelling of the Arabic, in both languages', async ({
  page,
  hashiya,
}) => {
  await seedLibrary(hashiya, 0);
  await hashiya.open(page);
  const filter = page.getByRole('searchbox', { name: 'Filter by title or source' });
  // زياره (with ه) finds زيارة (with ة); the alef of اطلاق without its hamza finds إطلاق
  await filter.fill('زياره');
  await expect.poll(() => titles(page)).toEqual([DOCS[0]?.title]);
  await expect(page.getByTestId('library-count')).toHaveText('1 / 4');
  await filter.fill('اطلاق');
  await expect.poll(() => titles(page)).toEqual([DOCS[2]?.title]);
  await filter.fill('REUTERS');
  await expect.poll(() => titles(page)).toEqual(['Embargo report']);
  await filter.fill('nothing like this');
  await expect(page.getByText('No document’s title or source matches the filter.')).toBeVisible();

  await hashiya.ok('settings.update', { uiLanguage: 'ar' });
  await page.reload();
  const filterAr = page.getByRole('searchbox', { name: 'تصفية حسب العنوان أو المصدر' });
  await filterAr.fill('الجزيره');
  await expect.poll(() => titles(page)).toEqual([DOCS[2]?.title]);
  await expect(page.getByRole('columnheader', { name: 'المصدر' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'تاريخ النشر' })).toBeVisible();
});

test('a sorted, filtered library of many documents stays windowed', async ({ page, hashiya }) => {
  test.setTimeout(120_000);
  await seedLibrary(hashiya, 150);
  await page.setViewportSize({ width: 1024, height: 700 });
  await hashiya.open(page);
  await expect(page.getByTestId('library-count')).toHaveText('154');
  const rendered = () => page.locator('.doc-row').count();
  expect(await rendered()).toBeLessThan(60);
  const title = page.getByRole('columnheader', { name: 'Title' });
  await title.getByRole('button').click();
  await title.getByRole('button').click();
  await expect(title).toHaveAttribute('aria-sort', 'descending');
  expect(await rendered()).toBeLessThan(60);
  // descending by title: the Arabic titles first (they sort after the Latin ones), the last filler row at the end
  await page.locator('.doc-table-wrap').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.locator('.doc-row').last()).toContainText('Embargo report');
  await page.getByRole('searchbox', { name: 'Filter by title or source' }).fill('filler 14');
  await expect
    .poll(() => titles(page))
    .toEqual([
      'Filler 149',
      'Filler 148',
      'Filler 147',
      'Filler 146',
      'Filler 145',
      'Filler 144',
      'Filler 143',
      'Filler 142',
      'Filler 141',
      'Filler 140',
    ]);
});
