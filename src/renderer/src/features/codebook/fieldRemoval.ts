/**
 * Removing a claim field that claims carry, and undoing it. Removal clears the field from every
 * claim (fields.clearValues, journalled), then saves the codebook without it; should that save be
 * refused, the values are put back at once. Undo saves the codebook with the field back at its
 * place first (the service refuses values for a field the codebook lacks), then has
 * codebook.undoMerge put back every value; if that is refused (a claim was edited since), the
 * field is taken out again, so nothing is left half-undone.
 */
import type { ClaimField } from '@shared/claims/fields';
import { api } from '../../api/client';

export interface FieldRemoval {
  field: ClaimField;
  /** where the field stood among the fields */
  index: number;
  cleared: number;
  undoId: string;
}

export async function removeFieldInUse(key: string): Promise<FieldRemoval> {
  const codebook = await api['codebook.get']({});
  const index = codebook.fields.findIndex((f) => f.key === key);
  const field = codebook.fields[index];
  if (!field) throw new Error(`The codebook has no field “${key}”.`);
  const { cleared, undoId } = await api['fields.clearValues']({ key });
  try {
    await api['codebook.save']({ ...codebook, fields: codebook.fields.filter((f) => f.key !== key) });
  } catch (err) {
    await api['codebook.undoMerge']({ undoId });
    throw err;
  }
  return { field, index, cleared, undoId };
}

export async function restoreField(removal: FieldRemoval): Promise<void> {
  const codebook = await api['codebook.get']({});
  const added = !codebook.fields.some((f) => f.key === removal.field.key);
  if (added) {
    const fields = [...codebook.fields];
    fields.splice(Math.min(removal.index, fields.length), 0, removal.field);
    await api['codebook.save']({ ...codebook, fields });
  }
  try {
    await api['codebook.undoMerge']({ undoId: removal.undoId });
  } catch (err) {
    if (added) await api['codebook.save'](codebook).catch(() => undefined);
    throw err;
  }
}
