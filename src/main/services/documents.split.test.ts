import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportPreview, DocumentImportResult } from '@shared/api/documents';
import { openTestProject, removeDir, tempDir, type Project } from '../../../test/storage/helpers';
import { NEXIS_THREE, nexisArticle } from '../../../test/fixtures/import/nexis';

let dir = '';
let p: Project;
beforeEach(async () => {
  dir = await tempDir('hashiya-split-');
  p = await openTestProject(dir);
});
afterEach(async () => {
  await p.store.close();
  await removeDir(dir);
});
const call = (name: string, input: unknown) => p.services.dispatch(name, input);
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const NEXIS = NEXIS_THREE;

/** An Arabic news article of about 200 words, with a time stamp line. */
function article(updated: string): string {
  const sentences = [
    'قال مصدر في الحكومة الليبية إن المحادثات بين الطرفين استؤنفت صباح اليوم في العاصمة الفرنسية باريس بحضور ممثلين عن الأمم المتحدة',
    'وأضاف المصدر أن الهدف الرئيسي من هذه الجولة هو التوصل إلى وقف دائم لإطلاق النار في محيط العاصمة طرابلس',
    'وأشار إلى أن الوفدين تبادلا مقترحات مكتوبة حول آليات المراقبة وانسحاب القوات من خطوط التماس',
    'من جهته قال المبعوث الأممي إن الأجواء كانت إيجابية رغم استمرار الخلافات حول عدد من النقاط الجوهرية',
    'وكانت المعارك قد اندلعت في الرابع من أبريل الماضي عندما أطلق المشير خليفة حفتر هجوما للسيطرة على المدينة',
    'وأسفرت المواجهات حتى الآن عن سقوط مئات القتلى ونزوح عشرات الآلاف من السكان بحسب منظمة الصحة العالمية',
    'ويتوقع أن تستمر المحادثات ثلاثة أيام على أن يصدر بيان مشترك في ختامها يحدد الخطوات التالية',
    'وقالت مصادر دبلوماسية إن فرنسا وإيطاليا تضغطان من أجل اتفاق سريع قبل انعقاد قمة الاتحاد الأوروبي المقبلة',
  ];
  return `محادثات باريس حول ليبيا\n${updated}\n${sentences.join('.\n')}.`;
}

describe('documents.preview and documents.import of a multi-article file', () => {
  it('previews the three articles of a Nexis export and writes nothing', async () => {
    const preview = (await call('documents.preview', { fileName: 'nexis.txt', data: b64(NEXIS) })) as ImportPreview;
    expect(preview.kind).toBe('nexis');
    expect(preview.articles.map((a) => [a.title, a.publishedAt, a.source])).toEqual([
      ['Ceasefire talks resume in Paris', '2019-05-15', 'The Guardian'],
      ['حفتر في الإليزيه', '2019-05-15', 'الشرق الأوسط'],
      ['Oil prices jump', '2019-06-02', 'Reuters'],
    ]);
    expect(preview.articles[0]?.paragraphs).toEqual([
      'Ceasefire talks resume in Paris',
      'The talks resumed on Wednesday.',
      'Advertisement',
      'Both sides said progress was slow.',
    ]);
    expect(await call('documents.list', {})).toEqual([]);
  });

  it('refuses to import a multi-article file as one giant document without a choice', async () => {
    await expect(call('documents.import', { fileName: 'nexis.txt', data: b64(NEXIS) })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('holds 3 articles'),
      details: { articles: 3 },
    });
    expect(await call('documents.list', {})).toEqual([]);
  });

  it('imports the chosen articles as separate documents, with paragraphs left out before the text is fixed', async () => {
    const result = (await call('documents.import', {
      fileName: 'nexis.txt',
      data: b64(NEXIS),
      split: [0, 2],
      dropParagraphs: [{ article: 0, paragraphs: [2] }],
    })) as DocumentImportResult;
    expect(result.documents?.map((d) => [d.title, d.publishedAt, d.source])).toEqual([
      ['Ceasefire talks resume in Paris', '2019-05-15', 'The Guardian'],
      ['Oil prices jump', '2019-06-02', 'Reuters'],
    ]);
    const first = (await call('documents.get', { id: result.document.id })) as { text: string };
    expect(first.text).toBe(
      'Ceasefire talks resume in Paris\nThe talks resumed on Wednesday.\nBoth sides said progress was slow.',
    );
    expect(await call('documents.list', {})).toHaveLength(2);
  });

  it('imports the whole file as one document on split "none", and refuses a choice that does not exist', async () => {
    await expect(
      call('documents.import', { fileName: 'nexis.txt', data: b64(NEXIS), split: [5] }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('no article 6') });
    await expect(
      call('documents.import', {
        fileName: 'nexis.txt',
        data: b64(NEXIS),
        split: [1],
        dropParagraphs: [{ article: 1, paragraphs: [0, 1] }],
      }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('nothing to import'),
    });
    expect(await call('documents.list', {})).toEqual([]);
    const whole = (await call('documents.import', {
      fileName: 'nexis.txt',
      data: b64(NEXIS),
      split: 'none',
    })) as DocumentImportResult;
    expect(whole.documents).toHaveLength(1);
    const text = ((await call('documents.get', { id: whole.document.id })) as { text: string }).text;
    expect(text).toContain('End of Document');
  });

  it('trims a single article too: the dropped paragraph never reaches the stored text', async () => {
    const text = 'Headline\n\nFirst paragraph.\n\nSPONSORED: buy now\n\nLast paragraph.';
    const preview = (await call('documents.preview', { fileName: 'one.txt', data: b64(text) })) as ImportPreview;
    expect(preview.kind).toBe('single');
    expect(preview.articles[0]?.paragraphs).toEqual([
      'Headline',
      'First paragraph.',
      'SPONSORED: buy now',
      'Last paragraph.',
    ]);
    const { document } = (await call('documents.import', {
      fileName: 'one.txt',
      data: b64(text),
      dropParagraphs: [{ article: 0, paragraphs: [2] }],
    })) as DocumentImportResult;
    expect(((await call('documents.get', { id: document.id })) as { text: string }).text).toBe(
      'Headline\nFirst paragraph.\nLast paragraph.',
    );
  });
});

