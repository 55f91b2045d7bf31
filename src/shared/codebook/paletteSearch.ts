/**
 * The order in which the code palette (Ctrl/Cmd+K) lists codes for what was typed: a code whose
 * name is what the researcher is typing comes before one that merely mentions it in its
 * definition, so Enter tags the code they meant. Names are compared folded the way search folds
 * text (harakat, tatweel, alef forms, ة/ه, ى/ي, case), so «وقف اطلاق» finds «وقف إطلاق النار».
 */
import type { Code } from '../model';
import { normalizeQuery } from '../search/normalize';

/** Best first; a code that matches nowhere is left out. */
export const MatchRank = {
  /** the code's shortcut key is exactly what was typed */
  Key: 0,
  /** a name starts with the query */
  NamePrefix: 1,
  /** a word of a name starts with the query (also after the Arabic article ال) */
  NameWord: 2,
  /** a name contains the query elsewhere, or holds every typed word */
  NameSubstring: 3,
  /** only the definition or example mentions it */
  Definition: 4,
} as const;
export type MatchRank = (typeof MatchRank)[keyof typeof MatchRank];

const fold = (s: string) => normalizeQuery(s);

const isWordChar = (ch: string) => /[\p{L}\p{N}\p{M}]/u.test(ch);

/** Does a word of `name` start at `at`? Also true right after a leading «ال» of a word. */
function startsWord(name: string, at: number): boolean {
  if (at === 0 || !isWordChar(name.charAt(at - 1))) return true;
  const wordStart = at - 2;
  return name.slice(wordStart, at) === 'ال' && (wordStart === 0 || !isWordChar(name.charAt(wordStart - 1)));
}

function nameRank(name: string, q: string): MatchRank | null {
  if (!name) return null;
  if (name.startsWith(q)) return MatchRank.NamePrefix;
  let best: MatchRank | null = null;
  for (let at = name.indexOf(q); at !== -1; at = name.indexOf(q, at + 1)) {
    if (startsWord(name, at)) return MatchRank.NameWord;
    best = MatchRank.NameSubstring;
  }
  return best;
}

/** How well one code matches the query, or null when it does not. */
export function rankCode(code: Code, query: string): MatchRank | null {
  const q = fold(query);
  if (!q) return MatchRank.Definition;
  if (code.key && code.key === query.trim()) return MatchRank.Key;
  const names = [fold(code.name), fold(code.nameAr)];
  let best: MatchRank | null = null;
  for (const name of names) {
    const r = nameRank(name, q);
    if (r !== null && (best === null || r < best)) best = r;
  }
  if (best !== null) return best;
  const words = q.split(' ').filter(Boolean);
  if (words.length > 1 && names.some((n) => words.every((w) => n.includes(w)))) return MatchRank.NameSubstring;
  const rest = [fold(code.description), fold(code.example)];
  if (
    rest.some((s) => s.includes(q)) ||
    (words.length > 1 && words.every((w) => [...names, ...rest].some((s) => s.includes(w))))
  ) {
    return MatchRank.Definition;
  }
  return null;
}

/**
 * The codes matching `query`, best first; codes of one rank keep the codebook's order. An empty
 * query lists every code in codebook order.
 */
export function rankCodes(codes: readonly Code[], query: string): Code[] {
  if (!fold(query)) return [...codes];
  return codes
    .map((code, index) => ({ code, index, rank: rankCode(code, query) }))
    .filter((x): x is { code: Code; index: number; rank: MatchRank } => x.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((x) => x.code);
}
