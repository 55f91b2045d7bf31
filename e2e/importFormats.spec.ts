/**
 * PDF, RTF and MHTML through the real UI in browser mode: chosen in the file picker, read in the
 * built import worker, and stored as logical-order Arabic; a scanned PDF is refused with its sentence.
 */
import { expect, test, IMPORT_WAIT } from './fixtures';
import { makePdf, rtlItems } from '../test/fixtures/import/pdf';

const HEADLINE = 'هدنة في طرابلس';
const P = 'دعا المبعوث الأممي إلى وقف فوري لإطلاق النار';

const pdf = makePdf(
  [1, 2].map((n) => ({
    items: rtlItems([
      { text: 'جريدة الوسط', y: 800, center: true, size: 10 },
      ...(n === 1 ? [{ text: HEADLINE, y: 750, size: 16 }] : []),
      { text: `${P} ${n === 1 ? 'الأول' : 'الثاني'}.`, y: 720 },
      { text: String(n), y: 40, center: true, size: 10 },
    ]),
  })),
  { compress: true },
);
const rtf = Buffer.from(
  `{\\rtf1\\ansi\\ansicpg1256{\\fonttbl{\\f0\\fcharset178 Arial;}}\\f0\\rtlpar \\'e3\\'d0\\'df\\'d1\\'c9\\par \\u1606?\\u1589?\\u1617? \\u1575?\\u1604?\\u1585?\\u1587?\\u1575?\\u1604?\\u1577?\\par}`,
  'latin1',
);
const mhtml = Buffer.from(
  [
    'From: <Saved by Blink>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related; type="text/html"; boundary="b"',
    '',
    '--b',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(
      `<html><head><title>صفحة محفوظة</title></head><body><article><h1>صفحة محفوظة</h1><p>${P} في الصفحة.</p></article></body></html>`,
    ).toString('base64'),
    '--b--',
    '',
  ].join('\r\n'),
  'latin1',
);

test('a PDF, an RTF and a saved web page come in as text; a scanned PDF is refused', async ({ page, hashiya }) => {
  await hashiya.open(page);
  const before = await hashiya.ok<{ id: string }[]>('documents.list');
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-file-input').setInputFiles([
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: pdf },
    { name: 'memo.rtf', mimeType: 'application/rtf', buffer: rtf },
    { name: 'page.mhtml', mimeType: 'multipart/related', buffer: mhtml },
    { name: 'scan.pdf', mimeType: 'application/pdf', buffer: makePdf([{ image: true }]) },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Import articles' });
  await expect(dialog.getByTestId('import-counts')).toHaveText('3 imported · 1 refused', IMPORT_WAIT);
  await expect(dialog.locator('[data-kind="refused"]')).toContainText('“scan.pdf”: The PDF has no text layer');
  const added = (await hashiya.ok<{ id: string; title: string }[]>('documents.list')).filter(
    (d) => !before.some((b) => b.id === d.id),
  );
  const texts = await Promise.all(
    added.map((d) => hashiya.ok<{ text: string }>('documents.get', { id: d.id }).then((doc) => doc.text)),
  );
  expect(texts.sort()).toEqual(
    [`${HEADLINE}\n${P} الأول.\n${P} الثاني.`, 'مذكرة\nنصّ الرسالة', `صفحة محفوظة\n${P} في الصفحة.`].sort(),
  );
});
