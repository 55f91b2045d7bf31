import type { Page } from '@playwright/test';
import type { Annotation } from '../src/shared/model';
import { expect, test, type Hashiya } from './fixtures';
import { cp, dragSelect } from './helpers/selection';

const MIXED = [
  'أعلن المتحدث 😀 أن تركيا سلّمت 30 مدرعة من طراز BMC Kirpi يوم 18/05/2019 لقوات الوفاق.',
  'وقال غسان سلامة 👍🏽 إن «الحل العسكري غير ممكن» في ليبيا.',
].join('\n');

async function setup(hashiya: Hashiya, page: Page, text?: string) {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  let doc: { id: string; text: string; title: string };
  if (text) {
    const { document } = await hashiya.ok<{ document: { id: string; title: string } }>('documents.importText', { text, title: 'Mixed test article' });
    doc = await hashiya.ok('documents.get', { id: document.id });
  } else {
    doc = await hashiya.sample();
  }
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  return doc;
}

const list = (hashiya: Hashiya, documentId: string) => hashiya.ok<Annotation[]>('annotations.list', { documentId });

for (const [name, text, phrases] of [
  ['the sample article', undefined, ['المشير خليفه حفتر', 'وقف إطلاق النار', 'فائز السراج', 'حوالي 510 قتلى', 'أكثر من 70.000 نازح']],
  ['an article with an emoji, Latin words and digits inside Arabic', MIXED, ['تركيا سلّمت 30 مدرعة', 'BMC Kirpi', '18/05/2019', 'غسان سلامة', 'الحل العسكري غير ممكن']],
] as const) {
  test(`a mouse drag and a code key store exactly the phrase: ${name}`, async ({ page, hashiya }) => {
    const doc = await setup(hashiya, page, text);
    for (const phrase of phrases) {
      await dragSelect(page, phrase);
      expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(phrase);
      await page.keyboard.press('1');
      await expect(page.getByTestId('annotation-list').locator('.item-quote', { hasText: phrase })).toBeVisible();
    }
    // the highlight shows before the save answers: wait until every tag is on the server
    await expect.poll(async () => (await list(hashiya, doc.id)).length).toBe(phrases.length);
    const stored = await list(hashiya, doc.id);
    for (const phrase of phrases) {
      const a = stored.find((x) => x.quote === phrase);
      expect(a, phrase).toBeDefined();
      const u = doc.text.indexOf(phrase);
      expect(a?.start).toBe(cp(doc.text, u));
      expect(a?.end).toBe(cp(doc.text, u + phrase.length));
      expect([...doc.text].slice(a?.start, a?.end).join('')).toBe(phrase);
      expect(a?.codes).toEqual(['ceasefire-proposal']);
      expect(a?.annotator).toBe('Salma');
    }
  });
}

test('double-click on a word and a Shift+arrow selection tag whole words', async ({ page, hashiya }) => {
  const doc = await setup(hashiya, page);
  const word = page.getByTestId('article').locator('p').nth(2);
  // double-click the word «فرنسا»
  const box = await page.evaluate(() => {
    const p = document.querySelectorAll('[data-testid="article"] p')[2] as HTMLElement;
    const t = p.firstChild as Text;
    const i = t.data.indexOf('فرنسا');
    const r = document.createRange();
    r.setStart(t, i + 2);
    r.setEnd(t, i + 3);
    const b = r.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  });
  await expect(word).toBeVisible();
  await page.mouse.dblclick(box.x, box.y);
  await page.keyboard.press('3');
  await expect.poll(async () => (await list(hashiya, doc.id)).map((a) => a.quote)).toEqual(['فرنسا']);

  // keyboard: put a selection on «المجلس» then extend it with Shift+ArrowLeft (forward in RTL text)
  await page.evaluate(() => {
    const p = document.querySelectorAll('[data-testid="article"] p')[2] as HTMLElement;
    const t = p.firstChild as Text;
    const i = t.data.indexOf('المجلس الرئاسي');
    const sel = window.getSelection() as Selection;
    sel.setBaseAndExtent(t, i, t, i + 'المجلس'.length);
  });
  for (let i = 0; i < ' الرئاسي'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('المجلس الرئاسي');
  await page.keyboard.press('7');
  await expect.poll(async () => (await list(hashiya, doc.id)).map((a) => a.quote).sort()).toEqual(['المجلس الرئاسي', 'فرنسا'].sort());
});

test('the first tag asks for the annotator name once and records it', async ({ page, hashiya }) => {
  const doc = await hashiya.sample();
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  await dragSelect(page, 'فائز السراج');
  await page.keyboard.press('2');
  const dialog = page.getByRole('dialog', { name: 'Your name' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').fill('Layla');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect.poll(async () => (await list(hashiya, doc.id)).map((a) => [a.quote, a.annotator])).toEqual([['فائز السراج', 'Layla']]);
  await dragSelect(page, 'غسان سلامه');
  await page.keyboard.press('2');
  await expect.poll(async () => (await list(hashiya, doc.id)).length).toBe(2);
  await expect(dialog).toBeHidden();
});

test('Shift+Alt+arrows move the active annotation’s end and Ctrl+Shift+Alt+arrows its start, a word on screen, undoably', async ({ page, hashiya }) => {
  const doc = await setup(hashiya, page);
  await dragSelect(page, 'وقف إطلاق');
  await page.keyboard.press('1');
  await expect.poll(async () => (await list(hashiya, doc.id)).map((a) => a.quote)).toEqual(['وقف إطلاق']);
  const stored = async () => (await list(hashiya, doc.id)).map((a) => ({ quote: a.quote, start: a.start, end: a.end }));
  const at = (phrase: string) => ({ quote: phrase, start: cp(doc.text, doc.text.indexOf(phrase)), end: cp(doc.text, doc.text.indexOf(phrase) + phrase.length) });

  // right-to-left text: the left arrow moves the end on (to the left on screen)
  await page.keyboard.press('Shift+Alt+ArrowLeft');
  await expect.poll(stored).toEqual([at('وقف إطلاق النار')]);
  // with Ctrl, the right arrow moves the start back a word (to the right on screen)
  await page.keyboard.press('Control+Shift+Alt+ArrowRight');
  await expect.poll(stored).toEqual([at('على وقف إطلاق النار')]);
  await expect(page.getByTestId('annotation-list').locator('.item-quote')).toHaveText(['على وقف إطلاق النار']);
  // the end back by one (the right arrow), then undo that
  await page.keyboard.press('Shift+Alt+ArrowRight');
  await expect.poll(stored).toEqual([at('على وقف إطلاق')]);
  await page.keyboard.press('Control+z');
  await expect.poll(stored).toEqual([at('على وقف إطلاق النار')]);
  await expect(page.getByTestId('annotation-list').locator('.item-quote')).toHaveText(['على وقف إطلاق النار']);
  // the id, codes and annotator are the same annotation's
  const [a] = await list(hashiya, doc.id);
  expect(a).toMatchObject({ codes: ['ceasefire-proposal'], annotator: 'Salma' });
});
