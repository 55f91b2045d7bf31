import { readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { Annotation } from '@shared/model';
import { expect, test, type Hashiya } from './fixtures';
import { seriousViolations } from './helpers/axe';
import { saveScreenshot } from './helpers/screenshots';
import { cp, dragSelect, phraseEdges } from './helpers/selection';

async function openSample(hashiya: Hashiya, page: Page) {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const doc = await hashiya.sample();
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  return doc;
}

const span = (text: string, phrase: string, from = 0, len = phrase.length) => {
  const u = text.indexOf(phrase) + from;
  return { start: cp(text, u), end: cp(text, u + len) };
};

/** A fingerprint of every node under the article: highlighting must never change it. */
const domFingerprint = (page: Page) =>
  page.getByTestId('article').evaluate((article) => {
    const out: string[] = [];
    const walk = (n: Node, depth: number) => {
      out.push(`${depth}:${n.nodeType}:${n.nodeName}:${n.nodeType === 3 ? (n as Text).data : ''}`);
      n.childNodes.forEach((c) => walk(c, depth + 1));
    };
    walk(article, 0);
    return out;
  });

test('highlights never touch the article DOM, including one that covers half a word', async ({ page, hashiya }) => {
  const doc = await openSample(hashiya, page);
  const before = await domFingerprint(page);
  const firstPara = page.getByTestId('article').locator('p').first();

  // half of «المشير» (the first three letters) — joined letters must stay joined
  const half = await hashiya.ok<Annotation>('annotations.create', {
    documentId: doc.id,
    ...span(doc.text, 'المشير', 0, 3),
    codes: ['ceasefire-proposal'],
  });
  const overlap = await hashiya.ok<Annotation>('annotations.create', {
    documentId: doc.id,
    ...span(doc.text, 'المشير خليفه حفتر'),
    codes: ['political-process'],
  });
  await page.reload();
  await hashiya.openDocument(page, doc.title);
  await expect(page.getByTestId('annotation-list').locator('li')).toHaveCount(2);

  // both highlights are registered with the Highlight API, with the right text under them
  const painted = await page.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('hx-c'))
      .flatMap(([, h]) =>
        [...h].map((r) => {
          // highlights are StaticRanges (no live-range cost): read their text through a Range
          const s = r as AbstractRange;
          const range = document.createRange();
          range.setStart(s.startContainer, s.startOffset);
          range.setEnd(s.endContainer, s.endOffset);
          return range.toString();
        }),
      )
      .sort(),
  );
  expect(painted).toEqual(['الم', 'المشير خليفه حفتر'].sort());
  expect(await domFingerprint(page)).toEqual(before);

  await page.getByTestId('article').locator('p').first().scrollIntoViewIfNeeded();
  saveScreenshot('half-word-highlight.png', await firstPara.screenshot());

  // removing them leaves the same DOM
  await hashiya.ok('annotations.delete', { id: half.id });
  await hashiya.ok('annotations.delete', { id: overlap.id });
  await page.reload();
  await hashiya.openDocument(page, doc.title);
  expect(await domFingerprint(page)).toEqual(before);
});

test('the DOM node objects themselves survive adding and removing highlights in the UI', async ({ page, hashiya }) => {
  await openSample(hashiya, page);
  await page.evaluate(() => {
    (window as unknown as { __nodes: Node[] }).__nodes = [
      ...document.querySelectorAll('[data-testid="article"] p'),
    ].flatMap((p) => [p, ...p.childNodes]);
  });
  await dragSelect(page, 'المشير خليفه حفتر');
  await page.keyboard.press('1');
  await dragSelect(page, 'خليفه حفتر');
  await page.keyboard.press('4');
  await expect(page.getByTestId('annotation-list').locator('li')).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('annotation-list').locator('li')).toHaveCount(1);
  const identical = await page.evaluate(() => {
    const old = (window as unknown as { __nodes: Node[] }).__nodes;
    const now = [...document.querySelectorAll('[data-testid="article"] p')].flatMap((p) => [p, ...p.childNodes]);
    return old.length === now.length && old.every((n, i) => n === now[i]);
  });
  expect(identical).toBe(true);
});

