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
import { squeeze, UNKNOWN } from './squeeze';

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

/**
 * How the characters of a text are told apart. The exact alphabet reads folded text; the
 * squeezed one reads the one-byte copy of folded text that the search index keeps in memory
 * (squeeze.ts), where 0x7F stands for any character outside ASCII and the Arabic block: it may be
 * a letter or white space, so a search of squeezed text lets it pass both ways and finds a
 * superset of the real hits — a filter that never drops a document with a hit.
 */
interface Alphabet {
  /** certainly part of a word */
  isWordChar(text: string, i: number): boolean;
  /** possibly white space within a paragraph */
  maybeGap(c: number): boolean;
  /** the text's form of a folded string (prefixes, query words) */
  encode(folded: string): string;
  /** whether `text` holds the encoded `pattern` at `at` */
  startsWith(text: string, pattern: string, at: number): boolean;
  /** where `text` holds the encoded `pattern` first, from `from` on, or -1 */
  indexOf(text: string, pattern: string, from: number): number;
  /** text[start, end) as an encoded string would spell it */
  slice(text: string, start: number, end: number): string;
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

const exact: Alphabet = {
  isWordChar(text, i) {
    if (i < 0 || i >= text.length) return false;
    const c = text.charCodeAt(i);
    if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
    if (c >= 0x0621 && c <= 0x064a) return true;
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) return WORD_CHAR.test(text.slice(i - 1, i + 1));
    if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2));
    return WORD_CHAR.test(text[i] as string);
  },
  maybeGap: isGap,
  encode: (folded) => folded,
  startsWith: (text, pattern, at) => text.startsWith(pattern, at),
  indexOf: (text, pattern, from) => text.indexOf(pattern, from),
  slice: (text, start, end) => text.slice(start, end),
};

/** Whether a squeezed unit is certainly part of a word (every such unit is in the folded text too). */
export function isSqueezedWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  // U+0621–064A letters, U+0660–0669 digits, U+066E–067F letters, moved down by 0x580
  return (c >= 0xa1 && c <= 0xca) || (c >= 0xe0 && c <= 0xe9) || (c >= 0xee && c <= 0xff);
}

/** A squeezed unit that may be white space within a paragraph (UNKNOWN may stand for one). */
export function isSqueezedGapUnit(c: number): boolean {
  return c === UNKNOWN || isGap(c);
}

function isSqueezedWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  return isSqueezedWordUnit(text.charCodeAt(i));
}

const squeezed: Alphabet = {
  isWordChar: isSqueezedWordChar,
  maybeGap: isSqueezedGapUnit,
  encode: squeeze,
  startsWith: (text, pattern, at) => text.startsWith(pattern, at),
  indexOf: (text, pattern, from) => text.indexOf(pattern, from),
  slice: (text, start, end) => text.slice(start, end),
};

const hex = (b: number) => `\\x${b.toString(16).padStart(2, '0')}`;

/**
 * A squeezed alphabet whose texts are read through `table` (one unit for another, letters for
 * letters: the search index's kept letters folded to the query's rules, indexFold.ts), without
 * making a mapped copy of each text.
 */
function squeezedThrough(table: Uint8Array): Alphabet {
  const variants: number[][] = Array.from({ length: 256 }, () => []);
  for (let b = 0; b < 256; b++) (variants[table[b] as number] as number[]).push(b);
  const patterns = new Map<string, RegExp>();
  const patternFor = (pattern: string) => {
    let re = patterns.get(pattern);
    if (!re) {
      let source = '';
      for (let i = 0; i < pattern.length; i++) {
        const v = variants[pattern.charCodeAt(i) & 0xff] as number[];
        source += v.length === 1 ? hex(v[0] as number) : v.length === 0 ? '[^\\s\\S]' : `[${v.map(hex).join('')}]`;
      }
      re = new RegExp(source, 'g');
      patterns.set(pattern, re);
    }
    return re;
  };
  return {
    isWordChar: isSqueezedWordChar,
    maybeGap: squeezed.maybeGap,
    encode: squeeze,
    startsWith(text, pattern, at) {
      if (at + pattern.length > text.length) return false;
      for (let i = 0; i < pattern.length; i++)
        if (table[text.charCodeAt(at + i) & 0xff] !== pattern.charCodeAt(i)) return false;
      return true;
    },
    indexOf(text, pattern, from) {
      const re = patternFor(pattern);
      re.lastIndex = from;
      return re.exec(text)?.index ?? -1;
    },
    slice(text, start, end) {
      let out = '';
      for (let i = start; i < end; i++) out += String.fromCharCode(table[text.charCodeAt(i) & 0xff] as number);
      return out;
    },
  };
}

