import type { Annotation } from '../src/shared/model';
import { expect, test } from './fixtures';
import { cp, dragSelect } from './helpers/selection';

// An embedding (RLE … PDF) that a web page left in the text: invisible, but it can reorder text.
const TEXT = 'قال المتحدث \u202Bإن الهدنة\u202C صامدة في طرابلس.';

test('invisible bidi controls are shown as marks, kept in the text, and do not shift offsets', async ({ page, hashiya }) => {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const { document: doc, warnings } = await hashiya.ok<{ document: { id: string; title: string }; warnings: Array<{ code: string; count?: number }> }>(
    'documents.importText',
    { text: TEXT, title: 'Bidi test' },
  );
  expect(warnings.find((w) => w.code === 'bidi_controls')?.count).toBe(2);
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);

  const marks = page.getByTestId('article').locator('.bidi-mark');
  await expect(marks).toHaveCount(2);
  expect(await marks.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.mark))).toEqual(['RLE', 'PDF']);
  // the paragraph's text is still exactly the stored text, controls included
  expect(await page.getByTestId('article').locator('p').first().textContent()).toBe(TEXT);

  // a word after the marks: its offsets count the invisible characters before it
  await dragSelect(page, 'صامدة');
  await page.keyboard.press('6');
  // a selection across the embedding's start: the control is part of the quote
  await page.evaluate(() => {
    const p = document.querySelector('[data-testid="article"] p') as HTMLElement;
    const first = p.firstChild as Text; // "قال المتحدث "
    const inner = p.childNodes[2] as Text; // "إن الهدنة"
    window.getSelection()?.setBaseAndExtent(first, first.data.indexOf('المتحدث'), inner, 2);
  });
  await page.keyboard.press('7');
  await expect.poll(async () => (await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id })).length).toBe(2);
  const list = await hashiya.ok<Annotation[]>('annotations.list', { documentId: doc.id });
  const word = list.find((a) => a.codes.includes('casualties-displacement'));
  expect(word).toMatchObject({ quote: 'صامدة', start: cp(TEXT, TEXT.indexOf('صامدة')), end: cp(TEXT, TEXT.indexOf('صامدة')) + 5 });
  const across = list.find((a) => a.codes.includes('political-process'));
  expect(across?.quote).toBe('المتحدث \u202Bإن');
  expect([...TEXT].slice(across?.start, across?.end).join('')).toBe(across?.quote);
});
