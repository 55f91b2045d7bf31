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

/** Where one claim's cells go, in order: a list (claimCells), or a CSV being written (the export). */
export interface ClaimCellSink {
  text(value: string): unknown;
  number(value: number): unknown;
}

/** One claim's cells, as many as claimColumns(fields), empty where a field has no value. */
export function claimCells(
  fields: readonly ClaimField[],
  values: Readonly<ClaimValues>,
  lookup: EntityLookup,
): CsvValue[] {
  const cells: CsvValue[] = [];
  const push = (cell: CsvValue) => cells.push(cell);
  writeClaimCells({ text: push, number: push }, fields, values, lookup);
  return cells;
}

/** The cells of claimCells, handed to `sink` one by one (no list made per row). */
export function writeClaimCells(
  sink: ClaimCellSink,
  fields: readonly ClaimField[],
  values: Readonly<ClaimValues>,
  lookup: EntityLookup,
): void {
  for (const f of fields) {
    const v = valueOf(values, f.key);
    switch (f.type) {
      case 'actor':
      case 'place': {
        const e = typeof v === 'string' ? lookup.entity(v) : undefined;
        const aff = e && e.affiliation !== null ? lookup.entity(e.affiliation) : undefined;
        sink.text(e ? displayName(e) : '');
        sink.text(typeof v === 'string' ? v : '');
        sink.text(e && e.type !== null ? lookup.typeName(e.type) : '');
        sink.text(aff ? displayName(aff) : '');
        break;
      }
      case 'choice': {
        const item = v === undefined ? undefined : f.choices.find((c) => c.id === v);
        sink.text(item?.name ?? (typeof v === 'string' ? v : ''));
        if (item && item.value !== null) sink.number(item.value);
        else sink.text('');
        break;
      }
      case 'choices': {
        const ids = Array.isArray(v) ? v : [];
        sink.text(
          ids.length === 0
            ? ''
            : f.choices
                .filter((c) => ids.includes(c.id))
                .map((c) => c.name)
                .join(CHOICES_JOINER),
        );
        break;
      }
      case 'number':
        if (typeof v === 'number') sink.number(v);
        else sink.text('');
        break;
      case 'boolean':
        sink.text(typeof v === 'boolean' ? String(v) : '');
        break;
      default:
        sink.text(typeof v === 'string' ? v : '');
    }
  }
}
