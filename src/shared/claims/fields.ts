/**
 * Claim fields: the typed variables of a claim record, defined in the codebook in the order the
 * editor shows them (docs/claims.md). A field's `key` is stable: it names the value on every
 * annotation and becomes a CSV column, so it is a safe identifier that no fixed column uses.
 */
import { CSV_COLUMNS } from '../exchange/csvColumns';
import { z } from 'zod';
import { Id } from '../ids';
import { freeText, label, MAX_CHOICES, MAX_FIELDS } from './names';

export const FIELD_TYPES = [
  'actor',
  'place',
  'choice',
  'choices',
  'text',
  'longText',
  'number',
  'date',
  'boolean',
] as const;
export const FieldType = z.enum(FIELD_TYPES, { error: `A field's type is one of ${FIELD_TYPES.join(', ')}.` });
export type FieldType = z.infer<typeof FieldType>;

/** Types whose value is an entity id of the registry (actors, or places). */
export const ENTITY_FIELD_TYPES: readonly FieldType[] = ['actor', 'place'];
export const CHOICE_FIELD_TYPES: readonly FieldType[] = ['choice', 'choices'];

/** The CSV export's own columns, which a field key may not take (the claim columns follow them). */
export const RESERVED_COLUMNS: readonly string[] = CSV_COLUMNS;
/** Keys that name a property of every JavaScript object: refused so a key can never reach one. */
const OBJECT_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

export const FIELD_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export const FieldKey = z
  .string()
  .regex(
    FIELD_KEY_PATTERN,
    'A field key is 1 to 40 lower-case letters a–z, digits and "_", starting with a letter (it becomes a CSV column).',
  )
  .refine((k) => !RESERVED_COLUMNS.includes(k), {
    error: (i) => `“${String(i.input)}” is a column the CSV export already has; choose another key.`,
  })
  .refine((k) => !OBJECT_KEYS.has(k), { error: (i) => `“${String(i.input)}” cannot be a field key.` });
export type FieldKey = z.infer<typeof FieldKey>;

export const ChoiceItem = z.object({
  /** stable: annotations store it, so renaming the item changes no claim */
  id: Id,
  name: label('A choice name', 100),
  nameAr: label('An Arabic choice name', 100, 0).default(''),
  /** what analysis uses (a position's −1 / 0 / +1); null when the item has none */
  value: z.number({ error: 'A choice value is a finite number.' }).nullable().default(null),
});
export type ChoiceItem = z.infer<typeof ChoiceItem>;

export const ClaimField = z
  .object({
    key: FieldKey,
    label: label('A field label', 200),
    labelAr: label('An Arabic field label', 200, 0).default(''),
    description: freeText('A field description', 5000).default(''),
    type: FieldType,
    required: z.boolean().default(false),
    /** the codes whose claims carry this field; null = every claim */
    codes: z.array(Id).min(1, 'A field limited to codes names at least one code.').max(2000).nullable().default(null),
    /** the items of a choice or choices field (empty for the other types) */
    choices: z.array(ChoiceItem).max(MAX_CHOICES, `A field has at most ${MAX_CHOICES} choices.`).default([]),
  })
  .superRefine((field, ctx) => {
    const isChoice = CHOICE_FIELD_TYPES.includes(field.type);
    if (!isChoice && field.choices.length > 0)
      ctx.addIssue({
        code: 'custom',
        path: ['choices'],
        message: `The field “${field.label}” is of type ${field.type}, which has no choice list.`,
      });
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const item of field.choices) {
      if (ids.has(item.id))
        ctx.addIssue({
          code: 'custom',
          path: ['choices'],
          message: `Two choices of “${field.label}” have the id “${item.id}”.`,
        });
      const name = item.name.toLowerCase();
      if (names.has(name))
        ctx.addIssue({
          code: 'custom',
          path: ['choices'],
          message: `“${item.name}” is listed twice in “${field.label}”.`,
        });
      ids.add(item.id);
      names.add(name);
    }
  });
export type ClaimField = z.infer<typeof ClaimField>;

/** The CSV columns a field fills (docs/claims.md): its key, and for entities and choices more. */
export function fieldColumns(field: Pick<ClaimField, 'key' | 'type'>): string[] {
  if (ENTITY_FIELD_TYPES.includes(field.type))
    return [field.key, `${field.key}_id`, `${field.key}_type`, `${field.key}_affiliation`];
  if (field.type === 'choice') return [field.key, `${field.key}_value`];
  return [field.key];
}

/** The ordered field list of a codebook: keys unique, and no two fields fill the same column. */
export const ClaimFields = z
  .array(ClaimField)
  .max(MAX_FIELDS, `A codebook has at most ${MAX_FIELDS} claim fields.`)
  .superRefine((fields, ctx) => {
    const owner = new Map<string, string>();
    fields.forEach((field, i) => {
      for (const column of fieldColumns(field)) {
        const other = owner.get(column);
        if (other !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'key'],
            message:
              other === field.key
                ? `Two fields have the key “${field.key}”.`
                : `The fields “${other}” and “${field.key}” would both fill the CSV column “${column}”; rename one.`,
          });
        } else if (RESERVED_COLUMNS.includes(column)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'key'],
            message: `The field “${field.key}” would fill “${column}”, a column the CSV export already has; choose another key.`,
          });
        } else owner.set(column, field.key);
      }
    });
  });
export type ClaimFields = z.infer<typeof ClaimFields>;

/** Whether a field applies to a claim with these codes. */
export function fieldApplies(field: Pick<ClaimField, 'codes'>, codes: readonly string[]): boolean {
  return field.codes === null || field.codes.some((c) => codes.includes(c));
}
