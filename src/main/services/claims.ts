/**
 * The claim fields and the actor registry (src/shared/api/claims.ts). The registry lives in
 * project.json; a merge or a delete with a reassignment rewrites the claims that name the
 * entities it removes (moveEntityValues), documents first, then the registry, so that no claim
 * ever names an entity the registry lacks. A merge is journalled like a code merge and undone
 * by codebook.undoMerge.
 */
import type { Handlers } from '@shared/api';
import { AppError } from '@shared/errors';
import type { Registry } from '@shared/model';
import { addTemplateFields } from '@shared/claims/template';
import { CHOICE_FIELD_TYPES, ClaimFields } from '@shared/claims/fields';
import { Registry as RegistrySchema } from '@shared/claims/registry';
import {
  addEntity,
  deleteEntity,
  mergeEntities,
  moveEntityValues,
  updateEntity,
  type EntityMove,
} from '@shared/claims/registryOps';
import { registryFromCsv, registryToCsv } from '@shared/claims/registryCsv';
import { valueOf, type ClaimValues } from '@shared/claims/values';
import { countOf, valueKey } from '../codebook/usageIndex';
import type { ServiceContext } from './context';
import type { FieldChange } from './mergeJournal';
import { rewriteAnnotations } from './rewriteAnnotations';
import { validateCodebook } from '@shared/codebook/validate';

type ClaimsHandlers = Pick<
  Handlers,
  | 'fields.addTemplate'
  | 'fields.clearValues'
  | 'registry.get'
  | 'registry.add'
  | 'registry.update'
  | 'registry.merge'
  | 'registry.delete'
  | 'registry.saveTypes'
  | 'registry.uses'
  | 'registry.exportCsv'
  | 'registry.importCsv'
>;

/** Never keep a registry project.json could not be read back with. */
function storable(registry: Registry): Registry {
  const r = RegistrySchema.safeParse(registry);
  if (!r.success) throw new AppError('invalid_input', r.error.issues[0]?.message ?? 'The registry cannot be saved.');
  return r.data;
}

/**
 * The values without the field's value (or without those items of a choice/choices value; a
 * list left empty goes whole), or null when there is nothing to clear.
 */
export function withoutValue(values: ClaimValues, key: string, choiceIds?: readonly string[]): ClaimValues | null {
  const value = valueOf(values, key);
  if (value === undefined) return null;
  let kept: ClaimValues[string] | undefined;
  if (choiceIds) {
    if (Array.isArray(value)) {
      const left = value.filter((id) => !choiceIds.includes(id));
      if (left.length === value.length) return null;
      kept = left.length > 0 ? left : undefined;
    } else if (typeof value === 'string' && choiceIds.includes(value)) kept = undefined;
    else return null;
  }
  // Object.fromEntries defines own properties, whatever the keys; the field keeps its place
  return Object.fromEntries(
    Object.entries(values).flatMap(([k, v]) => (k !== key ? [[k, v]] : kept !== undefined ? [[k, kept]] : [])),
  );
}

