import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import iconv from 'iconv-lite';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '.';
import { inertDom } from './html';
import { parseDate } from '@shared/text/dates';
import { readHtmlMeta } from './htmlMeta';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/import');
const fixtureText = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('HTML article import', () => {
  it('reduces a news page to its article: heading, paragraphs, metadata', async () => {
    const result = await importFile('article.html', Buffer.from(fixtureText('article.html'), 'utf8'));
    const paragraphs = result.text.split('\n');
    expect(result.title).toBe('مجلس الأمن يبحث وقف إطلاق النار في ليبيا');
    expect(paragraphs[0]).toBe('مجلس الأمن يبحث وقف إطلاق النار في ليبيا');
    // inline <strong> and <a> flattened into the sentence
    expect(paragraphs[1]).toBe(
      'عقد مجلس الأمن الدولي جلسة طارئة يوم الثلاثاء لبحث وقف إطلاق النار في ليبيا، بعد أسابيع من القتال حول العاصمة طرابلس أوقعت مئات القتلى وآلاف النازحين.',
    );
    // <br> ends a paragraph; headings, list items and quotes are paragraphs of their own
    expect(paragraphs).toContain('وأضاف أن تدفق الأسلحة إلى ليبيا يمثل خرقا واضحا لحظر السلاح المفروض منذ عام 2011.');
    expect(paragraphs).toContain('مواقف الأطراف');
    expect(paragraphs).toContain('دعت فرنسا إلى وقف فوري لإطلاق النار.');
    expect(paragraphs).toContain('«لا حل عسكريا للأزمة الليبية»، قال سلامة في ختام الجلسة.');
    // navigation, related links and the footer are not the article
    for (const chrome of ['الرئيسية', 'أخبار ذات صلة', 'جميع الحقوق محفوظة', 'اتصل بنا'])
      expect(result.text).not.toContain(chrome);
    expect(result.meta).toEqual({
      source: 'وكالة الأنباء التجريبية',
      url: 'https://news.example.org/ar/libya/ceasefire-2019?ref=canonical',
      publishedAt: '2019-05-22',
    });
    expect(result.warnings).toEqual([]);
  });

  it('reads a Windows-1256 page by its <meta charset>, or by falling back when it has none', async () => {
    const utf8 = await importFile('article.html', Buffer.from(fixtureText('article.html'), 'utf8'));
    const declared = iconv.encode(
      fixtureText('article.html').replace(
        '<meta charset="utf-8">',
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">',
      ),
      'windows-1256',
    );
    const undeclared = iconv.encode(fixtureText('article.html').replace('<meta charset="utf-8">', ''), 'windows-1256');
    const lying = iconv.encode(fixtureText('article.html'), 'windows-1256');
    const a = await importFile('a.html', declared);
    const b = await importFile('b.htm', undeclared);
    const c = await importFile('c.html', lying);
    expect(a.text).toBe(utf8.text);
    expect(a.warnings).toEqual([]);
    expect(b.text).toBe(utf8.text);
    expect(b.warnings.map((w) => w.code)).toEqual(['encoding_windows_1256']);
    expect(c.text).toBe(utf8.text);
    expect(c.warnings[0]?.message).toMatch(/says it is UTF-8/);
  });

  it('reads UTF-16 pages with a BOM', async () => {
    const bytes = iconv.encode(fixtureText('article.html'), 'utf-16le', { addBOM: true });
    const utf8 = await importFile('article.html', Buffer.from(fixtureText('article.html'), 'utf8'));
    expect((await importFile('article.html', bytes)).text).toBe(utf8.text);
  });

  it('reads UTF-16 pages without a BOM, saying the encoding was guessed', async () => {
    const utf8 = await importFile('article.html', Buffer.from(fixtureText('article.html'), 'utf8'));
    for (const order of ['utf-16le', 'utf-16be']) {
      const result = await importFile(
        'article.html',
        iconv.encode(fixtureText('article.html'), order, { addBOM: false }),
      );
      expect(result.text, order).toBe(utf8.text);
      expect(result.title, order).toBe(utf8.title);
      expect(
        result.warnings.map((w) => w.code),
        order,
      ).toEqual(['encoding_guessed']);
    }
  });

  it('recognises a page saved as .txt by its content', async () => {
    const result = await importFile('saved-page.txt', Buffer.from(fixtureText('article.html'), 'utf8'));
    expect(result.text).not.toContain('<');
    expect(result.title).toBe('مجلس الأمن يبحث وقف إطلاق النار في ليبيا');
  });

  it('falls back to og:title, then <title>, when the page has no single heading', async () => {
    const body = '<body><div><p>' + 'نص المقال الطويل. '.repeat(30) + '</p></div></body>';
    const og = await importFile(
      'x.html',
      Buffer.from(
        `<html><head><title>عنوان الصفحة</title><meta property="og:title" content="عنوان og"></head>${body}</html>`,
      ),
    );
    expect(og.title).toBe('عنوان og');
    const plain = await importFile(
      'y.html',
      Buffer.from(`<html><head><title>عنوان الصفحة</title></head>${body}</html>`),
    );
    expect(plain.title).toBe('عنوان الصفحة');
  });

  it('does not take a lone <h1> that is the site logo for the headline', async () => {
    const body =
      '<body><header><h1>الوكالة</h1></header><div><h2>هدنة في طرابلس</h2><p>' +
      'نص المقال الطويل. '.repeat(30) +
      '</p></div></body>';
    const page = await importFile(
      'logo.html',
      Buffer.from(`<html><head><title>هدنة في طرابلس - الوكالة</title></head>${body}</html>`),
    );
    expect(page.title).not.toBe('الوكالة');
    expect(page.text.split('\n')[0]).not.toBe('الوكالة');
    const agreeing = await importFile(
      'h1.html',
      Buffer.from(
        `<html><head><title>هدنة في طرابلس - الوكالة</title></head><body><h1>هدنة في طرابلس</h1><p>${'نص المقال الطويل. '.repeat(30)}</p></body></html>`,
      ),
    );
    expect(agreeing.title).toBe('هدنة في طرابلس');
  });

  it('refuses a frame set, which has no text of its own', async () => {
    await expect(
      importFile(
        'frames.html',
        Buffer.from(
          '<html><head><title>x</title></head><frameset><frame src="http://attacker.invalid/"></frameset></html>',
        ),
      ),
    ).rejects.toThrow(/“frames.html”.*no article text/);
  });

  it('refuses a page without article text', async () => {
    await expect(
      importFile(
        'empty.html',
        Buffer.from(
          '<html><head><title>x</title><script>var a = 1;</script></head><body><nav>قائمة</nav></body></html>',
        ),
      ),
    ).rejects.toThrow(/“empty.html”.*no article text/);
  });
});

