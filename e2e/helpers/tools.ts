/**
 * The top bar's rarer tools live in its More menu: open one the way a researcher does (More,
 * then the entry), in either interface language.
 */
import { expect, type Page } from '@playwright/test';

export type Tool = 'coders' | 'agreement' | 'layers' | 'exchange' | 'qdpx' | 'project' | 'backups';

export async function openTool(page: Page, tool: Tool): Promise<void> {
  const more = page.getByTestId('more-button');
  if ((await more.getAttribute('aria-expanded')) !== 'true') await more.click();
  await expect(page.getByRole('menu')).toBeVisible();
  await page.getByTestId(`menu-${tool}`).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
}
