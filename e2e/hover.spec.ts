import { expect, test } from './fixtures';
import { cp, phraseEdges } from './helpers/selection';

const span = (text: string, phrase: string) => {
  const u = text.indexOf(phrase);
  return { start: cp(text, u), end: cp(text, u + phrase.length) };
};

test('the hover card names the overlapping annotations under the pointer in RTL text, innermost first', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'Salma' });
  const filler = Array.from({ length: 4 }, (_, i) => `فقرة رقم ${i + 1} عن الوضع في ليبيا.`);
  const text = [...filler, 'أعلنت تركيا إرسال مدرعات إلى طرابلس أمس.', ...filler].join('\n');
  const { document: d } = await hashiya.ok<{ document: { id: string; title: string } }>('documents.importText', {
    text,
    title: 'Overlapping hover',
  });
  const create = (phrase: string, code: string) =>
    hashiya.ok('annotations.create', { documentId: d.id, ...span(text, phrase), codes: [code] });
  await create('أعلنت تركيا إرسال مدرعات', 'foreign-military-support');
  await create('تركيا إرسال', 'arms-embargo');
  await create('إرسال', 'ceasefire-proposal');
  await hashiya.open(page);
  await hashiya.openDocument(page, d.title);

  const card = page.getByRole('tooltip');
  const rows = card.locator('[data-annotation-id]');
  const hoverOn = async (phrase: string) => {
    const { first } = await phraseEdges(page, phrase);
    await page.mouse.move(first.x + first.width / 2, first.y + first.height / 2);
  };
  // three spans over "إرسال": the shortest first
  await hoverOn('إرسال مدرعات');
  await expect(rows).toHaveText(['Ceasefire proposal', 'Arms embargo', 'Foreign military support']);
  // two over "تركيا", one over "أعلنت" and "مدرعات"
  await hoverOn('تركيا');
  await expect(rows).toHaveText(['Arms embargo', 'Foreign military support']);
  await hoverOn('أعلنت');
  await expect(rows).toHaveText(['Foreign military support']);
  await hoverOn('مدرعات');
  await expect(rows).toHaveText(['Foreign military support']);
  // past the end of the outer span (its end is outside it): no card
  await hoverOn('طرابلس');
  await expect(card).toBeHidden();
});