/** Whether a squeezed text read through `table` (see squeezedThrough) holds the squeezed `piece`. */
export function squeezedIncludes(table: Uint8Array | null): (text: string, piece: string) => boolean {
  if (!table) return (text, piece) => text.includes(piece);
  const abc = squeezedThrough(table);
  return (text, piece) => abc.indexOf(text, piece, 0) !== -1;
}

/** Where a squeezed text read through `table` holds the squeezed `piece` first, from `from` on, or -1. */
export function squeezedIndexOf(table: Uint8Array | null): (text: string, piece: string, from: number) => number {
  const abc = table ? squeezedThrough(table) : squeezed;
  return (text, piece, from) => abc.indexOf(text, piece, from);
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
function wordAt(text: string, at: number, w: QueryWord, abc: Alphabet): number {
  for (const p of w.prefixes) {
    if (!abc.startsWith(text, p, at)) continue;
    if (!abc.startsWith(text, w.core, at + p.length)) continue;
    const end = at + p.length + w.core.length;
    if (!abc.isWordChar(text, end)) return end;
  }
  return -1;
}

/** The end of word k of the query after a gap that starts at `end`, or -1. */
function nextWord(text: string, end: number, w: QueryWord, abc: Alphabet): number {
  if (!abc.maybeGap(text.charCodeAt(end))) return -1;
  // the word may start after any of the characters that may be white space
  for (let p = end + 1; p <= text.length && abc.maybeGap(text.charCodeAt(p - 1)); p++) {
    if (abc === exact && p < text.length && isGap(text.charCodeAt(p))) continue;
    const e = wordAt(text, p, w, abc);
    if (e !== -1) return e;
  }
  return -1;
}

export type WordMatcher = (haystack: string, limit?: number) => FoldedMatch[];

/**
 * A matcher for every word-aware hit of the folded query in a folded text, left to right, not
 * overlapping (compiled once, for many texts). With `squeezed`, the texts are the index's
 * one-byte copies (squeeze.ts) and the query is folded text as usual: the answer may then hold
 * hits the real search rejects, never fewer.
 */
export function compileWords(
  foldedQuery: string,
  options: { squeezed?: boolean; table?: Uint8Array | null } = {},
): WordMatcher {
  const abc = options.squeezed ? (options.table ? squeezedThrough(options.table) : squeezed) : exact;
  const words = queryWords(foldedQuery).map((w) => ({
    core: abc.encode(w.core),
    prefixes: w.prefixes.map(abc.encode),
  }));
  const first = words[0];
  if (!first) return () => [];
  const firstPrefixes = new Set(first.prefixes);
  const longest = (first.prefixes[0] ?? '').length;
  const cores = words.map((w) => w.core);
  return (haystack, limit = Number.POSITIVE_INFINITY) => {
    const out: FoldedMatch[] = [];
    // a text without every word's core holds no hit
    if (words.length > 1 && !cores.every((c) => abc.indexOf(haystack, c, 0) !== -1)) return out;
    let from = 0;
    while (out.length < limit) {
      const at = abc.indexOf(haystack, first.core, from);
      if (at === -1) break;
      from = at + 1;
      // the word's start: back over at most the longest prefix's letters
      let start = at;
      while (start > 0 && at - start < longest && abc.isWordChar(haystack, start - 1)) start--;
      if (abc.isWordChar(haystack, start - 1)) continue;
      // the letters between the word's start and the core must be one of the allowed prefixes
      if (!firstPrefixes.has(abc.slice(haystack, start, at))) continue;
      let end = at + first.core.length;
      if (abc.isWordChar(haystack, end)) continue;
      for (let k = 1; k < words.length && end !== -1; k++) end = nextWord(haystack, end, words[k] as QueryWord, abc);
      if (end === -1) continue;
      out.push({ start, end });
      from = end;
    }
    return out;
  };
}

/** Every word-aware hit of the folded query in one folded (or, with `squeezed`, squeezed) text. */
export function findWords(
  haystack: string,
  foldedQuery: string,
  options: { limit?: number; squeezed?: boolean } = {},
): FoldedMatch[] {
  return compileWords(foldedQuery, options)(haystack, options.limit);
}
