/**
 * MHTML ("save as single file"): the root HTML part is decoded (quoted-printable or base64, its
 * own charset) and read as a web page; the other parts are never used.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importFile } from '.';

const HEADLINE = 'هدنة في طرابلس';
const P1 =
  'دعا المبعوث الأممي إلى وقف فوري لإطلاق النار في طرابلس، وقال إن الأطراف وافقت على الجلوس إلى طاولة الحوار خلال الأسبوع المقبل.';
const P2 =
  'وأكد المتحدث باسم الحكومة أن المفاوضات ستبدأ في جنيف بحضور ممثلين عن الأمم المتحدة والاتحاد الأفريقي وجامعة الدول العربية.';

const page = (charsetMeta = '') =>
  `<!DOCTYPE html><html lang="ar" dir="rtl"><head>${charsetMeta}<title>${HEADLINE} | الوسط</title><link rel="stylesheet" href="cid:css@mhtml.blink"></head>` +
  `<body><article><h1>${HEADLINE}</h1><img src="cid:img@mhtml.blink"><p>${P1}</p><p>${P2}</p></article></body></html>`;

/** Quoted-printable, with soft line breaks every 76 characters, as browsers write it. */
function quotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  let line = '';
  for (const b of bytes) {
    const token =
      b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + token.length > 75) {
      lines.push(line);
      line = '';
    }
    line += token;
  }
  return [...lines, line].join('=\r\n');
}

function mhtml(htmlPart: string, options: { start?: boolean } = {}): Buffer {
  const b = '----MultipartBoundary--Abc123----';
  return Buffer.from(
    [
      'From: <Saved by Blink>',
      'Snapshot-Content-Location: https://alwasat.example/news/libya/123',
      'Subject: =?utf-8?Q?x?=',
      'MIME-Version: 1.0',
      `Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${b}"${options.start ? ';\r\n\tstart="<page@mhtml.blink>"' : ''}`,
      '',
      '',
      `--${b}`,
      'Content-Type: text/css',
      'Content-ID: <css@mhtml.blink>',
      '',
      'body { background: url(https://tracker.example/pixel.png) }',
      `--${b}`,
      htmlPart,
      `--${b}`,
      'Content-Type: image/png',
      'Content-Transfer-Encoding: base64',
      'Content-ID: <img@mhtml.blink>',
      '',
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      `--${b}--`,
      '',
    ].join('\r\n'),
    'latin1',
  );
}

describe('MHTML', () => {
  it('reads the quoted-printable UTF-8 page part as the article', async () => {
    const part = [
      'Content-Type: text/html',
      'Content-ID: <page@mhtml.blink>',
      'Content-Transfer-Encoding: quoted-printable',
      'Content-Location: https://alwasat.example/news/libya/123',
      '',
      quotedPrintable(Buffer.from(page('<meta charset="utf-8">'), 'utf8')),
    ].join('\r\n');
    const bytes = mhtml(part, { start: true });
    expect(bytes.toString('latin1')).toMatch(/=D8=AF=D8=B9=D8=A7/);
    const result = await importFile('article.mhtml', bytes);
    expect(result.text).toBe([HEADLINE, P1, P2].join('\n'));
    expect(result.title).toBe(HEADLINE);
    expect(result.meta.url).toBe('https://alwasat.example/news/libya/123');
  });

  it('applies the part’s windows-1256 charset, even when the page says otherwise', async () => {
    const cp1256 = iconv.encode(page('<meta charset="iso-8859-1">'), 'windows-1256');
    const part = [
      'Content-Type: text/html; charset="windows-1256"',
      'Content-Transfer-Encoding: base64',
      '',
      cp1256.toString('base64').replace(/.{76}/g, '$&\r\n'),
    ].join('\r\n');
    const result = await importFile('article.mht', mhtml(part));
    expect(result.text).toBe([HEADLINE, P1, P2].join('\n'));
  });

  it('is recognised by its content under another name', async () => {
    const part = [
      'Content-Type: text/html; charset=windows-1256',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(iconv.encode(page(), 'windows-1256')),
    ].join('\r\n');
    expect((await importFile('saved page', mhtml(part))).text).toBe([HEADLINE, P1, P2].join('\n'));
  });

  it('refuses an archive with no web page in it, or with no boundary, with a sentence', async () => {
    const noPage = mhtml(['Content-Type: text/plain', '', 'just notes'].join('\r\n'));
    await expect(importFile('notes.mhtml', noPage)).rejects.toThrow(/“notes.mhtml”.*damaged: it holds no web page/);
    const noBoundary = Buffer.from('MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n<p>x</p>', 'latin1');
    await expect(importFile('broken.mhtml', noBoundary)).rejects.toThrow(/does not say where its parts begin/);
  });

  it('a truncated archive keeps the part that arrived', async () => {
    const part = [
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(Buffer.from(page(), 'utf8')),
    ].join('\r\n');
    const whole = mhtml(part);
    const cut = whole.subarray(0, whole.indexOf('image/png'));
    expect((await importFile('cut.mhtml', cut)).text).toBe([HEADLINE, P1, P2].join('\n'));
  });
});
