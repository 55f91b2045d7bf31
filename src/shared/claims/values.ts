/**
 * Claim values: what one annotation records for the codebook's fields, a map key → value.
 *
 * Stored values are plain JSON: an entity id (actor, place), a choice item id (choice), a list of
 * item ids (choices), a string (text, longText), a finite number, an ISO date (YYYY-MM-DD) or a
 * boolean. `checkClaimValues` takes what an editor or a client sends — numbers and dates may be
 * typed with Arabic-Indic digits — and answers the stored values or one sentence per bad value;
 * nothing is half-applied. The map is never indexed with a key from data without Object.hasOwn.
 */
import { z } from 'zod';
import { Id } from '../ids';
import { isIsoDate, parseDate } from '../text/dates';
import { fieldApplies, FIELD_KEY_PATTERN, type ClaimField } from './fields';
import { MAX_LONG_TEXT_VALUE, MAX_TEXT_VALUE } from './names';

export const ClaimValue = z.union([z.string().max(MAX_LONG_TEXT_VALUE), z.number(), z.boolean(), z.array(Id).max(200)]);
export type ClaimValue = z.infer<typeof ClaimValue>;

/** The stored map (its values are checked against the fields with checkClaimValues). */
export const ClaimValues = z.record(
  z.string().regex(FIELD_KEY_PATTERN, 'A field key is a safe identifier.'),
  ClaimValue,
);
export type ClaimValues = Record<string, ClaimValue>;

/** The value stored under a key, or undefined (never a property inherited by every object). */
export function valueOf(values: Readonly<ClaimValues>, key: string): ClaimValue | undefined {
  return Object.hasOwn(values, key) ? values[key] : undefined;
}

export interface ValueContext {
  /** the annotation's codes (fields limited to codes apply only to them) */
  codes: readonly string[];
  /** whether an id names an entity of that kind in the registry */
  hasEntity: (kind: 'actor' | 'place', id: string) => boolean;
}

export interface ValueProblem {
  key: string;
  message: string;
}

export type CheckedValues = { ok: true; values: ClaimValues } | { ok: false; problems: ValueProblem[] };

/** Arabic-Indic (٠–٩) and Persian (۰–۹) digits as ASCII; the Arabic decimal and thousands separators. */
export function foldDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (c) => String(c.charCodeAt(0) - 0x06f0))
    .replace(/\u066B/g, '.')
    .replace(/[\u066C\u060C]/g, ',')
    .replace(/\u2212/g, '-');
}

/** A number typed in any digits: "٣٥", "1,200", "-0.5", "٢٫٥". Null when it is not one finite number. */
export function parseNumber(input: string | number): number | null {
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  const s = foldDigits(input.normalize('NFKC')).replace(/[\s\u200E\u200F\u061C]/g, '');
  if (!/^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[-+]?\.\d+$/.test(s)) return null;
  const n = Number(s.replace(/,/g, ''));
  return Number.isFinite(n) ? n : null;
}

/** A date typed as YYYY-MM-DD in any digits, or any way the date parser reads (12/05/2019, 22 أيار 2019). */
export function parseDateValue(input: string): string | null {
  const s = foldDigits(input).trim();
  if (isIsoDate(s)) return s;
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(s)) return null; // year first but not a real day: 2019-13-45
  return parseDate(s);
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function checkOne(field: ClaimField, raw: unknown, ctx: ValueContext): { value: ClaimValue } | { message: string } {
  const name = `“${field.label}”`;
  switch (field.type) {
    case 'actor':
    case 'place': {
      if (typeof raw !== 'string' || !Id.safeParse(raw).success)
        return { message: `${name} takes an ${field.type} from the registry.` };
      if (!ctx.hasEntity(field.type, raw))
        return { message: `${name}: there is no ${field.type} with the id “${raw}” in the registry.` };
      return { value: raw };
    }
    case 'choice': {
      if (typeof raw !== 'string') return { message: `${name} takes one of its choices.` };
      if (!field.choices.some((c) => c.id === raw))
        return { message: `${name} has no choice “${raw}”; choose one of ${listChoices(field)}.` };
      return { value: raw };
    }
    case 'choices': {
      const list = typeof raw === 'string' ? [raw] : raw;
      if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
        return { message: `${name} takes a list of its choices.` };
      const unknown = list.find((x) => !field.choices.some((c) => c.id === x));
      if (unknown !== undefined)
        return { message: `${name} has no choice “${unknown}”; choose among ${listChoices(field)}.` };
      // in list order, each once
      return { value: field.choices.filter((c) => list.includes(c.id)).map((c) => c.id) };
    }
    case 'text':
    case 'longText': {
      if (typeof raw !== 'string') return { message: `${name} takes text.` };
      const max = field.type === 'text' ? MAX_TEXT_VALUE : MAX_LONG_TEXT_VALUE;
      if (raw.length > max) return { message: `${name} is longer than ${max} characters.` };
      // eslint-disable-next-line no-control-regex -- tabs and line breaks are text, other controls are not
      if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(raw))
        return { message: `${name} contains control characters.` };
      if (field.type === 'text' && /[\r\n]/.test(raw)) return { message: `${name} is one line of text.` };
      return { value: raw };
    }
    case 'number': {
      const n = typeof raw === 'number' || typeof raw === 'string' ? parseNumber(raw) : null;
      if (n === null) return { message: `${name} takes a number, such as 35 or ٣٥; “${String(raw)}” is not one.` };
      return { value: n };
    }
    case 'date': {
      const d = typeof raw === 'string' ? parseDateValue(raw) : null;
      if (d === null)
        return {
          message: `${name} takes a real day written YYYY-MM-DD, such as 2019-05-22; “${String(raw)}” is not one.`,
        };
      return { value: d };
    }
    case 'boolean': {
      if (typeof raw !== 'boolean') return { message: `${name} is yes or no.` };
      return { value: raw };
    }
  }
}

function listChoices(field: ClaimField): string {
  const names = field.choices.slice(0, 8).map((c) => `“${c.name}”`);
  if (names.length === 0) return 'its list (which is empty)';
  return names.join(', ') + (field.choices.length > 8 ? ', …' : '');
}

/**
 * Check the values sent for one annotation against the fields. An empty value ('' , [], null)
 * means "not set" and is left out of the result. A key no field has, a value for a field that
 * does not apply to the claim's codes, and every bad value are problems; the values come back
 * only when there is none.
 */
export function checkClaimValues(
  fields: readonly ClaimField[],
  input: Readonly<Record<string, unknown>>,
  ctx: ValueContext,
): CheckedValues {
  const problems: ValueProblem[] = [];
  const values: ClaimValues = {};
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const key of Object.keys(input)) {
    const field = byKey.get(key);
    const raw = input[key];
    if (!field) {
      problems.push({ key, message: `There is no claim field with the key “${key.slice(0, 50)}”.` });
      continue;
    }
    if (isEmpty(raw)) continue;
    if (!fieldApplies(field, ctx.codes)) {
      problems.push({ key, message: `“${field.label}” is not a field of claims with these codes.` });
      continue;
    }
    const checked = checkOne(field, raw, ctx);
    if ('message' in checked) problems.push({ key, message: checked.message });
    else
      Object.defineProperty(values, key, {
        value: checked.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

/** The required fields that apply to the claim and are empty: an incomplete claim (flagged, not refused). */
export function missingRequired(
  fields: readonly ClaimField[],
  values: Readonly<ClaimValues>,
  codes: readonly string[],
): ClaimField[] {
  return fields.filter((f) => f.required && fieldApplies(f, codes) && isEmpty(valueOf(values, f.key)));
}