describe('publication date, source and URL from page metadata', () => {
  const meta = (head: string, body = '') =>
    readHtmlMeta(new JSDOM(`<html><head>${head}</head><body>${body}</body></html>`).window.document);

  it('reads datePublished from JSON-LD, also inside @graph', () => {
    expect(
      meta('<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-05-21T10:00:00Z"}</script>')
        .publishedAt,
    ).toBe('2019-05-21');
    expect(
      meta(
        '<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"Article","datePublished":"2020-01-02","publisher":{"name":"الوسط"}}]}</script>',
      ),
    ).toMatchObject({ publishedAt: '2020-01-02', source: 'الوسط' });
  });

  it('reads <time datetime>, and date / pubdate / DC.date meta tags', () => {
    expect(meta('', '<article><time datetime="2018-11-12T08:00">12</time></article>').publishedAt).toBe('2018-11-12');
    expect(meta('<meta name="date" content="2017-03-04">').publishedAt).toBe('2017-03-04');
    expect(meta('<meta name="pubdate" content="20160708">').publishedAt).toBe('2016-07-08');
    expect(meta('<meta name="DC.date" content="2015/9/1">').publishedAt).toBe('2015-09-01');
  });

  it('takes the URL from og:url when there is no canonical link, and never a javascript: URL', () => {
    expect(meta('<meta property="og:url" content="https://example.org/a">').url).toBe('https://example.org/a');
    expect(meta('<link rel="canonical" href="javascript:alert(1)">').url).toBeNull();
    expect(meta('<link rel="canonical" href="/relative">').url).toBeNull();
  });

  it('normalises dates to the publisher’s calendar day and rejects nonsense', () => {
    expect(parseDate('2019-05-22T23:30:00-05:00')).toBe('2019-05-22');
    expect(parseDate('Wed, 22 May 2019 10:00:00 GMT')).toBe('2019-05-22');
    expect(parseDate('yesterday')).toBeNull();
    expect(parseDate('2019-13-40')).toBeNull();
  });

  it('keeps the day the page gives in its own time zone, never the UTC day before', () => {
    expect(meta('<meta property="article:published_time" content="2019-05-15T01:30:00+03:00">').publishedAt).toBe(
      '2019-05-15',
    );
    expect(meta('<meta name="pubdate" content="Wed, 15 May 2019 01:30:00 +0300">').publishedAt).toBe('2019-05-15');
    expect(
      meta(
        '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"15 May 2019 01:30 +03:00"}</script>',
      ).publishedAt,
    ).toBe('2019-05-15');
  });

  it('reads a date written in Arabic in the page when no metadata gives one', () => {
    expect(meta('', '<div class="post-date">١٥ مايو ٢٠١٩</div><p>نص</p>').publishedAt).toBe('2019-05-15');
    expect(meta('', '<span class="ArticleDate">الأربعاء 22 أيار/مايو 2019 - 10:30</span>').publishedAt).toBe(
      '2019-05-22',
    );
    expect(meta('', '<p class="meta"><time>الثلاثاء ٢١ أيار ٢٠١٩</time></p>').publishedAt).toBe('2019-05-21');
    expect(meta('', '<div id="NewsDate">نشر بتاريخ 12/05/2019</div>').publishedAt).toBe('2019-05-12');
    // a date in the article's own sentences is not the page's date
    expect(meta('', '<p>اندلع القتال في 4 أبريل 2019 حول طرابلس.</p>').publishedAt).toBeNull();
  });
});