describe('near-duplicates are reported at import', () => {
  it('refuses a save of the same article differing only in its "updated at" line, naming the document; imports it with allowDuplicate', async () => {
    const first = (await call('documents.import', {
      fileName: 'a.txt',
      data: b64(article('آخر تحديث: 15 مايو 2019 - 10:32')),
    })) as DocumentImportResult;
    const again = { fileName: 'b.txt', data: b64(article('آخر تحديث: 16 مايو 2019 - 14:05 بتوقيت غرينتش')) };
    const err = await call('documents.import', again).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'conflict', details: { duplicateOf: first.document.id } });
    expect((err as Error).message).toContain(`“${first.document.title}”`);
    expect((err as Error).message).toMatch(/\d+% the same/);
    expect(await call('documents.list', {})).toHaveLength(1);
    const preview = (await call('documents.preview', again)) as ImportPreview;
    expect(preview.articles[0]?.duplicate).toMatchObject({ documentId: first.document.id, exact: false });
    const anyway = (await call('documents.import', { ...again, allowDuplicate: true })) as DocumentImportResult;
    expect(anyway.warnings.map((w) => w.code)).toContain('near_duplicate');
    expect(await call('documents.list', {})).toHaveLength(2);
  });

  it('marks an article that an export holds twice, and one already in the project, in the preview', async () => {
    await call('documents.importText', { text: article('15 مايو 2019') });
    const twice = [
      nexisArticle(
        'محادثات باريس',
        'الشرق الأوسط',
        '15 مايو 2019',
        article('آخر تحديث: 15 مايو 2019').split('\n').join('\n\n'),
      ),
      nexisArticle('Oil prices jump', 'Reuters', 'June 2, 2019', 'Oil prices rose sharply after the announcement.'),
      nexisArticle('Oil prices jump', 'Reuters', 'June 2, 2019', 'Oil prices rose sharply after the announcement.'),
    ].join('\n');
    const preview = (await call('documents.preview', { fileName: 'twice.txt', data: b64(twice) })) as ImportPreview;
    expect(preview.articles.map((a) => [a.repeatOf, a.duplicate?.exact ?? null])).toEqual([
      [null, false],
      [null, null],
      [1, null],
    ]);
  });

  it('does not flag a different article on the same topic', async () => {
    await call('documents.import', { fileName: 'a.txt', data: b64(article('15 مايو 2019')) });
    const other = [
      'حفتر يرفض الدعوات لوقف إطلاق النار',
      'رفض المشير خليفة حفتر الدعوات الدولية إلى وقف إطلاق النار في محيط العاصمة طرابلس وقال إن قواته ستواصل التقدم.',
      'وجاءت تصريحاته بعد ساعات من استئناف المحادثات في باريس بحضور ممثلين عن الأمم المتحدة والحكومة الليبية.',
      'وقال المتحدث باسم قواته إن أي اتفاق يجب أن يضمن خروج الجماعات المسلحة من المدينة قبل أي انسحاب.',
      'من جهتها دعت الحكومة في طرابلس المجتمع الدولي إلى الضغط على حفتر لسحب قواته إلى مواقعها السابقة.',
    ].join('\n');
    const result = (await call('documents.import', { fileName: 'c.txt', data: b64(other) })) as DocumentImportResult;
    expect(result.warnings.map((w) => w.code)).not.toContain('near_duplicate');
    expect(await call('documents.list', {})).toHaveLength(2);
  });
});
