/**
 * The type list of actors or of places: rename (both languages), move up or down (buttons, or
 * Alt+↑ / Alt+↓ in a row), add, delete, then save it as one change (registry.saveTypes). A type
 * that actors carry is not dropped: its delete says how many and refuses; give them another type
 * first.
 */
import { useEffect, useState } from 'react';
import type { EntityKind, Registry } from '@shared/claims/registry';
import { api, errorMessage } from '../../api/client';
import { useActorStrings } from './actorStrings';
import { fill } from './mergeStrings';
import { OrderedRows } from './OrderedRows';
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
      <OrderedRows
        rows={drafts}
        onChange={setDrafts}
        dataKey="type"
        words={{
          untitled: (n) => fill(a.typeN, { n }),
          nameLabel: (n) => fill(a.typeName, { n, list: title }),
          nameArLabel: (n) => fill(a.typeNameAr, { n, list: title }),
          remove: a.delete,
        }}
        inUse={(d) => {
          const n = carrying(d.id);
          return n > 0 ? fill(kind === 'actor' ? a.nActors : a.nPlaces, { n }) : null;
        }}
        onRemove={remove}
      />
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
