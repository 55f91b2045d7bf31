/**
 * The CSV cells of claim values, in the columns the export will add after its own (docs/claims.md):
 * for each field in codebook order, `<key>`, and for an actor or place field also `<key>_id`,
 * `<key>_type` and `<key>_affiliation`, for a choice field `<key>_value` (the item's number).
 * Several choices are joined with " | " in the list's order. The cells go through the export's
 * injection-safe writer (src/shared/csv.ts), so names are guarded there, not here.
 */
import type { CsvValue } from '../csv';
import { fieldColumns, type ClaimField } from './fields';
import { displayName, type Entity, type Registry } from './registry';
import { valueOf, type ClaimValues } from './values';

export const CHOICES_JOINER = ' | ';

export function claimColumns(fields: readonly ClaimField[]): string[] {
  return fields.flatMap(fieldColumns);
}

export interface EntityLookup {
  entity(id: string): Entity | undefined;
  typeName(id: string): string;
}

export function registryLookup(registry: Registry): EntityLookup {
  const entities = new Map(registry.entities.map((e) => [e.id, e]));
  const types = new Map(registry.types.map((t) => [t.id, t.name]));
  return { entity: (id) => entities.get(id), typeName: (id) => types.get(id) ?? id };
}

/** One claim's cells, as many as claimColumns(fields), empty where a field has no value. */
export function claimCells(
  fields: readonly ClaimField[],
  values: Readonly<ClaimValues>,
  lookup: EntityLookup,
): CsvValue[] {
  const cells: CsvValue[] = [];
  for (const f of fields) {
    const v = valueOf(values, f.key);
    switch (f.type) {
      case 'actor':
      case 'place': {
        const e = typeof v === 'string' ? lookup.entity(v) : undefined;
        const aff = e && e.affiliation !== null ? lookup.entity(e.affiliation) : undefined;
        cells.push(
          e ? displayName(e) : '',
          typeof v === 'string' ? v : '',
          e && e.type !== null ? lookup.typeName(e.type) : '',
          aff ? displayName(aff) : '',
        );
        break;
      }
      case 'choice': {
        const item = f.choices.find((c) => c.id === v);
        cells.push(item?.name ?? (typeof v === 'string' ? v : ''), item && item.value !== null ? item.value : '');
        break;
      }
      case 'choices': {
        const ids = Array.isArray(v) ? v : [];
        cells.push(
          f.choices
            .filter((c) => ids.includes(c.id))
            .map((c) => c.name)
            .join(CHOICES_JOINER),
        );
        break;
      }
      case 'number':
        cells.push(typeof v === 'number' ? v : '');
        break;
      case 'boolean':
        cells.push(typeof v === 'boolean' ? String(v) : '');
        break;
      default:
        cells.push(typeof v === 'string' ? v : '');
    }
  }
  return cells;
}
