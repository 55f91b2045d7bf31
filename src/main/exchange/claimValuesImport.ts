/**
 * The claim values of an imported W3C annotation, as this project stores them: an actor or a
 * place is matched by id, then by any of its names (folded as search folds), and added to the
 * registry when the project has neither; a choice is matched by item id, then by name. The
 * values then pass the same check as an edit (checkClaimValues); an annotation whose values do
 * not is an orphan with the sentences, never stored half.
 */
import type { ClaimField } from '@shared/claims/fields';
import { addEntity, entityNamed } from '@shared/claims/registryOps';
import type { Entity, EntityKind } from '@shared/claims/registry';
import { checkClaimValues, type ClaimValues } from '@shared/claims/values';
import { nameKey } from '@shared/codebook/validate';
import type { Registry } from '@shared/model';
import type { IncomingAnnotation, IncomingValue } from './webAnnotationParse';

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface ValueResolver {
  resolve(
    a: IncomingAnnotation,
    codes: readonly string[],
  ): { ok: true; values: ClaimValues } | { ok: false; message: string };
  /** the registry with the entities the file brought, or null when it brought none */
  changedRegistry(): Registry | null;
}

export function valueResolver(fields: readonly ClaimField[], start: Registry, newId: () => string): ValueResolver {
  let registry = start;
  let changed = false;
  const byKey = new Map(fields.map((f) => [f.key, f]));

  const entityFor = (kind: EntityKind, v: IncomingValue): string | null => {
    const id = typeof v.raw === 'string' ? v.raw : '';
    if (id && registry.entities.some((e) => e.id === id && e.kind === kind)) return id;
    const names = v.entity ? [v.entity.nameAr, v.entity.nameLatin, ...v.entity.aliases] : [v.text];
    for (const name of names.filter(Boolean)) {
      const found = entityNamed(registry, kind, name);
      if (found) return found.id;
    }
    const arabic = /\p{Script=Arabic}/u.test(v.text);
    const draft: Omit<Partial<Entity>, 'id'> & Pick<Entity, 'kind'> = v.entity
      ? { kind, nameAr: v.entity.nameAr, nameLatin: v.entity.nameLatin, aliases: v.entity.aliases }
      : { kind, nameAr: arabic ? v.text : '', nameLatin: arabic ? '' : v.text };
    const free = SAFE_ID.test(id) && !registry.entities.some((e) => e.id === id);
    try {
      const r = addEntity(registry, draft, free ? id : newId());
      registry = r.registry;
      changed = true;
      return r.entity.id;
    } catch {
      return null; // a name that cannot be stored: checkClaimValues says so below
    }
  };

  return {
    resolve(a, codes) {
      const input: Record<string, unknown> = {};
      const put = (key: string, value: unknown) =>
        Object.defineProperty(input, key, { value, enumerable: true, writable: true, configurable: true });
      for (const v of a.values) {
        const f = byKey.get(v.key);
        if (!f) {
          put(v.key, v.raw);
          continue;
        }
        if (f.type === 'actor' || f.type === 'place') put(v.key, entityFor(f.type, v) ?? v.text);
        else if (f.type === 'choice') {
          const item =
            f.choices.find((c) => c.id === v.raw) ?? f.choices.find((c) => nameKey(c.name) === nameKey(v.text));
          put(v.key, item ? item.id : v.raw);
        } else put(v.key, v.raw);
      }
      if (a.note !== '' && byKey.get('note') && !Object.hasOwn(input, 'note')) put('note', a.note);
      const kinds = new Map(registry.entities.map((e) => [e.id, e.kind]));
      const checked = checkClaimValues(fields, input, { codes, hasEntity: (kind, id) => kinds.get(id) === kind });
      return checked.ok
        ? { ok: true, values: checked.values }
        : {
            ok: false,
            message: `Its claim values cannot be stored: ${checked.problems.map((p) => p.message).join(' ')}`,
          };
    },
    changedRegistry: () => (changed ? registry : null),
  };
}
