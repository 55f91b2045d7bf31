/**
 * Removing a claim field (or one item of a choice field) that claims carry, and undoing it.
 * Removal clears it from every claim (fields.clearValues, journalled), then saves the codebook
 * without it; should that save be refused, the values are put back at once. Undo saves the
 * codebook with the field or the item back at its place first (the service refuses values the
 * codebook has no field or item for), then has codebook.undoMerge put back every value; if that
 * is refused (a claim was edited since), the codebook is saved as it was, so nothing is left
 * half-undone.
 */
import type { ClaimField } from '@shared/claims/fields';
import type { Codebook } from '@shared/model';
import { api } from '../../api/client';

export interface FieldRemoval {
  /** the field as it was before the removal */
  field: ClaimField;
  /** where the field stood among the fields */
  index: number;
  /** the one item removed, when only an item was */
  choiceId?: string;
  cleared: number;
  undoId: string;
}

const without = (codebook: Codebook, key: string, choiceId?: string): Codebook => ({
  ...codebook,
  fields:
    choiceId === undefined
      ? codebook.fields.filter((f) => f.key !== key)
      : codebook.fields.map((f) => (f.key === key ? { ...f, choices: f.choices.filter((c) => c.id !== choiceId) } : f)),
});

export async function removeInUse(key: string, choiceId?: string): Promise<FieldRemoval> {
  const codebook = await api['codebook.get']({});
  const index = codebook.fields.findIndex((f) => f.key === key);
  const field = codebook.fields[index];
  if (!field) throw new Error(`The codebook has no field “${key}”.`);
  const { cleared, undoId } = await api['fields.clearValues']({
    key,
    ...(choiceId !== undefined ? { choiceIds: [choiceId] } : {}),
  });
  try {
    await api['codebook.save'](without(codebook, key, choiceId));
  } catch (err) {
    await api['codebook.undoMerge']({ undoId });
    throw err;
  }
  return { field, index, cleared, undoId, ...(choiceId !== undefined ? { choiceId } : {}) };
}

/** The fields with the removed field, or the removed item, back at its place (unchanged if there). */
function withBack(fields: readonly ClaimField[], removal: FieldRemoval): ClaimField[] {
  const { field, choiceId } = removal;
  const now = fields.find((f) => f.key === field.key);
  if (!now) {
    const out = [...fields];
    out.splice(Math.min(removal.index, out.length), 0, field);
    return out;
  }
  const item = field.choices.find((c) => c.id === choiceId);
  if (!item || now.choices.some((c) => c.id === choiceId)) return [...fields];
  const at = Math.min(
    field.choices.findIndex((c) => c.id === choiceId),
    now.choices.length,
  );
  const choices = [...now.choices];
  choices.splice(at, 0, item);
  return fields.map((f) => (f === now ? { ...f, choices } : f));
}

export async function restoreRemoved(removal: FieldRemoval): Promise<void> {
  const codebook = await api['codebook.get']({});
  const fields = withBack(codebook.fields, removal);
  const changed = JSON.stringify(fields) !== JSON.stringify(codebook.fields);
  if (changed) await api['codebook.save']({ ...codebook, fields });
  try {
    await api['codebook.undoMerge']({ undoId: removal.undoId });
  } catch (err) {
    if (changed) await api['codebook.save'](codebook).catch(() => undefined);
    throw err;
  }
}
