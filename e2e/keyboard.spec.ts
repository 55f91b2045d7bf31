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
 * The claim fields of today's editor from the keyboard: the claimant (focused first when the
 * editor opens), then the position (the stance list). Kept in one place for the editor's rewrite.
 */
async function setClaimFromKeyboard(page: Page, claimant: string, stance: string) {
  const editor = page.getByTestId('annotation-editor');
  const claimantField = editor.getByRole('combobox', { name: 'Claimant' });
  await expect(claimantField).toBeFocused();
  await page.keyboard.type(claimant);
  await page.keyboard.press('Tab');
  const stanceField = editor.getByRole('combobox', { name: 'Stance' });
  await expect(stanceField).toBeFocused();
  for (let i = 0; i < 10 && (await stanceField.inputValue()) !== stance; i++) await page.keyboard.press('ArrowDown');
  await expect(stanceField).toHaveValue(stance);
}

async function openSample(hashiya: Hashiya, page: Page) {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const doc = await hashiya.sample();
  const span = (phrase: string) => {
    const u = doc.text.indexOf(phrase);
    return { start: cp(doc.text, u), end: cp(doc.text, u + phrase.length) };
  };
  // one annotation before the passage and one after it, to step to
  for (const [phrase, code] of [
    ['غسان سلامه', 'political-process'],
    ['انسحاب قوات حفتر', 'ceasefire-condition'],
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
  expect(stored.claimant).toBe('إيمانويل ماكرون');
  expect(stored.stance).toBe('proposes');
  expect(stored.annotator).toBe('Salma');

  // n: the next annotation in reading order
  await page.keyboard.press('n');
  await expect(editor.locator('blockquote')).toHaveText('انسحاب قوات حفتر');
  await expect(article).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
});
