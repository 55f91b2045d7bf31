/**
 * Offline, in a real browser: a whole session on a hostile article (import, tag, search, export)
 * makes no request beyond the app's own server, and the page's Content-Security-Policy stops
 * remote loads even if a script somehow ran in the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';
import { dragSelect } from './helpers/selection';

const hostile = readFileSync(path.resolve('test/fixtures/import/hostile.html'));
const TITLE = 'هدنة إنسانية في طرابلس';

test('a hostile article: import, tag, search and export, and not one request leaves the app', async ({
  page,
  hashiya,
}) => {
  await hashiya.ok('settings.update', { annotator: 'E2E' });
  await hashiya.open(page);
  await page.getByTestId('import-button').click();
  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  await page
    .getByTestId('import-file-input')
    .setInputFiles([{ name: 'hostile.html', mimeType: 'text/html', buffer: hostile }]);
  await expect(dialog.getByTestId('import-counts')).toHaveText('1 imported · 0 refused');
  await dialog.getByRole('button', { name: TITLE }).click();
  await expect(page.getByTestId('article')).toBeVisible();

  // tag a phrase with the first code
  await dragSelect(page, 'هدنة إنسانية', 1);
  await page.keyboard.press('1');
  await expect(page.getByTestId('annotation-list').locator('.item-quote', { hasText: 'هدنة إنسانية' })).toBeVisible();

  // search in the document
  await page.getByTestId('article').click();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in document' });
  await find.fill('طرابلس');
  await expect(page.getByTestId('find-count')).toHaveText(/of [1-9]/);
  await find.press('Escape');

  // export the CSV the way the page does (same origin, session token)
  const exported = await page.evaluate(async () => {
    const token = sessionStorage.getItem('hashiya.token') ?? '';
    const res = await fetch('/api/export.csv', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{}',
    });
    return { status: res.status, body: (await res.json()) as { csv?: string } };
  });
  expect(exported.status).toBe(200);
  expect(exported.body.csv).toContain('هدنة إنسانية');
  expect(exported.body.csv).not.toContain('PWNED');

  await page.waitForTimeout(300);
  const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
  expect(pwned).toBeUndefined();
  const own = new URL(hashiya.url).origin;
  const elsewhere = hashiya.requests.filter(
    (u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== own,
  );
  expect(elsewhere, 'requests that left the app').toEqual([]);
  expect(hashiya.requests.some((u) => u.includes('/api/export.csv'))).toBe(true);
});

test('the Content-Security-Policy blocks remote loads even from script in the page', async ({ page, hashiya }) => {
  await hashiya.open(page);
  // Chromium reports a request the CSP stopped as a failed request (reason "csp"); none may get
  // a response.
  const answered: string[] = [];
  const failed: string[] = [];
  page.on('response', (r) => answered.push(r.url()));
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  // Another port on the loopback address is another origin: the CSP must refuse it. (If it did
  // not, the request would go to the loopback discard port and nowhere else.)
  const outside = 'http://127.0.0.1:9';
  const result = await page.evaluate(async (outside) => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
    let fetchBlocked = false;
    try {
      await fetch(`${outside}/fetch`, { mode: 'no-cors' });
    } catch {
      fetchBlocked = true;
    }
    const img = document.createElement('img');
    img.src = `${outside}/image.png`;
    document.body.append(img);
    const script = document.createElement('script');
    script.src = `${outside}/script.js`;
    document.body.append(script);
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true';
    document.body.append(inline);
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = `${outside}/style.css`;
    document.head.append(style);
    let socketBlocked = false;
    try {
      new WebSocket('ws://127.0.0.1:9/socket').close();
    } catch {
      socketBlocked = true;
    }
    await new Promise((r) => setTimeout(r, 500));
    return {
      violations,
      fetchBlocked,
      socketBlocked,
      inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
    };
  }, outside);

  expect(result.fetchBlocked).toBe(true);
  expect(result.inlineRan).toBe(false);
  const directives = result.violations.map((v) => v.split(' ')[0]);
  expect(directives).toEqual(expect.arrayContaining(['connect-src', 'img-src', 'script-src-elem', 'style-src-elem']));
  expect(answered.filter((u) => u.startsWith(outside) || u.startsWith('ws:'))).toEqual([]);
  const stopped = failed.filter((u) => u.startsWith(outside));
  expect(stopped.length).toBeGreaterThan(0);
  for (const f of stopped) expect(f).toMatch(/\b(csp|ERR_BLOCKED_BY_CSP)$/i);
});

test('Chromium accepts every header the server sends: no console complaint about the Permissions-Policy or the CSP', async ({
  page,
  hashiya,
}) => {
  const complaints: string[] = [];
  page.on('console', (m) => {
    if (/Permissions-Policy|Feature-Policy|Content-Security-Policy|Unrecognized feature/i.test(m.text()))
      complaints.push(m.text());
  });
  await hashiya.open(page);
  await page.reload();
  await expect(page.getByTestId('import-button')).toBeVisible();
  expect(complaints).toEqual([]);
});
