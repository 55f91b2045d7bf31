/**
 * The postings' word keys (postings.ts): a whole-word query asks for its words as words, so the
 * documents that hold the word only inside longer ones (الفرنسي, وفرنسي, فرنسية) are never
 * scanned, and the hits stay exactly those of a scan of every document.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MATCH_MODES } from '@shared/api/search';
import { INDEX_DIR, sha256 } from './indexFile';
import { pieceWordGroups, trigramsOf, wordKey } from './postings';
import { squeeze } from './filterStore';
import { SearchIndex, type DocumentSource } from './searchIndex';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-wordkeys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function source(docs: Record<string, string>): DocumentSource {
  const summaries = Object.entries(docs).map(([id, text]) => ({ id, sha256: sha256(text), title: id }));
  return { dir, summaries: () => summaries, text: async (id) => docs[id] ?? '' };
}

const ids = (result: { hits: Array<{ documentId: string }> }) => [...new Set(result.hits.map((h) => h.documentId))];
const spans = (result: { hits: Array<{ documentId: string; start: number; end: number }> }) =>
  result.hits.map((h) => `${h.documentId}:${h.start}-${h.end}`);

/** فرنسي glued to each clitic or ending, and where it stands alone: text start and end, punctuation, a line break */
const GLUED: Record<string, string> = {
  waw: 'قال وفرنسي الأصل',
  fa: 'ففرنسي هو',
  ba: 'مر بفرنسي في الشارع',
  lam: 'قال لفرنسي إن',
  kaf: 'يتكلم كفرنسي تماما',
  article: 'الرئيس الفرنسي ماكرون',
  both: 'والفرنسي وبالفرنسي وللفرنسي',
  ending: 'الحكومة فرنسية والشركة فرنسيون',
  digit: 'رقم فرنسي2019 وكذلك 7فرنسي',
  // a full stop between letters joins them into one word (UAX #29, WB6–7): the scan decides
  stop: 'الرجل.فرنسي.الجنسية',
};
const ALONE: Record<string, string> = {
  start: 'فرنسي الأصل',
  end: 'قال إنه فرنسي',
  comma: 'هو، فرنسي، وليس غيره',
  dot: 'قال إنه فرنسي. وغادر',
  quote: 'كتب «فرنسي» بخط كبير',
  line: 'السطر الأول\nفرنسي في الثاني',
  tatweel: 'قال إنه فرنـــسي الأصل',
  harakat: 'قال إنه فَرَنْسِيّ الأصل',
  maqsura: 'قال إنه فرنسى الأصل',
};

describe('the word keys of the postings', () => {
  it('let a whole-word query scan only the documents that hold the word as a word', async () => {
    const index = new SearchIndex(source({ ...GLUED, ...ALONE }));
    await index.sync();
    const result = await index.search('فرنسي', { options: { wholeWord: true }, limit: 100 });
    expect(ids(result).sort()).toEqual(Object.keys(ALONE).sort());
    // not one of the documents that hold فرنسي only inside another word was scanned (but the
    // one where a full stop glues it, which only the scan can tell)
    expect(index.counters.scanned).toBe(Object.keys(ALONE).length + 1);
  });

  it('rule out every document when the word occurs only inside others, in every letter variant', async () => {
    const index = new SearchIndex(source(GLUED));
    await index.sync();
    for (const options of [
      { wholeWord: true },
      { wholeWord: true, foldTaaMarbuta: false },
      { wholeWord: true, foldYaa: false },
      { wholeWord: true, foldAlef: false, foldHamza: false },
    ]) {
      expect(ids(await index.search('فرنسي', { options, limit: 100 })), JSON.stringify(options)).toEqual([]);
    }
    expect(index.counters.scanned).toBe(4);
    // the other modes still find the glued ones
    expect(ids(await index.search('فرنسي', { options: { match: 'substring' }, limit: 100 }))).toHaveLength(10);
    // (word-aware search ends a word at a full stop: it has its own, simpler notion of a word)
    expect(ids(await index.search('فرنسي', { limit: 100 })).sort()).toEqual(
      ['waw', 'fa', 'ba', 'lam', 'kaf', 'article', 'both', 'stop'].sort(),
    );
  });

  it('give exactly the hits of a full scan for glued and standalone words, in every mode and letter variant', async () => {
    const docs = { ...GLUED, ...ALONE };
    const full = new SearchIndex(source(docs), { prefilter: false });
    const index = new SearchIndex(source(docs));
    const queries = [
      'فرنسي',
      'فرنسى',
      'الفرنسي',
      'فرنسي2019',
      '2019',
      'فرنسية',
      'فرنسي الأصل',
      'إنه فرنسي',
      '، فرنسي،',
      'ف',
    ];
    const variants = [
      {},
      { foldYaa: false },
      { foldTaaMarbuta: false },
      { foldHamzaSeat: true },
      { ignoreTatweel: false },
    ];
    let withHits = 0;
    for (const query of queries)
      for (const rules of variants)
        for (const match of MATCH_MODES) {
          const options = { ...rules, match };
          const want = await full.search(query, { options, limit: 1000 });
          expect(
            spans(await index.search(query, { options, limit: 1000 })),
            `${query} ${JSON.stringify(options)}`,
          ).toEqual(spans(want));
          if (want.hits.length > 0) withHits++;
        }
    expect(withHits).toBeGreaterThan(queries.length * variants.length);
  });

  it('key a word by its default folding, so a query folded by a letter variant finds its spellings', () => {
    const keys = (text: string) => new Set(trigramsOf(squeeze(text)));
    // the index keeps ة and ى; the default folding of the query writes ه and ي
    expect(keys('في المدينة.').has(wordKey(squeeze('مدينه')))).toBe(false);
    expect(keys('في مدينة.').has(wordKey(squeeze('مدينه')))).toBe(true);
    expect(keys('في مدينة.').has(wordKey(squeeze('مدينة')))).toBe(true);
    expect(keys('مستشفى').has(wordKey(squeeze('مستشفي')))).toBe(true);
    // a word glued to a digit is one word (the Unicode word-break rules join them)
    expect(keys('عام2019').has(wordKey(squeeze('2019')))).toBe(false);
    expect(keys('عام 2019').has(wordKey(squeeze('2019')))).toBe(true);
    // the words of a query: each run of units that join, whatever stands between them
    expect(pieceWordGroups(squeeze('إنه، فرنسي'))).toEqual([[wordKey(squeeze('إنه'))], [wordKey(squeeze('فرنسي'))]]);
    expect(pieceWordGroups(squeeze('«فرنسي»'))).toEqual([[wordKey(squeeze('فرنسي'))]]);
  });

  it('are rebuilt from postings written by the old version, which had none', async () => {
    const docs = { ...GLUED, ...ALONE };
    await new SearchIndex(source(docs)).sync();
    const folder = path.join(dir, INDEX_DIR, 'postings');
    for (const name of await readdir(folder)) {
      const file = path.join(folder, name);
      const bytes = await readFile(file);
      bytes.write('HXP1', 0, 'latin1');
      await writeFile(file, bytes);
    }
    const reopened = new SearchIndex(source(docs));
    const result = await reopened.search('فرنسي', { options: { wholeWord: true }, limit: 100 });
    expect(ids(result).sort()).toEqual(Object.keys(ALONE).sort());
    // the documents' entries and filter were read as they were; only the postings were built again
    expect(reopened.counters.built).toBe(0);
    expect(reopened.counters.postingsBuilt).toBe(64);
    const again = new SearchIndex(source(docs));
    await again.sync();
    expect(again.counters.postingsBuilt).toBe(0);
  });
});