test('overlapping annotations both show; clicking a passage selects the innermost and the editor saves each change', async ({
  page,
  hashiya,
}) => {
  const doc = await openSample(hashiya, page);
  await dragSelect(page, 'المشير خليفه حفتر');
  await page.keyboard.press('1');
  await dragSelect(page, 'خليفه');
  await page.keyboard.press('4');
  await expect(page.getByTestId('annotation-list').locator('li')).toHaveCount(2);
  await expect(page.getByTestId('annotation-editor').locator('blockquote')).toHaveText('خليفه');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('annotation-editor')).toHaveCount(0);

  // click in the middle of «خليفه»: the inner annotation becomes active
  const box = await page.evaluate(() => {
    const t = document.querySelector('[data-testid="article"] p')?.firstChild as Text;
    const i = t.data.indexOf('خليفه');
    const r = document.createRange();
    r.setStart(t, i + 2);
    r.setEnd(t, i + 3);
    const b = r.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  });
  await page.mouse.click(box.x, box.y);
  const editor = page.getByTestId('annotation-editor');
  await expect(editor.locator('blockquote')).toHaveText('خليفه');

  const haftar = await hashiya.actor('خليفة حفتر');
  await editor.getByLabel('Claimant').fill('خليفة حفتر');
  await editor.getByLabel('Claimant').press('Enter');
  await editor.getByLabel('Position').selectOption('proposes');
  await editor.getByLabel('Certainty').selectOption('alleged');
  await editor.getByLabel('Note').fill('Second-hand report.');
  await editor.getByLabel('Note').blur();
  await editor.getByRole('checkbox', { name: /Ceasefire condition/ }).check();

  await expect
    .poll(async () =>
      (await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).find((a) => a.quote === 'خليفه'),
    )
    .toMatchObject({
      values: { claimant: haftar, position: 'proposes', certainty: 'alleged', note: 'Second-hand report.' },
      codes: ['foreign-military-support', 'ceasefire-condition'],
    });
});

test('Escape while a tag is still saving closes the editor for good: the late save does not reopen it', async ({
  page,
  hashiya,
}) => {
  const doc = await openSample(hashiya, page);
  // hold the save back until the researcher has pressed Escape
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/annotations.create', async (route) => {
    await held;
    await route.continue();
  });
  await dragSelect(page, 'خليفه حفتر');
  await page.keyboard.press('1');
  await expect(page.getByTestId('annotation-editor').locator('blockquote')).toHaveText('خليفه حفتر');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('annotation-editor')).toHaveCount(0);
  release();
  await expect
    .poll(async () => (await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).length)
    .toBe(1);
  // the renderer has taken the saved annotation in (it announces it), and the editor stays closed
  await expect(page.getByTestId('live-region')).toContainText('Annotation created');
  await expect(page.getByTestId('annotation-list').locator('li')).toHaveCount(1);
  await expect(page.getByTestId('annotation-editor')).toHaveCount(0);
});

