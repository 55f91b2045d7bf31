/**
 * Issue #20: a whole article coded without the mouse. Keyboard only: no page.mouse, no
 * programmatic selection (the selection is only read, to know where the caret is).
 */
import type { Page } from '@playwright/test';
import type { Annotation } from '@shared/model';
import { expect, test, type Hashiya } from './fixtures';
import { seriousViolations } from './helpers/axe';
import { cp } from './helpers/selection';

const PASSAGE_START = 'اقترح';
const PASSAGE_END = 'شرط';

/** Where the reading caret is: its paragraph's text before and after it, the selection, the focused element. */
function caretState(page: Page) {
  return page.evaluate(() => {
    const sel = window.getSelection() as Selection;
    const node = sel.focusNode;
    const el = node && (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element));
    const p = el?.closest('[data-testid="article"] p');
    const focused = (document.activeElement as HTMLElement | null)?.dataset.testid ?? null;
    if (!p || !node) return { before: '', after: '', selected: '', collapsed: true, focused };
    const r = document.createRange();
    r.selectNodeContents(p);
    r.setEnd(node, sel.focusOffset);
    const before = r.toString();
    return {
      before,
      after: (p.textContent ?? '').slice(before.length),
      selected: sel.toString(),
      collapsed: sel.isCollapsed,
      focused,
    };
  });
}

/** Press `key` until `done` holds (at most `max` times); fails if it never does. */
async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, max = 400) {
  for (let i = 0; i < max; i++) {
    if (await done()) return;
    await page.keyboard.press(key);
  }
  expect(await done(), `${key} pressed ${max} times`).toBe(true);
}

/**
 * The claim fields from the keyboard: the claimant (focused first when the editor opens) takes
 * the actor the passage mentions with Enter, then Tab reaches the position, chosen with arrows.
 */
async function setClaimFromKeyboard(page: Page, proposed: string, position: string) {
  const editor = page.getByTestId('annotation-editor');
  const claimantField = editor.getByRole('combobox', { name: 'Claimant' });
  await expect(claimantField).toBeFocused();
  await expect(editor.getByText('Proposed:')).toContainText(proposed);
  await page.keyboard.press('Enter');
  await expect(claimantField).toHaveValue(proposed);
  const positionField = editor.getByRole('combobox', { name: 'Position' });
  await pressUntil(page, 'Tab', () => positionField.evaluate((el) => el === document.activeElement), 8);
  for (let i = 0; i < 10 && (await positionField.inputValue()) !== position; i++)
    await page.keyboard.press('ArrowDown');
  await expect(positionField).toHaveValue(position);
}

async function openSample(hashiya: Hashiya, page: Page, more: ReadonlyArray<readonly [string, string]> = []) {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const doc = await hashiya.sample();
  // the registry knows the claimant the passage mentions (the article writes أمانويل ماكرون)
  await hashiya.ok('registry.add', {
    entity: { kind: 'actor', nameAr: 'إيمانويل ماكرون', nameLatin: 'Emmanuel Macron', type: 'person' },
  });
  const span = (phrase: string) => {
    const u = doc.text.indexOf(phrase);
    return { start: cp(doc.text, u), end: cp(doc.text, u + phrase.length) };
  };
  // one annotation before the passage and one after it, to step to
  for (const [phrase, code] of [
    ['غسان سلامه', 'political-process'],
    ['انسحاب قوات حفتر', 'ceasefire-condition'],
    ...more,
  ] as const)
    await hashiya.ok('annotations.create', { documentId: doc.id, ...span(phrase), codes: [code] });
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  return doc;
}

const list = (hashiya: Hashiya, documentId: string) => hashiya.ok<Annotation[]>('annotations.list', { documentId });

