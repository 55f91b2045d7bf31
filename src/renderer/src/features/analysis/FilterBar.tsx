/**
 * The claims view's one filter (issue 16): code (with or without its sub-codes), actor, position,
 * form, date range and which date, source, coder and incomplete. The table, the timeline, the
 * network and every export of the view read the same ClaimFilter object.
 */
import { useEffect, useId, useState } from 'react';
import type { ClaimFilter } from '@shared/analysis/filter';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { codeLabel, useI18n } from '../../i18n';
import { useAnalysisStrings } from './strings';

export interface ActorOption {
  id: string;
  name: string;
}

type Position = -1 | 0 | 1 | null;
const POSITION_VALUES: ReadonlyMap<string, Position> = new Map([
  ['1', 1],
  ['0', 0],
  ['-1', -1],
  ['none', null],
]);

function positionKey(filter: ClaimFilter): string {
  const p = filter.positions?.[0];
  return p === undefined ? '' : p === null ? 'none' : String(p);
}

/** The filter with `key` set to `value`, or without it when the value is empty. */
export function withField<K extends keyof ClaimFilter>(
  filter: ClaimFilter,
  key: K,
  value: ClaimFilter[K] | undefined,
): ClaimFilter {
  const next: ClaimFilter = { ...filter };
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next;
}

export function FilterBar({
  filter,
  onChange,
  actors,
}: {
  filter: ClaimFilter;
  onChange: (f: ClaimFilter) => void;
  actors: readonly ActorOption[];
}) {
  const s = useAnalysisStrings();
  const { lang } = useI18n();
  const app = useApp();
  const id = useId();
  const [sources, setSources] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    api['documents.list']({}).then(
      (docs) => live && setSources([...new Set(docs.map((d) => d.source).filter((x) => x !== ''))].sort()),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  const set = <K extends keyof ClaimFilter>(key: K, value: ClaimFilter[K] | undefined) =>
    onChange(withField(filter, key, value));
  const actorId = filter.actors?.[0] ?? '';
  const actorChoices =
    actorId && !actors.some((a) => a.id === actorId) ? [{ id: actorId, name: actorId }, ...actors] : actors;
  const field = (suffix: string) => `${id}-${suffix}`;

  return (
    <form className="claims-filter" aria-label={s.filterBar} onSubmit={(e) => e.preventDefault()}>
      <label htmlFor={field('code')}>{s.code}</label>
      <select
        id={field('code')}
        value={filter.codes?.[0] ?? ''}
        onChange={(e) => set('codes', e.target.value ? [e.target.value] : undefined)}
      >
        <option value="">{s.anyCode}</option>
        {app.codebook.codes.map((c) => (
          <option key={c.id} value={c.id}>
            {codeLabel(c, lang)}
          </option>
        ))}
      </select>
      <label className="inline">
        <input
          type="checkbox"
          checked={filter.includeChildren !== false}
          onChange={(e) => set('includeChildren', e.target.checked ? undefined : false)}
        />
        {s.includeChildren}
      </label>
      <label htmlFor={field('actor')}>{s.actor}</label>
      <select
        id={field('actor')}
        value={actorId}
        onChange={(e) => set('actors', e.target.value ? [e.target.value] : undefined)}
      >
        <option value="">{s.anyActor}</option>
        {actorChoices.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      <label htmlFor={field('position')}>{s.position}</label>
      <select
        id={field('position')}
        value={positionKey(filter)}
        onChange={(e) =>
          set('positions', e.target.value === '' ? undefined : [POSITION_VALUES.get(e.target.value) ?? null])
        }
      >
        <option value="">{s.any}</option>
        <option value="1">+1</option>
        <option value="0">0</option>
        <option value="-1">−1</option>
        <option value="none">{s.noPosition}</option>
      </select>
      <label htmlFor={field('form')}>{s.form}</label>
      <input
        id={field('form')}
        type="text"
        value={filter.forms?.[0] ?? ''}
        onChange={(e) => set('forms', e.target.value ? [e.target.value] : undefined)}
      />
      <label htmlFor={field('from')}>{s.from}</label>
      <input
        id={field('from')}
        type="date"
        value={filter.from ?? ''}
        max={filter.to}
        onChange={(e) => set('from', e.target.value || undefined)}
      />
      <label htmlFor={field('to')}>{s.to}</label>
      <input
        id={field('to')}
        type="date"
        value={filter.to ?? ''}
        min={filter.from}
        onChange={(e) => set('to', e.target.value || undefined)}
      />
      <label htmlFor={field('dateField')}>{s.dateField}</label>
      <select
        id={field('dateField')}
        value={filter.dateField ?? 'document'}
        onChange={(e) => set('dateField', e.target.value === 'claim' ? 'claim' : undefined)}
      >
        <option value="document">{s.articleDate}</option>
        <option value="claim">{s.claimDate}</option>
      </select>
      <label htmlFor={field('source')}>{s.source}</label>
      <select
        id={field('source')}
        value={filter.sources?.[0] ?? ''}
        onChange={(e) => set('sources', e.target.value ? [e.target.value] : undefined)}
      >
        <option value="">{s.anySource}</option>
        {sources.map((src) => (
          <option key={src} value={src}>
            {src}
          </option>
        ))}
      </select>
      <label htmlFor={field('coder')}>{s.coder}</label>
      <input
        id={field('coder')}
        type="text"
        value={filter.coders?.[0] ?? ''}
        onChange={(e) => set('coders', e.target.value ? [e.target.value] : undefined)}
      />
      <label htmlFor={field('incomplete')}>{s.incomplete}</label>
      <select
        id={field('incomplete')}
        value={filter.incomplete === undefined ? '' : String(filter.incomplete)}
        onChange={(e) => set('incomplete', e.target.value === '' ? undefined : e.target.value === 'true')}
      >
        <option value="">{s.any}</option>
        <option value="true">{s.onlyIncomplete}</option>
        <option value="false">{s.onlyComplete}</option>
      </select>
      <button type="button" onClick={() => onChange({})} disabled={Object.keys(filter).length === 0}>
        {s.clearFilter}
      </button>
    </form>
  );
}
