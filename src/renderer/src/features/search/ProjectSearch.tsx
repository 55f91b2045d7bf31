/**
 * Search across the whole project from the top bar: a results list grouped by document, each hit
 * with its paragraph number and the words around it; choosing one opens the document at the hit
 * with the find bar showing the same search.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit, SearchResult } from '@shared/api/search';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { handOff, hasFindBar, onMenuFind } from './handoff';
import { useSearchOptions } from './options';
import { OptionsMenu } from './OptionsMenu';
import { ProjectTagAll, type HitGroup } from './ProjectTagAll';
import { useSearchStrings } from './strings';
import './search.css';
import { ErrorAlert } from '../../app/ErrorAlert';

function groupByDocument(hits: readonly SearchHit[]): HitGroup[] {
  const groups: HitGroup[] = [];
  for (const h of hits) {
    const last = groups[groups.length - 1];
    if (last && last.documentId === h.documentId) last.hits.push(h);
    else groups.push({ documentId: h.documentId, title: h.documentTitle, hits: [h] });
  }
  return groups;
}

export function ProjectSearch() {
  const app = useApp();
  const s = useSearchStrings();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useSearchOptions();
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLInputElement>(null);

  // Ctrl/Cmd+Shift+F (and Find… outside the reader): search all documents
  useLayoutEffect(() => {
    const focus = () => {
      box.current?.focus();
      box.current?.select();
    };
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        focus();
      }
    };
    window.addEventListener('keydown', onKey);
    // outside the reader, Edit ▸ Find… searches all documents
    const offMenu = onMenuFind(() => {
      if (!hasFindBar()) focus();
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      offMenu();
    };
  }, []);

  const run = async (q = query, opts = options) => {
    if (q.trim() === '') return;
    setBusy(true);
    setOpen(true);
    try {
      setResult(await api.search({ query: q, options: opts }));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  // close the panel on a click outside it
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [open]);

  const groups = useMemo(() => groupByDocument(result?.hits ?? []), [result]);

  const choose = (h: SearchHit) => {
    handOff({ documentId: h.documentId, query, options, start: h.start });
    setOpen(false);
    app.openDocument(h.documentId, { start: h.start, end: h.end });
  };

  return (
    <div className="project-search" ref={root}>
      <form
        role="search"
        aria-label={s.searchAll}
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <input
          ref={box}
          type="search"
          dir="auto"
          title="Ctrl+Shift+F"
          aria-label={s.searchAll}
          placeholder={s.searchAllPlaceholder}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setOpen(false);
          }}
        />
      </form>
      {open && (
        <div className="project-search-panel" role="region" aria-label={s.searchAll}>
          <div className="find-row">
            <span aria-live="polite" data-testid="project-search-count">
              {busy ? s.searching : result ? s.hitsIn(result.hits.length, result.truncated, groups.length) : ''}
            </span>
            <span className="spacer" />
            <OptionsMenu
              options={options}
              onChange={(next) => {
                setOptions(next);
                void run(query, next);
              }}
            />
            <button type="button" className="icon" aria-label={s.close} onClick={() => setOpen(false)}>
              ×
            </button>
          </div>
          <ErrorAlert message={error} />
          {result?.truncated && <p className="find-note">{s.truncated}</p>}
          {result && result.hits.length === 0 && !busy && <p className="empty">{s.noHits}</p>}
          {result && !busy && <ProjectTagAll groups={groups} truncated={result.truncated} />}
          <ol className="search-results">
            {groups.map((g) => (
              <li key={g.documentId}>
                <div className="search-group-title" dir="auto">
                  {g.title} <span className="muted">({g.hits.length})</span>
                </div>
                <ol>
                  {g.hits.map((h) => (
                    <li key={`${h.start}-${h.end}`}>
                      <button type="button" className="search-result" onClick={() => choose(h)}>
                        <span className="muted">
                          {s.paragraph}
                          {h.paragraph}
                        </span>{' '}
                        <span dir="auto">
                          {h.before}
                          <mark>{h.match}</mark>
                          {h.after}
                        </span>
                      </button>
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
