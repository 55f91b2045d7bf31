/**
 * PDF import: right-to-left text stored the way many PDF producers store it (visual order, Arabic
 * presentation forms, one item per word written left to right) comes out in logical order with
 * plain letters, paragraphs from the line geometry, without running headers and page numbers.
 * PDFs with no text layer, with a password, damaged or built to expand enormously are refused
 * with a sentence.
 */
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makePdf, presentationForms, rtlItems, visualOrder } from '../../../test/fixtures/import/pdf';
import { importFile } from '.';
import { shapeOrderScore } from './pdfBidi';
import { checkPdfStreams } from './pdfStreams';

const HEADLINE = 'هدنة في طرابلس';
const P1 = ['دعا المبعوث الأممي إلى وقف فوري لإطلاق النار', 'في طرابلس يوم 5 أبريل 2019.'];
const P2 = ['وقال إن الأطراف وافقت على الجلوس إلى', 'طاولة الحوار مع ممثلي الأمم المتحدة', 'خلال الأسبوع المقبل.'];
const P3 = ['وأكد المتحدث باسم الحكومة أن المفاوضات', 'ستبدأ في جنيف بحضور وكالة (AFP).'];
const HEADER = 'جريدة الوسط الليبية';

function twoPagePdf(): Buffer {
  return makePdf([
    {
      items: rtlItems([
        { text: HEADER, y: 800, center: true, size: 10 },
        { text: HEADLINE, y: 750, size: 16 },
        { text: P1[0]!, y: 720, justify: true },
        { text: P1[1]!, y: 705 },
        { text: P2[0]!, y: 680, justify: true },
        { text: P2[1]!, y: 665, justify: true },
        { text: '1', y: 40, center: true, size: 10 },
      ]),
    },
    {
      items: rtlItems([
        { text: HEADER, y: 800, center: true, size: 10 },
        { text: P2[2]!, y: 750 },
        { text: P3[0]!, y: 720, justify: true },
        { text: P3[1]!, y: 705 },
        { text: '2', y: 40, center: true, size: 10 },
      ]),
    },
  ]);
}

describe('a right-to-left PDF stored in visual order with presentation forms', () => {
  it('the test file really holds reversed presentation forms', () => {
    const stored = visualOrder(presentationForms('لإطلاق'));
    // ق isolated, lam-alef final, ط initial, lam-alef with hamza below isolated: right to left as printed
    expect(stored).toBe('\uFED5\uFEFC\uFEC3\uFEF9');
    const cmap = twoPagePdf().toString('latin1');
    expect(cmap).toMatch(/<[0-9A-F]{2}> <FEFC>/);
    expect(cmap).not.toMatch(/<[0-9A-F]{2}> <0637>/);
  });

  it('imports as logical-order Arabic in paragraphs, without the header and page numbers', async () => {
    const result = await importFile('report.pdf', twoPagePdf());
    expect(result.text).toBe([HEADLINE, P1.join(' '), P2.join(' '), P3.join(' ')].join('\n'));
    expect(result.text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/u);
  });

  it('tells visual from logical order by the letters’ shapes, vowel marks or not', () => {
    const word = presentationForms('مرحبا');
    expect(shapeOrderScore(word)).toBeGreaterThan(0);
    expect(shapeOrderScore([...word].reverse().join(''))).toBeLessThan(0);
    // a fatha (presentation form) between two joined letters does not hide their join
    const marked = `${word.slice(0, 1)}\uFE77${word.slice(1)}`;
    expect(shapeOrderScore(marked)).toBe(shapeOrderScore(word));
    expect(shapeOrderScore('مرحبا')).toBe(0);
  });

  it('keeps a line stored in logical order as it is', async () => {
    const logical = presentationForms(P1[0]!);
    const bytes = makePdf([{ items: [{ text: logical, x: 300, y: 700 }] }]);
    expect((await importFile('logical.pdf', bytes)).text).toBe(P1[0]);
  });

  it('reads the same when its content streams are compressed, and whatever the file is called', async () => {
    const bytes = makePdf([{ items: rtlItems([{ text: P1[0]!, y: 700 }]) }], { compress: true });
    expect((await importFile('report.txt', bytes)).text).toBe(P1[0]);
  });

  it('a footer wider than the text, differing from page to page, neither splits lines nor stays', async () => {
    const lines = (n: number) => (n === 1 ? [P2[0]!, P2[1]!, P2[2]!] : [P3[0]!, P1[0]!, P3[1]!]);
    const page = (n: number) => ({
      items: [
        ...rtlItems([
          { text: lines(n)[0]!, y: 720, justify: true },
          { text: lines(n)[1]!, y: 705, justify: true },
          { text: lines(n)[2]!, y: 690 },
        ]),
        // a browser's print footer: the address at the far left, "page/pages" at the far right
        { text: `https://alwasat.example/news/libya${n === 1 ? ' x' : ''}`, x: 10, y: 20, size: 8 },
        { text: `${n}/2`, x: 570, y: 20, size: 8 },
      ],
    });
    const result = await importFile('printed.pdf', makePdf([page(1), page(2)]));
    expect(result.text).toBe([lines(1).join(' '), lines(2).join(' ')].join('\n'));
  });

  it('reads Latin text left to right, ligatures (ﬁ) as letters', async () => {
    const bytes = makePdf([
      {
        items: [
          { text: 'ﬁne.', x: 120, y: 700 },
          { text: 'Hello', x: 80, y: 700 },
        ],
      },
    ]);
    expect((await importFile('latin.pdf', bytes)).text).toBe('Hello fine.');
  });
});

