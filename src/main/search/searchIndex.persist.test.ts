import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { INDEX_DIR, indexPath, sha256 } from './indexFile';
import { SearchIndex, type DocumentSource } from './searchIndex';
import { seededRandom } from '@shared/testing/seededRandom';

/** A project of plain texts in a folder, with the notices it was told. */
function corpus(dir: string, texts: Record<string, string>) {
  const docs = new Map(Object.entries(texts));
  const notices: string[] = [];
  const source: DocumentSource = {
    dir,
    summaries: () => [...docs].map(([id, text]) => ({ id, sha256: sha256(text), title: id })),
    text: async (id) => docs.get(id) ?? '',
    notice: (message) => notices.push(message),
  };
  return { docs, notices, source };
}

const spans = (result: { hits: Array<{ documentId: string; start: number; end: number }> }) =>
  result.hits.map((h) => `${h.documentId}:${h.start}-${h.end}`);

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-search-persist-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const TEXTS = {
  a: 'قال المشير خليفه حفتر اليوم',
  b: 'التقى خليفة حفتر الرئيس الفرنسي',
  c: 'لا شيء هنا عن الموضوع',
};

describe('the persisted search index', () => {
  it('is written under index/ and a restart answers the first query from disk without building anything', async () => {
    const first = new SearchIndex(corpus(dir, TEXTS).source);
    const before = await first.search('خليفة', { limit: 100 });
    expect(first.counters.built).toBe(3);
    const files = await readdir(path.join(dir, INDEX_DIR));
    expect(files).toEqual(expect.arrayContaining(['a.json', 'b.json', 'c.json', 'filter']));

    const reopened = new SearchIndex(corpus(dir, TEXTS).source);
    const after = await reopened.search('خليفة', { limit: 100 });
    expect(spans(after)).toEqual(spans(before));
    expect(spans(after)).toEqual(['a:11-16', 'b:6-11']);
    expect(reopened.counters.built).toBe(0);
    // only the two documents that can hold a hit were read, from their files
    expect(reopened.counters.read).toBe(2);
  });

  it('re-indexes only the document that changed', async () => {
    const project = corpus(dir, TEXTS);
    const index = new SearchIndex(project.source);
    await index.sync();
    expect(index.counters.built).toBe(3);
    project.docs.set('c', 'وأخيرا ذكر خليفه');
    const reopened = new SearchIndex(project.source);
    const found = await reopened.search('خليفة', { limit: 100 });
    expect(reopened.counters.built).toBe(1);
    expect(spans(found)).toEqual(['a:11-16', 'b:6-11', 'c:11-16']);
  });

  it('keeps up with a document list changed in place (the store keeps one array), re-checking only the entries that changed', async () => {
    const current = new Map(Object.entries(TEXTS));
    const summary = (id: string) => ({ id, sha256: sha256(current.get(id) ?? ''), title: id });
    const list = [...current.keys()].map(summary);
    const index = new SearchIndex({ dir, summaries: () => list, text: async (id) => current.get(id) ?? '' });
    const find = async () => spans(await index.search('خليفة', { limit: 100 }));
    expect(await find()).toEqual(['a:11-16', 'b:6-11']);
    expect(await find()).toEqual(['a:11-16', 'b:6-11']);
    expect(index.counters.built).toBe(3);
    // c's entry replaced in its place by one with another text
    current.set('c', 'وأخيرا ذكر خليفه');
    list[2] = summary('c');
    expect(await find()).toEqual(['a:11-16', 'b:6-11', 'c:11-16']);
    // one added to the same array, one taken out of it
    current.set('d', 'خليفة');
    list.push(summary('d'));
    list.splice(0, 1);
    expect(await find()).toEqual(['b:6-11', 'c:11-16', 'd:0-5']);
    expect(index.size).toBe(3);
    expect(index.counters.built).toBe(5);
  });

  it('rebuilds a damaged index file with a notice, and the search still answers in full', async () => {
    await new SearchIndex(corpus(dir, TEXTS).source).sync();
    await writeFile(indexPath(dir, 'b'), '{"format":"hashiya-search-index", broken');
    const project = corpus(dir, TEXTS);
    const reopened = new SearchIndex(project.source);
    const found = await reopened.search('خليفة', { limit: 100 });
    expect(spans(found)).toEqual(['a:11-16', 'b:6-11']);
    expect(reopened.counters.corrupt).toBe(1);
    expect(reopened.counters.built).toBe(1);
    expect(project.notices).toEqual([
      'One document’s search index file was damaged; it was rebuilt from the document.',
    ]);
    // rebuilt on disk: the next session reads it without a notice
    const again = corpus(dir, TEXTS);
    const third = new SearchIndex(again.source);
    expect(spans(await third.search('خليفة', { limit: 100 }))).toEqual(['a:11-16', 'b:6-11']);
    expect(third.counters.built).toBe(0);
    expect(again.notices).toEqual([]);
  });

  it('reads no file again for a repeated query over more documents than the old 48-entry cache held', async () => {
    const texts = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`d${i}`, `نص رقم ${i} عن خليفه حفتر`]));
    const index = new SearchIndex(corpus(dir, texts).source);
    await index.sync();
    const reopened = new SearchIndex(corpus(dir, texts).source);
    const first = await reopened.search('خليفة', { limit: 1000 });
    expect(first.hits).toHaveLength(120);
    const reads = reopened.counters.read;
    expect(reads).toBe(120);
    await reopened.search('خليفة', { limit: 1000 });
    expect(reopened.counters.read).toBe(reads);
  });
});

