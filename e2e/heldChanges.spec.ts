/**
 * A change the page still holds when the app closes is not lost (src/renderer/src/app/heldChanges.ts,
 * src/main/host/pageDrain.ts). The first tag's answer is held back in the page for a while (a slow
 * disk), so the second tag, shown at once, waits in the reader's queue behind it, unsent:
 *  - browser mode stopping (Ctrl+C, SIGTERM) asks the page first; the page sends the second tag,
 *    and the server saves both before it exits;
 *  - closing the tab while a tag is on its way makes the browser ask; staying lets it arrive.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation } from '@shared/model';
import { expect, test, type Hashiya } from './fixtures';
import { dragSelect } from './helpers/selection';

const FIRST = 'وقف إطلاق النار';
const SECOND = 'فائز السراج';

/** The first create's answer reaches the page only once the test says `release()`. */
async function slowFirstAnswer(page: Page): Promise<{ release(): Promise<void> }> {
  let first = true;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  let done: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (done = resolve));
  await page.route('**/api/annotations.create', async (route) => {
    if (!first) return route.continue();
    first = false;
    const response = await route.fetch(); // the server has it (and saves it) now
    await released;
    await route.fulfill({ response });
    done();
  });
  return {
    release: () => {
      release();
      return answered;
    },
  };
}

async function twoTags(hashiya: Hashiya, page: Page) {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const doc = await hashiya.sample();
  const slow = await slowFirstAnswer(page);
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  await dragSelect(page, FIRST);
  await page.keyboard.press('1');
  await dragSelect(page, SECOND);
  await page.keyboard.press('2');
  // both show at once (provisional); the second's create waits in the reader's queue for the
  // first's answer: the server has the first only
  const list = page.getByTestId('annotation-list');
  await expect(list.locator('.item-quote', { hasText: FIRST })).toBeVisible();
  await expect(list.locator('.item-quote', { hasText: SECOND })).toBeVisible();
  await expect
    .poll(async () => (await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).map((a) => a.quote))
    .toEqual([FIRST]);
  return { doc, ...slow };
}

test('stopping browser mode while the page still holds a tag saves it before the server exits', async ({
  page,
  hashiya,
}) => {
  const { doc, release } = await twoTags(hashiya, page);
  const exited = new Promise<number | null>((resolve) => hashiya.server.once('exit', (code) => resolve(code)));
  hashiya.server.kill('SIGTERM');
  // the disk answers the first tag a moment after the stop began (the server waits for the page)
  await new Promise((resolve) => setTimeout(resolve, 300));
  await release();
  expect(await exited).toBe(0);
  const file = JSON.parse(await readFile(path.join(hashiya.dataDir, 'documents', `${doc.id}.json`), 'utf8')) as {
    annotations: Annotation[];
  };
  expect(file.annotations.map((a) => [a.quote, a.codes.length, a.annotator]).sort()).toEqual(
    [
      [FIRST, 1, 'Salma'],
      [SECOND, 1, 'Salma'],
    ].sort(),
  );
});

test('closing the tab while a tag is on its way asks first; staying lets it arrive, and then it closes at once', async ({
  page,
  hashiya,
}) => {
  const { doc, release } = await twoTags(hashiya, page);
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss(); // stay on the page
    }),
  );
  await page.close({ runBeforeUnload: true });
  const noDialog = new Promise<string>((resolve) => setTimeout(() => resolve('no dialog within 10 s'), 10_000));
  expect(await Promise.race([asked, noDialog])).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);
  await release();
  await expect
    .poll(async () =>
      (await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).map((a) => a.quote).sort(),
    )
    .toEqual([FIRST, SECOND].sort());
  // nothing held any more: the tab closes without asking
  let askedAgain = false;
  page.once('dialog', (dialog) => {
    askedAgain = true;
    void dialog.accept();
  });
  await expect(page.getByTestId('annotation-list').locator('.item-quote', { hasText: SECOND })).toBeVisible();
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(askedAgain).toBe(false);
});
