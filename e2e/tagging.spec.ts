import type { Page } from '@playwright/test';
import type { Annotation } from '@shared/model';
import { expect, test, type Hashiya } from './fixtures';
import { openTool } from './helpers/tools';
import { cp, dragSelect } from './helpers/selection';

const MIXED = [
  'أعلن المتحدث 😀 أن تركيا سلّمت 30 مدرعة من طراز BMC Kirpi يوم 18/05/2019 لقوات الوفاق.',
  'وقال غسان سلامة 👍🏽 إن «الحل العسكري غير ممكن» في ليبيا.',
].join('\n');

async function setup(hashiya: Hashiya, page: Page, text?: string) {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  let doc: { id: string; text: string; title: string };
  if (text) {
    const { document } = await hashiya.ok<{ document: { id: string; title: string } }>('documents.importText', {
      text,
      title: 'Mixed test article',
    });
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
  [
    'the sample article',
    undefined,
    ['المشير خليفه حفتر', 'وقف إطلاق النار', 'فائز السراج', 'حوالي 510 قتلى', 'أكثر من 70.000 نازح'],
  ],
  [
    'an article with an emoji, Latin words and digits inside Arabic',
    MIXED,
    ['تركيا سلّمت 30 مدرعة', 'BMC Kirpi', '18/05/2019', 'غسان سلامة', 'الحل العسكري غير ممكن'],
  ],
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
  await expect
    .poll(async () => (await list(hashiya, doc.id)).map((a) => a.quote).sort())
    .toEqual(['المجلس الرئاسي', 'فرنسا'].sort());
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
  await expect
    .poll(async () => (await list(hashiya, doc.id)).map((a) => [a.quote, a.annotator]))
    .toEqual([['فائز السراج', 'Layla']]);
  await dragSelect(page, 'غسان سلامه');
  await page.keyboard.press('2');
  await expect.poll(async () => (await list(hashiya, doc.id)).length).toBe(2);
  await expect(dialog).toBeHidden();
});

test('the palette lists a code named for what was typed before one whose definition mentions it, and shows the passage', async ({
  page,
  hashiya,
}) => {
  const codebook = await hashiya.ok<{ codes: Array<Record<string, unknown>> }>('codebook.get');
  await hashiya.ok('codebook.save', {
    ...codebook,
    codes: [
      ...codebook.codes,
      {
        id: 'withdrawal-demand',
        name: 'Withdrawal demand',
        nameAr: 'المطالبة بالانسحاب',
        color: '#117733',
        description: '',
        example: '',
        key: null,
        parentId: null,
      },
    ],
  });
  const doc = await setup(hashiya, page);
  await dragSelect(page, 'فائز السراج');
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Tag with…' });
  // the passage being tagged is shown in the palette, and the dialog leaves the selection in sight
  await expect(dialog.getByTestId('palette-passage')).toHaveText('فائز السراج');
  const [selection, box] = await Promise.all([
    page.evaluate(() => {
      const r = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
      return r ? { top: r.top, bottom: r.bottom } : null;
    }),
    dialog.boundingBox(),
  ]);
  expect(selection && box && (box.y >= selection.bottom || box.y + box.height <= selection.top)).toBe(true);
  // “Ceasefire proposal” only mentions demands in its definition
  await dialog.getByRole('combobox').fill('demand');
  await expect(dialog.getByRole('option').first()).toContainText('Withdrawal demand');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await list(hashiya, doc.id)).map((a) => [a.quote, a.codes]))
    .toEqual([['فائز السراج', ['withdrawal-demand']]]);
});

test('a selection shows a bar with each code key and its name in the interface language; a shown key tags that code', async ({
  page,
  hashiya,
}) => {
  const doc = await setup(hashiya, page);
  const bar = page.getByTestId('selection-keys');
  await expect(bar).toBeHidden();
  await dragSelect(page, 'فائز السراج');
  await expect(bar).toBeVisible();
  await expect(bar.getByRole('button', { name: /3\s*Arms-embargo violation/ })).toBeVisible();
  await expect(bar.getByRole('button', { name: /1\s*Ceasefire proposal/ })).toBeVisible();
  // the bar does not cover the selected passage
  const sel = await page.evaluate(() => {
    const r = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
    return r ? { top: r.top, bottom: r.bottom } : null;
  });
  const barBox = await bar.boundingBox();
  expect(sel && barBox && (barBox.y >= sel.bottom || barBox.y + barBox.height <= sel.top)).toBe(true);
  await page.keyboard.press('3');
  await expect
    .poll(async () => (await list(hashiya, doc.id)).map((a) => [a.quote, a.codes]))
    .toEqual([['فائز السراج', ['arms-embargo-violation']]]);
  await expect(bar).toBeHidden();
});

test('in the Arabic interface the code-key bar names the codes in Arabic, and a click on one tags', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'Salma', uiLanguage: 'ar' });
  const doc = await hashiya.sample();
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  const bar = page.getByTestId('selection-keys');
  await dragSelect(page, 'غسان سلامه');
  await expect(bar.getByRole('button', { name: /1\s*اقتراح وقف إطلاق النار/ })).toBeVisible();
  await bar.getByRole('button', { name: /4\s*دعم عسكري أجنبي/ }).click();
  await expect
    .poll(async () => (await list(hashiya, doc.id)).map((a) => [a.quote, a.codes]))
    .toEqual([['غسان سلامه', ['foreign-military-support']]]);
});

