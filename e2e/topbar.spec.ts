/**
 * The top bar at 1024 px: the everyday actions are buttons on one row, the rare tools are in the
 * More menu (a WAI-ARIA menu button), in English and in Arabic.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './helpers/axe';

/** How many rows the top bar's visible controls take. */
async function topBarRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const tops = new Set<number>();
    for (const el of document.querySelectorAll('.topbar button, .topbar input')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && !el.closest('[role="menu"]')) tops.add(Math.round(r.top + r.height / 2));
    }
    // controls of one row share a centre line (to within a few pixels)
    const sorted = [...tops].sort((a, b) => a - b);
    return sorted.filter((t, i) => i === 0 || t - (sorted[i - 1] as number) > 8).length;
  });
}

for (const lang of ['en', 'ar'] as const) {
  test(`at 1024 px in ${lang === 'en' ? 'English' : 'Arabic'} the top bar is one row and More holds the rare tools`, async ({
    page,
    hashiya,
  }) => {
    await hashiya.ok('settings.update', { uiLanguage: lang });
    await page.setViewportSize({ width: 1024, height: 700 });
    await hashiya.open(page);
    expect(await topBarRows(page)).toBe(1);
    const words =
      lang === 'en'
        ? {
            more: 'More',
            items: [
              'Coders…',
              'Agreement…',
              'Import colleague’s work…',
              'Exchange…',
              'REFI-QDA project (.qdpx)…',
              'Project…',
              'Restore from backup…',
            ],
          }
        : {
            more: 'المزيد',
            items: [
              'المرمّزون…',
              'الاتفاق…',
              'استيراد عمل زميل…',
              'تبادل…',
              'مشروع \u2068REFI-QDA (.qdpx)\u2069…',
              'المشروع…',
              'الاسترجاع من نسخة احتياطية…',
            ],
          };
    const more = page.getByRole('button', { name: words.more, exact: true });
    await expect(more).toHaveAttribute('aria-haspopup', 'menu');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await more.click();
    const menu = page.getByRole('menu', { name: words.more });
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await expect(menu.getByRole('menuitem')).toHaveText(words.items);
    expect(await seriousViolations(page)).toEqual([]);
    // it opens under the button, towards the inside of the window: its inline-end edges meet the button's
    const b = (await more.boundingBox())!;
    const m = (await menu.boundingBox())!;
    expect(m.y).toBeGreaterThanOrEqual(b.y + b.height);
    if (lang === 'en') expect(Math.round(m.x + m.width)).toBe(Math.round(b.x + b.width));
    else expect(Math.round(m.x)).toBe(Math.round(b.x));
    expect(m.x).toBeGreaterThanOrEqual(0);
    expect(m.x + m.width).toBeLessThanOrEqual(1024);
    await page.mouse.click(5, 650);
    await expect(menu).toHaveCount(0);
  });
}

test('the More menu by keyboard: arrows, Home and End, a letter, Escape back to the button, Tab moves on', async ({
  page,
  hashiya,
}) => {
  await hashiya.open(page);
  const more = page.getByTestId('more-button');
  const item = (name: string) => page.getByRole('menuitem', { name });
  await more.focus();
  await page.keyboard.press('ArrowDown');
  await expect(item('Coders…')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(item('Restore from backup…')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item('Coders…')).toBeFocused();
  await page.keyboard.press('End');
  await expect(item('Restore from backup…')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(item('Coders…')).toBeFocused();
  await page.keyboard.press('e');
  await expect(item('Exchange…')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(more).toBeFocused();
  await expect(more).toHaveAttribute('aria-expanded', 'false');

  // ArrowUp on the button opens at the last entry; Enter on an entry opens its dialog, whose
  // Escape gives focus back to More
  await page.keyboard.press('ArrowUp');
  await expect(item('Restore from backup…')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  const project = page.getByRole('dialog', { name: 'Project' });
  await expect(project).toBeVisible();
  await expect(page.getByRole('menu')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(project).toHaveCount(0);
  await expect(more).toBeFocused();

  // Tab leaves the open menu for the next control and closes it
  await page.keyboard.press('Enter');
  await expect(item('Coders…')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(more).not.toBeFocused();
});
