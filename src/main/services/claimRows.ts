/**
 * The claims table's rows (analysis.claims, issue 16): claim records as table rows, sorted by any
 * column on the server, so a page asks for the window it shows and 100,000 claims never travel at
 * once. Ties keep the records' order (project order of documents, then place in the document), in
 * either direction, so a window fetched twice is the same window. Empty values (no date, no
 * claimant, no position) sort after every value, in either direction.
 */
import type { ClaimColumn, ClaimRow } from '@shared/api/analysis';
import type { ClaimRecord } from '@shared/analysis/records';

export function claimRow(r: ClaimRecord): ClaimRow {
  return {
    annotationId: r.annotationId,
    documentId: r.documentId,
    title: r.title,
    documentDate: r.documentDate,
    claimDate: r.claimDate,
    quote: r.quote,
    start: r.start,
    end: r.end,
    codes: [...r.codes],
    claimant: r.claimant?.name ?? null,
    claimantId: r.claimant?.id ?? null,
    addressee: r.addressee?.name ?? null,
    objectActor: r.objectActor?.name ?? null,
    position: r.position,
    form: r.form,
    coder: r.coder,
    incomplete: r.missing.length > 0,
  };
}

type Key = string | number | null;

const collator = new Intl.Collator('en', { numeric: true });

function keyOf(row: ClaimRow, column: ClaimColumn, codeName: (id: string) => string): Key {
  switch (column) {
    case 'codes':
      return row.codes.length === 0 ? null : row.codes.map(codeName).join(', ');
    case 'incomplete':
      return row.incomplete ? 1 : 0;
    case 'form':
    case 'coder':
    case 'quote':
    case 'title':
      return row[column] === '' ? null : row[column];
    default:
      return row[column];
  }
}

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

const DATE_COLUMNS: ReadonlySet<ClaimColumn> = new Set(['documentDate', 'claimDate']);
const comparePlain = (a: Key, b: Key): number => (a! < b! ? -1 : a! > b! ? 1 : 0);

/** The rows sorted by `column` (a new array); `codeName` names a code for the codes column. */
export function sortClaimRows(
  rows: readonly ClaimRow[],
  sort: { column: ClaimColumn; dir: 'asc' | 'desc' },
  codeName: (id: string) => string = (id) => id,
): ClaimRow[] {
  return sortedOrder(rows, sort, codeName).map((i) => rows[i]!);
}

/** The rows' indices in `sortClaimRows`'s order (the claims index keeps them, claimIndex.ts). */
export function sortedOrder(
  rows: readonly ClaimRow[],
  sort: { column: ClaimColumn; dir: 'asc' | 'desc' },
  codeName: (id: string) => string = (id) => id,
): number[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const keyed = rows.map((row, index) => ({ index, key: keyOf(row, sort.column, codeName) }));
  // dates (YYYY-MM-DD) sort as plain strings, many times faster than the collator, in the same order
  const compare = DATE_COLUMNS.has(sort.column) ? comparePlain : compareKeys;
  keyed.sort((x, y) => {
    if (x.key === null || y.key === null) {
      if (x.key !== y.key) return x.key === null ? 1 : -1;
      return x.index - y.index;
    }
    return sign * compare(x.key, y.key) || x.index - y.index;
  });
  return keyed.map((k) => k.index);
}