describe('PDFs that cannot be read are refused with a sentence', () => {
  it('a scanned PDF with no text layer', async () => {
    const bytes = makePdf([{ image: true }, { image: true }]);
    await expect(importFile('scan.pdf', bytes)).rejects.toMatchObject({
      code: 'unprocessable',
      message: expect.stringMatching(/“scan.pdf”.*no text layer.*no OCR/),
    });
  });

  it('a password-protected PDF', async () => {
    const bytes = makePdf([{ items: [{ text: 'secret', x: 80, y: 700 }] }], { encrypted: true });
    await expect(importFile('secret.pdf', bytes)).rejects.toThrow(/“secret.pdf”.*password/);
  });

  it('a damaged or truncated PDF', async () => {
    await expect(importFile('junk.pdf', Buffer.from('%PDF-1.7\n%âãÏÓ\nnothing else'))).rejects.toThrow(
      /“junk.pdf”.*damaged/,
    );
    const cut = twoPagePdf().subarray(0, 400);
    await expect(importFile('cut.pdf', cut)).rejects.toMatchObject({ code: 'unprocessable' });
  });

  it('a PDF whose compressed stream expands enormously, before pdf.js reads it', async () => {
    const bomb = deflateSync(Buffer.alloc(80 * 1024 * 1024, 0x20));
    const bytes = makePdf([{ items: [{ text: 'x', x: 80, y: 700 }] }], { compress: false });
    // the same file with a content stream of 80 MB of spaces, compressed to a few kilobytes
    const bombed = Buffer.concat([
      bytes.subarray(0, bytes.indexOf('xref')),
      Buffer.from(`99 0 obj\n<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      bomb,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]);
    expect(() => checkPdfStreams(bombed)).toThrow(/expand to more than 64 MB/);
    expect(() => checkPdfStreams(bytes)).not.toThrow();
    const twice = Buffer.from(
      `1 0 obj\n<< /Filter [/FlateDecode /FlateDecode] >>\nstream\n${deflateSync(bomb).toString('latin1')}\nendstream`,
      'latin1',
    );
    expect(() => checkPdfStreams(twice)).toThrow(/not safe to read/);
    await expect(importFile('bomb.pdf', bombed)).rejects.toThrow(/“bomb.pdf”.*not safe to read/);
  });
});

describe('a PDF with very many text items', () => {
  it('one line of 200,000 items is read, not refused', async () => {
    const { pageLines } = await import('./pdfLayout');
    const items = Array.from({ length: 200_000 }, (_, i) => ({
      str: 'a',
      rtl: false,
      x: i * 6,
      y: 700,
      width: 6,
      size: 12,
    }));
    const [line] = pageLines(items);
    expect(line?.text).toHaveLength(200_000);
  });
});
