/**
 * Choose documents of a project of any size (the agreement report, an export, the coding plan):
 * a search box and a windowed list of checkboxes over documents.page, so 100,000 documents are
 * neither fetched nor drawn at once. The choice is the caller's set of ids; documents chosen and
 * then filtered out of view stay chosen (the count says how many).
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { DocumentSummary } from '@shared/model';
import { api, errorMessage } from '../api/client';
import { useI18n } from '../i18n';
import { useDocumentPickerStrings } from './documentPickerStrings';
import { ErrorAlert } from './ErrorAlert';
import { useWindowedRows } from './useWindowedRows';
import './documentPicker.css';

/** Rows asked for at a time. */
const BLOCK = 100;
/** A row's height in px (documentPicker.css): fixed, for the windowing. */
const ROW_HEIGHT = 28;
/** Typing pauses this long before the list is asked for again. */
const QUERY_PAUSE_MS = 200;

interface Loaded {
  query: string;
  matched: number;
  total: number;
  blocks: Map<number, DocumentSummary[]>;
}

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
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), QUERY_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const count = loaded?.query === query ? loaded.matched : 0;
  const rows = useWindowedRows(scroller, count, ROW_HEIGHT);
  const first = Math.floor(rows.start / BLOCK);
  const last = Math.max(first, Math.floor((rows.end - 1) / BLOCK));
  const asked = useRef(new Set<string>());
  const current = useRef(query);
  current.current = query;
  useEffect(() => {
    const have = loaded?.query === query ? loaded.blocks : null;
    for (let block = first; block <= last; block++) {
      const key = `${block}@${query}`;
      if (have?.has(block) || asked.current.has(key)) continue;
      asked.current.add(key);
      api['documents.page']({
        offset: block * BLOCK,
        limit: BLOCK,
        ...(query ? { query } : {}),
        locale: lang === 'ar' ? 'ar' : 'en',
      })
        .then((page) => {
          asked.current.delete(key);
          // the query changed meanwhile: only the newest list is shown
          if (current.current !== query) return;
          setError(null);
          setLoaded((old) => {
            const blocks = old?.query === query ? new Map(old.blocks) : new Map<number, DocumentSummary[]>();
            blocks.set(block, page.rows);
            return { query, matched: page.matched, total: page.total, blocks };
          });
        })
        .catch((err: unknown) => {
          asked.current.delete(key);
          if (current.current === query) setError(errorMessage(err));
        });
    }
  }, [query, first, last, loaded, lang]);

  const toggle = (docId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(docId);
    else next.delete(docId);
    onChange(next);
  };
  const shown: Array<{ at: number; doc: DocumentSummary | undefined }> = [];
  for (let at = rows.start; at < rows.end; at++)
    shown.push({ at, doc: loaded?.blocks.get(Math.floor(at / BLOCK))?.[at % BLOCK] });
  const ready = loaded?.query === query;

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
