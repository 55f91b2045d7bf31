import { expect, test } from './fixtures';
import { dragSelect } from './helpers/selection';

test('a whole session — library, reader, tagging, editing, Arabic UI — makes no request beyond 127.0.0.1', async ({
  page,
  hashiya,
}) => {
  // every request of the browser context (page, workers, fonts, favicons), not only the page's
  const seen: string[] = [];
  page.context().on('request', (r) => seen.push(r.url()));
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const doc = await hashiya.sample();
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  await dragSelect(page, 'وقف إطلاق النار');
  await page.keyboard.press('1');
  await page.getByTestId('annotation-editor').getByLabel('Note').fill('checked twice');
  await page.getByTestId('annotation-editor').getByLabel('Note').blur();
  await page.getByRole('button', { name: 'العربية' }).click();
  await page.evaluate(() => document.fonts.ready);

  expect(seen.length).toBeGreaterThan(5); // the recorder saw the session's own traffic
  const fonts = seen.filter((u) => /\.woff2?$/.test(u));
  expect(fonts.length).toBeGreaterThan(0); // fonts came from the app itself
  const foreign = seen.filter((u) => !u.startsWith(hashiya.origin) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(foreign).toEqual([]);
});
