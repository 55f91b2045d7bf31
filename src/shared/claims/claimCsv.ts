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
  /** `count` empty cells (a field with no value) */
  empty(count: number): unknown;
}

/** One claim's cells, as many as claimColumns(fields), empty where a field has no value. */
export function claimCells(
  fields: readonly ClaimField[],
  values: Readonly<ClaimValues>,
  lookup: EntityLookup,
): CsvValue[] {
  const cells: CsvValue[] = [];
  const push = (cell: CsvValue) => cells.push(cell);
  const empty = (count: number) => {
    for (let i = 0; i < count; i++) cells.push('');
  };
  writeClaimCells({ text: push, number: push, empty }, fields, values, lookup);
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
        if (typeof v !== 'string') {
          sink.empty(4);
          break;
        }
        const e = lookup.entity(v);
        const aff = e && e.affiliation !== null ? lookup.entity(e.affiliation) : undefined;
        sink.text(e ? displayName(e) : '');
        sink.text(v);
        sink.text(e && e.type !== null ? lookup.typeName(e.type) : '');
        sink.text(aff ? displayName(aff) : '');
        break;
      }
      case 'choice': {
        if (v === undefined) {
          sink.empty(2);
          break;
        }
        const item = f.choices.find((c) => c.id === v);
        sink.text(item?.name ?? (typeof v === 'string' ? v : ''));
        if (item && item.value !== null) sink.number(item.value);
        else sink.text('');
        break;
      }
      case 'choices': {
        const ids = Array.isArray(v) ? v : [];
        if (ids.length === 0) sink.empty(1);
        else
          sink.text(
            f.choices
              .filter((c) => ids.includes(c.id))
              .map((c) => c.name)
              .join(CHOICES_JOINER),
          );
        break;
      }
      case 'number':
        if (typeof v === 'number') sink.number(v);
        else sink.empty(1);
        break;
      case 'boolean':
        if (typeof v === 'boolean') sink.text(String(v));
        else sink.empty(1);
        break;
      default:
        if (typeof v === 'string') sink.text(v);
        else sink.empty(1);
    }
  }
}