test('a claim coded from the keyboard alone: caret, Shift+Ctrl+arrows, code key, claim fields, end moved, next annotation', async ({
  page,
  hashiya,
}) => {
  const doc = await openSample(hashiya, page);
  const article = page.getByTestId('article');
  const live = page.getByTestId('live-region');

  // Tab into the article: the caret shows at the first word
  await pressUntil(page, 'Tab', async () => (await caretState(page)).focused === 'article', 30);
  await expect(article).toBeFocused();
  const first = await caretState(page);
  expect(first.collapsed).toBe(true);
  expect(first.before.trim()).toBe('');
  expect(first.after.trimStart().startsWith('يتوقع')).toBe(true);
  expect(await seriousViolations(page)).toEqual([]);

  // word by word (in Arabic text Ctrl+Left goes forward) onto «اقترح»; where word moves stop at
  // word ends (Linux, macOS) one Ctrl+Right goes back to its start
  await pressUntil(page, 'Control+ArrowLeft', async () => {
    const c = await caretState(page);
    return c.after.startsWith(PASSAGE_START) || c.before.endsWith(PASSAGE_START);
  });
  if (!(await caretState(page)).after.startsWith(PASSAGE_START)) await page.keyboard.press('Control+ArrowRight');
  expect((await caretState(page)).after.startsWith(PASSAGE_START)).toBe(true);
  await expect(live).toHaveText(PASSAGE_START);

  // Shift+Ctrl+arrows select to «شرط»
  await pressUntil(page, 'Shift+Control+ArrowLeft', async () =>
    (await caretState(page)).selected.includes(PASSAGE_END),
  );
  const selected = (await caretState(page)).selected;
  expect(selected).toContain('الرئيس ماكرون');
  await expect(live).toContainText(`Selected: ${selected.replace(/\s+/g, ' ').trim()}`);
  await expect(page.getByTestId('selection-keys')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // a code key tags it: the new annotation is active at once and its editor has the keyboard
  await page.keyboard.press('1');
  const editor = page.getByTestId('annotation-editor');
  const passageStart = doc.text.indexOf(PASSAGE_START);
  const passageEnd = doc.text.indexOf(PASSAGE_END, passageStart) + PASSAGE_END.length;
  const passage = doc.text.slice(passageStart, passageEnd);
  await expect(editor.locator('blockquote')).toHaveText(passage);
  await expect(editor.getByRole('checkbox', { name: /Ceasefire proposal/ })).toBeChecked();
  await setClaimFromKeyboard(page, 'إيمانويل ماكرون', 'proposes');
  expect(await seriousViolations(page)).toEqual([]);

  // Esc: back to the article, the caret just after the passage
  await page.keyboard.press('Escape');
  await expect(article).toBeFocused();
  const back = await caretState(page);
  expect(back.collapsed).toBe(true);
  expect(back.before.endsWith(PASSAGE_END)).toBe(true);
  await expect(editor).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // its end one word on (Shift+Alt+Left: forward in Arabic text)
  await page.keyboard.press('Shift+Alt+ArrowLeft');
  const movedEnd = doc.text.indexOf('مع', passageEnd) + 'مع'.length;
  const moved = doc.text.slice(passageStart, movedEnd);
  await expect(editor.locator('blockquote')).toHaveText(moved);

  await expect
    .poll(async () => (await list(hashiya, doc.id)).find((a) => a.codes.includes('ceasefire-proposal'))?.quote)
    .toBe(moved);
  const stored = (await list(hashiya, doc.id)).find((a) => a.codes.includes('ceasefire-proposal')) as Annotation;
  expect(stored.start).toBe(cp(doc.text, passageStart));
  expect(stored.end).toBe(cp(doc.text, movedEnd));
  expect([...doc.text].slice(stored.start, stored.end).join('')).toBe(moved);
  expect(stored.codes).toEqual(['ceasefire-proposal']);
  const registry = await hashiya.ok<{ entities: { id: string; nameAr: string }[] }>('registry.get', {});
  const macron = registry.entities.find((e) => e.nameAr === 'إيمانويل ماكرون');
  expect(stored.values).toMatchObject({ claimant: macron?.id, position: 'proposes' });
  expect(stored.annotator).toBe('Salma');

  // n: the next annotation in reading order
  await page.keyboard.press('n');
  await expect(editor.locator('blockquote')).toHaveText('انسحاب قوات حفتر');
  await expect(article).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
});

/** Tab into the article and put the caret, word by word, at the start of `word` (where `following` comes after it). */
async function caretTo(page: Page, word: string, following = '') {
  await pressUntil(page, 'Tab', async () => (await caretState(page)).focused === 'article', 30);
  await pressUntil(page, 'Control+ArrowLeft', async () => {
    const c = await caretState(page);
    return c.after.startsWith(word + following) || (c.before.endsWith(word) && c.after.startsWith(following));
  });
  if (!(await caretState(page)).after.startsWith(word)) await page.keyboard.press('Control+ArrowRight');
  expect((await caretState(page)).after.startsWith(word + following)).toBe(true);
}

/** The article's text and its text nodes' identity, to tell that nothing in it changed. */
function articleSnapshot(page: Page) {
  return page.evaluate(() => {
    const article = document.querySelector('[data-testid="article"]') as HTMLElement;
    const w = window as unknown as { __nodes?: Node[] };
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_ALL);
    const nodes: Node[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    const same = !!w.__nodes && w.__nodes.length === nodes.length && w.__nodes.every((n, i) => n === nodes[i]);
    w.__nodes = nodes;
    return { html: article.innerHTML, same };
  });
}

test('the article takes no edit: typing, Enter, Backspace, Delete, cut, paste, an IME, a drop and a script change nothing', async ({
  page,
  hashiya,
}) => {
  const doc = await openSample(hashiya, page);
  const before = await articleSnapshot(page);
  await caretTo(page, 'اقترح');
  await page.keyboard.type('abc كلمة');
  for (const key of ['Enter', 'Backspace', 'Delete', 'Tab']) await page.keyboard.press(key);
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('article')).toBeFocused();
  // a selection, no active annotation: Delete, Backspace and cut leave the text and the annotations alone
  await page.keyboard.press('Shift+Control+ArrowLeft');
  expect((await caretState(page)).selected).not.toBe('');
  for (const key of ['Delete', 'Backspace', 'Control+x', 'Control+v', 'Control+Shift+v'])
    await page.keyboard.press(key);
  // an input method's composition (cannot be cancelled), then what a script or extension might do
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'ك', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.insertText', { text: 'كت' });
  await page.evaluate(() => document.execCommand('insertText', false, 'مكتوب'));
  await page.evaluate(() => document.execCommand('delete'));
  // a drag of the selection to another place (the mouse here, to try the drop)
  const box = await page.evaluate(() => {
    const r = window.getSelection()?.getRangeAt(0).getClientRects()[0];
    return r ? { x: r.x + r.width / 2, y: r.y + r.height / 2 } : null;
  });
  if (box) {
    await page.mouse.move(box.x, box.y);
    await page.mouse.down();
    await page.mouse.move(box.x - 150, box.y + 40, { steps: 5 });
    await page.mouse.up();
  }
  await expect.poll(async () => (await articleSnapshot(page)).html).toBe(before.html);
  // the very same nodes (offsets and painted highlights stay valid)
  expect((await articleSnapshot(page)).same).toBe(true);
  expect(await page.getByTestId('article').textContent()).toBe(doc.text.split('\n').join(''));
  expect((await list(hashiya, doc.id)).length).toBe(2);
});

