/**
 * A choice list as the Fields tab edits it: one draft per item, each carrying the id of the item
 * it was made from, so moving, renaming or editing an item never changes which item a claim
 * names (claims store the id). An item added here gets its id when the fields are saved: a slug
 * of its name, unique in the list.
 */
import type { ChoiceItem } from '@shared/claims/fields';
import { foldDigits } from '@shared/claims/values';

export interface ChoiceDraft {
  /** the item's id; null for an item added in this editing */
  id: string | null;
  /** React's key for the row (the id, or a number for a new item) */
  rowKey: string;
  name: string;
  nameAr: string;
  /** the number as typed (Arabic-Indic digits and − accepted) */
  value: string;
}

let counter = 0;

export function toDrafts(items: readonly ChoiceItem[]): ChoiceDraft[] {
  return items.map((c) => ({
    id: c.id,
    rowKey: c.id,
    name: c.name,
    nameAr: c.nameAr,
    value: c.value === null ? '' : String(c.value),
  }));
}

export function newDraft(): ChoiceDraft {
  return { id: null, rowKey: `new-${++counter}`, name: '', nameAr: '', value: '' };
}

/** The list with the item at `i` moved by one place (unchanged at either end). */
export function moveDraft<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const j = i + by;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return [...list];
  const next = [...list];
  [next[i], next[j]] = [next[j] as T, next[i] as T];
  return next;
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);

/** The number a draft holds, or null; NaN when what was typed is not a number. */
export function draftNumber(value: string): number | null {
  const t = foldDigits(value.trim()).replace('−', '-');
  return t === '' ? null : Number(t);
}

/**
 * The items to save, in the drafts' order; an item left without a name is dropped (as an empty
 * line was), and a number that does not read is left for the service to refuse.
 */
export function fromDrafts(drafts: readonly ChoiceDraft[]): ChoiceItem[] {
  const kept = drafts.filter((d) => d.name.trim() !== '');
  const taken = new Set(kept.flatMap((d) => (d.id === null ? [] : [d.id])));
  return kept.map((d, i) => {
    let id = d.id;
    if (id === null) {
      const base = slug(d.name) || `choice-${i + 1}`;
      id = base;
      for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
      taken.add(id);
    }
    return { id, name: d.name.trim(), nameAr: d.nameAr.trim(), value: draftNumber(d.value) };
  });
}
