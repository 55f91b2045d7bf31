import { describe, expect, it } from 'vitest';
import { bytesToBase64, importAll, importOne, tally, type ImportCall, type PreviewCall } from './importQueue';

const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const file = (name: string, content: string | Uint8Array<ArrayBuffer>) => new File([content], name);

function fakeServer(): { call: ImportCall; received: { fileName: string; data: string; allowDuplicate?: boolean }[] } {
  const received: { fileName: string; data: string; allowDuplicate?: boolean }[] = [];
  const call: ImportCall = async (input) => {
    received.push(input);
    const text = new TextDecoder().decode(fromBase64(input.data));
    if (text === 'dup' && !input.allowDuplicate) {
      throw Object.assign(new Error('This text is already in the project as “Sample”.'), {
        code: 'conflict',
        details: { duplicateOf: 'doc-1' },
      });
    }
    if (text === 'bad') throw Object.assign(new Error('“bad.txt” is a PNG image, not text.'), { code: 'unsupported' });
    return {
      document: {
        id: `id-${received.length}`,
        title: input.fileName,
        direction: 'rtl',
        language: 'ar',
        source: '',
        url: '',
        publishedAt: null,
        importedAt: '2026-01-01T00:00:00.000Z',
        charCount: text.length,
        annotationCount: 0,
        sha256: '0'.repeat(64),
      },
      warnings: input.allowDuplicate
        ? [{ code: 'duplicate', message: 'The same text is also in the project as “Sample”.' }]
        : [],
    };
  };
  return { call, received };
}

describe('import queue', () => {
  it('sends each file base64-encoded, byte for byte', async () => {
    const bytes: Uint8Array<ArrayBuffer> = new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0x80, 0xd8]);
    const { call, received } = fakeServer();
    await importOne(file('a.txt', bytes), call);
    expect(fromBase64(received[0]?.data ?? '')).toEqual(bytes);
  });

  it('encodes large buffers without overflowing the stack', () => {
    const big = new Uint8Array(2 * 1024 * 1024).map((_, i) => i % 251);
    const back = fromBase64(bytesToBase64(big));
    expect(back.length).toBe(big.length);
    expect(back.every((b, i) => b === big[i])).toBe(true);
    expect(bytesToBase64(new Uint8Array([0xff, 0xfe, 0x41]))).toBe('//5B');
  });

  it('imports many files in order with progress, and reports refusals and duplicates with their reasons', async () => {
    const { call, received } = fakeServer();
    const progress: string[] = [];
    const outcomes = await importAll(
      [file('one.txt', 'نص'), file('bad.txt', 'bad'), file('dup.txt', 'dup'), file('empty.txt', '')],
      call,
      (p) => progress.push(`${p.done}/${p.total}${p.current ? ` ${p.current}` : ''}`),
    );
    expect(progress).toEqual(['0/4 one.txt', '1/4 bad.txt', '2/4 dup.txt', '3/4 empty.txt', '4/4']);
    expect(outcomes.map((o) => o.kind)).toEqual(['imported', 'refused', 'duplicate', 'refused']);
    expect(outcomes[1]).toMatchObject({ message: '“bad.txt” is a PNG image, not text.' });
    expect(outcomes[3]).toMatchObject({ message: expect.stringContaining('empty') });
    expect(received.map((r) => r.fileName)).toEqual(['one.txt', 'bad.txt', 'dup.txt']); // the empty file is never sent
    expect(tally(outcomes)).toEqual({ imported: 1, refused: 2, duplicate: 1, review: 0 });

    const duplicate = outcomes[2];
    if (duplicate?.kind !== 'duplicate') throw new Error('expected a duplicate');
    expect(duplicate.duplicateOf).toBe('doc-1');
    const anyway = await duplicate.retry();
    expect(anyway.kind).toBe('imported');
    expect(received.at(-1)).toMatchObject({ fileName: 'dup.txt', allowDuplicate: true });
  });

  it('refuses a file over 20 MB without reading or sending it', async () => {
    const { call, received } = fakeServer();
    const huge = {
      name: 'huge.txt',
      size: 21 * 1024 * 1024,
      arrayBuffer: () => Promise.reject(new Error('must not be read')),
    };
    const outcome = await importOne(huge, call);
    expect(outcome).toMatchObject({
      kind: 'refused',
      message: expect.stringMatching(/“huge.txt” is 21\.0 MB, more than the 20 MB/),
    });
    expect(received).toEqual([]);
  });

  it('stops between files when asked', async () => {
    const { call } = fakeServer();
    let stop = false;
    const outcomes = await importAll(
      [file('a.txt', 'a'), file('b.txt', 'b'), file('c.txt', 'c')],
      async (input) => {
        stop = true;
        return call(input);
      },
      () => undefined,
      () => stop,
    );
    expect(outcomes).toHaveLength(1);
  });

  it('previews a file of several articles instead of refusing it, and sends the chosen ones with the same bytes', async () => {
    const { call: plain, received } = fakeServer();
    const call: ImportCall = async (input) => {
      if (!input.split) {
        received.push(input);
        throw Object.assign(new Error('“nexis.txt” holds 3 articles.'), { code: 'conflict', details: { articles: 3 } });
      }
      return plain(input);
    };
    const previews: string[] = [];
    const preview: PreviewCall = async ({ fileName }) => {
      previews.push(fileName);
      const article = (title: string) => ({
        title,
        source: '',
        publishedAt: null,
        paragraphs: [title, 'text'],
        charCount: 9,
        warnings: [],
        duplicate: null,
        repeatOf: null,
      });
      return { kind: 'nexis', articles: [article('A'), article('B'), article('C')] };
    };
    const [outcome] = await importAll([file('nexis.txt', 'three articles')], call, () => undefined, undefined, {
      preview,
    });
    if (outcome?.kind !== 'review') throw new Error('expected a review');
    expect(outcome.preview.articles.map((a) => a.title)).toEqual(['A', 'B', 'C']);
    expect(tally([outcome])).toEqual({ imported: 0, refused: 0, duplicate: 0, review: 1 });
    const done = await outcome.commit({ split: [0, 2], dropParagraphs: [{ article: 0, paragraphs: [1] }] });
    expect(done.kind).toBe('imported');
    expect(received.at(-1)).toMatchObject({
      fileName: 'nexis.txt',
      split: [0, 2],
      dropParagraphs: [{ article: 0, paragraphs: [1] }],
    });
    expect(received.at(-1)?.data).toBe(received[0]?.data);
    expect(previews).toEqual(['nexis.txt']);

    // asked to review every file: previewed without an import attempt first
    const before = received.length;
    const [single] = await importAll([file('one.txt', 'نص')], call, () => undefined, undefined, {
      preview,
      review: true,
    });
    expect(single?.kind).toBe('review');
    expect(received).toHaveLength(before);
  });
});
