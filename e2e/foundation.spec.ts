import { expect, test } from './fixtures';
import { screenshotPath } from './helpers/screenshots';

test('the sample article opens right-to-left with exactly the canonical text', async ({ page, hashiya }) => {
  const sample = await hashiya.sample();
  await hashiya.open(page);
  await expect(page.getByRole('heading', { name: 'Documents' })).toBeVisible();
  await hashiya.openDocument(page, sample.title);

  const paragraphs = page.locator('[data-testid="article"] p');
  await expect(paragraphs).toHaveCount(sample.text.split('\n').length);
  const layout = await paragraphs.evaluateAll((ps) =>
    ps.map((p) => ({ direction: getComputedStyle(p).direction, text: p.textContent })),
  );
  expect(layout.every((p) => p.direction === 'rtl')).toBe(true);
  expect(layout.map((p) => p.text).join('\n')).toBe(sample.text);

  // the bundled Arabic face is what renders the text (no system font, nothing fetched)
  const fontLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('20px "Noto Naskh Arabic"', 'حفتر');
  });
  expect(fontLoaded).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sample.title);

  const readerShot = screenshotPath('reader.png');
  if (readerShot) {
    // the README's picture: a few claims tagged, one open in the editor
    await hashiya.ok('settings.update', { annotator: 'Salma' });
    const cp = (s: string) => [...sample.text.slice(0, sample.text.indexOf(s))].length;
    const tag = (phrase: string, codes: string[], extra: object = {}) =>
      hashiya.ok('annotations.create', {
        documentId: sample.id,
        start: cp(phrase),
        end: cp(phrase) + [...phrase].length,
        codes,
        ...extra,
      });
    await tag('اقترح الرئيس ماكرون وقف إطلاق النار دون شرط', ['ceasefire-proposal'], {
      values: { claimant: await hashiya.actor('إيمانويل ماكرون'), position: 'proposes', certainty: 'reported' },
    });
    await tag('يشترط قبل وقف إطلاق النار، انسحاب قوات حفتر إلى مواقعها السابقة', ['ceasefire-condition'], {
      values: { claimant: await hashiya.actor('فائز السراج'), position: 'conditions' },
    });
    await tag(
      'تسليم تركيا 30 مدرعة لقوات حكومة الوفاق الوطني',
      ['foreign-military-support', 'arms-embargo-violation'],
      { values: { certainty: 'reported' } },
    );
    await page.reload();
    await hashiya.openDocument(page, sample.title);
    await page.getByTestId('annotation-list').getByRole('button').first().click();
    await page.mouse.move(0, 0);
    await page.waitForTimeout(1200); // let the jump's flash fade
    await page.screenshot({ path: readerShot });
  }
});

test('text size is adjustable and remembered', async ({ page, hashiya }) => {
  const sample = await hashiya.sample();
  await hashiya.open(page);
  await hashiya.openDocument(page, sample.title);
  const article = page.getByTestId('article');
  const before = await article.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  await page.getByRole('button', { name: 'Larger text' }).click();
  await expect.poll(() => article.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBe(before + 2);
  const info = await hashiya.ok<{ settings: { textSize: number } }>('project.info');
  expect(info.settings.textSize).toBe(before + 2);
});

test('the interface switches to Arabic and mirrors', async ({ page, hashiya }) => {
  await hashiya.open(page);
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'الوثائق' })).toBeVisible();
  const side = await page.locator('.topbar-end').evaluate((el) => el.getBoundingClientRect().left);
  expect(side).toBeLessThan(400); // the end of the top bar is now on the left
});

test('browser mode refuses calls without the token, from a foreign host, or too large', async ({ hashiya }) => {
  const post = (headers: Record<string, string>, body: string) =>
    fetch(`${hashiya.origin}/api/documents.list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });

  const noToken = await post({}, '{}');
  expect(noToken.status).toBe(401);
  expect((await noToken.json()).error.code).toBe('unauthorized');

  const wrongToken = await post({ Authorization: 'Bearer nope' }, '{}');
  expect(wrongToken.status).toBe(401);

  // fetch() will not let a page forge Host; Node's http client can
  const http = await import('node:http');
  const foreign = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { port } = new URL(hashiya.origin);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/documents.list',
        method: 'POST',
        headers: {
          Host: `attacker.example:${port}`,
          Authorization: `Bearer ${hashiya.token}`,
          'Content-Type': 'application/json',
        },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end('{}');
  });
  expect(foreign.status).toBe(403);
  expect(JSON.parse(foreign.body).error.code).toBe('forbidden');

  const foreignOrigin = await post({ Authorization: `Bearer ${hashiya.token}`, Origin: 'http://evil.example' }, '{}');
  expect(foreignOrigin.status).toBe(403);

  const huge = await post(
    { Authorization: `Bearer ${hashiya.token}` },
    JSON.stringify({ pad: 'x'.repeat(3 * 1024 * 1024) }),
  );
  expect(huge.status).toBe(413);
  expect((await huge.json()).error.code).toBe('too_large');

  const unknown = await post({ Authorization: `Bearer ${hashiya.token}` }, 'not json');
  expect(unknown.status).toBe(400);

  // and the server is still up
  expect((await hashiya.call('documents.list')).status).toBe(200);
});
