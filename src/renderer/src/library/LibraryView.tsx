import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentPage, DocumentPageInput } from '@shared/api/documents';
import type { DocumentSummary } from '@shared/model';
import { api } from '../api/client';
import { useApp } from '../app/AppContext';
import { DOCUMENT_BLOCK, useDocumentWindow } from '../app/useDocumentWindow';
import { onAppEvent } from '../app/appEvents';
import { useI18n, type MessageKey, useAppStrings } from '../i18n';
import { AssignedFilter, AssignedMark, useAssignedToMe } from '../features/coders';
import { DocumentDetailsDialog } from './DocumentDetailsDialog';
import type { Sort, SortKey } from './libraryRows';

// The first rows are asked for as soon as the script runs, alongside the project's settings,
// rather than after they arrive: the library is the first thing a researcher sees.
let prefetched: Promise<DocumentPage> | null = api['documents.page']({ offset: 0, limit: DOCUMENT_BLOCK });
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
  const [editing, setEditing] = useState<DocumentSummary | null>(null);
  const [sort, setSort] = useState<Sort | null>(null);
  const [query, setQuery] = useState('');
  const scroller = useRef<HTMLDivElement>(null);
  // the coding plan: documents assigned to me are marked, and the list can be narrowed to them
  const assigned = useAssignedToMe();
  const [onlyMine, setOnlyMine] = useState(false);
  const mineOnly = onlyMine && assigned.size > 0;

  // documents added, removed or edited, or their annotation counts changed (here or elsewhere):
  // the rows in view are asked for again
  const [reloads, setReloads] = useState(0);
  const load = useCallback(() => setReloads((n) => n + 1), []);
  useEffect(() => {
    const offs = [onAppEvent('documents.changed', load), onAppEvent('annotations.changed', load)];
    return () => {
      for (const off of offs) off();
    };
  }, [load]);

  const input: Omit<DocumentPageInput, 'offset' | 'limit'> = {
    sort,
    query,
    assignedToMe: mineOnly,
    locale: lang === 'ar' ? 'ar' : 'en',
  };
  const view = `${JSON.stringify(input)}#${reloads}`;
  // the first block of the first view was asked for when the script ran
  const early = (block: number) => {
    const initial = prefetched !== null && block === 0 && reloads === 0 && !sort && !query && !mineOnly;
    const request = initial ? prefetched : null;
    prefetched = null;
    return request;
  };
  const { loaded, error, rows, rowAt } = useDocumentWindow(scroller, ROW_HEIGHT, HEAD_HEIGHT, input, view, early);
  const matched = loaded?.matched ?? 0;
  const total = loaded?.total ?? 0;
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
        {loaded && (
          <span className="count" data-testid="library-count">
            {matched === total
              ? numberFormat.format(total)
              : `${numberFormat.format(matched)} / ${numberFormat.format(total)}`}
          </span>
        )}
        {loaded && total > 0 && (
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
      {loaded === null && !error && <p>{words.loading}</p>}
      {loaded && total === 0 && <p className="empty">{words.noDocuments}</p>}
      {/* always there, so the windowing can follow its scrolling from the first render */}
      <div className="doc-table-wrap" ref={scroller} tabIndex={-1}>
        {loaded && total > 0 && (
          <>
            <table className="doc-table" aria-rowcount={matched + 1}>
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
                {Array.from({ length: rows.end - rows.start }, (_, i) => rows.start + i).map((at) => {
                  const d = rowAt(at);
                  // a row whose page has not arrived yet keeps its place
                  if (!d)
                    return (
                      <tr
                        key={`at-${at}`}
                        className="doc-row-pending"
                        aria-busy="true"
                        style={{ height: ROW_HEIGHT }}
                      />
                    );
                  return (
                    <tr key={d.id} data-document-id={d.id} className="doc-row" aria-rowindex={at + 2}>
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
                  );
                })}
                {rows.padAfter > 0 && <tr aria-hidden="true" style={{ height: rows.padAfter }} />}
              </tbody>
            </table>
            {matched === 0 && <p className="empty">{words.noDocumentMatches}</p>}
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