test('edits made while an earlier save is slow all land, in order, and text being typed is never wiped', async ({
  page,
  hashiya,
}) => {
  const doc = await openSample(hashiya, page);
  await dragSelect(page, 'خليفه حفتر');
  await page.keyboard.press('1');
  const editor = page.getByTestId('annotation-editor');
  await expect(editor.locator('blockquote')).toHaveText('خليفه حفتر');
  await expect(page.getByTestId('live-region')).toContainText('Annotation created');

  // while `hold` is on, the next edit's save hangs until released; the researcher goes on editing
  let held: Promise<void> | null = null;
  let release: () => void = () => undefined;
  const hold = () => (held = new Promise<void>((resolve) => (release = resolve)));
  let slow = false; // every save takes a while (so a wrong state would stay on screen for frames)
  await page.route('**/api/annotations.update', async (route) => {
    const wait = held;
    held = null;
    if (wait) await wait;
    if (slow) await new Promise((r) => setTimeout(r, 150));
    await route.continue();
  });
  const haftar = await hashiya.actor('خليفة حفتر');
  hold();
  await editor.getByLabel('Claimant').fill('خليفة حفتر');
  await editor.getByLabel('Claimant').press('Enter');
  const condition = editor.getByRole('checkbox', { name: /Ceasefire condition/ });
  await condition.check();
  await editor.getByLabel('Note').fill('قال مصدر عسكري'); // typed, not yet committed
  release();
  const saved = () => hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id }).then((list) => list[0]);
  await expect
    .poll(saved)
    .toMatchObject({ values: { claimant: haftar }, codes: ['ceasefire-proposal', 'ceasefire-condition'] });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // the answers of those saves did not take the claimant back or wipe the note being typed
  await expect(editor.getByLabel('Claimant')).toHaveValue('خليفة حفتر');
  await expect(editor.getByLabel('Note')).toHaveValue('قال مصدر عسكري');
  await editor.getByLabel('Position').selectOption('proposes');
  await expect.poll(saved).toMatchObject({ values: { position: 'proposes' } });
  // quick toggles of one code while the first of them is slow to save: each shows at once, and it
  // ends as the researcher left it, on screen and on disk
  hold();
  slow = true;
  await condition.uncheck();
  await condition.check();
  await condition.uncheck();
  await condition.check();
  await condition.uncheck();
  await expect(condition).not.toBeChecked();
  // from now on the box must never show checked again, not even for a frame while saves answer
  await condition.evaluate((box: HTMLInputElement) => {
    const seen: boolean[] = [];
    (window as unknown as { __seen: boolean[] }).__seen = seen;
    const look = () => {
      seen.push(box.isConnected && box.checked);
      if (seen.length < 600) requestAnimationFrame(look);
    };
    look();
  });
  release();
  await expect.poll(saved).toMatchObject({
    values: { claimant: haftar, position: 'proposes', note: 'قال مصدر عسكري' },
    codes: ['ceasefire-proposal'],
  });
  await expect(condition).not.toBeChecked();
  await page.waitForTimeout(300);
  const seen = await page.evaluate(() => (window as unknown as { __seen: boolean[] }).__seen);
  expect(seen.length).toBeGreaterThan(10);
  expect(seen.filter(Boolean)).toEqual([]);
});

test('undo and redo cover create, edit and delete, and persist', async ({ page, hashiya }) => {
  const doc = await openSample(hashiya, page);
  const stored = () => hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id });
  await dragSelect(page, 'فائز السراج');
  await page.keyboard.press('7');
  await expect.poll(async () => (await stored()).length).toBe(1);

  // edit: add a code with a key while the annotation is active
  await page.keyboard.press('2');
  await expect.poll(async () => (await stored())[0]?.codes).toEqual(['political-process', 'ceasefire-condition']);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await stored())[0]?.codes).toEqual(['political-process']);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await stored())[0]?.codes).toEqual(['political-process', 'ceasefire-condition']);

  // delete, undo the delete (same id comes back), redo it
  const id = (await stored())[0]?.id;
  await page.getByTestId('annotation-editor').getByRole('button', { name: 'Delete' }).click();
  await expect.poll(async () => (await stored()).length).toBe(0);
  await expect(page.getByTestId('live-region')).toContainText('Annotation deleted');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await stored()).map((a) => a.id)).toEqual([id]);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => (await stored()).length).toBe(0);

  // undo everything back to before the create, then redo the create
  await page.keyboard.press('Control+z'); // delete undone
  await page.keyboard.press('Control+z'); // code edit undone
  await page.keyboard.press('Control+z'); // create undone
  await expect.poll(async () => (await stored()).length).toBe(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(async () => (await stored()).map((a) => a.quote)).toEqual(['فائز السراج']);
});

