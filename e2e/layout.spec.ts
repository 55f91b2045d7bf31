import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Every control of the top bar and the panels is inside the window: nothing pushed off an edge. */
async function offscreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width + 1) out.push(`page is ${document.documentElement.scrollWidth}px wide in a ${width}px window`);
    for (const el of document.querySelectorAll('.topbar button, .topbar input, .reader-side, .reader-toolbar button')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < -1 || r.right > width + 1) out.push(`${el.tagName.toLowerCase()} “${(el.textContent || (el as HTMLInputElement).placeholder || el.className).trim().slice(0, 30)}” at ${Math.round(r.left)}–${Math.round(r.right)}`);
    }
    return out;
  });
}

for (const { width, height } of [
  { width: 800, height: 600 },
  { width: 1024, height: 700 },
]) {
  test(`at ${width}×${height}, in English and in Arabic, no control is pushed out of the window`, async ({ page, hashiya }) => {
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
