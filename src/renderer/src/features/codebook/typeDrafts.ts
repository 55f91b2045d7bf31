/**
 * The type list of actors or of places as the Actors tab edits it: each row keeps the id of its
 * type (entities store the id, so renaming or moving a type changes no actor); a type added here
 * gets an id when the list is saved, a slug of its name unique across both kinds' types.
 */
import type { EntityKind, EntityType } from '@shared/claims/registry';

export interface TypeDraft {
  id: string | null;
  rowKey: string;
  name: string;
  nameAr: string;
}

let counter = 0;

export const toTypeDrafts = (types: readonly EntityType[]): TypeDraft[] =>
  types.map((t) => ({ id: t.id, rowKey: t.id, name: t.name, nameAr: t.nameAr }));

export const newTypeDraft = (): TypeDraft => ({ id: null, rowKey: `new-${++counter}`, name: '', nameAr: '' });

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);

/**
 * The list to save (registry.saveTypes), in the drafts' order. A row with neither name is
 * dropped; one with only an Arabic name takes it as its name too (a type needs a name).
 * `otherIds` are the other kind's type ids, which a new id must not take.
 */
export function typesFromDrafts(
  kind: EntityKind,
  drafts: readonly TypeDraft[],
  otherIds: readonly string[],
): EntityType[] {
  const kept = drafts.filter((d) => d.name.trim() !== '' || d.nameAr.trim() !== '');
  const taken = new Set([...otherIds, ...kept.flatMap((d) => (d.id === null ? [] : [d.id]))]);
  return kept.map((d, i) => {
    let id = d.id;
    if (id === null) {
      const base = slug(d.name) || `${kind}-type-${i + 1}`;
      id = base;
      for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
      taken.add(id);
    }
    const name = d.name.trim() || d.nameAr.trim();
    return { id, kind, name, nameAr: d.nameAr.trim() };
  });
}
