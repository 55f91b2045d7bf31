/**
 * Choose documents of a project of any size (the agreement report, an export, the coding plan):
 * a search box and a windowed list of checkboxes over documents.page, so 100,000 documents are
 * neither fetched nor drawn at once. The choice is the caller's set of ids; documents chosen and
 * then filtered out of view stay chosen (the count says how many). The list follows changes made
 * elsewhere while it is open (documents.changed): a new document appears, a deleted one goes, and
 * leaves the choice.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { MAX_TITLE_IDS } from '@shared/api/documents';
import type { DocumentSummary } from '@shared/model';
import { api } from '../api/client';
import { useI18n } from '../i18n';
import { useDocumentPickerStrings } from './documentPickerStrings';
import { ErrorAlert } from './ErrorAlert';
import { useAppEvent } from './appEvents';
import { missingDocuments } from './missingDocuments';
import { useDocumentWindow } from './useDocumentWindow';
import './documentPicker.css';

/** A row's height in px (documentPicker.css): fixed, for the windowing. */
const ROW_HEIGHT = 28;
/** Typing pauses this long before the list is asked for again. */
const QUERY_PAUSE_MS = 200;

export function DocumentPicker({
  legend,
  chosen,
  onChange,
  testId,
  counts = false,
  single = false,
}: {
  legend: string;
  chosen: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  testId: string;
  /** show each document's annotation count beside its title */
  counts?: boolean;
  /** one document at most (radio buttons; the count and Clear are left out) */
  single?: boolean;
}) {
  const p = useDocumentPickerStrings();
  const { lang } = useI18n();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), QUERY_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  // a document imported, renamed or deleted elsewhere (another window, a script) while the list is
  // open is listed again; so are the counts when annotations change, if they are shown
  const [revision, setRevision] = useState(0);
  // a chosen document deleted elsewhere leaves the choice (a report or an export of it would be refused)
  const latest = useRef({ chosen, onChange });
  useLayoutEffect(() => {
    latest.current = { chosen, onChange };
  });
  useAppEvent('documents.changed', ({ documentIds }) => {
    setRevision((r) => r + 1);
    const now = latest.current.chosen;
    const touched = documentIds === null ? [...now] : documentIds.filter((d) => now.has(d));
    if (touched.length === 0) return;
    missingDocuments(touched, (ids) => api['documents.titles']({ ids }), MAX_TITLE_IDS).then(
      (gone) => {
        if (gone.size === 0) return;
        const { chosen: current, onChange: change } = latest.current;
        change(new Set([...current].filter((d) => !gone.has(d))));
      },
      // the list itself says when the server does not answer
      () => undefined,
    );
  });
  useAppEvent('annotations.changed', () => counts && setRevision((r) => r + 1));
  const input = { ...(query ? { query } : {}), locale: lang === 'ar' ? ('ar' as const) : ('en' as const) };
  const { loaded, current, error, rows, rowAt } = useDocumentWindow(
    scroller,
    ROW_HEIGHT,
    0,
    input,
    JSON.stringify({ input, revision }),
  );

  const toggle = (docId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(docId);
    else next.delete(docId);
    onChange(next);
  };
  const shown: Array<{ at: number; doc: DocumentSummary | undefined }> = [];
  for (let at = rows.start; at < rows.end; at++) shown.push({ at, doc: rowAt(at) });
  const ready = current && loaded !== null;

  return (
    <fieldset className="document-picker" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="document-picker-head">
        <label htmlFor={`${id}-find`} className="sr-only">
          {p.find}
        </label>
        <input
          id={`${id}-find`}
          type="search"
          // documents.page takes a query of at most 200 characters
          maxLength={200}
          placeholder={p.find}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          data-testid={`${testId}-find`}
          aria-controls={`${id}-list`}
        />
        {!single && (
          <>
            <span className="meta" aria-live="polite" data-testid={`${testId}-count`}>
              {p.chosen(chosen.size)}
            </span>
            <button type="button" onClick={() => onChange(new Set())} disabled={chosen.size === 0}>
              {p.clear}
            </button>
          </>
        )}
      </div>
      <ErrorAlert message={error} />
      {ready && loaded.matched === 0 && <p className="meta">{loaded.total === 0 ? p.empty : p.noMatch}</p>}
      <div
        id={`${id}-list`}
        ref={scroller}
        className="document-picker-list"
        aria-busy={!ready}
        data-matched={ready ? loaded.matched : undefined}
      >
        <div style={{ height: rows.padBefore }} />
        {shown.map(({ at, doc }) =>
          doc ? (
            <label key={doc.id} className="document-picker-row">
              <input
                type={single ? 'radio' : 'checkbox'}
                name={single ? `${id}-one` : undefined}
                checked={chosen.has(doc.id)}
                onChange={(e) => (single ? onChange(new Set([doc.id])) : toggle(doc.id, e.target.checked))}
                data-id={doc.id}
              />
              <span dir="auto" lang={doc.language} title={doc.title}>
                {doc.title}
              </span>
              {counts && <span className="meta">({doc.annotationCount.toLocaleString(lang)})</span>}
            </label>
          ) : (
            <div key={`row-${at}`} className="document-picker-row" aria-hidden="true" />
          ),
        )}
        <div style={{ height: rows.padAfter }} />
      </div>
    </fieldset>
  );
}
