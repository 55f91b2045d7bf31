import { z } from 'zod';
import { Id } from '../model';
import { method } from './method';

/**
 * How a query matches. Every folding rule is on unless switched off, but foldHamzaSeat, which is
 * off unless switched on (see src/shared/search/normalize.ts).
 *
 * `match` says where a hit may start and end: `words` (the default) at word boundaries, with the
 * Arabic proclitics و ف ب ك ل and ال / لل allowed in front of each query word
 * (src/shared/search/wordMatch.ts); `wholeWords` at word boundaries with nothing in front;
 * `substring` anywhere, inside words too. `wholeWord: true` is the older spelling of
 * `match: 'wholeWords'` and is still accepted when `match` is absent.
 */
export const MATCH_MODES = ['words', 'wholeWords', 'substring'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

export const SearchOptions = z
  .object({
    ignoreDiacritics: z.boolean(),
    ignoreTatweel: z.boolean(),
    foldAlef: z.boolean(),
    foldYaa: z.boolean(),
    foldTaaMarbuta: z.boolean(),
    foldHamza: z.boolean(),
    foldHamzaSeat: z.boolean(),
    foldPersian: z.boolean(),
    foldDigits: z.boolean(),
    ignoreCase: z.boolean(),
    collapseWhitespace: z.boolean(),
    ignoreInvisibles: z.boolean(),
    foldPresentationForms: z.boolean(),
    wholeWord: z.boolean(),
    match: z.enum(MATCH_MODES),
  })
  .partial()
  .strict();
export type SearchOptions = z.infer<typeof SearchOptions>;

/** The match mode a set of options asks for. */
export function matchModeOf(options: SearchOptions | undefined): MatchMode {
  if (options?.match) return options.match;
  return options?.wholeWord === true ? 'wholeWords' : 'words';
}

export const SearchHit = z.object({
  documentId: Id,
  /** code points into the canonical text, end exclusive (the exact original spelling, marks included) */
  start: z.number().int(),
  end: z.number().int(),
  /** context for a results list: the original text before the hit (within its paragraph), the hit, after it */
  before: z.string(),
  match: z.string(),
  after: z.string(),
  /** 1-based paragraph of the hit's start */
  paragraph: z.number().int(),
  documentTitle: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const DEFAULT_SEARCH_LIMIT = 1000;

export const SearchResult = z.object({
  /** in document-list order, then text order */
  hits: z.array(SearchHit),
  /** true when there were more hits than the limit; `hits` holds the first ones */
  truncated: z.boolean(),
  /** documents looked at */
  documentCount: z.number().int(),
  /** the folded query that was looked for (empty when the query folds to nothing, e.g. only diacritics) */
  folded: z.string(),
});
export type SearchResult = z.infer<typeof SearchResult>;

export const searchApi = {
  search: method(
    z
      .object({
        query: z.string().min(1).max(1000),
        documentId: Id.optional(),
        options: SearchOptions.optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
    SearchResult,
  ),
  /** Rebuild the search index of every document (it is otherwise kept up to date on its own). */
  'search.rebuildIndex': method(z.object({}).strict(), z.object({ documentCount: z.number().int(), ms: z.number() })),
};