test('from the article the claimant field of a new annotation is three Tabs away, and Esc in a field returns to the article', async ({
  page,
  hashiya,
}) => {
  const doc = await setup(hashiya, page);
  await dragSelect(page, 'فائز السراج');
  await page.keyboard.press('1');
  const editor = page.getByTestId('annotation-editor');
  await expect(editor.locator('blockquote')).toHaveText('فائز السراج');
  // after a mouse selection the keyboard stays in the article (a keyboard selection goes on to the editor: keyboard.spec.ts)
  const article = page.getByTestId('article');
  await expect(article).toBeFocused();
  const claimant = editor.getByRole('combobox', { name: 'Claimant' });
  let tabs = 0;
  while (tabs < 20 && !(await claimant.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  expect(tabs).toBeLessThanOrEqual(3);
  // the codes are one stop: arrow keys move among them and Space toggles one
  await page.keyboard.press('Shift+Tab');
  await expect(editor.getByRole('checkbox', { name: /Ceasefire proposal/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(editor.getByRole('checkbox', { name: /Ceasefire condition/ })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await expect(claimant).toBeFocused();

  // a new name: Enter adds it to the registry as a new actor and names it; Esc then leaves the
  // field, keeps the annotation active, and the article has the keyboard
  await claimant.fill('فائز السراج');
  await expect(editor.getByRole('option', { name: /Add “فائز السراج” as a new actor/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(claimant).toHaveValue('فائز السراج');
  await page.keyboard.press('Escape');
  await expect(article).toBeFocused();
  await expect(editor).toBeVisible();
  const registry = await hashiya.ok<{ entities: { id: string; nameAr: string }[] }>('registry.get');
  const sarraj = registry.entities.find((e) => e.nameAr === 'فائز السراج')?.id;
  expect(sarraj).toBeTruthy();
  await expect
    .poll(async () => (await list(hashiya, doc.id)).map((a) => [a.codes, a.values.claimant]))
    .toEqual([[['ceasefire-proposal', 'ceasefire-condition'], sarraj]]);
  // the same from the position list and the note
  await editor.getByRole('combobox', { name: 'Position' }).focus();
  await page.keyboard.press('Escape');
  await expect(article).toBeFocused();
  await editor.getByRole('textbox', { name: 'Note' }).fill('said in Paris');
  await page.keyboard.press('Escape');
  await expect(article).toBeFocused();
  await expect(editor).toBeVisible();
  await expect.poll(async () => (await list(hashiya, doc.id))[0]?.values.note).toBe('said in Paris');
  // a second Esc, now in the article, closes the editor as before
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
});

test('Project… ▸ Coder name… changes the name the next annotations record and leaves the other settings alone', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'Salma', uiLanguage: 'ar', textSize: 26, snapToWords: false });
  const doc = await hashiya.sample();
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  await dragSelect(page, 'فائز السراج');
  await page.keyboard.press('1');
  await expect.poll(async () => (await list(hashiya, doc.id)).map((a) => a.annotator)).toEqual(['Salma']);
  const before = (await hashiya.ok<{ settings: { coderId: string | null } }>('project.info')).settings.coderId;
  expect(before).toMatch(/^c_[0-9a-f]{16}$/);

  // in the Arabic interface: المشروع… ▸ اسم المرمِّز…
  await openTool(page, 'project');
  const panel = page.getByRole('dialog', { name: 'المشروع' });
  await expect(panel.getByTestId('coder-now')).toContainText('Salma');
  await panel.getByRole('button', { name: 'اسم المرمِّز…' }).click();
  const nameDialog = page.getByRole('dialog', { name: 'اسمك' });
  const field = nameDialog.getByRole('textbox', { name: 'اسمك' });
  await expect(field).toHaveValue('Salma');
  await field.fill('سلمى الترهوني');
  await nameDialog.getByRole('button', { name: 'حفظ' }).click();
  await expect(panel.getByTestId('coder-now')).toContainText('سلمى الترهوني');
  await panel.getByRole('button', { name: 'إغلاق' }).click();

  const settings = (await hashiya.ok<{ settings: Record<string, unknown> }>('project.info')).settings;
  expect(settings).toEqual({
    annotator: 'سلمى الترهوني',
    uiLanguage: 'ar',
    textSize: 26,
    snapToWords: false,
    // a new name, the same coder
    coderId: before,
    blind: false,
  });
  // the interface is still Arabic, and the next tag records the new name without asking
  await expect(page.getByRole('button', { name: 'المزيد' })).toBeVisible();
  await dragSelect(page, 'غسان سلامه');
  await page.keyboard.press('2');
  await expect
    .poll(async () => (await list(hashiya, doc.id)).map((a) => [a.quote, a.annotator]))
    .toEqual([
      ['فائز السراج', 'Salma'],
      ['غسان سلامه', 'سلمى الترهوني'],
    ]);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('Shift+Alt+arrows move the active annotation’s end and Ctrl+Shift+Alt+arrows its start, a word on screen, undoably', async ({
  page,
  hashiya,
}) => {
  const doc = await setup(hashiya, page);
  await dragSelect(page, 'وقف إطلاق');
  await page.keyboard.press('1');
  await expect.poll(async () => (await list(hashiya, doc.id)).map((a) => a.quote)).toEqual(['وقف إطلاق']);
  const stored = async () => (await list(hashiya, doc.id)).map((a) => ({ quote: a.quote, start: a.start, end: a.end }));
  const at = (phrase: string) => ({
    quote: phrase,
    start: cp(doc.text, doc.text.indexOf(phrase)),
    end: cp(doc.text, doc.text.indexOf(phrase) + phrase.length),
  });

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
