import type { Page } from '@playwright/test';
import { expect, test, type Hashiya } from './fixtures';
import { seedAnnotations } from './helpers/seed';

/** Every control of the top bar and the panels is inside the window: nothing pushed off an edge. */
async function offscreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1)
      out.push(`page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
    for (const el of document.querySelectorAll('.topbar button, .topbar input, .reader-side, .reader-toolbar button')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < -1 || r.right > width + 1)
        out.push(
          `${el.tagName.toLowerCase()} “${(el.textContent || (el as HTMLInputElement).placeholder || el.className).trim().slice(0, 30)}” at ${Math.round(r.left)}–${Math.round(r.right)}`,
        );
    }
    return out;
  });
}

for (const { width, height } of [
  { width: 800, height: 600 },
  { width: 1024, height: 700 },
]) {
  test(`at ${width}×${height}, in English and in Arabic, no control is pushed out of the window`, async ({
    page,
    hashiya,
  }) => {
    const sample = await hashiya.sample();
    await hashiya.ok('documents.update', { id: sample.id, title: `${'عنوان_طويل_بلا_مسافات'.repeat(8)}` });
    await page.setViewportSize({ width, height });
    await hashiya.open(page);
    expect(await offscreen(page)).toEqual([]);
    await hashiya.openDocument(page, 'عنوان_طويل');
    expect(await offscreen(page)).toEqual([]);
    await expect(page.getByRole('complementary')).toBeInViewport();
    await hashiya.ok('settings.update', { uiLanguage: 'ar' });
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await offscreen(page)).toEqual([]);
    await hashiya.openDocument(page, 'عنوان_طويل');
    expect(await offscreen(page)).toEqual([]);
  });
}

/**
 * Visible empty fields whose placeholder is cut off: its words, typed into the field (the same
 * font, direction and room, the search fields' clear button included), overflow it.
 */
async function clippedPlaceholders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLInputElement>('input[placeholder]')) {
      if (!el.checkVisibility() || el.value) continue;
      el.value = el.placeholder;
      if (el.scrollWidth > el.clientWidth) out.push(`“${el.placeholder}”: ${el.scrollWidth}px in ${el.clientWidth}px`);
      el.value = '';
    }
    return out;
  });
}

const UI = {
  en: {
    codebook: 'Codebook',
    separator: 'Resize the annotations panel',
    more: /more/,
    fewer: 'Show fewer',
    actors: 'Actors',
    types: 'Types…',
  },
  ar: {
    codebook: 'دليل الترميز',
    separator: 'تغيير عرض لوحة التعليقات',
    more: /أخرى/,
    fewer: 'عرض أقل',
    actors: 'الفاعلون',
    types: 'الأصناف…',
  },
} as const;

/** Open the seeded document in the given UI language, with the first annotation's editor open. */
async function openSeeded(page: Page, hashiya: Hashiya, lang: 'en' | 'ar', width: number, height: number) {
  const doc = await seedAnnotations(hashiya);
  await hashiya.ok('settings.update', { uiLanguage: lang });
  await page.setViewportSize({ width, height });
  await hashiya.open(page);
  await hashiya.openDocument(page, doc.title);
  await page.getByTestId('annotation-list').locator('.annotation-item').first().click();
  await expect(page.getByTestId('annotation-editor')).toBeVisible();
}

for (const lang of ['en', 'ar'] as const) {
  for (const { width, height } of [
    { width: 1024, height: 700 },
    { width: 1280, height: 900 },
  ]) {
    test(`at ${width}×${height} in ${lang === 'en' ? 'English' : 'Arabic'}, the annotation list has room for three cards and the panel scrolls to it`, async ({
      page,
      hashiya,
    }) => {
      await openSeeded(page, hashiya, lang, width, height);
      const side = page.getByRole('complementary');
      const list = page.getByTestId('annotation-list');
      // the per-code counts take one line until asked for more
      const counts = page.locator('.code-counts');
      const line = await counts
        .locator('li')
        .first()
        .evaluate((el) => el.getBoundingClientRect().height);
      expect((await counts.boundingBox())?.height ?? 0).toBeLessThan(line * 1.6);
      const more = page.getByRole('button', { name: UI[lang].more });
      await expect(more).toHaveAttribute('aria-expanded', 'false');
      // the list keeps at least three cards' height (cards are 96 px)
      expect(await list.evaluate((el) => el.clientHeight)).toBeGreaterThanOrEqual(3 * 96);
      // the side panel is its own scroll container: scrolling it brings the list into the window
      expect(await side.evaluate((el) => getComputedStyle(el).overflowY)).toMatch(/auto|scroll/);
      await side.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      const box = await list.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= height + 1, `list at ${JSON.stringify(box)}`).toBe(true);
      await expect(list.locator('.annotation-item').nth(2)).toBeInViewport({ ratio: 0.9 });
      // the counts expand on request, and collapse again
      await more.click();
      await expect(page.getByRole('button', { name: UI[lang].fewer })).toHaveAttribute('aria-expanded', 'true');
      await expect(counts.locator('li[data-code-id="political-process"]')).toBeVisible();
      expect((await counts.boundingBox())?.height ?? 0).toBeGreaterThan(line * 1.6);
    });
  }

  test(`in ${lang === 'en' ? 'English' : 'Arabic'}, the split between article and panel moves by drag and by keyboard, and is remembered`, async ({
    page,
    hashiya,
  }) => {
    await openSeeded(page, hashiya, lang, 1280, 900);
    const side = page.getByRole('complementary');
    const separator = page.getByRole('separator', { name: UI[lang].separator });
    const width = async () => Math.round((await side.boundingBox())?.width ?? 0);
    const before = await width();
    await expect(separator).toHaveAttribute('aria-valuenow', String(before));
    await expect(separator).toHaveAttribute('aria-orientation', 'vertical');
    // the arrow key pointing into the article widens the panel (left in English, right in Arabic)
    const toArticle = lang === 'en' ? 'ArrowLeft' : 'ArrowRight';
    const toEdge = lang === 'en' ? 'ArrowRight' : 'ArrowLeft';
    await separator.focus();
    await page.keyboard.press(toArticle);
    await page.keyboard.press(toArticle);
    const wider = await width();
    expect(wider).toBeGreaterThan(before + 20);
    await expect(separator).toHaveAttribute('aria-valuenow', String(wider));
    await page.keyboard.press(toEdge);
    expect(await width()).toBeLessThan(wider);
    await page.keyboard.press('Home');
    await expect(separator).toHaveAttribute('aria-valuenow', (await separator.getAttribute('aria-valuemin')) ?? '');
    // drag: 150 px into the article
    const handle = await separator.boundingBox();
    if (!handle) throw new Error('no separator box');
    const start = await width();
    const x = handle.x + handle.width / 2;
    const y = handle.y + handle.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(lang === 'en' ? x - 75 : x + 75, y);
    await page.mouse.move(lang === 'en' ? x - 150 : x + 150, y);
    await page.mouse.up();
    const dragged = await width();
    expect(Math.abs(dragged - (start + 150))).toBeLessThanOrEqual(3);
    await expect(separator).toHaveAttribute('aria-valuenow', String(dragged));
    // the article takes the rest of the window and the width survives a reload
    await page.reload();
    await page
      .getByRole('button', { name: (await hashiya.sample()).title })
      .first()
      .click();
    await expect(page.getByTestId('article')).toBeVisible();
    expect(await width()).toBe(dragged);
  });

  test(`at 1024 px in ${lang === 'en' ? 'English' : 'Arabic'}, the library and every codebook tab fit the window without sideways scrolling`, async ({
    page,
    hashiya,
  }) => {
    const doc = await seedAnnotations(hashiya);
    await hashiya.ok('documents.update', {
      id: doc.id,
      source: 'Agence France-Presse, Tripoli bureau, weekend edition',
      publishedAt: '2019-05-08',
    });
    await hashiya.ok('settings.update', { uiLanguage: lang });
    await page.setViewportSize({ width: 1024, height: 700 });
    await hashiya.open(page);
    const overflow = (sel: string) =>
      page
        .locator(sel)
        .evaluateAll((els) =>
          els
            .filter((el) => el.scrollWidth > el.clientWidth + 1)
            .map((el) => `${el.className}: ${el.scrollWidth} > ${el.clientWidth}`),
        );
    expect(await overflow('.doc-table-wrap, .library')).toEqual([]);
    const details = page
      .locator('.doc-row')
      .first()
      .getByRole('button', { name: lang === 'en' ? /^Details/ : /^التفاصيل/ });
    await expect(details).toBeInViewport({ ratio: 1 });
    await page.getByRole('button', { name: UI[lang].codebook, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: UI[lang].codebook });
    await expect(dialog).toBeVisible();
    for (const tab of await dialog.getByRole('tab').all()) {
      await tab.click();
      await expect(tab).toHaveAttribute('aria-selected', 'true');
      await expect(dialog.getByRole('tabpanel')).toBeVisible();
      expect(await overflow('.codebook-dialog, .cb-panel'), (await tab.textContent()) ?? '').toEqual([]);
    }
  });

  test(`at 1024 px in ${lang === 'en' ? 'English' : 'Arabic'}, every search field's placeholder and every name in Types… reads whole`, async ({
    page,
    hashiya,
  }) => {
    const doc = await seedAnnotations(hashiya);
    await hashiya.ok('settings.update', { uiLanguage: lang });
    await page.setViewportSize({ width: 1024, height: 700 });
    await hashiya.open(page);
    expect(await clippedPlaceholders(page)).toEqual([]);
    await hashiya.openDocument(page, doc.title);
    await page.keyboard.press('Control+f');
    await expect(page.locator('.find-bar input[type="search"]')).toBeFocused();
    expect(await clippedPlaceholders(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: UI[lang].codebook, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: UI[lang].codebook });
    await dialog.getByRole('tab', { name: UI[lang].actors }).click();
    await dialog.getByRole('button', { name: UI[lang].types }).click();
    const names = dialog.locator('.cb-types input');
    await expect(names.first()).toBeVisible();
    const cut = await names.evaluateAll((els) =>
      els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => (el as HTMLInputElement).value),
    );
    expect(cut).toEqual([]);
  });
}