describe('a hostile page', () => {
  let server: http.Server;
  let port = 0;
  const requests: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('/* canary */');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('imports to article text with no script, handler, frame, style, form or link target in it — and fetches nothing', async () => {
    // Every remote reference in the fixture points at this test's own server, so any fetch is counted.
    const html = fixtureText('hostile.html').replaceAll('attacker.invalid', `127.0.0.1:${port}`);
    const result = await importFile('hostile.html', Buffer.from(html, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(requests).toEqual([]);

    expect(result.text.split('\n')).toEqual([
      'هدنة إنسانية في طرابلس',
      'دعت الأمم المتحدة يوم الأحد إلى هدنة إنسانية في طرابلس لمدة أسبوع، بحسب بيان صدر عن البعثة الأممية.',
      'وقال المبعوث الأممي إن المدنيين يدفعون ثمن القتال، وإن الهدنة يجب أن تفتح الطريق أمام العودة إلى طاولة الحوار.',
      'وأضاف أن الأطراف مطالبة باحترام حظر السلاح المفروض على ليبيا منذ عام 2011.',
    ]);
    for (const bad of [
      'PWNED',
      'javascript',
      '__pwned',
      '127.0.0.1',
      'onerror',
      '<',
      'window',
      'الرئيسية',
      'جميع الحقوق',
    ]) {
      expect(result.text).not.toContain(bad);
    }
    expect(result.title).toBe('هدنة إنسانية في طرابلس');
    expect(JSON.stringify(result.meta)).not.toContain('PWNED');
  });

  it('is parsed by a jsdom that runs none of its scripts or handlers and loads none of its resources', async () => {
    requests.length = 0;
    const html = fixtureText('hostile.html').replaceAll('attacker.invalid', `127.0.0.1:${port}`);
    const dom = inertDom(html);
    // give any loader or timer a chance to run before looking
    await new Promise((resolve) => setTimeout(resolve, 500));
    const win = dom.window as unknown as { __pwned?: boolean };
    expect(win.__pwned).toBeUndefined();
    expect(dom.window.document.title).toBe('مقال عدائي للاختبار');
    const paragraphs = Array.from(dom.window.document.querySelectorAll('article p, article > *')).map(
      (p) => p.outerHTML,
    );
    expect(paragraphs.join('\n')).not.toMatch(/<p>SCRIPT-PWNED|ONLOAD-PWNED/);
    expect(requests).toEqual([]);
    dom.window.close();
  });
});
