import { describe, expect, it } from 'vitest';
import { makeDocx } from '../../../test/fixtures/import/docx';
import { nexisArticle as nexisOne } from '../../../test/fixtures/import/nexis';
import { importFile } from '.';
import { importArticles } from './splitImport';
import { parseExportDate } from './splitDates';

const enc = (s: string) => new TextEncoder().encode(s);

const BODY_A = 'The ceasefire talks resumed in Paris on Wednesday.\n\nBoth sides said progress was slow.';
const BODY_B = 'يتوقع أن يجري قائد الجيش محادثات مع الرئيس الفرنسي اليوم.\n\nوقال مصدر إن الهدف هو وقف إطلاق النار.';
const BODY_C = 'Oil prices rose sharply after the announcement.\n\nAnalysts expect further gains.';

const HEADER = ['Copyright 2019 Some Publisher All Rights Reserved', '', 'Section: WORLD; Version:1'];
const nexisArticle = (title: string, source: string, date: string, body: string) =>
  nexisOne(title, source, date, body, HEADER);

export const NEXIS = [
  'User Name: researcher',
  'Date and Time: May 20, 2019 10:00',
  'Job Number: 12345',
  '',
  'Documents (3)',
  '',
  '',
  nexisArticle('Ceasefire talks resume in Paris', 'The Guardian (London)', 'May 15, 2019 Wednesday', BODY_A),
  nexisArticle('حفتر في الإليزيه', 'الشرق الأوسط', '15 مايو 2019', BODY_B),
  nexisArticle('Oil prices jump', 'Reuters News', 'June 2, 2019 Sunday', BODY_C),
].join('\n');

function factivaArticle(title: string, date: string, source: string, body: string, id: string): string {
  return [
    title,
    'By A. Writer',
    '312 words',
    date,
    '10:32 GMT',
    source,
    'AFPR',
    'English',
    'Copyright 2019 Agence France-Presse. All Rights Reserved.',
    '',
    body,
    '',
    `Document ${id}`,
    '',
    '',
  ].join('\n');
}

const FACTIVA = [
  factivaArticle(
    'Ceasefire talks resume in Paris',
    '15 May 2019',
    'Agence France Presse',
    BODY_A,
    'AFPR000020190515ef5f000xx',
  ),
  factivaArticle('Oil prices jump', '2 June 2019', 'Reuters News', BODY_C, 'LBA0000020190602ef62000ab'),
].join('\n');

