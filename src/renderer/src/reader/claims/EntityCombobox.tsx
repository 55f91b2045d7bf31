/**
 * An actor or place field: an ARIA combobox over the registry (buildActorIndex: the search's
 * Arabic folding and clitics). Typing lists the ranked matches and, when none is exact, “Add
 * «typed» as a new actor”; arrows move, Enter picks. With the field empty, the proposal (the
 * actor mentioned nearest the passage) is shown and Enter accepts it. Leaving the field keeps an
 * exact match, clears the value when the text was emptied, and otherwise puts the name back.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { ActorIndex } from '@shared/claims/typeahead';
import { displayName, type Entity, type EntityKind } from '@shared/claims/registry';
import { foldName } from '@shared/claims/fold';
import { useClaimStrings } from './strings';

type Option = { kind: 'entity'; entity: Entity; alias: string | null } | { kind: 'create'; name: string };

export function EntityCombobox({
  label,
  kind,
  value,
  index,
  entities,
  proposal,
  required,
  onPick,
  onCreate,
}: {
  label: string;
  kind: EntityKind;
  value: string | null;
  index: ActorIndex;
  entities: ReadonlyMap<string, Entity>;
  proposal: Entity | null;
  required: boolean;
  onPick: (id: string | null) => void;
  onCreate: (name: string) => void;
}) {
  const s = useClaimStrings();
  const id = useId();
  const listId = `${id}-list`;
  const current = value === null ? undefined : entities.get(value);
  const shownName = current ? displayName(current) : (value ?? '');
  const [text, setText] = useState(shownName);
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState(0);
  useEffect(() => {
    if (!editing) setText(shownName);
  }, [shownName, editing]);

  const options = useMemo((): Option[] => {
    const q = text.trim();
    if (q === '') return proposal && value === null ? [{ kind: 'entity', entity: proposal, alias: null }] : [];
    const hits = index.search(q, { kind, limit: 8 });
    const out: Option[] = hits.map((h) => ({ kind: 'entity', entity: h.entity, alias: h.isName ? null : h.matched }));
    if (!hits.some((h) => h.rank === 'exact')) out.push({ kind: 'create', name: q });
    return out;
  }, [text, index, kind, proposal, value]);

  const choose = (o: Option) => {
    setOpen(false);
    setEditing(false);
    if (o.kind === 'entity') {
      setText(displayName(o.entity));
      if (o.entity.id !== value) onPick(o.entity.id);
    } else onCreate(o.name);
  };

  const leave = () => {
    setOpen(false);
    setEditing(false);
    const q = text.trim();
    if (q === '') {
      if (value !== null) onPick(null);
      return;
    }
    const exact = index.search(q, { kind, limit: 1 })[0];
    if (exact && exact.rank === 'exact' && foldName(q) !== '' && exact.entity.id !== value) onPick(exact.entity.id);
    else setText(shownName);
  };

  const showProposal = value === null && proposal !== null && text.trim() === '';
  const activeId = open && options[at] ? `${id}-opt-${at}` : undefined;
  return (
    <div className="claim-field combo">
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> ({s.required})</span>}
      </label>
      <input
        id={id}
        dir="auto"
        role="combobox"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        aria-describedby={showProposal ? `${id}-proposal` : undefined}
        autoComplete="off"
        value={text}
        onFocus={() => setOpen(showProposal)}
        onChange={(e) => {
          setText(e.target.value);
          setEditing(true);
          setOpen(true);
          setAt(0);
        }}
        onBlur={leave}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
            const n = options.length;
            if (n > 0) setAt((i) => (e.key === 'ArrowDown' ? (i + 1) % n : (i - 1 + n) % n));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const o = options[open ? at : 0];
            if (o && (open || showProposal)) choose(o);
            else leave();
          }
        }}
      />
      {showProposal && proposal && (
        <p className="hint" id={`${id}-proposal`}>
          {s.proposed} <bdi dir="auto">{displayName(proposal)}</bdi> {s.acceptHint}
        </p>
      )}
      {/* data-query: the text these options rank (npm run bench waits for it) */}
      <ul role="listbox" id={listId} className="combo-list" hidden={!open || options.length === 0} data-query={text}>
        {options.map((o, i) => (
          <li
            key={o.kind === 'entity' ? o.entity.id : `create:${o.name}`}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={open && i === at}
            className={open && i === at ? 'active' : undefined}
            // mousedown, not click: the input must not lose the choice to its blur
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
          >
            {o.kind === 'entity' ? (
              <>
                <bdi dir="auto">{displayName(o.entity)}</bdi>
                {o.alias && (
                  <span className="muted">
                    {' '}
                    ({s.alias}: <bdi dir="auto">{o.alias}</bdi>)
                  </span>
                )}
              </>
            ) : (
              <>
                {s.addBefore}
                <bdi dir="auto">{o.name}</bdi>
                {kind === 'actor' ? s.addActorAfter : s.addPlaceAfter}
              </>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
