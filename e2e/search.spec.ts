import { expect, test } from './fixtures';
import { seriousViolations } from './helpers/axe';
import { installDesktopBridge, menuCommand } from './helpers/desktopBridge';

interface Annotation {
  id: string;
  quote: string;
  start: number;
  end: number;
  codes: string[];
}

/** The text under each range of a CSS Custom Highlight layer (runs in the page). */
const layerTexts = (name: string) => {
  const layer = CSS.highlights.get(name);
  return layer ? [...(layer as unknown as Set<Range>)].map((r) => r.toString()) : [];
};

test('Ctrl+F finds خليفة written خليفه, tags both hits in one step, and one undo removes both', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'E2E' });
  const sample = await hashiya.sample();
  await hashiya.open(page);
  await hashiya.openDocument(page, sample.title);

  await page.getByTestId('article').click();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in document' });
  await expect(find).toBeFocused();
  await find.fill('خليفة');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 2');

  // both hits are painted in their own layer: the two spellings with haa, the second as the whole word لخليفه
  await expect.poll(() => page.evaluate(layerTexts, 'search-hit')).toEqual(['خليفه', 'لخليفه']);
  await expect.poll(() => page.evaluate(layerTexts, 'search-current')).toEqual(['خليفه']);
  await find.press('Enter');
  await expect(page.getByTestId('find-count')).toHaveText('2 of 2');

  await page.getByRole('combobox', { name: 'with code' }).selectOption({ label: 'Ceasefire proposal' });
  await page.getByRole('button', { name: /Tag all hits/ }).click();
  await expect
    .poll(async () =>
      (await hashiya.ok<Annotation[]>('annotations.list', { documentId: sample.id })).map((a) => a.quote),
    )
    .toEqual(['خليفه', 'لخليفه']);
  const created = await hashiya.ok<Annotation[]>('annotations.list', { documentId: sample.id });
  const chars = [...sample.text];
  for (const a of created) expect(chars.slice(a.start, a.end).join('')).toBe(a.quote);
  expect(created.every((a) => a.codes.length === 1)).toBe(true);
  // the new annotations are painted by the reader too
  await expect.poll(() => page.evaluate(() => [...CSS.highlights.keys()].some((k) => k.startsWith('hx-c')))).toBe(true);

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect
    .poll(async () => (await hashiya.ok<Annotation[]>('annotations.list', { documentId: sample.id })).length)
    .toBe(0);

  // closing the bar takes its layer away and leaves the text alone
  await find.press('Escape');
  await expect(find).toBeHidden();
  await expect.poll(() => page.evaluate(layerTexts, 'search-hit')).toEqual([]);
  const text = await page
    .locator('[data-testid="article"] p')
    .evaluateAll((ps) => ps.map((p) => p.textContent).join('\n'));
  expect(text).toBe(sample.text);
});

test('the project-wide results list shows each hit in context and opens the document at it', async ({
  page,
  hashiya,
}) => {
  const sample = await hashiya.sample();
  // the desktop app's menu: Edit ▸ Find…
  await installDesktopBridge(page, hashiya.token);
  await hashiya.open(page);
  const box = page.getByRole('searchbox', { name: 'Search all documents' });
  // outside the reader, Edit ▸ Find… (the Electron menu's event) goes to the project search
  await menuCommand(page, 'find');
  await expect(box).toBeFocused();
  await box.fill('خليفة');
  await box.press('Enter');
  await expect(page.getByTestId('project-search-count')).toHaveText('2 hits in 1 document');
  const results = page.locator('.search-result');
  await expect(results).toHaveCount(2);
  await expect(results.nth(0)).toContainText('المشير خليفه حفتر');
  await expect(results.nth(1)).toContainText('الداعمة لخليفه حفتر');
  await page.getByRole('button', { name: 'Options' }).click();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Options' }).click();
  await results.nth(1).click();
  await expect(page.getByTestId('article')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sample.title);
  await expect(page.getByTestId('find-count')).toHaveText('2 of 2');
});

test('the options change what matches: whole words skip لخليفه, anywhere finds inside words, ة = ه off finds nothing', async ({
  page,
  hashiya,
}) => {
  const sample = await hashiya.sample();
  // the desktop app's menu: Edit ▸ Find…
  await installDesktopBridge(page, hashiya.token);
  await hashiya.open(page);
  await hashiya.openDocument(page, sample.title);
  // in the reader, Edit ▸ Find… (the Electron menu's event) opens the find bar
  await menuCommand(page, 'find');
  const find = page.getByRole('searchbox', { name: 'Find in document' });
  await expect(find).toBeFocused();
  await find.fill('خليفة');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 2');
  await page.getByRole('button', { name: 'Options' }).click();
  await page.getByRole('radio', { name: 'Whole words only' }).check();
  await expect(page.getByTestId('find-count')).toHaveText('1 of 1');
  await find.fill('فتر');
  await expect(page.getByTestId('find-count')).toHaveText('No hits');
  await page.getByRole('radio', { name: /Anywhere/ }).check();
  await expect(page.getByTestId('find-count')).not.toHaveText('No hits');
  await page.getByRole('radio', { name: /^Words/ }).check();
  await expect(page.getByTestId('find-count')).toHaveText('No hits');
  await find.fill('خليفة');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 2');
  await page.getByRole('checkbox', { name: 'ة = ه' }).uncheck();
  await expect(page.getByTestId('find-count')).toHaveText('No hits');
  await page.getByRole('checkbox', { name: 'ة = ه' }).check();
  await expect(page.getByTestId('find-count')).toHaveText('1 of 2');
  expect(await seriousViolations(page)).toEqual([]);
});

