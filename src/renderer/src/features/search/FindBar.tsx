/**
 * The reader's find bar (Ctrl/Cmd+F): Arabic-aware search in the open document, hits painted as
 * their own highlight layer, next/previous, a count, the matching options, and "tag this hit" /
 * "tag all hits with a code" (one undo step, through the reader's own tagging path).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SearchResult } from '@shared/api/search';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { codeLabel, useI18n } from '../../i18n';
import { useReader } from '../../reader';
import { onHandoff, onMenuFind, registerFindBar, takeHandoff } from './handoff';
import { useSearchOptions } from './options';
import { OptionsMenu } from './OptionsMenu';
import { clearHits, paintHits } from './paint';
import { useSearchStrings } from './strings';
import './search.css';
import { ErrorAlert } from '../../app/ErrorAlert';

/** as many hits as one "tag all" may create */
const LIMIT = 5000;

export function FindBar() {
  const reader = useReader();
  const app = useApp();
  const { lang } = useI18n();
  const s = useSearchStrings();
  const documentId = reader.document.id;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [options, setOptions] = useSearchOptions();
  const [result, setResult] = useState<SearchResult | null>(null);
  const [current, setCurrent] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [codeId, setCodeId] = useState('');
  const input = useRef<HTMLInputElement>(null);
  /** where the keyboard was before the bar opened: it goes back there when the bar closes */
  const returnTo = useRef<HTMLElement | null>(null);
  /** a hit to land on when the next results arrive (from the project results list) */
  const landOn = useRef<number | null>(null);

  const hits = useMemo(() => result?.hits ?? [], [result]);
  const { reveal, model, article } = reader;

  // focus once the bar is actually rendered (a frame callback could run before React commits)
  const [focusTick, setFocusTick] = useState(0);
  const openBar = useCallback(() => {
    const from = document.activeElement as HTMLElement | null;
    if (from && from !== document.body && !from.closest('.find-bar')) returnTo.current = from;
    setOpen(true);
    setFocusTick((n) => n + 1);
  }, []);
  useEffect(() => {
    if (focusTick === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [focusTick]);

  // arriving from the project results list
  useEffect(() => {
    const accept = (h: { query: string; options: typeof options; start: number }) => {
      setOptions(h.options);
      setQuery(h.query);
      landOn.current = h.start;
      setOpen(true);
    };
    const pending = takeHandoff(documentId);
    if (pending) accept(pending);
    return onHandoff((h) => {
      if (h.documentId === documentId && takeHandoff(documentId)) accept(h);
    });
  }, [documentId, setOptions]);

  // Ctrl/Cmd+F opens (or refocuses) the bar; F3 / Ctrl+G step through hits
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        openBar();
      }
    };
    window.addEventListener('keydown', onKey);
    const unregister = registerFindBar();
    const offMenu = onMenuFind(openBar);
    return () => {
      window.removeEventListener('keydown', onKey);
      unregister();
      offMenu();
    };
  }, [openBar]);

  // search as the query or options change (debounced)
  useEffect(() => {
    if (!open || query.trim() === '') {
      setResult(null);
      setError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setBusy(true);
      api
        .search({ query, documentId, options, limit: LIMIT })
        .then((r) => {
          if (!live) return;
          setResult(r);
          setError(null);
          const target = landOn.current;
          landOn.current = null;
          const at = target === null ? 0 : r.hits.findIndex((h) => h.start >= target);
          setCurrent(Math.max(0, at));
        })
        .catch((err: unknown) => live && setError(errorMessage(err)))
        .finally(() => live && setBusy(false));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, query, options, documentId]);

  // paint the hits as their own layer; clear it when the bar closes or the reader goes
  useLayoutEffect(() => {
    paintHits(model, article(), open ? hits : [], current);
  }, [model, article, open, hits, current]);
  useEffect(() => clearHits, []);

  // bring the current hit into view
  const currentHit = hits[current];
  useEffect(() => {
    if (open && currentHit) reveal(currentHit.start, currentHit.end);
  }, [open, currentHit, reveal]);

  const step = (delta: 1 | -1) => {
    if (hits.length === 0) return;
    setCurrent((c) => (c + delta + hits.length) % hits.length);
  };

  const close = () => {
    setOpen(false);
    clearHits();
    const back = returnTo.current?.isConnected ? returnTo.current : article()?.closest<HTMLElement>('[tabindex]');
    returnTo.current = null;
    back?.focus({ preventScroll: true });
  };

  const tag = async (spans: ReadonlyArray<{ start: number; end: number }>) => {
    if (!codeId) return;
    // a hit that already carries this code exactly is left alone
    const existing = reader.session.getSnapshot().annotations;
    const fresh = spans.filter(
      (h) => !existing.some((a) => a.start === h.start && a.end === h.end && a.codes.includes(codeId)),
    );
    if (fresh.length === 0) {
      reader.announce(s.alreadyTagged);
      return;
    }
    const created = await reader.session.tag(fresh, [codeId]);
    if (created.length > 0) reader.announce(`${s.tagged}: ${created.length}`);
  };

  if (!open) return null;

  const codes = app.codebook.codes;
  const count = hits.length === 0 ? s.noHits : `${current + 1} ${s.of} ${hits.length}${result?.truncated ? '+' : ''}`;

  return (
    <div
      className="find-bar"
      role="search"
      aria-label={s.find}
      onKeyDown={(e) => {
        // Esc anywhere in the bar (its field, buttons, code list) closes it
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        e.stopPropagation();
        close();
      }}
    >
      <div className="find-row">
        <input
          ref={input}
          type="search"
          dir="auto"
          aria-label={s.find}
          placeholder={s.findPlaceholder}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              step(e.shiftKey ? -1 : 1);
            }
          }}
        />
        <span className="find-count" aria-live="polite" data-testid="find-count">
          {query.trim() === '' ? '' : busy && !result ? s.searching : count}
        </span>
        <button
          type="button"
          className="icon"
          aria-label={s.previous}
          title={`${s.previous} (Shift+Enter)`}
          disabled={hits.length === 0}
          onClick={() => step(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon"
          aria-label={s.next}
          title={`${s.next} (Enter)`}
          disabled={hits.length === 0}
          onClick={() => step(1)}
        >
          ↓
        </button>
        <OptionsMenu options={options} onChange={setOptions} />
        <button type="button" className="icon" aria-label={s.close} title={`${s.close} (Esc)`} onClick={close}>
          ×
        </button>
      </div>
      <ErrorAlert message={error} />
      {result && result.folded === '' && <p className="find-note">{s.nothingToFind}</p>}
      {result?.truncated && <p className="find-note">{s.truncated}</p>}
      {hits.length > 0 && (
        <div className="find-row find-tag">
          <select aria-label={s.withCode} value={codeId} onChange={(e) => setCodeId(e.target.value)}>
            <option value="">{s.chooseCode}</option>
            {codes.map((c) => (
              <option key={c.id} value={c.id}>
                {codeLabel(c, lang)}
              </option>
            ))}
          </select>
          <button type="button" disabled={!codeId || !currentHit} onClick={() => currentHit && void tag([currentHit])}>
            {s.tagThis}
          </button>
          <button type="button" disabled={!codeId} onClick={() => void tag(hits)}>
            {s.tagAll} ({hits.length})
          </button>
        </div>
      )}
    </div>
  );
}
