/**
 * The Electron app itself, through Playwright's Electron support. Runs wherever the Electron
 * runtime is installed; elsewhere (offline machines like CI) it is reported as skipped, with why.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { electronRuntime } from '../playwright.config';

const runtime = electronRuntime();

test.describe('Electron app', () => {
  test.skip('missing' in runtime, 'missing' in runtime ? `Electron runtime unavailable: ${runtime.missing}` : '');

  test('opens a hardened window on app:// showing the sample article right-to-left', async () => {
    const userData = await mkdtemp(path.join(os.tmpdir(), 'hashiya-electron-'));
    const app = await electron.launch({
      args: ['.', `--user-data-dir=${userData}`],
      env: { ...process.env, HASHIYA_USER_DATA: userData },
    });
    try {
      const win = await app.firstWindow();
      await expect(win.getByRole('heading', { name: 'Documents' })).toBeVisible();
      expect(win.url()).toMatch(/^app:\/\/hashiya\//);
      // no Node in the page, the bridge holds only API functions
      const page = await win.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        bridge: Object.values((window as unknown as { hashiya: Record<string, unknown> }).hashiya).every(
          (f) => typeof f === 'function',
        ),
      }));
      expect(page).toEqual({ require: 'undefined', process: 'undefined', bridge: true });
      await win.locator('.doc-open').first().click();
      const dir = await win
        .locator('[data-testid="article"] p')
        .first()
        .evaluate((p) => getComputedStyle(p).direction);
      expect(dir).toBe('rtl');

      // web pages are read in the import worker (out/main/importWorker.js) of the main process
      const html = (await readFile(path.resolve('test/fixtures/import/article.html'))).toString('base64');
      const imported = await win.evaluate(
        (data) =>
          (window as unknown as { hashiya: Record<string, (input: unknown) => Promise<unknown>> }).hashiya[
            'documents.import'
          ]?.({ fileName: 'article.html', data }),
        html,
      );
      expect(imported).toMatchObject({
        ok: true,
        value: { document: { title: 'مجلس الأمن يبحث وقف إطلاق النار في ليبيا' } },
      });
    } finally {
      await app.close();
    }
  });
});
