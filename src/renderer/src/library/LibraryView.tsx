import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../shared/model';
import { api, errorMessage } from '../api/client';
import { useApp } from '../app/AppContext';
import { useWindowedRows } from '../app/useWindowedRows';
import { onDocumentsChanged } from '../features/import/events';
import { useI18n } from '../i18n';
import { DocumentDetailsDialog } from './DocumentDetailsDialog';

// The list is asked for as soon as the script runs, alongside the project's settings, rather than
// after they arrive: the library is the first thing a researcher sees.
let prefetched: Promise<DocumentSummary[]> | null = api['documents.list']({});
prefetched.catch(() => undefined);

const ROW_HEIGHT = 44;
const HEAD_HEIGHT = 36;

/** The project's documents: a windowed table, so ten thousand of them scroll smoothly. */
export function LibraryView() {
  const app = useApp();
  const { t, lang } = useI18n();
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<DocumentSummary | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    const request = prefetched ?? api['documents.list']({});
    prefetched = null;
    request
      .then((list) => setDocs(list))
      .catch((err: unknown) => setError(errorMessage(err)));
  }, []);
  useEffect(() => {
    load();
    return onDocumentsChanged(load);
  }, [load]);

  const rows = useWindowedRows(scroller, docs?.length ?? 0, ROW_HEIGHT, HEAD_HEIGHT);
  const dateFormat = new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'medium' });
  const numberFormat = new Intl.NumberFormat(lang === 'ar' ? 'ar' : 'en');

  return (
    <main className="library" aria-labelledby="library-title">
      <div className="view-head">
        <h1 id="library-title">{t('documents')}</h1>
        {docs && <span className="count">{numberFormat.format(docs.length)}</span>}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {docs === null && !error && <p>{t('loading')}</p>}
      {docs && docs.length === 0 && <p className="empty">{t('noDocuments')}</p>}
      {docs && docs.length > 0 && (
        <div className="doc-table-wrap" ref={scroller} tabIndex={-1}>
          <table className="doc-table" aria-rowcount={docs.length + 1}>
            <thead>
              <tr style={{ height: HEAD_HEIGHT }}>
                <th scope="col">{t('title')}</th>
                <th scope="col">{t('direction')}</th>
                <th scope="col">{t('language')}</th>
                <th scope="col" className="num">
                  {t('characters')}
                </th>
                <th scope="col" className="num">
                  {t('annotations')}
                </th>
                <th scope="col">{t('imported')}</th>
                <th scope="col">
                  <span className="sr-only">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.padBefore > 0 && <tr aria-hidden="true" style={{ height: rows.padBefore }} />}
              {docs.slice(rows.start, rows.end).map((d, i) => (
                <tr key={d.id} data-document-id={d.id} className="doc-row" aria-rowindex={rows.start + i + 2}>
                  <td className="title-cell">
                    <button type="button" className="link doc-open" dir="auto" lang={d.language} onClick={() => app.openDocument(d.id)}>
                      {d.title}
                    </button>
                  </td>
                  <td>{d.direction === 'rtl' ? t('rtl') : t('ltr')}</td>
                  <td>{d.language}</td>
                  <td className="num">{numberFormat.format(d.charCount)}</td>
                  <td className="num">{numberFormat.format(d.annotationCount)}</td>
                  <td>{dateFormat.format(new Date(d.importedAt))}</td>
                  <td>
                    <button type="button" className="small" onClick={() => setEditing(d)} aria-label={`${t('details')}: ${d.title}`}>
                      {t('details')}
                    </button>
                  </td>
                </tr>
              ))}
              {rows.padAfter > 0 && <tr aria-hidden="true" style={{ height: rows.padAfter }} />}
            </tbody>
          </table>
        </div>
      )}
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
