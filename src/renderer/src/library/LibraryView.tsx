import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../shared/model';
import { api, errorMessage } from '../api/client';
import { useApp } from '../app/AppContext';
import { useI18n } from '../i18n';

export function LibraryView() {
  const app = useApp();
  const { t, lang } = useI18n();
  const [docs, setDocs] = useState<DocumentSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api['documents.list']({})
      .then((list) => live && setDocs(list))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, []);

  const dateFormat = new Intl.DateTimeFormat(lang === 'ar' ? 'ar' : 'en-GB', { dateStyle: 'medium' });
  const numberFormat = new Intl.NumberFormat(lang === 'ar' ? 'ar' : 'en');

  return (
    <main className="library" aria-labelledby="library-title">
      <div className="view-head">
        <h1 id="library-title">{t('documents')}</h1>
      </div>
      {error && <p role="alert" className="error">{error}</p>}
      {docs === null && !error && <p>{t('loading')}</p>}
      {docs && docs.length === 0 && <p className="empty">{t('noDocuments')}</p>}
      {docs && docs.length > 0 && (
        <table className="doc-table">
          <thead>
            <tr>
              <th scope="col">{t('title')}</th>
              <th scope="col">{t('direction')}</th>
              <th scope="col">{t('language')}</th>
              <th scope="col" className="num">{t('characters')}</th>
              <th scope="col" className="num">{t('annotations')}</th>
              <th scope="col">{t('imported')}</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <tr key={d.id} data-document-id={d.id}>
                <td>
                  <button type="button" className="link doc-open" dir="auto" lang={d.language} onClick={() => app.openDocument(d.id)}>
                    {d.title}
                  </button>
                </td>
                <td>{d.direction === 'rtl' ? t('rtl') : t('ltr')}</td>
                <td>{d.language}</td>
                <td className="num">{numberFormat.format(d.charCount)}</td>
                <td className="num">{numberFormat.format(d.annotationCount)}</td>
                <td>{dateFormat.format(new Date(d.importedAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