export function claimsHandlers(ctx: ServiceContext): ClaimsHandlers {
  const usage = () => ctx.project.usage;
  const saveRegistry = async (registry: Registry) => {
    const kept = storable(registry);
    await ctx.store.updateProject((data) => {
      data.registry = kept;
    });
    return kept;
  };

  /** Rewrite every claim that names a moved entity; `changes` records what each had before. */
  const moveClaims = async (moves: readonly EntityMove[], changes?: FieldChange<ClaimValues>[]) => {
    if (moves.length === 0) return 0;
    const from = moves.map((m) => m.from);
    const fields = ctx.store.data.codebook.fields;
    const docs = await usage().documentsWhere((s) => from.some((id) => countOf(s.ids, id) > 0));
    const { affected } = await rewriteAnnotations(
      ctx,
      docs,
      (a) => {
        const moved = moveEntityValues(fields, a.values, moves);
        return moved.changed ? { ...a, values: moved.values } : null;
      },
      changes &&
        ((documentId, before, after) =>
          changes.push({ documentId, id: before.id, before: before.values, after: after.values })),
    );
    return affected;
  };

  return {
    'fields.addTemplate': async () => {
      const codebook = { ...ctx.store.data.codebook, fields: addTemplateFields(ctx.store.data.codebook.fields) };
      const fields = ClaimFields.safeParse(codebook.fields);
      if (!fields.success)
        throw new AppError('conflict', `The template cannot be added: ${fields.error.issues[0]?.message ?? ''}`.trim());
      validateCodebook(codebook);
      await ctx.store.updateProject((data) => {
        data.codebook = codebook;
      });
      return codebook;
    },

    'fields.clearValues': async ({ key, choiceIds }) => {
      const field = ctx.store.data.codebook.fields.find((f) => f.key === key);
      if (!field) throw new AppError('not_found', `The codebook has no field with the key “${key}”.`);
      if (choiceIds && !CHOICE_FIELD_TYPES.includes(field.type))
        throw new AppError(
          'invalid_input',
          `The field “${field.label}” has no choices to clear; clear the whole field.`,
        );
      const unknown = choiceIds?.find((id) => !field.choices.some((c) => c.id === id));
      if (unknown !== undefined)
        throw new AppError('invalid_input', `The field “${field.label}” has no choice with the id “${unknown}”.`);
      const docs = await usage().documentsWhere((s) =>
        choiceIds ? choiceIds.some((id) => countOf(s.values, valueKey(key, id)) > 0) : countOf(s.fields, key) > 0,
      );
      const changes: FieldChange<ClaimValues>[] = [];
      const { affected } = await rewriteAnnotations(
        ctx,
        docs,
        (a) => {
          const values = withoutValue(a.values, key, choiceIds);
          return values ? { ...a, values } : null;
        },
        (documentId, before, after) =>
          changes.push({ documentId, id: before.id, before: before.values, after: after.values }),
      );
      const undoId = ctx.project.merges.add(ctx.newId(), {
        kind: 'values',
        key,
        ...(choiceIds ? { choiceIds: [...choiceIds] } : {}),
        changes,
      });
      return { cleared: affected, undoId };
    },

    'registry.get': async () => ctx.store.data.registry,

    'registry.add': async ({ entity }) => {
      const r = addEntity(ctx.store.data.registry, entity, ctx.newId());
      return { registry: await saveRegistry(r.registry), entity: r.entity };
    },

    'registry.update': async ({ id, patch }) => {
      const current = ctx.store.data.registry;
      const before = current.entities.find((e) => e.id === id);
      if (!before) throw new AppError('not_found', `There is no actor or place with the id “${id}”.`);
      // a rename keeps the old names as aliases, so the old spelling is still found
      const old = [
        patch.nameAr !== undefined && patch.nameAr !== before.nameAr ? before.nameAr : '',
        patch.nameLatin !== undefined && patch.nameLatin !== before.nameLatin ? before.nameLatin : '',
      ].filter(Boolean);
      const aliases = old.length > 0 ? [...(patch.aliases ?? before.aliases), ...old] : patch.aliases;
      const r = updateEntity(current, id, { ...patch, ...(aliases ? { aliases } : {}) });
      return { registry: await saveRegistry(r.registry), entity: r.entity };
    },

    'registry.merge': async ({ fromIds, intoId }) => {
      const change = mergeEntities(ctx.store.data.registry, fromIds, intoId);
      const kept = storable(change.registry);
      // the claims first: until the registry is saved, the merged entities still exist
      const changes: FieldChange<ClaimValues>[] = [];
      const moved = await moveClaims(change.moves, changes);
      const registry = await saveRegistry(kept);
      const undoId = ctx.project.merges.add(ctx.newId(), {
        kind: 'entities',
        registryAfter: registry,
        undo: change.undo,
        changes,
      });
      return { registry, moved, undoId };
    },

    'registry.delete': async ({ id, reassignTo }) => {
      const uses = countOf((await usage().totals()).ids, id);
      const change = deleteEntity(ctx.store.data.registry, id, {
        uses,
        ...(reassignTo !== undefined ? { reassignTo } : {}),
      });
      const kept = storable(change.registry);
      const moved = await moveClaims(change.moves);
      return { registry: await saveRegistry(kept), moved };
    },

    'registry.saveTypes': async ({ kind, types }) => {
      if (types.some((t) => t.kind !== kind))
        throw new AppError('invalid_input', `Every type of this list is a type of ${kind}s.`);
      const current = ctx.store.data.registry;
      const kept = new Set(types.map((t) => t.id));
      const inUse = current.entities.filter((e) => e.kind === kind && e.type !== null && !kept.has(e.type));
      if (inUse.length > 0) {
        const type = current.types.find((t) => t.id === inUse[0]?.type);
        throw new AppError(
          'conflict',
          `The type “${type?.name ?? inUse[0]?.type}” is given to ${inUse.length} ${kind}${inUse.length === 1 ? '' : 's'}; change theirs first.`,
          { count: inUse.length },
        );
      }
      const registry = { ...current, types: [...current.types.filter((t) => t.kind !== kind), ...types] };
      return { registry: await saveRegistry(registry) };
    },

    'registry.uses': async () => {
      const ids = (await usage().totals()).ids;
      const uses = ctx.store.data.registry.entities
        .map((e) => ({ id: e.id, count: countOf(ids, e.id) }))
        .filter((u) => u.count > 0);
      return { uses };
    },

    'registry.exportCsv': async () => {
      const base =
        (ctx.store.data.name || 'hashiya').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'hashiya';
      return { fileName: `${base}-actors.csv`, csv: registryToCsv(ctx.store.data.registry) };
    },

    'registry.importCsv': async ({ csv, dryRun }) => {
      const r = registryFromCsv(ctx.store.data.registry, csv, ctx.newId);
      const registry = dryRun ? storable(r.registry) : await saveRegistry(r.registry);
      return { added: r.added, updated: r.updated, registry };
    },
  };
}
