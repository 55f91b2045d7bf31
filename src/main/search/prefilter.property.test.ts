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

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

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
  docs = makeCorpus(rng(7), 40);
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
    const rand = rng(11);
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
      const queries = makeQueries(rng(100 + k), docs, 24);
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