test('project search: word-aware hits across documents, the count per document first, tagged in one step and undone in one', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'E2E' });
  const sample = await hashiya.sample();
  const other = await hashiya.ok<{ document: { id: string } }>('documents.importText', {
    title: 'Second',
    text: 'دعا المبعوث إلى وقف لإطلاق النار.\nورفض الرئيس أي دعوة لوقف إطلاق النار.',
  });
  await hashiya.open(page);
  const box = page.getByRole('searchbox', { name: 'Search all documents' });
  await box.fill('وقف إطلاق النار');
  await box.press('Enter');
  const panel = page.getByRole('region', { name: 'Search all documents' });
  await expect(panel.locator('.search-result').filter({ hasText: 'وقف لإطلاق النار' })).toHaveCount(1);
  await expect(panel.locator('.search-result').filter({ hasText: 'لوقف إطلاق النار' }).first()).toBeVisible();
  const sampleHits = (
    await hashiya.ok<{ hits: Array<{ documentId: string }> }>('search', { query: 'وقف إطلاق النار' })
  ).hits.filter((h) => h.documentId === sample.id).length;
  expect(sampleHits).toBeGreaterThan(0);

  await panel.getByRole('combobox', { name: 'with code' }).selectOption({ label: 'Ceasefire proposal' });
  await panel.getByRole('button', { name: /Tag all hits/ }).click();
  await expect(panel.getByTestId('tag-all-counts')).toContainText(`Second: 2`);
  await expect(panel.getByTestId('tag-all-counts').locator('li')).toHaveCount(2);
  // every document in one request (a request per document took 2.9 s for 1,000 hits)
  const calls: string[] = [];
  page.on('request', (r) => {
    const method = /\/api\/(annotations\.[A-Za-z]+)$/.exec(new URL(r.url()).pathname)?.[1];
    if (method) calls.push(method);
  });
  await panel.getByRole('button', { name: `Tag ${sampleHits + 2} hits in 2 documents` }).click();
  await expect(panel.getByRole('status')).toHaveText(`Tagged: ${sampleHits + 2}`);
  expect(calls.filter((c) => c.startsWith('annotations.create'))).toEqual(['annotations.createAcross']);
  const second = await hashiya.ok<Array<{ quote: string; codes: string[] }>>('annotations.list', {
    documentId: other.document.id,
  });
  expect(second.map((a) => a.quote)).toEqual(['وقف لإطلاق النار', 'لوقف إطلاق النار']);
  expect((await hashiya.ok<unknown[]>('annotations.list', { documentId: sample.id })).length).toBe(sampleHits);

  calls.length = 0;
  await panel.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(panel.getByRole('status')).toContainText('Undone');
  expect(calls.filter((c) => c.startsWith('annotations.delete'))).toEqual(['annotations.deleteAcross']);
  expect(await hashiya.ok<unknown[]>('annotations.list', { documentId: other.document.id })).toEqual([]);
  expect(await hashiya.ok<unknown[]>('annotations.list', { documentId: sample.id })).toEqual([]);
});

test('Esc closes the find bar from its field or any of its buttons and gives the keyboard back to the article', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'E2E' });
  const sample = await hashiya.sample();
  await hashiya.open(page);
  await hashiya.openDocument(page, sample.title);
  const article = page.getByTestId('article');
  await article.click();
  await expect(article).toBeFocused();

  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in document' });
  await find.fill('خليفة');
  await expect(page.getByTestId('find-count')).toHaveText('1 of 2');
  await page.keyboard.press('Escape');
  await expect(find).toBeHidden();
  await expect(article).toBeFocused();

  // from a button of the bar
  await page.keyboard.press('Control+f');
  await expect(find).toBeFocused();
  await page.getByRole('search', { name: 'Find in document' }).getByRole('button', { name: 'Options' }).focus();
  await page.keyboard.press('Escape');
  await expect(find).toBeHidden();
  await expect(article).toBeFocused();
  // the reader's keys work again at once: a selection and a code key tag it
  await page.evaluate(() => {
    const p = document.querySelectorAll('[data-testid="article"] p')[0] as HTMLElement;
    const t = p.firstChild as Text;
    const i = t.data.indexOf('حفتر');
    window.getSelection()?.setBaseAndExtent(t, i, t, i + 'حفتر'.length);
  });
  await page.keyboard.press('1');
  await expect
    .poll(async () =>
      (await hashiya.ok<Array<{ quote: string }>>('annotations.list', { documentId: sample.id })).map((a) => a.quote),
    )
    .toEqual(['حفتر']);
});
