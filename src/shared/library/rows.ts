/**
 * The library table's rows: filtered by title or source the way search folds Arabic (harakat,
 * alef forms, ة/ه, ى/ي, Arabic-Indic digits and Latin case do not matter), then sorted by one
 * column. Documents without a value in the sorted column (no source, no date) always come last.
 * The server pages the library with these rules (documents.page, src/main/store/documentPages.ts).
 */
import type { DocumentSummary } from '../model';
import { normalize, normalizeQuery } from '../search/normalize';

export const SORT_KEYS = [
  'title',
  'source',
  'publishedAt',
  'language',
  'charCount',
  'annotationCount',
  'importedAt',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** The folded title and source of each document, built once per list. */
export function filterIndex(docs: readonly DocumentSummary[]): string[] {
  return docs.map((d) => normalize(`${d.title}\n${d.source}`).text);
}

export function filterRows(
  docs: readonly DocumentSummary[],
  index: readonly string[],
  query: string,
): DocumentSummary[] {
  const q = normalizeQuery(query);
  if (q === '') return [...docs];
  return docs.filter((_, i) => (index[i] ?? '').includes(q));
}

const textValue = (d: DocumentSummary, key: SortKey): string => {
  if (key === 'title') return d.title;
  if (key === 'source') return d.source;
  if (key === 'publishedAt') return d.publishedAt ?? '';
  if (key === 'language') return `${d.language} ${d.direction}`;
  return '';
};

export function sortRows(rows: DocumentSummary[], sort: Sort | null, locale: string): DocumentSummary[] {
  if (!sort) return rows;
  const sign = sort.descending ? -1 : 1;
  const { key } = sort;
  let compare: (a: DocumentSummary, b: DocumentSummary) => number;
  if (key === 'charCount' || key === 'annotationCount') compare = (a, b) => sign * (a[key] - b[key]);
  else if (key === 'importedAt') compare = (a, b) => sign * a.importedAt.localeCompare(b.importedAt);
  else {
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    // dates are ISO (YYYY-MM-DD) or free text: compare them as written, digit runs as numbers
    compare = (a, b) => {
      const x = textValue(a, key).trim();
      const y = textValue(b, key).trim();
      if (x === '' || y === '') return (x === '' ? 1 : 0) - (y === '' ? 1 : 0);
      return sign * collator.compare(x, y);
    };
  }
  // a stable sort: equal rows keep the order the project lists them in
  return rows
    .map((d, i) => ({ d, i }))
    .sort((a, b) => compare(a.d, b.d) || a.i - b.i)
    .map((x) => x.d);
}
