/**
 * The claims view's one filter (issue 16): codes (with or without their sub-codes), actors (an
 * actor also finds the claims of those affiliated with it), positions, forms, sources and coders
 * each take several values (any of them passes; every field given must hold), then the date range
 * and which date, and incomplete. The table, the timeline, the network and every export of the
 * view read the same ClaimFilter object.
 */
import { memo, useEffect, useId, useMemo, useState } from 'react';
import type { ClaimFilter } from '@shared/analysis/filter';
import type { Codebook } from '@shared/model';
import { displayName, type Entity } from '@shared/claims/registry';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { DateField } from '../../app/DateField';
import { codeLabel, useI18n, type Lang } from '../../i18n';
import { coderChoices } from './coderChoices';
import { MultiSelect, type Choice } from './MultiSelect';
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
const positionKey = (p: Position): string => (p === null ? 'none' : String(p));

/** The codes in codebook order, each sub-code under its parent and indented. */
function codeChoices(codebook: Codebook, lang: Lang): Choice[] {
  const children = new Map<string | null, Codebook['codes']>();
  for (const c of codebook.codes) {
    const parent = c.parentId !== null && codebook.codes.some((p) => p.id === c.parentId) ? c.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), c]);
  }
  const out: Choice[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      if (out.some((o) => o.value === c.id)) continue; // a cycle in a damaged codebook
      out.push({ value: c.id, label: codeLabel(c, lang), depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
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

// rendered again only for its own props: not when the view shows the filter's answers
export const FilterBar = memo(function FilterBar({
  filter,
  onChange,
  actors,
  revision,
}: {
  filter: ClaimFilter;
  onChange: (f: ClaimFilter) => void;
  actors: readonly ActorOption[];
  /** moves on when the project's data changed (new sources, new coders) */
  revision: number;
}) {
  const s = useAnalysisStrings();
  const { lang } = useI18n();
  const app = useApp();
  const id = useId();
  const [sources, setSources] = useState<string[]>([]);
  const [coders, setCoders] = useState<{ coder: string; name: string }[]>([]);
  const [knownCoders, setKnownCoders] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    let live = true;
    api['documents.sources']({}).then(
      (names) => live && setSources(names),
      () => undefined,
    );
    // the coders with claims, by coder key and current name (refused while blind: then only the list)
    api['agreement.coders']({}).then(
      (list) => live && setCoders(list),
      () => live && setCoders([]),
    );
    api['coders.list']({}).then(
      (state) => live && setKnownCoders(state.coders),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [revision]);
  const set = <K extends keyof ClaimFilter>(key: K, value: ClaimFilter[K] | undefined) =>
    onChange(withField(filter, key, value));
  const field = (suffix: string) => `${id}-${suffix}`;

  const codes = useMemo(() => codeChoices(app.codebook, lang), [app.codebook, lang]);
  const actorChoices = useMemo(() => {
    const known = new Map<string, Choice>();
    const entities = new Map(app.registry.entities.map((e) => [e.id, e]));
    // the name in the script of the interface when the actor has one
    const named = (e: Pick<Entity, 'nameAr' | 'nameLatin'>) =>
      lang === 'en' ? e.nameLatin || e.nameAr : displayName(e);
    for (const e of app.registry.entities) {
      if (e.kind !== 'actor') continue;
      const group = e.affiliation ? entities.get(e.affiliation) : undefined;
      known.set(e.id, { value: e.id, label: named(e), ...(group ? { hint: named(group) } : {}) });
    }
    // actors the claims name that the registry lacks (the network's nodes), then any still chosen
    for (const a of actors) if (!known.has(a.id)) known.set(a.id, { value: a.id, label: a.name });
    for (const a of filter.actors ?? []) if (!known.has(a)) known.set(a, { value: a, label: a });
    return [...known.values()].sort((x, y) => x.label.localeCompare(y.label, lang));
  }, [app.registry, actors, filter.actors, lang]);
  const forms = useMemo(() => {
    const field = app.codebook.fields.find((f) => f.key === 'form');
    const names = new Set([...(field?.choices ?? []).map((c) => c.name), ...(filter.forms ?? [])]);
    return [...names].filter((n) => n !== '').map((n) => ({ value: n, label: n }));
  }, [app.codebook, filter.forms]);
  const withChosen = (list: readonly string[], chosen: readonly string[] | undefined): Choice[] =>
    [...new Set([...list, ...(chosen ?? [])])].map((v) => ({ value: v, label: v }));
  const positions: Choice[] = [
    { value: '1', label: '+1' },
    { value: '0', label: '0' },
    { value: '-1', label: '−1' },
    { value: 'none', label: s.noPosition },
  ];

  return (
    <form className="claims-filter" aria-label={s.filterBar} onSubmit={(e) => e.preventDefault()}>
      <MultiSelect
        label={s.code}
        anyLabel={s.anyCode}
        choices={codes}
        selected={filter.codes ?? []}
        onChange={(v) => set('codes', v)}
        testId="filter-codes"
      />
      <label className="inline">
        <input
          type="checkbox"
          checked={filter.includeChildren !== false}
          onChange={(e) => set('includeChildren', e.target.checked ? undefined : false)}
        />
        {s.includeChildren}
      </label>
      <MultiSelect
        label={s.actor}
        anyLabel={s.anyActor}
        choices={actorChoices}
        selected={filter.actors ?? []}
        onChange={(v) => set('actors', v)}
        testId="filter-actors"
      />
      <MultiSelect
        label={s.position}
        anyLabel={s.any}
        choices={positions}
        selected={(filter.positions ?? []).map(positionKey)}
        onChange={(v) =>
          set(
            'positions',
            v.map((k) => POSITION_VALUES.get(k) ?? null),
          )
        }
        testId="filter-positions"
      />
      <MultiSelect
        label={s.form}
        anyLabel={s.any}
        choices={forms}
        selected={filter.forms ?? []}
        onChange={(v) => set('forms', v)}
        testId="filter-forms"
      />
      <span className="filter-pair">
        <label htmlFor={field('from')}>{s.from}</label>
        <DateField id={field('from')} value={filter.from ?? ''} max={filter.to} onChange={(v) => set('from', v)} />
      </span>
      <span className="filter-pair">
        <label htmlFor={field('to')}>{s.to}</label>
        <DateField id={field('to')} value={filter.to ?? ''} min={filter.from} onChange={(v) => set('to', v)} />
      </span>
      <span className="filter-pair">
        <label htmlFor={field('dateField')}>{s.dateField}</label>
        <select
          id={field('dateField')}
          value={filter.dateField ?? 'document'}
          onChange={(e) => set('dateField', e.target.value === 'claim' ? 'claim' : undefined)}
        >
          <option value="document">{s.articleDate}</option>
          <option value="claim">{s.claimDate}</option>
        </select>
      </span>
      <MultiSelect
        label={s.source}
        anyLabel={s.anySource}
        choices={withChosen(sources, filter.sources)}
        selected={filter.sources ?? []}
        onChange={(v) => set('sources', v)}
        testId="filter-sources"
      />
      <MultiSelect
        label={s.coder}
        anyLabel={s.any}
        choices={coderChoices(coders, knownCoders, filter.coders, { adjudicated: s.adjudicatedLayer, lang })}
        selected={filter.coders ?? []}
        onChange={(v) => set('coders', v)}
        testId="filter-coders"
      />
      <span className="filter-pair">
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
      </span>
      <button type="button" onClick={() => onChange({})} disabled={Object.keys(filter).length === 0}>
        {s.clearFilter}
      </button>
    </form>
  );
});
