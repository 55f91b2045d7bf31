import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '.';
import { decodeText } from './decode';
import iconv from 'iconv-lite';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/import');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

const FIRST_PARAGRAPH =
  'يتوقع أن يجري قائد الجيش الوطني الليبي، المشير خليفه حفتر، اليوم الأربعاء في قصر الأليزي، محادثات مع الرئيس الفرنسي، أمانويل ماكرون، بعد أسبوعين من الزيارة التي أداها لباريس رئيس المجلس الرئاسي، فائز السراج، بينما لا يزال الهدف الرئيسي الحصول على وقف إطلاق النار في التصعيد العسكري المستمر منذ أن أطلق المشير حفتر هجوما في الرابع أبريل للسيطرة على طرابلس.';

describe('plain-text import of the sample article', () => {
  it('joins hard-wrapped lines into paragraphs separated by one newline', async () => {
    const { text, warnings } = await importFile(
      'libya.txt',
      readFileSync(path.resolve(__dirname, '../../../resources/sample/libya-ceasefire-2019.ar.txt')),
    );
    const paragraphs = text.split('\n');
    expect(paragraphs).toHaveLength(11);
    expect(paragraphs[0]).toBe(FIRST_PARAGRAPH);
    expect(
      paragraphs[10]?.startsWith(
        'يذكر أن الجيش الوطني الليبي أطلق يوم 04 أبريل الماضي هجوما بهدف السيطرة على العاصمة طرابلس، حيث',
      ),
    ).toBe(true);
    expect(text).not.toMatch(/\n\n|^ | $| \n|\n |\r/);
    expect(warnings).toEqual([]);
  });

  it('gives byte-identical canonical text whatever the encoding, BOM or line endings', async () => {
    const names = [
      'libya.utf8.txt',
      'libya.utf8-bom.txt',
      'libya.utf16le-bom.txt',
      'libya.utf16be-bom.txt',
      'libya.utf16le.txt',
      'libya.utf16be.txt',
      'libya.windows-1256-crlf.txt',
      'libya.windows-1256-cr.txt',
    ];
    const results = await Promise.all(names.map(async (n) => (await importFile(n, fixture(n))).text));
    const reference = Buffer.from(results[0] ?? '', 'utf8');
    expect(reference.length).toBeGreaterThan(3000);
    for (const [i, text] of results.entries()) {
      expect(Buffer.from(text, 'utf8').equals(reference), names[i]).toBe(true);
    }
  });

  it('says when it fell back to Windows-1256, and only then', async () => {
    const legacy = await importFile('old.txt', fixture('libya.windows-1256-crlf.txt'));
    expect(legacy.warnings.map((w) => w.code)).toContain('encoding_windows_1256');
    const utf16 = await importFile('new.txt', fixture('libya.utf16le-bom.txt'));
    expect(utf16.warnings).toEqual([]);
  });

  it('says when it guessed UTF-16 because the file has no BOM, naming the byte order', async () => {
    const le = await importFile('le.txt', fixture('libya.utf16le.txt'));
    const be = await importFile('be.txt', fixture('libya.utf16be.txt'));
    expect(le.warnings).toEqual([
      { code: 'encoding_guessed', message: expect.stringMatching(/no byte order mark.*UTF-16 \(LE, little-endian\)/) },
    ]);
    expect(be.warnings).toEqual([
      { code: 'encoding_guessed', message: expect.stringMatching(/no byte order mark.*UTF-16 \(BE, big-endian\)/) },
    ]);
    expect((await importFile('utf8.txt', fixture('libya.utf8.txt'))).warnings).toEqual([]);
  });

  it('tells the encodings apart by BOM first and strict UTF-8 second', () => {
    expect(decodeText(fixture('libya.utf16le-bom.txt')).encoding).toBe('utf-16le');
    expect(decodeText(fixture('libya.utf16be-bom.txt')).encoding).toBe('utf-16be');
    expect(decodeText(fixture('libya.utf16le.txt')).encoding).toBe('utf-16le');
    expect(decodeText(fixture('libya.utf16be.txt')).encoding).toBe('utf-16be');
    expect(decodeText(fixture('libya.utf8-bom.txt')).encoding).toBe('utf-8');
    expect(decodeText(fixture('libya.utf8.txt')).encoding).toBe('utf-8');
    expect(decodeText(fixture('libya.windows-1256-crlf.txt')).encoding).toBe('windows-1256');
  });

  it('keeps each line as a paragraph when the file has no blank lines', async () => {
    const { text } = await importFile(
      'lines.txt',
      Buffer.from('السطر الأول\r\n  السطر الثاني  \rالسطر الثالث\n', 'utf8'),
    );
    expect(text).toBe('السطر الأول\nالسطر الثاني\nالسطر الثالث');
  });
});

/** UTF-16 without a BOM, for a text given as a string. */
const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from(text, 'utf16le');
  return order === 'le' ? le : Buffer.from(le).swap16();
};

