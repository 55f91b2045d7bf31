/**
 * Claims in the reader: the article marks the mentions of actors the registry knows (a highlight
 * of its own, switchable from the toolbar by keyboard and remembered), and the panel flags the
 * claims a required field is empty on, with an "incomplete only" filter.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './helpers/axe';

/** The text of every range the mention highlight holds now. */
function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = CSS.highlights.get('mention-actor');
    if (!h) return [];
    return [...h].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  });
}

test('the sample article marks ماكرون when the registry knows him; the toolbar switch takes the marks away and is remembered', async ({
  page,
  hashiya,
}) => {
  const doc = await hashiya.sample();
  await hashiya.ok('registry.add', {
    entity: { kind: 'actor', nameAr: 'إيمانويل ماكرون', nameLatin: 'Emmanuel Macron', type: 'person' },
  });
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  // the article writes أمانويل ماكرون and الرئيس ماكرون: both marked, the title left out of the mark
  await expect.poll(() => markedTexts(page)).toContain('أمانويل ماكرون');
  expect(await markedTexts(page)).toContain('ماكرون');
  // the annotation highlights are not touched: the marks are their own highlight, below them
  expect(await page.evaluate(() => CSS.highlights.get('mention-actor')?.priority)).toBe(-1);

  // off from the keyboard: Tab to the switch, Space
  const toggle = page.getByRole('checkbox', { name: 'Mark actors' });
  await expect(toggle).toBeChecked();
  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).not.toBeChecked();
  await expect.poll(() => markedTexts(page)).toEqual([]);
  expect(await page.evaluate(() => CSS.highlights.has('mention-actor'))).toBe(false);

  // remembered: the next time the reader opens, the marks stay off
  await page.reload();
  await hashiya.openDocument(page, doc.title);
  await expect(page.getByRole('checkbox', { name: 'Mark actors' })).not.toBeChecked();
  expect(await markedTexts(page)).toEqual([]);
  await page.getByRole('checkbox', { name: 'Mark actors' }).check();
  await expect.poll(() => markedTexts(page)).toContain('أمانويل ماكرون');

  // a name added to the registry is marked without reopening the article
  await hashiya.ok('registry.add', { entity: { kind: 'actor', nameAr: 'فائز السراج', type: 'person' } });
  await expect.poll(() => markedTexts(page)).toContain('فائز السراج');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a claim without its claimant is flagged in the panel, and "incomplete only" lists only it', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const doc = await hashiya.sample();
  const macron = await hashiya.actor('إيمانويل ماكرون');
  const code = (await hashiya.ok<{ codes: { id: string }[] }>('codebook.get')).codes[0]?.id as string;
  const span = (quote: string) => {
    const start = [...doc.text.slice(0, doc.text.indexOf(quote))].length;
    return { start, end: start + [...quote].length };
  };
  const missing = await hashiya.ok<{ id: string }>('annotations.create', {
    documentId: doc.id,
    ...span('وقف إطلاق النار دون شرط'),
    codes: [code],
  });
  const complete = await hashiya.ok<{ id: string }>('annotations.create', {
    documentId: doc.id,
    ...span('اقترح الرئيس ماكرون'),
    codes: [code],
    values: { claimant: macron },
  });
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  const list = page.getByTestId('annotation-list');
  const row = (id: string) => list.locator(`[data-annotation-id="${id}"]`);
  await expect(row(missing.id)).toContainText('incomplete');
  await expect(row(missing.id)).toHaveAttribute('data-incomplete', 'true');
  await expect(row(complete.id)).not.toContainText('incomplete');
  await expect(page.getByTestId('annotation-count')).toHaveText('2');

  const only = page.getByRole('checkbox', { name: 'Incomplete only (1)' });
  await only.focus();
  await page.keyboard.press('Space');
  await expect(only).toBeChecked();
  await expect(page.getByTestId('annotation-count')).toHaveText('1');
  await expect(list.locator('[data-annotation-id]')).toHaveCount(1);
  await expect(row(missing.id)).toBeVisible();

  // its claimant given in the editor: complete, so the filter lets it go
  await row(missing.id).click();
  const editor = page.getByTestId('annotation-editor');
  const claimant = editor.getByRole('combobox', { name: 'Claimant' });
  await claimant.fill('ماكرون');
  await expect(editor.getByRole('option', { name: 'إيمانويل ماكرون' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('annotation-count')).toHaveText('0');
  await expect(page.getByRole('checkbox', { name: 'Incomplete only (0)' })).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);
});

test('in Arabic the switch and the flag speak Arabic', async ({ page, hashiya }) => {
  await hashiya.ok('settings.update', { annotator: 'Salma', uiLanguage: 'ar' });
  const doc = await hashiya.sample();
  const code = (await hashiya.ok<{ codes: { id: string }[] }>('codebook.get')).codes[0]?.id as string;
  await hashiya.ok('annotations.create', { documentId: doc.id, start: 0, end: 4, codes: [code] });
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  await expect(page.getByRole('checkbox', { name: 'إبراز الفاعلين' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'الناقصة فقط (1)' })).not.toBeChecked();
  await expect(page.getByTestId('annotation-list')).toContainText('ناقص');
});
