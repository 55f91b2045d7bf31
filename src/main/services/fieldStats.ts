/**
 * stats.summary's counts by field: for each actor, place, choice and choices field, how many
 * claims hold each value, and how many leave it empty. Counted from the usage index (one count
 * per claim and value: a `choices` claim counts once for each item it picks).
 */
import { AppError } from '@shared/errors';
import type { StatsSummary } from '@shared/api/codebook';
import { CHOICE_FIELD_TYPES, ENTITY_FIELD_TYPES } from '@shared/claims/fields';
import { displayName } from '@shared/claims/registry';
import type { Codebook, Registry } from '@shared/model';
import { countOf, valueKey, type DocStats } from '../codebook/usageIndex';

type FieldCounts = StatsSummary['fields'][number];

export function fieldCounts(codebook: Codebook, registry: Registry, totals: DocStats, only?: string): FieldCounts[] {
  const counted = codebook.fields.filter(
    (f) => CHOICE_FIELD_TYPES.includes(f.type) || ENTITY_FIELD_TYPES.includes(f.type),
  );
  if (only !== undefined && !counted.some((f) => f.key === only)) {
    const field = codebook.fields.find((f) => f.key === only);
    throw new AppError(
      field ? 'invalid_input' : 'not_found',
      field
        ? `The field “${field.label}” is of type ${field.type}; claims are counted by actor, place and choice fields.`
        : `The codebook has no field with the key “${only}”.`,
    );
  }
  const entities = new Map(registry.entities.map((e) => [e.id, e]));
  return counted
    .filter((f) => only === undefined || f.key === only)
    .map((f) => {
      const base = { key: f.key, label: f.label, labelAr: f.labelAr, type: f.type };
      const none = totals.annotations - countOf(totals.fields, f.key);
      if (CHOICE_FIELD_TYPES.includes(f.type)) {
        const values = f.choices.map((c) => ({
          id: c.id,
          name: c.name,
          nameAr: c.nameAr,
          count: countOf(totals.values, valueKey(f.key, c.id)),
        }));
        return { ...base, values, none };
      }
      const prefix = valueKey(f.key, '');
      const values: FieldCounts['values'] = [];
      for (const [key, count] of totals.values) {
        if (!key.startsWith(prefix) || count === 0) continue;
        const id = key.slice(prefix.length);
        const e = entities.get(id);
        // an id the registry lacks is shown as itself rather than hidden
        values.push({ id, name: e ? e.nameLatin || displayName(e) : id, nameAr: e ? e.nameAr : '', count });
      }
      values.sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
      return { ...base, values, none };
    });
}
