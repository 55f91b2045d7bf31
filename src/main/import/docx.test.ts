import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeDocx, docxEntries } from '../../../test/fixtures/import/docx';
import { makeZip } from '../../../test/fixtures/import/zip';
import { importFile } from '.';
import { CFB_MAGIC } from './sniff';
import { inspectZip } from './zipGuard';

const P1 = 'دعا المبعوث الأممي إلى وقف فوري لإطلاق النار في طرابلس.';
const P2 = 'The Security Council met on Tuesday.';
const P3 = 'وأكدت الحكومة أنها لن تقبل بأي هدنة قبل انسحاب القوات.';

describe('.docx import', () => {
  it('brings paragraphs in document order, right-to-left ones included, with the document title', async () => {
    const bytes = makeDocx(
      [
        { text: P1, rtl: true, runs: ['دعا المبعوث ', 'الأممي إلى وقف فوري ', 'لإطلاق النار في طرابلس.'] },
        { text: '' },
        { text: P2 },
        { text: P3, rtl: true },
      ],
      { title: 'وقف إطلاق النار' },
    );
    const result = await importFile('report.docx', bytes);
    expect(result.text).toBe(`${P1}\n${P2}\n${P3}`);
    expect(result.title).toBe('وقف إطلاق النار');
  });

  it('joins a line break inside a paragraph with one space', async () => {
    const bytes = makeDocx([
      { text: '', rtl: true, runs: ['السطر الأول', 'السطر الثاني'], breakBetweenRuns: true },
      { text: P2 },
    ]);
    expect((await importFile('br.docx', bytes)).text).toBe(`السطر الأول السطر الثاني\n${P2}`);
  });

  it('keeps words apart across a page or column break inside a paragraph', async () => {
    for (const kind of ['page', 'column'] as const) {
      const bytes = makeDocx([
        { text: '', rtl: true, runs: ['سطر جديد', 'صفحة'], breakBetweenRuns: kind },
        { text: P2 },
      ]);
      expect((await importFile(`${kind}.docx`, bytes)).text).toBe(`سطر جديد صفحة\n${P2}`);
    }
  });

  it('has no title of its own when the document properties have none', async () => {
    expect((await importFile('a.docx', makeDocx([{ text: P1, rtl: true }]))).title).toBeNull();
  });

  it('reads a Word file by its content even when it is named .txt', async () => {
    expect((await importFile('renamed.txt', makeDocx([{ text: P1, rtl: true }]))).text).toBe(P1);
  });

  it('refuses an encrypted (password-protected) Word file', async () => {
    const cfb = Buffer.concat([Buffer.from(CFB_MAGIC), Buffer.alloc(4096, 0)]);
    await expect(importFile('secret.docx', cfb)).rejects.toMatchObject({
      code: 'unprocessable',
      message: expect.stringMatching(/“secret.docx”.*password/),
    });
    const flagged = makeZip(docxEntries([{ text: P1 }]).map((e) => ({ ...e, flags: 1 })));
    await expect(importFile('flagged.docx', flagged)).rejects.toThrow(/encrypted/);
  });

  it('refuses damaged archives and zips that are not Word documents', async () => {
    const good = makeDocx([{ text: P1 }]);
    await expect(importFile('cut.docx', good.subarray(0, good.length - 30))).rejects.toThrow(/“cut.docx”.*damaged/);
    await expect(importFile('junk.docx', Buffer.from('this is not a zip at all'))).rejects.toThrow(
      /not a valid Word document/,
    );
    const garbled = Buffer.from(good);
    garbled.fill(0x41, 40, 200); // overwrite compressed data of the first entries
    await expect(importFile('garbled.docx', garbled)).rejects.toMatchObject({ code: 'unprocessable' });
    const excel = makeZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'xl/workbook.xml', data: '<workbook/>' },
    ]);
    await expect(importFile('book.docx', excel)).rejects.toThrow(/Excel workbook/);
    await expect(importFile('empty.docx', makeZip([]))).rejects.toThrow(/not a Word document/);
  });

  it('refuses a Word file with no text', async () => {
    await expect(importFile('blank.docx', makeDocx([{ text: '' }, { text: '   ' }]))).rejects.toThrow(/no text/);
  });
});

describe('zip bombs are refused before anything is expanded', () => {
  const zeros = (mb: number) => deflateRawSync(Buffer.alloc(mb * 1024 * 1024));

  // how fast (under a second) is measured by `npm run bench` (zip_bomb_refusal_ms), not here
  async function refusedWithoutExpanding(name: string, bytes: Buffer, pattern: RegExp) {
    global.gc?.();
    const before = process.memoryUsage();
    await expect(importFile(name, bytes)).rejects.toMatchObject({
      code: 'unprocessable',
      message: expect.stringMatching(pattern),
    });
    const after = process.memoryUsage();
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(32 * 1024 * 1024);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(64 * 1024 * 1024);
  }

  it('refuses an entry compressed far beyond any document (50 MB of zeros in 50 KB)', async () => {
    const bomb = makeZip([
      ...docxEntries([{ text: P1 }]),
      { name: 'word/media/zeros.bin', compressed: zeros(50), declaredUncompressed: 50 * 1024 * 1024 },
    ]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    await refusedWithoutExpanding('bomb.docx', bomb, /zip bomb/);
  });

  it('refuses archives whose entries add up to more than the limit (40 × 10 MB, each at a plausible ratio)', async () => {
    const block = zeros(10);
    const entries = Array.from({ length: 40 }, (_, i) => ({
      name: `word/media/part${i}.bin`,
      compressed: block,
      declaredUncompressed: 10 * 1024 * 1024,
      // lie about the compressed size too, so the ratio looks harmless: only the total can catch it
      declaredCompressed: 1024 * 1024,
    }));
    await refusedWithoutExpanding(
      'many.docx',
      makeZip([...docxEntries([{ text: P1 }]), ...entries]),
      /more than 200 MB/,
    );
  });

  it('refuses an entry that expands beyond the size its header declares, while streaming it', async () => {
    const liar = makeZip([
      ...docxEntries([{ text: P1 }]),
      { name: 'word/styles.xml', compressed: zeros(30), declaredUncompressed: 1000, crc: 0 },
    ]);
    await refusedWithoutExpanding('liar.docx', liar, /more data than its header declares/);
  });

  it('refuses an archive listing more entries than a document has', async () => {
    const entries = Array.from({ length: 6000 }, (_, i) => ({ name: `word/x${i}.xml`, data: '', stored: true }));
    await refusedWithoutExpanding('crowd.docx', makeZip([...docxEntries([{ text: P1 }]), ...entries]), /6003 files/);
  });

  it('accepts an ordinary document and reports what it holds', async () => {
    const summary = await inspectZip(makeDocx([{ text: P1 }], { title: 't' }), { keep: ['docProps/core.xml'] });
    expect(summary.entries.map((e) => e.name)).toContain('word/document.xml');
    expect(summary.kept.get('docProps/core.xml')?.toString('utf8')).toContain('<dc:title>t</dc:title>');
  });
});