describe('UTF-16 without a byte order mark', () => {
  const ENGLISH =
    'The UN envoy called on Wednesday for an immediate ceasefire around Tripoli.\r\nHe warned that the fighting\r\nthreatens civilians.\r\n\r\n"We are ready to mediate," he said (22 May 2019).\r\n';
  const MIXED = 'قال غسان سلامة (Ghassan Salamé) إن «الهدنة» ممكنة — 2019.\n\nThe UN – الأمم المتحدة.\n';

  it.each([
    ['English', ENGLISH],
    ['Arabic and English mixed', MIXED],
    ['one Arabic word', 'طرابلس'],
    ['one English word', 'Tripoli'],
    ['one letter', 'a'],
  ])('reads %s, little- and big-endian, to the same text as UTF-8', async (_what, text) => {
    const reference = await importFile('utf8.txt', Buffer.from(text, 'utf8'));
    for (const order of ['le', 'be'] as const) {
      const result = await importFile(`${order}.txt`, utf16(text, order));
      expect(result.text, order).toBe(reference.text);
      expect(
        result.warnings.map((w) => w.code),
        order,
      ).toEqual(['encoding_guessed', ...reference.warnings.map((w) => w.code)]);
      expect(decodeText(utf16(text, order)).encoding).toBe(order === 'le' ? 'utf-16le' : 'utf-16be');
    }
  });

  it('decides from the first 64 KB, even when that cuts a surrogate pair in two', async () => {
    // 32,767 BMP characters, then an emoji (a surrogate pair) straddling the 64 KB sample's end
    const text = `${'نص '.repeat(10_922)}x😀 ${'end '.repeat(10)}`;
    expect(Buffer.byteLength(text, 'utf16le')).toBeGreaterThan(64 * 1024);
    for (const order of ['le', 'be'] as const) expect(decodeText(utf16(text, order)).text).toBe(text);
  });

  it('does not take UTF-8 or Windows-1256 text for UTF-16', () => {
    expect(decodeText(fixture('libya.utf8.txt')).encoding).toBe('utf-8');
    expect(decodeText(Buffer.from('ab', 'utf8')).encoding).toBe('utf-8');
    expect(decodeText(Buffer.from('طرابلس', 'utf8')).encoding).toBe('utf-8');
    expect(decodeText(fixture('libya.windows-1256-crlf.txt')).encoding).toBe('windows-1256');
  });
});

describe('stray control bytes in otherwise valid text', () => {
  const ARTICLE = 'قال المبعوث الأممي غسان سلامة إن وقف إطلاق النار في طرابلس ممكن.\r\nودعا الأطراف إلى الحوار.\r\n';
  const cp1256 = (text: string) => iconv.encode(text, 'windows-1256');

  it('reads a Windows-1256 file that ends with a NUL, dropping the NUL with a warning that counts it', async () => {
    const bytes = Buffer.concat([cp1256(ARTICLE), Buffer.from([0])]);
    const { text, warnings } = await importFile('corpus-0001.txt', bytes);
    expect(text).toBe('قال المبعوث الأممي غسان سلامة إن وقف إطلاق النار في طرابلس ممكن.\nودعا الأطراف إلى الحوار.');
    expect(warnings.map((w) => w.code)).toEqual(['encoding_windows_1256', 'control_characters_removed']);
    expect(warnings[1]).toMatchObject({ count: 1 });
  });

  it('drops a few NULs and C0/C1 controls scattered in UTF-8 text, counting every one', async () => {
    const bytes = Buffer.from(
      `\u0000${ARTICLE.replace('سلامة', 'سلا\u0001مة').replace('الحوار', 'ال\u0085\u0090حوار')}\u0000`,
      'utf8',
    );
    const { text, warnings } = await importFile('utf8.txt', bytes);
    expect(text).toContain('غسان سلامة إن');
    expect(text).toContain('إلى ال\nحوار'); // NEL is a line break, as before
    expect(warnings).toEqual([expect.objectContaining({ code: 'control_characters_removed', count: 4 })]);
  });

  it('still refuses a file that is mostly not text, whatever its name', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 1)]);
    await expect(importFile('photo.txt', png)).rejects.toMatchObject({ code: 'unsupported', message: /PNG image/ });
    const unsigned = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + (i >> 3)) % 256));
    await expect(importFile('data.txt', unsigned)).rejects.toMatchObject({
      code: 'unsupported',
      message: /binary file/,
    });
  });
});

describe('paragraphs of a text file', () => {
  const PARAGRAPHS = [
    'أعلنت بعثة الأمم المتحدة للدعم في ليبيا يوم الأربعاء أن الأطراف وافقت على هدنة إنسانية في طرابلس تبدأ مع حلول عيد الفطر.',
    'وقال المبعوث الأممي غسان سلامة إن الهدنة يجب أن تفتح الطريق أمام العودة إلى طاولة الحوار، داعيا الدول المعنية إلى احترام حظر السلاح.',
  ];
  /** Greedy wrapping at 50 characters. */
  const wrap = (p: string) =>
    p.split(' ').reduce<string[]>((lines, word) => {
      const last = lines[lines.length - 1];
      if (last !== undefined && last.length + 1 + word.length <= 50) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
      return lines;
    }, []);

  it('joins a hard-wrapped Windows-1256 file with one blank line, keeping its sub-heading', async () => {
    const raw = [
      'هدنة في طرابلس',
      '',
      ...wrap(PARAGRAPHS[0] ?? ''),
      'مواقف الأطراف',
      ...wrap(PARAGRAPHS[1] ?? ''),
    ].join('\r\n');
    const { text } = await importFile('wrapped.txt', iconv.encode(raw, 'windows-1256'));
    expect(text.split('\n')).toEqual(['هدنة في طرابلس', PARAGRAPHS[0], 'مواقف الأطراف', PARAGRAPHS[1]]);
  });

  it('keeps one paragraph per line in a file with one blank line', async () => {
    const raw = ['هدنة في طرابلس', '', ...PARAGRAPHS, 'مواقف الأطراف', 'دعت فرنسا إلى وقف فوري لإطلاق النار.'].join(
      '\n',
    );
    const { text } = await importFile('lines.txt', Buffer.from(raw, 'utf8'));
    expect(text.split('\n')).toEqual([
      'هدنة في طرابلس',
      ...PARAGRAPHS,
      'مواقف الأطراف',
      'دعت فرنسا إلى وقف فوري لإطلاق النار.',
    ]);
  });
});
