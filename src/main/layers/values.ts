/**
 * A colleague's claim values matched to this codebook's fields: a field by its key, then (when the
 * source has its codebook) by its label folded as search folds it; a field this codebook lacks is
 * a conflict listed once, and its values are left out. A choice is matched by its id, then by its
 * name; a choice this field lacks is a conflict and the annotation is not imported. Actors and
 * places then go through the W3C import's resolver (by id, then any of their names, else added to
 * the registry), and the whole record through the same check as an edit.
 */
import type { LayerConflict } from '@shared/api/layers';
import type { ClaimField } from '@shared/claims/fields';
import { foldName } from '@shared/claims/fold';
import type { ClaimValues } from '@shared/claims/values';
import type { Registry } from '@shared/model';
import { valueResolver, type ValueResolver } from '../exchange/claimValuesImport';
import type { IncomingValue } from '../exchange/webAnnotationParse';
import type { SourceAnnotation } from './types';

const CHOICES_JOINER = ' | ';

export interface ValueMatcher {
  resolve(
    a: SourceAnnotation,
    codes: readonly string[],
  ): { ok: true; values: ClaimValues } | { ok: false; conflict: LayerConflict };
  /** the registry with the actors and places the layer brought, or null */
  changedRegistry(): Registry | null;
  byName: Array<{ sourceKey: string; key: string }>;
  unknown: string[];
  conflicts: LayerConflict[];
}

export function valueMatcher(
  fields: readonly ClaimField[],
  registry: Registry,
  fieldNames: ReadonlyMap<string, string>,
  newId: () => string,
): ValueMatcher {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const byLabel = new Map(fields.map((f) => [foldName(f.label), f]));
  const keyFor = new Map<string, string | null>();
  const inner: ValueResolver = valueResolver(fields, registry, newId);
  const matcher: ValueMatcher = {
    resolve,
    changedRegistry: () => inner.changedRegistry(),
    byName: [],
    unknown: [],
    conflicts: [],
  };

  const localKey = (key: string): string | null => {
    const known = keyFor.get(key);
    if (known !== undefined) return known;
    let found: string | null = byKey.has(key) ? key : null;
    const label = fieldNames.get(key);
    if (found === null && label) {
      const named = byLabel.get(foldName(label));
      if (named) {
        found = named.key;
        matcher.byName.push({ sourceKey: key, key: named.key });
      }
    }
    if (found === null) {
      matcher.unknown.push(key);
      matcher.conflicts.push({
        kind: 'field_unknown',
        annotationId: null,
        message: `This codebook has no claim field “${label ?? key}”; its values were left out.`,
      });
    }
    keyFor.set(key, found);
    return found;
  };

  /** the choice's id here, by id then name; null when the field has no such choice */
  const choiceId = (field: ClaimField, raw: unknown, name: string): string | null =>
    field.choices.find((c) => c.id === raw)?.id ??
    field.choices.find((c) => foldName(c.name) === foldName(name) || foldName(c.nameAr) === foldName(name))?.id ??
    null;

  function resolve(a: SourceAnnotation, codes: readonly string[]) {
    const values: IncomingValue[] = [];
    for (const v of a.values) {
      const key = localKey(v.key);
      if (key === null) continue;
      const field = byKey.get(key) as ClaimField;
      let raw = v.raw;
      if (field.type === 'choice' && !v.legacy) {
        const id = choiceId(field, v.raw, v.text);
        if (id === null) return { ok: false as const, conflict: unknownChoice(a, field, v.text) };
        raw = id;
      } else if (field.type === 'choices' && Array.isArray(v.raw)) {
        const names = v.text.split(CHOICES_JOINER);
        const ids: string[] = [];
        for (const [i, item] of v.raw.entries()) {
          const id = choiceId(field, item, names.length === v.raw.length ? (names[i] as string) : String(item));
          if (id === null) return { ok: false as const, conflict: unknownChoice(a, field, String(names[i] ?? item)) };
          ids.push(id);
        }
        raw = ids;
      }
      values.push({ ...v, key, raw });
    }
    const checked = inner.resolve({ ...a, values }, codes);
    if (!checked.ok)
      return {
        ok: false as const,
        conflict: { kind: 'values_invalid' as const, annotationId: a.rawId, message: checked.message },
      };
    return { ok: true as const, values: checked.values };
  }

  const unknownChoice = (a: SourceAnnotation, field: ClaimField, name: string): LayerConflict => ({
    kind: 'choice_unknown',
    annotationId: a.rawId,
    message: `The field “${field.label}” has no choice “${name}” here; the annotation “${a.exact ?? a.rawId}” was not imported.`,
  });

  return matcher;
}
