/**
 * The type list of actors or of places: rename (both languages), move up or down (buttons, or
 * Alt+↑ / Alt+↓ in a row), add, delete, then save it as one change (registry.saveTypes). A type
 * that actors carry is not dropped: its delete says how many and refuses; give them another type
 * first.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { EntityKind, Registry } from '@shared/claims/registry';
import { api, errorMessage } from '../../api/client';
import { useActorStrings } from './actorStrings';
import { moveDraft } from './choiceDrafts';
import { fill } from './mergeStrings';
import { newTypeDraft, toTypeDrafts, typesFromDrafts, type TypeDraft } from './typeDrafts';

export function TypesEditor({
  kind,
  registry,
  onSaved,
}: {
  kind: EntityKind;
  registry: Registry;
  onSaved: (message: string) => Promise<void>;
}) {
  const a = useActorStrings();
  const ofKind = registry.types.filter((t) => t.kind === kind);
  const [drafts, setDrafts] = useState<TypeDraft[]>(() => toTypeDrafts(ofKind));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setDrafts(toTypeDrafts(registry.types.filter((t) => t.kind === kind))), [registry, kind]);

  const carrying = (id: string | null) =>
    id === null ? 0 : registry.entities.filter((e) => e.kind === kind && e.type === id).length;
  const set = (i: number, patch: Partial<TypeDraft>) =>
    setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const move = (i: number, by: -1 | 1, focus?: HTMLElement) => {
    setDrafts((ds) => moveDraft(ds, i, by));
    if (focus) requestAnimationFrame(() => focus.focus());
  };
  const onRowKey = (i: number) => (e: KeyboardEvent<HTMLElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(i, e.key === 'ArrowUp' ? -1 : 1, e.target as HTMLElement);
  };
  const remove = (i: number) => {
    const d = drafts[i];
    if (!d) return;
    const n = carrying(d.id);
    if (n > 0) {
      setError(fill(kind === 'actor' ? a.typeInUseActors : a.typeInUsePlaces, { name: d.name || d.nameAr, n }));
      return;
    }
    setError(null);
    setDrafts((ds) => ds.filter((_, j) => j !== i));
  };
  const save = async () => {
    const others = registry.types.filter((t) => t.kind !== kind).map((t) => t.id);
    try {
      await api['registry.saveTypes']({ kind, types: typesFromDrafts(kind, drafts, others) });
      setError(null);
      await onSaved(kind === 'actor' ? a.actorTypesSaved : a.placeTypesSaved);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const title = kind === 'actor' ? a.actorTypes : a.placeTypes;
  return (
    <fieldset className="cb-types" data-kind={kind}>
      <legend>{title}</legend>
      {error && (
        <p className="cb-error" role="alert">
          {error}
        </p>
      )}
      <ol>
        {drafts.map((d, i) => {
          const label = d.name || d.nameAr || fill(a.typeN, { n: i + 1 });
          const n = carrying(d.id);
          return (
            <li key={d.rowKey} data-type={d.id ?? ''} onKeyDown={onRowKey(i)}>
              <input
                dir="ltr"
                value={d.name}
                aria-label={fill(a.typeName, { n: i + 1, list: title })}
                onChange={(e) => set(i, { name: e.target.value })}
              />
              <input
                dir="rtl"
                lang="ar"
                value={d.nameAr}
                aria-label={fill(a.typeNameAr, { n: i + 1, list: title })}
                onChange={(e) => set(i, { nameAr: e.target.value })}
              />
              {n > 0 && <span className="muted">{fill(kind === 'actor' ? a.nActors : a.nPlaces, { n })}</span>}
              <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`${a.moveUp}: ${label}`}>
                ↑
              </button>
              <button
                type="button"
                onClick={() => move(i, 1)}
                disabled={i === drafts.length - 1}
                aria-label={`${a.moveDown}: ${label}`}
              >
                ↓
              </button>
              <button type="button" onClick={() => remove(i)} aria-label={`${a.delete}: ${label}`}>
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button type="button" onClick={() => setDrafts((ds) => [...ds, newTypeDraft()])}>
          {fill(a.addType, { list: title })}
        </button>
        <button type="button" onClick={() => void save()}>
          {fill(a.saveTypes, { list: title })}
        </button>
      </div>
    </fieldset>
  );
}