test('the side panel filters by code and annotator, counts per code, and jumps to an annotation', async ({
  page,
  hashiya,
}) => {
  const doc = await openSample(hashiya, page);
  const add = (phrase: string, codes: string[]) =>
    hashiya.ok('annotations.create', { documentId: doc.id, ...span(doc.text, phrase), codes });
  await add('وقف إطلاق النار', ['ceasefire-proposal']);
  await add('فائز السراج', ['political-process']);
  // another coder (a coder id of their own): renaming the annotator would only rename Salma
  await hashiya.ok('settings.update', { annotator: 'Omar', coderId: 'c_omar' });
  await add('أكثر من 70.000 نازح', ['casualties-displacement']);
  await page.reload();
  await hashiya.openDocument(page, doc.title);

  const items = page.getByTestId('annotation-list').locator('li');
  await expect(items).toHaveCount(3);
  await expect(page.locator('.code-counts li[data-code-id="political-process"] .n')).toHaveText('1');
  await page.getByTestId('filter-code').selectOption('casualties-displacement');
  await expect(items).toHaveCount(1);
  await page.getByTestId('filter-code').selectOption('');
  await page.getByTestId('filter-annotator').selectOption('Salma');
  await expect(items).toHaveCount(2);
  // renamed, Salma is still one entry (by coder id), under her new name, and still chosen
  const salma = (await hashiya.ok<{ coders: { id: string; name: string }[] }>('coders.list')).coders.find(
    (c) => c.name === 'Salma',
  );
  await hashiya.ok('coders.rename', { id: salma?.id, name: 'Salma Idris' });
  await expect(page.getByTestId('filter-annotator').locator('option')).toHaveText(['All', 'Omar', 'Salma Idris']);
  await expect(items).toHaveCount(2);
  await page.getByTestId('filter-annotator').selectOption('');

  // the last annotation is at the end of the article, off screen: jump to it
  const scroller = page.locator('.reader-scroll');
  const top = await scroller.evaluate((el) => el.scrollTop);
  await items.last().getByRole('button').click();
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(top);
  const flashed = await page.evaluate(() =>
    [...(CSS.highlights.get('hx-flash') ?? [])].map((r) => (r as Range).toString()),
  );
  expect(flashed).toEqual(['أكثر من 70.000 نازح']);
  await expect(page.getByTestId('annotation-editor').locator('blockquote')).toHaveText('أكثر من 70.000 نازح');

  // keyboard: n / p step through annotations in reading order
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expect(page.getByTestId('annotation-editor').locator('blockquote')).toHaveText('فائز السراج');
  await page.keyboard.press('n');
  await expect(page.getByTestId('annotation-editor').locator('blockquote')).toHaveText('وقف إطلاق النار');
  await page.keyboard.press('p');
  await expect(page.getByTestId('annotation-editor').locator('blockquote')).toHaveText('فائز السراج');
});

test('the palette (Ctrl+K) tags the selection with a searched code', async ({ page, hashiya }) => {
  const doc = await openSample(hashiya, page);
  await dragSelect(page, 'غسان سلامه');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Tag with…' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('combobox').fill('embargo');
  await expect(dialog.getByRole('option').first()).toContainText('Arms embargo');
  await dialog.getByRole('option', { name: /Call to enforce the embargo/ }).click();
  await expect
    .poll(async () =>
      (await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).map((a) => [a.quote, a.codes]),
    )
    .toEqual([['غسان سلامه', ['embargo-enforcement-call']]]);
});

test('library and reader pass axe-core with no serious or critical violations', async ({ page, hashiya }) => {
  const doc = await openSample(hashiya, page);
  await hashiya.ok('annotations.create', {
    documentId: doc.id,
    ...span(doc.text, 'فائز السراج'),
    codes: ['political-process'],
  });
  const audit = () => seriousViolations(page);
  await page.getByRole('button', { name: 'Library' }).first().click();
  expect(await audit()).toEqual([]);
  await hashiya.openDocument(page, doc.title);
  await page.getByTestId('annotation-list').getByRole('button').first().click();
  expect(await audit()).toEqual([]);
});

