/**
 * The trigram postings and the letter-variant folding (postings.ts, indexFold.ts) may only ever
 * narrow the documents a search reads: for a few hundred seeded queries in every match mode and
 * with every folding rule switched, a prefiltered search must give exactly the hits of a search
 * that scans every document's full entry.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCH_MODES, type SearchOptions } from '@shared/api/search';
import { normalize } from '@shared/search/normalize';
import { foldKept, INDEX_RULES, keptMapFor } from '@shared/search/indexFold';
import { sha256 } from './indexFile';
import { SearchIndex, type DocumentSource } from './searchIndex';
import { seededRandom } from '@shared/testing/seededRandom';

/** words with the spellings the rules fold, each written several ways */
const STEMS = [
  ['خليفة', 'خليفه', 'خليفـــة', 'خَلِيفَة'],
  ['مسؤول', 'مسئول', 'مسءول'],
  ['أحمد', 'احمد', 'إحمد', 'أَحْمَد'],
  ['مستشفى', 'مستشفي'],
  ['الرئيس', 'الرءيس', 'الريس'],
  ['سلامة', 'سلامه'],
  ['القرآن', 'القران'],
  ['إطلاق', 'اطلاق', 'إِطْلَاق'],
  ['النار', 'النّار'],
  ['وقف', 'وَقْف'],
  ['٢٠١٩', '2019', '۲۰۱۹'],
  ['١٢', '12'],
  ['Report', 'report', 'REPORT'],
  ['port', 'Port'],
  ['ﻻ', 'لا'],
  ['کتاب', 'كتاب'],
  ['یوم', 'يوم', 'ىوم'],
  ['مدينة', 'مدينه'],
  ['شؤون', 'شئون'],
  ['علي', 'على', 'عَلِيّ'],
];
const CLITICS = ['', '', '', 'و', 'ف', 'ب', 'ل', 'ال', 'وال', 'بال', 'لل', 'ك'];
const GAPS = [' ', ' ', ' ', '  ', '\u00a0', '\t', '، ', '. ', '\n'];

function makeCorpus(rand: () => number, count: number): Record<string, string> {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  const docs: Record<string, string> = {};
  for (let d = 0; d < count; d++) {
    let text = '';
    const words = 8 + Math.floor(rand() * 30);
    for (let w = 0; w < words; w++) {
      const spelling = pick(pick(STEMS));
      text += (/^[\u0600-\u06ff]/u.test(spelling) ? pick(CLITICS) : '') + spelling;
      if (rand() < 0.05) text += '\u200c';
      text += pick(GAPS);
    }
    docs[`d${String(d).padStart(3, '0')}`] = text;
  }
  return docs;
}

/** queries cut from the documents (a word, a few words, a piece of one) and spellings of the stems */
function makeQueries(rand: () => number, docs: Record<string, string>, count: number): string[] {
  const texts = Object.values(docs);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  const out: string[] = [];
  while (out.length < count) {
    const r = rand();
    if (r < 0.3) out.push(pick(pick(STEMS)));
    else if (r < 0.45) out.push(pick(CLITICS) + pick(pick(STEMS)));
    else {
      const text = pick(texts);
      const words = text.split(/\s+/u).filter((w) => w !== '');
      const at = Math.floor(rand() * words.length);
      if (r < 0.7) out.push(words.slice(at, at + 1 + Math.floor(rand() * 3)).join(' '));
      else {
        const word = words[at] ?? '';
        const from = Math.floor(rand() * word.length);
        out.push(word.slice(from, from + 2 + Math.floor(rand() * 4)));
      }
    }
    if ((out[out.length - 1] ?? '').trim() === '') out.pop();
  }
  return out;
}

const RULE_SETS: Array<Partial<SearchOptions>> = [
  {},
  { foldTaaMarbuta: false },
  { foldYaa: false },
  { foldAlef: false },
  { foldHamza: false },
  { foldHamzaSeat: true },
  { foldTaaMarbuta: false, foldAlef: false, foldYaa: false, foldHamza: false },
  { ignoreDiacritics: false },
  { ignoreTatweel: false, foldTaaMarbuta: false },
  { foldDigits: false },
  { ignoreCase: false },
  { foldPersian: false, foldYaa: false },
  { foldHamzaSeat: true, ignoreDiacritics: false },
  { collapseWhitespace: false, ignoreInvisibles: false },
  { foldPresentationForms: false, foldTaaMarbuta: false },
];

let dir = '';
let docs: Record<string, string> = {};
let source: DocumentSource;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-prefilter-'));
  docs = makeCorpus(seededRandom(7), 40);
  const summaries = Object.entries(docs).map(([id, text]) => ({ id, sha256: sha256(text), title: id }));
  source = {
    dir,
    summaries: () => summaries,
    text: async (id) => docs[id] ?? '',
  };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const spans = (result: { hits: Array<{ documentId: string; start: number; end: number }> }) =>
  result.hits.map((h) => `${h.documentId}:${h.start}-${h.end}`);

