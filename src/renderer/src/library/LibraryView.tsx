import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DocumentSummary } from '@shared/model';
import { api, errorMessage } from '../api/client';
import { useApp } from '../app/AppContext';
import { useWindowedRows } from '../app/useWindowedRows';
import { onAppEvent } from '../app/appEvents';
import { useI18n, type MessageKey, useAppStrings } from '../i18n';
import { AssignedFilter, AssignedMark, useAssignedToMe } from '../features/coders';
import { DocumentDetailsDialog } from './DocumentDetailsDialog';
import { filterIndex, filterRows, sortRows, type Sort, type SortKey } from './libraryRows';

// The list is asked for as soon as the script runs, alongside the project's settings, rather than
// after they arrive: the library is the first thing a researcher sees.
let prefetched: Promise<DocumentSummary[]> | null = api['documents.list']({});
prefetched.catch(() => undefined);

const ROW_HEIGHT = 44;
const HEAD_HEIGHT = 36;

/** The sortable columns, in order: header text, and whether the cells are numbers. */
const COLUMNS: ReadonlyArray<{ key: SortKey; label: MessageKey; numeric?: boolean }> = [
  { key: 'title', label: 'title' },
  { key: 'source', label: 'source' },
  { key: 'publishedAt', label: 'published' },
  { key: 'language', label: 'language' },
  { key: 'charCount', label: 'characters', numeric: true },
  { key: 'annotationCount', label: 'annotations', numeric: true },
  { key: 'importedAt', label: 'imported' },
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The project's documents: a windowed table, so ten thousand of them scroll smoothly; sorted by
 * any column (its header is a button) and filtered by title or source.
 */
export function LibraryView() {
  const app = useApp();
  const { lang } = useI18n();
  const words = useAppStrings();
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<DocumentSummary | null>(null);
  const [sort, setSort] = useState<Sort | null>(null);
  const [query, setQuery] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  // the coding plan: documents assigned to me are marked, and the list can be narrowed to them
  const assigned = useAssignedToMe();
  const [onlyMine, setOnlyMine] = useState(false);
  const mineOnly = onlyMine && assigned.size > 0;

  const loads = useRef(0);
  const load = useCallback(() => {
    const request = prefetched ?? api['documents.list']({});
    prefetched = null;
    // events can come in a burst: only the newest answer is shown
    const mine = ++loads.current;
    request
      .then((list) => mine === loads.current && setDocs(list))
      .catch((err: unknown) => mine === loads.current && setError(errorMessage(err)));
  }, []);
  useEffect(() => {
    load();
    // documents added, removed or edited, or their annotation counts changed (here or elsewhere)
    const offs = [onAppEvent('documents.changed', load), onAppEvent('annotations.changed', load)];
    return () => {
      for (const off of offs) off();
    };
  }, [load]);

  // folding every title and source takes seconds at 100,000 documents: only once a filter is typed,
  // not before the first rows are on screen
  const filtering = query.trim() !== '';
  const index = useMemo(() => (filtering ? filterIndex(docs ?? []) : []), [docs, filtering]);
  const shown = useMemo(() => {
    const rows = sortRows(filterRows(docs ?? [], index, query), sort, lang);
    return mineOnly ? rows.filter((d) => assigned.has(d.id)) : rows;
  }, [docs, index, query, sort, lang, mineOnly, assigned]);
  const rows = useWindowedRows(scroller, shown.length, ROW_HEIGHT, HEAD_HEIGHT);
  const dateFormat = new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'medium' });
  const dayFormat = new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'medium', timeZone: 'UTC' });
  const numberFormat = new Intl.NumberFormat(lang === 'ar' ? 'ar' : 'en');
  const published = (value: string | null) => {
    if (!value) return '';
    const m = ISO_DATE.exec(value);
    return m ? dayFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : value;
  };
  const sortBy = (key: SortKey) => {
    setSort((s) => (s?.key === key ? { key, descending: !s.descending } : { key, descending: false }));
    scroller.current?.scrollTo({ top: 0 });
  };

  return (
    <main className="library" aria-labelledby="library-title">
      <div className="view-head">
        <h1 id="library-title">{words.documents}</h1>
        {docs && (
          <span className="count" data-testid="library-count">
            {shown.length === docs.length
              ? numberFormat.format(docs.length)
              : `${numberFormat.format(shown.length)} / ${numberFormat.format(docs.length)}`}
          </span>
        )}
        {docs && docs.length > 0 && (
          <input
            type="search"
            className="library-filter"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              scroller.current?.scrollTo({ top: 0 });
            }}
            aria-label={words.filterDocuments}
            placeholder={words.filterDocuments}
            dir="auto"
            maxLength={200}
          />
        )}
        {assigned.size > 0 && (
          <AssignedFilter
            on={onlyMine}
            onChange={(on) => {
              setOnlyMine(on);
              scroller.current?.scrollTo({ top: 0 });
            }}
          />
        )}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {docs === null && !error && <p>{words.loading}</p>}
      {docs && docs.length === 0 && <p className="empty">{words.noDocuments}</p>}
      {/* always there, so the windowing can follow its scrolling from the first render */}
      <div className="doc-table-wrap" ref={scroller} tabIndex={-1}>
        {docs && docs.length > 0 && (
          <>
            <table className="doc-table" aria-rowcount={shown.length + 1}>
              <colgroup>
                {COLUMNS.map((c) => (
                  <col key={c.key} className={`c-${c.key}`} />
                ))}
                <col className="c-actions" />
              </colgroup>
              <thead>
                <tr style={{ height: HEAD_HEIGHT }}>
                  {COLUMNS.map((c) => {
                    const sorted = sort?.key === c.key ? (sort.descending ? 'descending' : 'ascending') : undefined;
                    return (
                      <th
                        key={c.key}
                        scope="col"
                        className={`c-${c.key}${c.numeric ? ' num' : ''}`}
                        aria-sort={sorted ?? 'none'}
                      >
                        <button type="button" className="sort-button" onClick={() => sortBy(c.key)}>
                          {words[c.label]}
                          <span className="sort-mark" aria-hidden="true">
                            {sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : ''}
                          </span>
                        </button>
                      </th>
                    );
                  })}
                  <th scope="col" className="c-actions">
                    <span className="sr-only">{words.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.padBefore > 0 && <tr aria-hidden="true" style={{ height: rows.padBefore }} />}
                {shown.slice(rows.start, rows.end).map((d, i) => (
                  <tr key={d.id} data-document-id={d.id} className="doc-row" aria-rowindex={rows.start + i + 2}>
                    <td className="title-cell c-title">
                      <button
                        type="button"
                        className="link doc-open"
                        dir="auto"
                        lang={d.language}
                        title={d.title}
                        onClick={() => app.openDocument(d.id)}
                      >
                        {d.title}
                      </button>
                      {assigned.has(d.id) && <AssignedMark />}
                    </td>
                    <td className="c-source clip" dir="auto" title={d.source || undefined}>
                      {d.source}
                    </td>
                    <td className="c-publishedAt clip" dir="auto" data-testid="published">
                      {published(d.publishedAt)}
                    </td>
                    <td className="c-language clip" title={d.direction === 'rtl' ? words.rtl : words.ltr}>
                      {d.language} <span aria-hidden="true">{d.direction === 'rtl' ? '←' : '→'}</span>
                      <span className="sr-only">{d.direction === 'rtl' ? words.rtl : words.ltr}</span>
                    </td>
                    <td className="num c-charCount">{numberFormat.format(d.charCount)}</td>
                    <td className="num c-annotationCount">{numberFormat.format(d.annotationCount)}</td>
                    <td className="c-importedAt clip">{dateFormat.format(new Date(d.importedAt))}</td>
                    <td className="c-actions">
                      <button
                        type="button"
                        className="small"
                        onClick={() => setEditing(d)}
                        aria-label={`${words.details}: ${d.title}`}
                      >
                        {words.details}
                      </button>
                    </td>
                  </tr>
                ))}
                {rows.padAfter > 0 && <tr aria-hidden="true" style={{ height: rows.padAfter }} />}
              </tbody>
            </table>
            {shown.length === 0 && <p className="empty">{words.noDocumentMatches}</p>}
          </>
        )}
      </div>
      {editing && (
        <DocumentDetailsDialog
          document={editing}
          onClose={() => setEditing(null)}
          onChanged={() => {
            setEditing(null);
            load();
            void app.reloadInfo();
          }}
        />
      )}
    </main>
  );
}