test('overlapping annotations at the caret: o cycles them, Enter opens the active one in its first field, Esc comes back', async ({
  page,
  hashiya,
}) => {
  await openSample(hashiya, page, [
    ['على وقف إطلاق النار', 'ceasefire'],
    ['وقف إطلاق النار', 'ceasefire-proposal'],
  ]);
  await expect(page.getByTestId('annotation-list').locator('.item-quote')).toHaveCount(4);
  await caretTo(page, 'وقف', ' إطلاق النار في التصعيد');
  const editor = page.getByTestId('annotation-editor');
  const live = page.getByTestId('live-region');
  await page.keyboard.press('o');
  await expect(editor.locator('blockquote')).toHaveText('وقف إطلاق النار');
  await expect(live).toHaveText('وقف إطلاق النار');
  await page.keyboard.press('o');
  await expect(editor.locator('blockquote')).toHaveText('على وقف إطلاق النار');
  await page.keyboard.press('o');
  await expect(editor.locator('blockquote')).toHaveText('وقف إطلاق النار');
  await expect(page.getByTestId('article')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('combobox', { name: 'Claimant' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('article')).toBeFocused();
  expect((await caretState(page)).after.startsWith('وقف إطلاق النار في التصعيد')).toBe(true);
  // n takes the caret along: Enter then opens the annotation stepped to, not the one the caret was on
  await page.keyboard.press('n');
  await expect(editor.locator('blockquote')).toHaveText('غسان سلامه');
  expect((await caretState(page)).after.startsWith('غسان سلامه')).toBe(true);
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('combobox', { name: 'Claimant' })).toBeFocused();
  await expect(editor.locator('blockquote')).toHaveText('غسان سلامه');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('article')).toBeFocused();
  // off any annotation: o and Enter say so and change nothing
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('o');
  await expect(live).toHaveText('No annotation at the caret');
  await expect(editor.locator('blockquote')).toHaveText('غسان سلامه');
});

