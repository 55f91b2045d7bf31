/**
 * Word-aware matching of a folded query in a folded text, the default way Hashiya searches.
 *
 * A hit starts at the start of a word and ends at the end of a word: it never begins or ends
 * inside another word (الري does not match inside الرئيس, nor "port" inside "report"). In front
 * of each query word the Arabic proclitics are allowed: the conjunctions و ف, then the
 * prepositions ب ك ل, then the article ال — and ل + ال written لل — so وقف إطلاق النار also finds
 * لوقف إطلاق النار and وقف لإطلاق النار, and النار finds بالنار, والنار and للنار. A query word
 * that itself starts with ال keeps its article (النار does not find نار). The hit covers whole
 * words, proclitics included, as a word-snapped selection would. Query words are separated by
 * any white space in the text except a paragraph break.
 *
 * Both texts must have been folded with the same rules (normalize.ts): the proclitics are looked
 * for as the folded letters, so ال stands for أل and إل as well when alef forms are folded.
 */
import type { FoldedMatch } from './match';

const WAW = 'و';
const FA = 'ف';
const ARTICLE = 'ال';

/** What may stand between a word's start and a query word: conjunction, then preposition/article. */
const CONJUNCTIONS = ['', WAW, FA];
const OPTIONAL_ARTICLE = ['', 'ب', 'ك', 'ل', ARTICLE, 'بال', 'كال', 'لل'];
/** before a query word whose own article was taken off: the article in one of its written forms */
const WITH_ARTICLE = [ARTICLE, 'بال', 'كال', 'لل'];

interface QueryWord {
  /** the word without its article, if it had one */
  core: string;
  /** the prefixes allowed between the word's start and the core, longest first */
  prefixes: string[];
}

function prefixesFor(hasArticle: boolean): string[] {
  const mids = hasArticle ? WITH_ARTICLE : OPTIONAL_ARTICLE;
  const all = new Set<string>();
  for (const c of CONJUNCTIONS) for (const m of mids) all.add(c + m);
  return [...all].sort((a, b) => b.length - a.length);
}

const WITH_ARTICLE_PREFIXES = prefixesFor(true);
const OPTIONAL_PREFIXES = prefixesFor(false);

/** A letter, mark or digit: what a word is made of. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0x0621 && c <= 0x064a) return true;
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) return WORD_CHAR.test(text.slice(i - 1, i + 1));
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2));
  return WORD_CHAR.test(text[i] as string);
}

/** A space or tab (anything white but a paragraph break). */
function isGap(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x0b ||
    c === 0x0c ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** The query's words, each with the proclitics allowed in front of it. */
export function queryWords(foldedQuery: string): QueryWord[] {
  const words = foldedQuery.split(/[\s]+/u).filter((w) => w !== '');
  return words.map((w) => {
    const hasArticle = w.startsWith(ARTICLE) && w.length > ARTICLE.length + 1;
    return hasArticle
      ? { core: w.slice(ARTICLE.length), prefixes: WITH_ARTICLE_PREFIXES }
      : { core: w, prefixes: OPTIONAL_PREFIXES };
  });
}

/**
 * Substrings every text holding a word-aware hit of the query must contain (the cores of its
 * words), for a quick filter before the real search.
 */
export function requiredFragments(foldedQuery: string): string[] {
  return queryWords(foldedQuery).map((w) => w.core);
}

/** Whether `text` has the word `w` (one of its allowed prefixes, then the core) starting exactly at `at`; its end. */
function wordAt(text: string, at: number, w: QueryWord): number {
  for (const p of w.prefixes) {
    if (!text.startsWith(p, at)) continue;
    if (!text.startsWith(w.core, at + p.length)) continue;
    const end = at + p.length + w.core.length;
    if (!isWordChar(text, end)) return end;
  }
  return -1;
}

/** Every word-aware hit of the folded query in the folded text, left to right, not overlapping. */
export function findWords(haystack: string, foldedQuery: string, options: { limit?: number } = {}): FoldedMatch[] {
  const out: FoldedMatch[] = [];
  const words = queryWords(foldedQuery);
  const first = words[0];
  if (!first) return out;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const longest = (first.prefixes[0] ?? '').length;
  let from = 0;
  while (out.length < limit) {
    const at = haystack.indexOf(first.core, from);
    if (at === -1) break;
    from = at + 1;
    // the word's start: back over at most the longest prefix's letters
    let start = at;
    while (start > 0 && at - start < longest && isWordChar(haystack, start - 1)) start--;
    if (isWordChar(haystack, start - 1)) continue;
    // the letters between the word's start and the core must be one of the allowed prefixes
    if (!first.prefixes.includes(haystack.slice(start, at))) continue;
    let end = at + first.core.length;
    if (isWordChar(haystack, end)) continue;
    let ok = true;
    for (let k = 1; k < words.length; k++) {
      let p = end;
      if (!isGap(haystack.charCodeAt(p))) {
        ok = false;
        break;
      }
      while (p < haystack.length && isGap(haystack.charCodeAt(p))) p++;
      const e = wordAt(haystack, p, words[k] as QueryWord);
      if (e === -1) {
        ok = false;
        break;
      }
      end = e;
    }
    if (!ok) continue;
    out.push({ start, end });
    from = end;
  }
  return out;
}
