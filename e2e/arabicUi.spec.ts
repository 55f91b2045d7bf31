/**
 * The Arabic interface speaks Arabic: choice items (position, certainty) show their Arabic names
 * (the English name second, and in exports), code names show Arabic first, every pair of names is
 * bidi-isolated and separated, and no chrome text is left in English.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seedAnnotations } from './helpers/seed';
import { openTool } from './helpers/tools';

const FSI = '\u2068';
const PDI = '\u2069';
/** Latin and Arabic letters touching: two names run together */
const RUN_TOGETHER = /[A-Za-z][\u0600-\u06FF]|[\u0600-\u06FF][A-Za-z]/;

/** The names of a BilingualName: its <bdi>s in order, with their languages, and what is between them. */
async function bilingual(el: Locator): Promise<{ parts: Array<[string | null, string]>; text: string }> {
  return el
    .locator('.bilingual')
    .first()
    .evaluate((b) => ({
      parts: [...b.querySelectorAll('bdi')].map(
        (x) => [x.getAttribute('lang'), x.textContent ?? ''] as [string | null, string],
      ),
      text: b.textContent ?? '',
    }));
}

/** Visible text of the interface's own words that is in English (Latin words of 3+ letters). */
async function englishChrome(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // English by design: format and standard names, key names, the app's Latin name, the switch to English
    const allowed =
      /^(Hashiya|English|CSV|JSON|JSON-LD|REFI-QDA|qdc|qdpx|zip|UTF-|BOM|W3C|Web|Annotation|Ctrl|Alt|Delete|Shift|Enter|Esc)$/;
    const out = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !el.checkVisibility()) continue;
      // the researcher's data (the article; titles, quotes, claimants and names are dir=auto) and names marked English
      if (el.closest('[data-testid="article"], [dir="auto"], [lang="en"], option, textarea, .c-language')) continue;
      // file paths (docs/export.md) are not words to translate
      const text = (n.textContent ?? '').replace(/\S*\/\S*/g, '');
      for (const word of text.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? [])
        if (!allowed.test(word)) out.add(`${word} (in ${el.tagName.toLowerCase()}.${el.className})`);
    }
    return [...out];
  });
}

test('in the Arabic UI, stance lists, the codebook tree and the summary show Arabic first, isolated; no chrome is English', async ({
  page,
  hashiya,
}) => {
  const doc = await seedAnnotations(hashiya);
  await hashiya.ok('settings.update', { uiLanguage: 'ar' });
  await page.setViewportSize({ width: 1280, height: 900 });
  await hashiya.open(page);
  expect(await englishChrome(page)).toEqual([]);
  await hashiya.openDocument(page, doc.title);
  await page.getByTestId('annotation-list').locator('.annotation-item').first().click();
  const editor = page.getByTestId('annotation-editor');
  await expect(editor).toBeVisible();
  // landmarks and toolbars are named in Arabic too
  await expect(page.getByRole('navigation', { name: 'الرئيسية' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'أدوات القارئ' })).toBeVisible();

  // the panel's stance list: Arabic name first, then the stored value, each isolated
  const stance = editor.getByLabel('الموقف');
  await expect(stance).toHaveValue('proposes');
  expect(await stance.locator('option:checked').textContent()).toBe(`${FSI}يقترح${PDI} · ${FSI}proposes${PDI}`);
  const certainties = await editor.getByLabel('درجة اليقين').locator('option').allTextContents();
  expect(certainties).toEqual([
    '—',
    `${FSI}مؤكَّد${PDI} · ${FSI}asserted${PDI}`,
    `${FSI}مزعوم${PDI} · ${FSI}alleged${PDI}`,
    `${FSI}منقول${PDI} · ${FSI}reported${PDI}`,
  ]);
  expect(await englishChrome(page)).toEqual([]);

  // the codebook tree
  await page.getByRole('button', { name: 'دليل الترميز', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'دليل الترميز' });
  const row = dialog.getByRole('treeitem', { name: /وقف إطلاق النار · Ceasefire/ }).first();
  expect(await bilingual(row)).toEqual({
    parts: [
      ['ar', 'وقف إطلاق النار'],
      ['en', 'Ceasefire'],
    ],
    text: 'وقف إطلاق النار · Ceasefire',
  });
  expect(await dialog.getByRole('tree').innerText()).not.toMatch(RUN_TOGETHER);
  expect(await englishChrome(page)).toEqual([]);

  // the summary
  await dialog.getByRole('tab', { name: 'الملخص' }).click();
  const bar = dialog.getByTestId('bar-Ceasefire proposal');
  expect((await bilingual(bar)).parts).toEqual([
    ['ar', 'اقتراح وقف إطلاق النار'],
    ['en', 'Ceasefire proposal'],
  ]);
  expect(await dialog.getByTestId('code-summary').innerText()).not.toMatch(RUN_TOGETHER);
  expect(await englishChrome(page)).toEqual([]);

  // the fields and actors tabs are in Arabic too
  for (const tab of ['الحقول', 'الرموز', 'الفاعلون']) {
    await dialog.getByRole('tab', { name: tab }).click();
    expect(await englishChrome(page), tab).toEqual([]);
  }
  await page.keyboard.press('Escape');
  // the top bar's other dialogs
  await page.getByRole('button', { name: 'المزيد', exact: true }).click();
  expect(await englishChrome(page), 'More').toEqual([]);
  await page.keyboard.press('Escape');
  const open = {
    'تصدير CSV…': () => page.getByRole('button', { name: 'تصدير CSV…', exact: true }).click(),
    'تبادل…': () => openTool(page, 'exchange'),
    'المشروع…': () => openTool(page, 'project'),
  };
  for (const [name, click] of Object.entries(open)) {
    await click();
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(await englishChrome(page), name).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
});

test('an Arabic name given to a choice in the Fields tab shows in the panel, while claims and the CSV keep the item', async ({
  page,
  hashiya,
}) => {
  const doc = await seedAnnotations(hashiya);
  await hashiya.ok('settings.update', { uiLanguage: 'ar' });
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  await page.getByRole('button', { name: 'دليل الترميز', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'دليل الترميز' });
  await dialog.getByRole('tab', { name: 'الحقول' }).click();
  const proposes = dialog.locator('li[data-field="position"] li[data-choice="proposes"]');
  await expect(proposes.locator('input[lang="ar"]')).toHaveValue('يقترح');
  await proposes.locator('input[lang="ar"]').fill('يطرح');
  await dialog.getByRole('button', { name: 'احفظ الحقول' }).click();
  await expect
    .poll(async () => {
      const cb = await hashiya.ok<{ fields: { key: string; choices: { id: string; nameAr: string }[] }[] }>(
        'codebook.get',
      );
      return cb.fields.find((f) => f.key === 'position')?.choices.find((c) => c.id === 'proposes')?.nameAr;
    })
    .toBe('يطرح');
  await page.keyboard.press('Escape');
  await page.getByTestId('annotation-list').locator('.annotation-item').first().click();
  expect(await page.getByTestId('annotation-editor').getByLabel('الموقف').locator('option:checked').textContent()).toBe(
    `${FSI}يطرح${PDI} · ${FSI}proposes${PDI}`,
  );
  const annotations = await hashiya.ok<{ values: { position?: string } }[]>('annotations.list', { documentId: doc.id });
  expect(new Set(annotations.map((a) => a.values.position))).toEqual(new Set(['proposes']));
  const { csv } = await hashiya.ok<{ csv: string }>('export.csv', {});
  expect(csv).toContain(',proposes,1,');
  expect(csv).not.toContain('يطرح');
});