test('the palette tags a keyboard selection, showing the passage, and the editor then has the keyboard', async ({
  page,
  hashiya,
}) => {
  const doc = await openSample(hashiya, page);
  await caretTo(page, 'انسحاب');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog');
  await expect(palette).toContainText('انسحاب قوات');
  await page.keyboard.type('embargo');
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('annotation-editor');
  await expect(editor.locator('blockquote')).toHaveText('انسحاب قوات');
  await expect(editor.getByRole('combobox', { name: 'Claimant' })).toBeFocused();
  await expect.poll(async () => (await list(hashiya, doc.id)).filter((a) => a.quote === 'انسحاب قوات').length).toBe(1);
});

for (const [lang, title, line] of [
  ['en', 'Keyboard keys', 'Search all codes for the selection'],
  ['ar', 'مفاتيح لوحة المفاتيح', 'البحث في كل الرموز لترميز النص المحدد'],
] as const) {
  test(`? lists every reader key in the interface language (${lang}); Esc closes it and the caret is back`, async ({
    page,
    hashiya,
  }) => {
    await hashiya.ok('settings.update', { uiLanguage: lang });
    await openSample(hashiya, page);
    await caretTo(page, 'اقترح');
    await page.keyboard.press('Shift+?');
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible();
    const rows = dialog.getByTestId('keys-table').locator('tbody tr');
    await expect(rows.filter({ hasText: 'Ctrl+K' })).toContainText(line);
    await expect(rows.filter({ hasText: 'Shift+Alt+←' }).first()).toBeVisible();
    expect(await rows.count()).toBeGreaterThanOrEqual(18);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('article')).toBeFocused();
    expect((await caretState(page)).after.startsWith('اقترح')).toBe(true);
  });
}

test('a keyboard selection of part of a word snaps to the whole word when tagged, as a mouse one does', async ({
  page,
  hashiya,
}) => {
  const doc = await openSample(hashiya, page);
  await caretTo(page, 'اقترح');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft');
  expect((await caretState(page)).selected).toBe('اقت');
  await page.keyboard.press('1');
  await expect(page.getByTestId('annotation-editor').locator('blockquote')).toHaveText('اقترح');
  await expect
    .poll(async () => (await list(hashiya, doc.id)).find((a) => a.quote === 'اقترح')?.start)
    .toBe(cp(doc.text, doc.text.indexOf('اقترح')));
});
