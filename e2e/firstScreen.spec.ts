/**
 * The first screen (the library) reads only the code it shows: the reader's and the claims view's
 * code is read when one is first opened (App.tsx), and the page then works as before.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The app's script files the page has read so far. */
const scripts = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name.replace(/^.*\//, ''))
      .filter((name) => name.endsWith('.js')),
  );

test('the library does not read the reader’s or the claims view’s code until one is opened', async ({
  page,
  hashiya,
}) => {
  const sample = await hashiya.sample();
  await hashiya.open(page);
  await expect(page.locator('tr.doc-row').first()).toBeVisible();
  const atStart = await scripts(page);
  expect(atStart.some((name) => name.startsWith('index-'))).toBe(true);
  expect(atStart.filter((name) => /^(ReaderView|analysis)-/.test(name))).toEqual([]);

  await page.locator('button.doc-open', { hasText: sample.title }).click();
  await expect(page.locator('[data-testid=article] p[data-para]').first()).toBeVisible();
  expect((await scripts(page)).some((name) => name.startsWith('ReaderView-'))).toBe(true);

  await page.getByRole('navigation').getByRole('button').nth(1).click();
  await expect.poll(async () => (await scripts(page)).some((name) => name.startsWith('analysis-'))).toBe(true);
});