test('a tag the disk refused shows as kept but not on disk, turns saved when the retry lands, and is stored once', async ({
  page,
  hashiya,
}) => {
  const doc = await openSample(hashiya, page);
  // documents/ made unwritable for everyone, root included (root ignores permission bits): the
  // folder is moved aside and a plain file takes its name, so no file can be created in it
  const folder = path.join(hashiya.dataDir, 'documents');
  await rename(folder, `${folder}.away`);
  await writeFile(folder, '');
  try {
    await dragSelect(page, 'وقف إطلاق النار');
    await page.keyboard.press('1');
    const item = page.getByTestId('annotation-list').locator('.annotation-item', { hasText: 'وقف إطلاق النار' });
    await expect(item).toHaveAttribute('data-pending', 'true');
    await expect(item).toContainText('not yet on disk');
    await expect(page.getByTestId('status')).toContainText('Not saved');
    // the highlight is drawn, marked pending (a dashed underline)
    expect(await page.evaluate(() => CSS.highlights.get('hx-pending')?.size ?? 0)).toBe(1);
  } finally {
    await rm(folder, { force: true });
    await rename(`${folder}.away`, folder);
  }
  // the server's own retry writes it; the reader notices and shows it as saved
  const item = page.getByTestId('annotation-list').locator('.annotation-item', { hasText: 'وقف إطلاق النار' });
  await expect(item).not.toHaveAttribute('data-pending', 'true', { timeout: 30_000 });
  await expect(item).not.toContainText('not yet on disk');
  await expect(page.getByTestId('status')).toHaveText('All changes saved');
  expect(await page.evaluate(() => CSS.highlights.get('hx-pending')?.size ?? 0)).toBe(0);
  await expect(page.getByTestId('annotation-count')).toHaveText('1');
  const stored = await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id });
  expect(stored.map((a) => a.quote)).toEqual(['وقف إطلاق النار']);
  const onDisk = JSON.parse(readFileSync(path.join(folder, `${doc.id}.json`), 'utf8')) as { annotations: Annotation[] };
  expect(onDisk.annotations.map((a) => a.quote)).toEqual(['وقف إطلاق النار']);
});

test('the hover card isolates each name, and after a scroll describes what is under the pointer', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const filler = Array.from({ length: 30 }, (_, i) => `فقرة رقم ${i + 1} عن الوضع في ليبيا.`);
  const text = ['اقترح الأمين العام هدنة فورية.', ...filler, 'أعلنت تركيا إرسال مدرعات.', ...filler].join('\n');
  const { document: d } = await hashiya.ok<{ document: { id: string; title: string } }>('documents.importText', {
    text,
    title: 'Hover test',
  });
  const at = (phrase: string) => span(text, phrase);
  await hashiya.ok('annotations.create', {
    documentId: d.id,
    ...at('اقترح الأمين العام'),
    codes: ['ceasefire-proposal', 'arms-embargo'],
    values: { claimant: await hashiya.actor('أنطونيو غوتيريش') },
  });
  await hashiya.ok('annotations.create', {
    documentId: d.id,
    ...at('أعلنت تركيا'),
    codes: ['foreign-military-support'],
  });
  await hashiya.open(page);
  await hashiya.openDocument(page, d.title);

  const firstChar = async (phrase: string) => (await phraseEdges(page, phrase)).first;
  const one = await firstChar('اقترح');
  await page.mouse.move(one.x + one.width / 2, one.y + one.height / 2);
  const card = page.getByRole('tooltip');
  await expect(card).toHaveText('Ceasefire proposal, Arms embargo — أنطونيو غوتيريش');
  // each name isolated, the separators outside the isolates
  expect(await card.locator('bdi').allTextContents()).toEqual([
    'Ceasefire proposal',
    'Arms embargo',
    'أنطونيو غوتيريش',
  ]);
  expect(
    await card
      .locator('div')
      .first()
      .evaluate((row) =>
        [...row.childNodes].map((n) => (n.nodeType === Node.TEXT_NODE ? `text:${n.textContent}` : n.nodeName)),
      ),
  ).toEqual(['BDI', 'text:, ', 'BDI', 'text: — ', 'BDI']);

  // scroll the text (the pointer stays): the second annotation comes under the pointer
  const two = await firstChar('أعلنت تركيا');
  await page.locator('.reader-scroll').evaluate((el, dy) => el.scrollBy(0, dy), two.y - one.y);
  await expect(card).toHaveText('Foreign military support');
  await expect(card.locator('bdi')).toHaveText(['Foreign military support']);
  // and on over plain text: no card
  await page.locator('.reader-scroll').evaluate((el, dy) => el.scrollBy(0, dy), one.height * 3);
  await expect(card).toBeHidden();
});
