/**
 * Incomplete claims: an annotation a required claim field is empty on, among the fields that apply
 * to its codes (missingRequired in src/shared/claims/values.ts). Flagged in the panel, never
 * refused. Answered once per annotation object and codebook fields (the panel asks on every render).
 */
import type { ClaimField } from '@shared/claims/fields';
import { missingRequired } from '@shared/claims/values';
import type { Annotation } from '@shared/model';

const known = new WeakMap<Annotation, { fields: readonly ClaimField[]; incomplete: boolean }>();

export function isIncomplete(a: Annotation, fields: readonly ClaimField[]): boolean {
  const seen = known.get(a);
  if (seen && seen.fields === fields) return seen.incomplete;
  const incomplete = missingRequired(fields, a.values, a.codes).length > 0;
  known.set(a, { fields, incomplete });
  return incomplete;
}