describe('the search prefilter', () => {
  it('folds the index text to every letter variant of the default exactly', () => {
    const rand = seededRandom(11);
    for (const text of Object.values(makeCorpus(rand, 20))) {
      const stored = normalize(text, INDEX_RULES);
      for (const rules of RULE_SETS) {
        const kept = keptMapFor(rules);
        if (!kept) continue;
        const direct = normalize(text, rules);
        expect(foldKept(stored.text, kept)).toBe(direct.text);
        expect(stored.origin).toEqual(direct.origin);
      }
    }
  });

  it('finds exactly the hits of a full scan, for every mode and rule set', async () => {
    const prefiltered = new SearchIndex(source);
    const full = new SearchIndex(source, { prefilter: false });
    let compared = 0;
    let withHits = 0;
    for (const [k, rules] of RULE_SETS.entries()) {
      // other queries for every rule set: a few hundred in all
      const queries = makeQueries(seededRandom(100 + k), docs, 24);
      for (const match of MATCH_MODES) {
        for (const query of queries) {
          const options = { ...rules, match };
          const expected = await full.search(query, { options, limit: 5000 });
          const got = await prefiltered.search(query, { options, limit: 5000 });
          expect(spans(got), `${query} ${JSON.stringify(options)}`).toEqual(spans(expected));
          compared++;
          if (expected.hits.length > 0) withHits++;
        }
      }
    }
    expect(compared).toBe(RULE_SETS.length * MATCH_MODES.length * 24);
    // the queries are not all empty-handed: the comparison means something
    expect(withHits).toBeGreaterThan(compared / 3);
  }, 120_000);
});

/** harakat put on a text at random: on letters, doubled, after a space, before a line break */
function withHarakat(rand: () => number, text: string, rate: number): string {
  const HARAKAT = [
    '\u064e',
    '\u064f',
    '\u0650',
    '\u0651',
    '\u0652',
    '\u064b',
    '\u064c',
    '\u0651\u064e',
    '\u0670',
    '\u06e1',
  ];
  let out = '';
  for (const ch of text) {
    out += ch;
    if (rand() < rate) out += HARAKAT[Math.floor(rand() * HARAKAT.length)];
  }
  return out;
}

const HARAKAT_RULE_SETS: Array<Partial<SearchOptions>> = [
  { ignoreDiacritics: false },
  { ignoreDiacritics: false, foldTaaMarbuta: false },
  { ignoreDiacritics: false, foldAlef: false, foldYaa: false, foldHamza: false, foldTaaMarbuta: false },
  { ignoreDiacritics: false, foldHamzaSeat: true },
  { ignoreDiacritics: false, ignoreTatweel: false },
];

describe('a harakat-significant search', () => {
  it('finds exactly the hits of a full scan, with harakat known or not yet, for every mode', async () => {
    const hdir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-harakat-'));
    try {
      const rand = seededRandom(23);
      const plain = makeCorpus(rand, 40);
      const marked: Record<string, string> = {};
      for (const [id, text] of Object.entries(plain)) marked[id] = rand() < 0.3 ? text : withHarakat(rand, text, 0.15);
      const summaries = Object.entries(marked).map(([id, text]) => ({ id, sha256: sha256(text), title: id }));
      const hsource: DocumentSource = { dir: hdir, summaries: () => summaries, text: async (id) => marked[id] ?? '' };
      const full = new SearchIndex(hsource, { prefilter: false });
      // the index built once and written: a second one reads only the filter, not yet the harakat
      await new SearchIndex(hsource).sync();
      const cold = new SearchIndex(hsource);
      const warm = new SearchIndex(hsource);
      await warm.rebuild();
      let compared = 0;
      let withHits = 0;
      for (const [k, rules] of HARAKAT_RULE_SETS.entries()) {
        const cut = makeQueries(seededRandom(300 + k), marked, 10);
        const queries = [
          ...cut,
          ...makeQueries(seededRandom(400 + k), plain, 10).map((q) => withHarakat(rand, q, 0.2)),
        ];
        for (const match of MATCH_MODES) {
          for (const query of queries) {
            const options = { ...rules, match };
            const expected = spans(await full.search(query, { options, limit: 5000 }));
            const label = `${query} ${JSON.stringify(options)}`;
            expect(spans(await cold.search(query, { options, limit: 5000 })), label).toEqual(expected);
            expect(spans(await warm.search(query, { options, limit: 5000 })), label).toEqual(expected);
            compared++;
            if (expected.length > 0) withHits++;
          }
        }
      }
      expect(withHits).toBeGreaterThan(compared / 3);
    } finally {
      await rm(hdir, { recursive: true, force: true });
    }
  }, 120_000);

  it('reads only the documents whose harakat match, once they are known', async () => {
    const hdir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-harakat-'));
    try {
      const texts: Record<string, string> = {};
      for (let i = 0; i < 30; i++) texts[`d${i}`] = `وقد اضطرت فرنسا إلى الرد على الاتهامات ${i}`;
      texts.d30 = 'وقد اضطُرت فرنسا إلى الرد';
      texts.d31 = 'وقد اضطَرت الحكومة إلى الرد';
      const summaries = Object.entries(texts).map(([id, text]) => ({ id, sha256: sha256(text), title: id }));
      const index = new SearchIndex({ dir: hdir, summaries: () => summaries, text: async (id) => texts[id] ?? '' });
      await index.sync();
      const options = { ignoreDiacritics: false };
      expect((await index.search('اضطُرت', { options, limit: 100 })).hits.map((h) => h.documentId)).toEqual(['d30']);
      expect(index.counters.searched).toBe(1);
      // without harakat in the query, only the documents that write it without them
      const bare = await index.search('اضطرت', { options, limit: 100 });
      expect(bare.hits).toHaveLength(30);
      expect(index.counters.searched).toBe(31);
    } finally {
      await rm(hdir, { recursive: true, force: true });
    }
  });
});
