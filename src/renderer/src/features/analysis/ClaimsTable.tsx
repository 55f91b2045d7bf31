/**
 * The claims table (issue 16): every claim the filter lets through, only the rows in view drawn
 * (rowWindow.ts) and fetched from analysis.claims a page at a time as it scrolls, so 100,000
 * claims never come to the page at once. A header sorts (on the server; aria-sort says
 * how); a row opens its passage in the reader (click, or Enter on the focused row; the arrow keys,
 * Page Up/Down, Home and End move between rows).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { ClaimFilter } from '@shared/analysis/filter';
import type { Output } from '@shared/api';
import type { ClaimColumn, ClaimRow } from '@shared/api/analysis';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { ErrorAlert } from '../../app/ErrorAlert';
import { codeLabel, useI18n } from '../../i18n';
import { ClaimRowView, ROW_HEIGHT, type RowActions } from './ClaimRowView';
import { settled, take, usePrimer } from './earlyRequests';
import { PAGE_SIZE, RowPages } from './rowPages';
import { useAnalysisStrings } from './strings';
import { useRowWindow } from './rowWindow';
import { tableKey, tableShown } from './tableFirst';

/** the rows' box, 24rem (analysis.css), before it is measured */
const BODY_HEIGHT = 384;
/** first…end − 1 */
const indexes = (first: number, end: number): number[] => Array.from({ length: end - first }, (_, i) => first + i);
/** how long the last filter's rows stand undimmed, waiting for the new ones */
const LATE_MS = 150;
type Sort = { column: ClaimColumn; dir: 'asc' | 'desc' };
type Words = ReturnType<typeof useAnalysisStrings>;

const HEADERS: Array<{ column: ClaimColumn; label: (s: Words) => string }> = [
  { column: 'title', label: (s) => s.colTitle },
  { column: 'documentDate', label: (s) => s.colDocumentDate },
  { column: 'claimDate', label: (s) => s.colClaimDate },
  { column: 'quote', label: (s) => s.colQuote },
  { column: 'codes', label: (s) => s.colCodes },
  { column: 'claimant', label: (s) => s.colClaimant },
  { column: 'addressee', label: (s) => s.colAddressee },
  { column: 'objectActor', label: (s) => s.colObjectActor },
  { column: 'position', label: (s) => s.colPosition },
  { column: 'form', label: (s) => s.colForm },
  { column: 'coder', label: (s) => s.colCoder },
  { column: 'incomplete', label: (s) => s.colIncomplete },
];
const COLUMNS = HEADERS.map((h) => h.column);