// ---------------------------------------------------------------------------------------------

const STEMS = [
  'خليفة',
  'خليفه',
  'مسؤول',
  'مسئول',
  'أحمد',
  'احمد',
  'إطلاق',
  'النار',
  'سلامة',
  'المقبلــة',
  'قرآن',
  'ى',
  'يى',
  'ک',
  'ی',
];
const MARKS = ['', '', '', '\u064E', '\u0650', '\u0651', '\u0640'];
const CLITICS = ['', '', 'و', 'ب', 'ل', 'ال', 'وال', 'فـ'];
const OTHER = ['2019', '٢٠١٩', 'حفتر', 'في', 'من', '🙂', 'e\u0301', ',', '.', '«', '»'];

describe('the candidate prefilter', () => {
  it('changes no result: randomized corpus and queries, with and without it', async () => {
    const rand = seededRandom(19);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
    const word = () => {
      if (rand() < 0.3) return pick(OTHER);
      const stem = [...pick(STEMS)];
      const at = Math.floor(rand() * stem.length);
      stem.splice(at, 0, pick(MARKS));
      return pick(CLITICS) + stem.join('');
    };
    const texts: Record<string, string> = {};
    for (let d = 0; d < 40; d++) texts[`r${d}`] = Array.from({ length: 30 + Math.floor(rand() * 60) }, word).join(' ');
    const filtered = new SearchIndex(corpus(dir, texts).source);
    const scanned = new SearchIndex(corpus(dir, texts).source, { prefilter: false });
    const optionSets = [
      {},
      { wholeWord: true },
      { match: 'substring' as const },
      { foldTaaMarbuta: false },
      { foldHamzaSeat: true },
      { foldAlef: false, match: 'substring' as const },
      { ignoreDiacritics: false },
      { foldYaa: false, foldPersian: false, wholeWord: true },
      { ignoreTatweel: false, foldHamza: false },
    ];
    let compared = 0;
    for (let q = 0; q < 60; q++) {
      const query = rand() < 0.5 ? word() : `${word()} ${word()}`;
      const options = pick(optionSets);
      const a = await filtered.search(query, { limit: 10_000, options });
      const b = await scanned.search(query, { limit: 10_000, options });
      expect(a, `${query} ${JSON.stringify(options)}`).toEqual(b);
      if (a.hits.length > 0) compared++;
    }
    // the queries found something often enough for the comparison to mean something
    expect(compared).toBeGreaterThan(20);
  });
});
