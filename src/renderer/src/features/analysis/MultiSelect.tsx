/**
 * A filter field that takes several values (issue 16): a button naming what is chosen ("Any
 * code", one name, or "3 chosen") that opens a list of checkboxes. Everything is native controls,
 * so Tab, Space and the screen reader work as everywhere; Escape closes the list and puts the
 * focus back on its button; a long list (actors) gets a box to narrow it by name.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { normalizeQuery } from '@shared/search/normalize';
import { useAnalysisStrings } from './strings';

export interface Choice {
  value: string;
  label: string;
  /** a second line: the actor's affiliation, a sub-code's parent */
  hint?: string;
  /** indentation level (sub-codes) */
  depth?: number;
}

/** more choices than this get a box to narrow them; at most SHOWN are drawn at once */
const NARROW_FROM = 12;
const SHOWN = 200;

export function MultiSelect({
  label,
  anyLabel,
  choices,
  selected,
  onChange,
  testId,
}: {
  label: string;
  anyLabel: string;
  choices: readonly Choice[];
  selected: readonly string[];
  onChange: (values: string[]) => void;
  testId?: string;
}) {
  const s = useAnalysisStrings();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const chosen = useMemo(() => new Set(selected), [selected]);
  const labels = useMemo(() => new Map(choices.map((c) => [c.value, c.label])), [choices]);

  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', away);
    return () => document.removeEventListener('mousedown', away);
  }, [open]);

  const visible = useMemo(() => {
    const q = normalizeQuery(query.trim());
    const matching =
      q === '' ? choices : choices.filter((c) => normalizeQuery(`${c.label} ${c.hint ?? ''}`).includes(q));
    return matching.slice(0, SHOWN);
  }, [choices, query]);
  const more = choices.length > NARROW_FROM;

  const summary =
    selected.length === 0
      ? anyLabel
      : selected.length === 1
        ? (labels.get(selected[0]!) ?? selected[0]!)
        : s.chosenCount(selected.length);
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...selected, value] : selected.filter((v) => v !== value));

  return (
    <span
      className="multi-select"
      ref={root}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <span className="multi-select-label" id={`${id}-label`}>
        {label}
      </span>
      <button
        ref={button}
        type="button"
        className="multi-select-button"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-labelledby={`${id}-label ${id}-value`}
        // the whole of a long name, cut short in the button
        title={summary}
        onClick={() => setOpen((o) => !o)}
      >
        <bdi id={`${id}-value`}>{summary}</bdi>
        <span aria-hidden="true"> ▾</span>
      </button>
      {open ? (
        <span className="multi-select-popup" id={`${id}-list`} role="group" aria-labelledby={`${id}-label`}>
          {more ? (
            <input
              type="search"
              className="multi-select-narrow"
              aria-label={s.narrowList(label)}
              placeholder={s.narrowPlaceholder}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              autoFocus
            />
          ) : null}
          <ul>
            {visible.map((c) => (
              <li key={c.value} style={c.depth ? { paddingInlineStart: `${c.depth * 1.2}em` } : undefined}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(c.value)}
                    onChange={(e) => toggle(c.value, e.target.checked)}
                  />
                  <bdi>{c.label}</bdi>
                  {c.hint ? <span className="multi-select-hint"> · {c.hint}</span> : null}
                </label>
              </li>
            ))}
          </ul>
          {visible.length === 0 ? <span className="multi-select-none">{s.nothingToChoose}</span> : null}
          {more && visible.length === SHOWN ? <span className="multi-select-none">{s.narrowMore}</span> : null}
          {selected.length > 0 ? (
            <button type="button" onClick={() => onChange([])}>
              {s.chooseNone}
            </button>
          ) : null}
        </span>
      ) : null}
    </span>
  );
}