describe('multi-article files are split into their articles', () => {
  it('a Nexis export gives one article per "End of Document", with its title, date and source', async () => {
    const { kind, articles } = await importArticles('export.txt', enc(NEXIS));
    expect(kind).toBe('nexis');
    expect(articles.map((a) => [a.title, a.meta.publishedAt, a.meta.source])).toEqual([
      ['Ceasefire talks resume in Paris', '2019-05-15', 'The Guardian (London)'],
      ['حفتر في الإليزيه', '2019-05-15', 'الشرق الأوسط'],
      ['Oil prices jump', '2019-06-02', 'Reuters News'],
    ]);
    expect(articles[0]?.text).toBe(
      'Ceasefire talks resume in Paris\nThe ceasefire talks resumed in Paris on Wednesday.\nBoth sides said progress was slow.',
    );
    for (const a of articles)
      expect(a.text).not.toMatch(/Length:|Byline:|Load-Date|End of Document|Copyright|Job Number/);
  });

  it('reads the older LexisNexis Academic layout ("1 of 2 DOCUMENTS", source, date, headline, LENGTH:)', async () => {
    const old = (n: number, title: string, body: string) =>
      [
        `${n} of 2 DOCUMENTS`,
        '',
        'The New York Times',
        '',
        'May 15, 2019 Wednesday',
        'Late Edition - Final',
        '',
        title,
        '',
        'BYLINE: By A. Writer',
        '',
        'LENGTH: 800 words',
        '',
        body,
        '',
        'LOAD-DATE: May 16, 2019',
        '',
        'LANGUAGE: ENGLISH',
        '',
      ].join('\n');
    const { articles } = await importArticles(
      'old.txt',
      enc(old(1, 'First headline', BODY_A) + old(2, 'Second headline', BODY_C)),
    );
    expect(articles.map((a) => [a.title, a.meta.source, a.meta.publishedAt])).toEqual([
      ['First headline', 'The New York Times', '2019-05-15'],
      ['Second headline', 'The New York Times', '2019-05-15'],
    ]);
    expect(articles[1]?.text).toBe(
      'Second headline\nOil prices rose sharply after the announcement.\nAnalysts expect further gains.',
    );
  });

  it('a Factiva export gives one article per "Document …" footer, header lines read and dropped', async () => {
    const { kind, articles } = await importArticles('factiva.txt', enc(FACTIVA));
    expect(kind).toBe('factiva');
    expect(articles.map((a) => [a.title, a.meta.publishedAt, a.meta.source])).toEqual([
      ['Ceasefire talks resume in Paris', '2019-05-15', 'Agence France Presse'],
      ['Oil prices jump', '2019-06-02', 'Reuters News'],
    ]);
    expect(articles[1]?.text).toBe(
      'Oil prices jump\nOil prices rose sharply after the announcement.\nAnalysts expect further gains.',
    );
  });

  it('a corpus joined by NUL bytes, form feeds or a separator line is cut there', async () => {
    const three: [string, string, string] = [
      'First headline\n\n' + BODY_A,
      'عنوان ثان\n\n' + BODY_B,
      'Third headline\n\n' + BODY_C,
    ];
    const nul = new Uint8Array([...enc(three[0] + '\n'), 0, ...enc(three[1] + '\n'), 0, 0, ...enc(three[2]), 0]);
    for (const [name, bytes] of [
      ['nul.txt', nul],
      ['ff.txt', enc(three.join('\n\f'))],
      ['dashes.txt', enc(three.join('\n\n-----\n\n'))],
      ['stars.txt', enc(three.join('\n* * *\n'))],
      ['repeated.txt', enc('<doc>\n' + three.join('\n<doc>\n') + '\n<doc>\n')],
    ] as const) {
      const { kind, articles } = await importArticles(name, bytes);
      expect([name, kind]).toEqual([name, 'separator']);
      expect(articles.map((a) => a.text.split('\n')[0])).toEqual(['First headline', 'عنوان ثان', 'Third headline']);
    }
  });

  it('never splits a normal article: one section break, a rule under a heading, a repeated title', async () => {
    const normal = [
      `Headline\n\n${BODY_A}\n\n* * *\n\n${BODY_C}`,
      `Headline\n=====\n\n${BODY_A}\n\nSub-heading\n=====\n\n${BODY_C}`,
      `Headline\n\n${BODY_A}\n\nHeadline\n\n${BODY_C}`,
      `Headline\n\nFirst paragraph of a long article, which goes on.\n\n-----\n\nSecond paragraph of it, still going.\n\n-----\n\nThird paragraph, the end.`,
    ];
    for (const text of normal) {
      const { kind, articles } = await importArticles('one.txt', enc(text));
      expect(kind).toBe('single');
      expect(articles).toHaveLength(1);
      expect(articles[0]).toEqual(await importFile('one.txt', enc(text)));
    }
  });

  it('reads the export dates in English and Arabic', () => {
    expect(parseExportDate('May 15, 2019 Wednesday')).toBe('2019-05-15');
    expect(parseExportDate('Wednesday, May 15, 2019')).toBe('2019-05-15');
    expect(parseExportDate('15 May 2019')).toBe('2019-05-15');
    expect(parseExportDate('١٥ مايو ٢٠١٩')).toBe('2019-05-15');
    expect(parseExportDate('الأربعاء 22 أيار/مايو 2019')).toBe('2019-05-22');
    expect(parseExportDate('2019-05-15')).toBe('2019-05-15');
    expect(parseExportDate('May 32, 2019')).toBeNull();
    expect(parseExportDate('Ceasefire talks resume in Paris')).toBeNull();
  });

  it('splits a Nexis export saved as .docx (one paragraph per line) and a Factiva export saved as a web page', async () => {
    const paragraphs = NEXIS.split('\n')
      .filter((l) => l.trim() !== '')
      .map((text) => ({ text, rtl: /[\u0600-\u06FF]/.test(text) }));
    const docx = await importArticles('export.docx', makeDocx(paragraphs));
    expect(docx.kind).toBe('nexis');
    expect(docx.articles.map((a) => [a.title, a.meta.publishedAt])).toEqual([
      ['Ceasefire talks resume in Paris', '2019-05-15'],
      ['حفتر في الإليزيه', '2019-05-15'],
      ['Oil prices jump', '2019-06-02'],
    ]);
    expect(docx.articles[1]?.text).toBe(
      'حفتر في الإليزيه\nيتوقع أن يجري قائد الجيش محادثات مع الرئيس الفرنسي اليوم.\nوقال مصدر إن الهدف هو وقف إطلاق النار.',
    );

    const html = `<!doctype html><html><head><meta charset="utf-8"><title>Factiva</title></head><body>${FACTIVA.split(
      '\n\n\n',
    )
      .map(
        (block) =>
          `<div class="article">${block
            .split('\n')
            .filter((l) => l.trim() !== '')
            .map((l) => `<p>${l}</p>`)
            .join('')}</div>`,
      )
      .join('')}</body></html>`;
    const page = await importArticles('factiva.html', enc(html));
    expect(page.kind).toBe('factiva');
    expect(page.articles.map((a) => [a.title, a.meta.publishedAt, a.meta.source])).toEqual([
      ['Ceasefire talks resume in Paris', '2019-05-15', 'Agence France Presse'],
      ['Oil prices jump', '2019-06-02', 'Reuters News'],
    ]);
  });
});