/** One page of the table's rows for `filter` in `sort`, the key of that request and its input. */
const pageRequest = (filter: ClaimFilter, sort: Sort, revision: number, page: number) => {
  const input = { filter, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
  return {
    key: JSON.stringify({ claims: { filter, sort, revision, page } }),
    input,
    load: () => api['analysis.claims'](input),
  };
};

export const formatPosition = (p: number | null): string =>
  p === null ? '' : p > 0 ? `+${p}` : p < 0 ? `−${-p}` : '0';

export function ClaimsTable({ filter, revision }: { filter: ClaimFilter; revision: number }) {
  const s = useAnalysisStrings();
  const app = useApp();
  const { lang } = useI18n();
  const [sort, setSort] = useState<Sort>({ column: 'documentDate', dir: 'asc' });
  const key = JSON.stringify({ filter, sort, revision });
  const [loaded, setLoaded] = useState<{
    key: string;
    pages: RowPages<ClaimRow>;
    total: number | null;
    /** the last rows shown, kept on screen (marked busy) until the new first page comes */
    previous: RowPages<ClaimRow> | null;
  }>(() => ({ key, pages: new RowPages<ClaimRow>(), total: null, previous: null }));
  const [, setArrivals] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const scroller = useRef<HTMLDivElement | null>(null);
  // a new filter, order or revision starts a new set of pages (React renders again at once); the
  // old total and rows stand until the new ones come, so an edit elsewhere does not lose the
  // scroll place and a click does not empty the table only to fill it again a moment later; a
  // first page that has already come (sent in the click's task: earlyRequests.ts) is shown at once
  if (loaded.key !== key) {
    const pages = new RowPages<ClaimRow>();
    const came = settled<Output<'analysis.claims'>>(pageRequest(filter, sort, revision, 0).key);
    if (came) {
      pages.put(0, came.value.rows);
      // as the answer of a fetch would (below): the last filter's failure is over
      if (error !== null) setError(null);
    }
    setLoaded({
      key,
      pages,
      total: came ? came.value.total : loaded.total,
      previous: loaded.pages.has(0) ? loaded.pages : loaded.previous,
    });
  }
  const state = loaded;
  const total = state.total ?? 0;
  const busy = !state.pages.has(0) && state.previous !== null;
  // the last rows are dimmed only once the new ones are late: dimming them at once made the
  // browser paint the whole table for a frame that the answer, a few ms later, painted again
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!busy) {
      setLate(false);
      return;
    }
    const timer = setTimeout(() => setLate(true), LATE_MS);
    return () => clearTimeout(timer);
  }, [busy]);
  const shown = busy ? state.previous! : state.pages;

  // rows drawn beyond the visible ones, each way: each is twelve cells to lay out when a filter
  // changes; four rows are more than a wheel step or an arrow key moves
  const rows = useRowWindow(total, ROW_HEIGHT, 4, BODY_HEIGHT);
  const setWindowEl = rows.ref;
  const body = useCallback(
    (el: HTMLDivElement | null) => {
      scroller.current = el;
      setWindowEl(el);
    },
    [setWindowEl],
  );
  const first = rows.first;
  const last = rows.end > rows.first ? rows.end - 1 : PAGE_SIZE - 1;

  const codeNames = useMemo(() => new Map(app.codebook.codes.map((c) => [c.id, codeLabel(c, lang)])), [app, lang]);

  // fetch the pages the visible rows need
  useEffect(() => {
    // with no rows known yet, the first page (which also tells the total)
    const wanted = state.pages.take(first, last, Math.max(total, 1));
    for (const page of wanted) {
      const request = pageRequest(filter, sort, revision, page);
      take(request.key, request.load).then(
        (out) => {
          state.pages.put(page, out.rows);
          // an answer for an older filter or order changes nothing
          setLoaded((cur) =>
            cur.pages === state.pages && cur.total !== out.total ? { ...cur, total: out.total } : cur,
          );
          setArrivals((n) => n + 1);
          setError(null);
        },
        (err: unknown) => {
          state.pages.forget(page);
          // the last filter's rows do not stand for this one
          setLoaded((cur) => (cur.pages === state.pages && cur.previous ? { ...cur, previous: null } : cur));
          setError(errorMessage(err));
        },
      );
    }
  }, [state, first, last, total, filter, sort, revision]);
  // a new filter's first page is asked for in the click's task, before this renders (earlyRequests.ts)
  usePrimer(0, (next) => {
    const { key, input } = pageRequest(next, sort, revision, 0);
    return { key, method: 'analysis.claims', input };
  });

  // the network asks for this filter once the table has shown it (tableFirst.ts)
  const shownPage = state.pages.has(0);
  useEffect(() => {
    if (shownPage || error !== null) tableShown(tableKey(filter, revision));
  }, [shownPage, error, filter, revision]);

  // a new filter or order starts at the top (asked of the scroller only when it is not there: the
  // question makes the browser lay the page out at once, in the click's task)
  useEffect(() => {
    setActive(0);
    if (rows.top() !== 0) scroller.current?.scrollTo({ top: 0 });
    // rows.top reads the window's last scroll offset, whichever render's it is
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter, sort]);

  const open = (row: ClaimRow | undefined) => {
    if (row) app.openDocument(row.documentId, { start: row.start, end: row.end });
  };
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(total - 1, index));
    setActive(next);
    rows.scrollTo(next);
    requestAnimationFrame(() =>
      scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus({ preventScroll: true }),
    );
  };
  const onKey = (e: KeyboardEvent, index: number) => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: total - 1,
    };
    if (e.key === 'Enter') {
      e.preventDefault();
      open(shown.row(index));
    } else if (Object.hasOwn(moves, e.key)) {
      e.preventDefault();
      moveTo(moves[e.key]!);
    }
  };
  const toggleSort = (column: ClaimColumn) =>
    setSort((old) => ({ column, dir: old.column === column && old.dir === 'asc' ? 'desc' : 'asc' }));

  // the rows' handlers, one object for the table's life (the rows are memoised: ClaimRowView.tsx),
  // each calling the latest of this render's functions
  const latest = useRef({ open, onKey });
  useLayoutEffect(() => {
    latest.current.open = open;
    latest.current.onKey = onKey;
  });
  const cells = useMemo(
    () =>
      (row: ClaimRow): string[] => [
        row.title,
        row.documentDate ?? '',
        row.claimDate ?? '',
        row.quote,
        row.codes.map((c) => codeNames.get(c) ?? c).join(lang === 'ar' ? '، ' : ', '),
        row.claimant ?? '',
        row.addressee ?? '',
        row.objectActor ?? '',
        formatPosition(row.position),
        row.form,
        row.coder,
        row.incomplete ? s.yes : '',
      ],
    [codeNames, lang, s],
  );
  // a new language or codebook: new cells' texts, so every row renders again
  const actions = useMemo<RowActions>(
    () => ({
      cells,
      open: (index, row) => {
        setActive(index);
        latest.current.open(row);
      },
      focus: (index) => setActive(index),
      key: (e, index) => latest.current.onKey(e, index),
    }),
    [cells],
  );

  return (
    <section className="claims-table-section" aria-labelledby="claims-table-heading">
      <h2 id="claims-table-heading">
        {s.table} <span className="claims-count">{state.total === null ? '' : s.claimsCount(total)}</span>
      </h2>
      <ErrorAlert message={error} />
      {/* the view's first answer: the first in a session reads every document's claims */}
      {state.total === null && error === null ? (
        <p className="claims-reading" role="status" data-testid="claims-reading">
          {s.readingClaims}
        </p>
      ) : null}
      {state.total === 0 ? (
        <p className="claims-empty" role="status">
          {s.noClaims}
        </p>
      ) : (
        <div
          className={busy && late ? 'claims-table claims-busy' : 'claims-table'}
          role="table"
          aria-label={s.table}
          aria-rowcount={total + 1}
          aria-busy={busy}
        >
          <div role="rowgroup" className="claims-head">
            <div role="row" className="claims-row" aria-rowindex={1}>
              {HEADERS.map(({ column, label }) => (
                <div
                  key={column}
                  role="columnheader"
                  className={`claims-cell col-${column}`}
                  aria-sort={sort.column === column ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button type="button" onClick={() => toggleSort(column)}>
                    {label(s)}
                    <span aria-hidden="true">{sort.column === column ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </div>
              ))}
            </div>
          </div>
          <div role="rowgroup" className="claims-body" ref={body}>
            <div role="presentation" style={{ height: total * ROW_HEIGHT, position: 'relative' }}>
              {indexes(rows.first, rows.end).map((index) => (
                <ClaimRowView
                  key={index}
                  index={index}
                  start={index * ROW_HEIGHT}
                  row={shown.row(index)}
                  active={index === active}
                  columns={COLUMNS}
                  loading={s.loadingRow}
                  actions={actions}
                />
              ))}
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
