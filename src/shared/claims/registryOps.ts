/**
 * Pure operations on the actor registry. Each answers a new registry (the input is never
 * changed) or throws an AppError with a sentence and changes nothing. Operations that touch
 * claims (merge, delete with a reassignment) answer `moves`, the entity ids the caller rewrites in
 * every claim value (moveEntityValues), and `undo`, what undoRegistryChange needs to put the
 * registry back; the caller journals the claims it rewrote, as the code merge does.
 */
import { AppError } from '../errors';
import { ENTITY_FIELD_TYPES, type ClaimField } from './fields';
import { foldName } from './fold';
import { MAX_ALIASES } from './names';
import { displayName, Entity, registryProblems, spellings, type Registry } from './registry';
import { valueOf, type ClaimValues } from './values';

export type EntityDraft = Omit<Partial<Entity>, 'id'> & Pick<Entity, 'kind'>;
export type EntityPatch = Omit<Partial<Entity>, 'id' | 'kind'>;

export interface EntityMove {
  from: string;
  to: string;
}

/** What undoRegistryChange needs: every entity as it was and as the change left it. */
export interface RegistryUndo {
  /** entities the change removed, with their places in the list */
  removed: { index: number; entity: Entity }[];
  /** entities the change rewrote (the merge target, those affiliated to a removed one) */
  changed: { before: Entity; after: Entity }[];
}

export interface RegistryChange {
  registry: Registry;
  moves: EntityMove[];
  undo: RegistryUndo;
}

function checked(registry: Registry): Registry {
  const problem = registryProblems(registry)[0];
  if (problem) throw new AppError('invalid_input', problem);
  return registry;
}

function parseEntity(raw: unknown): Entity {
  const r = Entity.safeParse(raw);
  if (!r.success) throw new AppError('invalid_input', r.error.issues[0]?.message ?? 'This actor cannot be saved.');
  return r.data;
}

function find(registry: Registry, id: string): Entity {
  const e = registry.entities.find((x) => x.id === id);
  if (!e) throw new AppError('not_found', `There is no actor or place with the id “${id}”.`);
  return e;
}

/** The entity of this kind another spelling already names (folded as search folds), if any. */
export function entityNamed(registry: Registry, kind: Entity['kind'], name: string, except?: string): Entity | null {
  const key = foldName(name);
  if (!key) return null;
  return (
    registry.entities.find(
      (e) => e.kind === kind && e.id !== except && spellings(e).some((s) => foldName(s.text) === key),
    ) ?? null
  );
}

/** Unite spellings by their folded form, keeping the first spelling of each, leaving out `names`. */
function uniteAliases(names: readonly string[], aliases: readonly string[]): string[] {
  const seen = new Set(names.map(foldName).filter(Boolean));
  const out: string[] = [];
  for (const a of aliases) {
    const key = foldName(a);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/** Add an actor or a place; refused when another of its kind already has one of its spellings. */
export function addEntity(registry: Registry, draft: EntityDraft, id: string): { registry: Registry; entity: Entity } {
  if (registry.entities.some((e) => e.id === id)) throw new AppError('conflict', `The id “${id}” is already in use.`);
  const parsed = parseEntity({ ...draft, id });
  const entity = { ...parsed, aliases: uniteAliases([parsed.nameAr, parsed.nameLatin], parsed.aliases) };
  for (const s of spellings(entity)) {
    const other = entityNamed(registry, entity.kind, s.text);
    if (other)
      throw new AppError(
        'conflict',
        `“${s.text}” is already in the registry as “${displayName(other)}”; add the spelling there as an alias, or choose that ${other.kind}.`,
      );
  }
  return { registry: checked({ ...registry, entities: [...registry.entities, entity] }), entity };
}

/** Change an entity's fields (not its id or kind). */
export function updateEntity(
  registry: Registry,
  id: string,
  patch: EntityPatch,
): { registry: Registry; entity: Entity; before: Entity } {
  const before = find(registry, id);
  const parsed = parseEntity({ ...before, ...patch, id: before.id, kind: before.kind });
  const entity = { ...parsed, aliases: uniteAliases([parsed.nameAr, parsed.nameLatin], parsed.aliases) };
  for (const s of spellings(entity)) {
    const other = entityNamed(registry, entity.kind, s.text, id);
    if (other) throw new AppError('conflict', `“${s.text}” is already a spelling of “${displayName(other)}”.`);
  }
  const entities = registry.entities.map((e) => (e.id === id ? entity : e));
  return { registry: checked({ ...registry, entities }), entity, before };
}

/** Rename: the old names stay as aliases (so the old spelling is still found), unless told not to. */
export function renameEntity(
  registry: Registry,
  id: string,
  names: Pick<EntityPatch, 'nameAr' | 'nameLatin'>,
  options: { keepOldAsAlias?: boolean } = {},
): { registry: Registry; entity: Entity; before: Entity } {
  const before = find(registry, id);
  const old = [before.nameAr, before.nameLatin].filter(Boolean);
  const aliases = options.keepOldAsAlias === false ? before.aliases : [...before.aliases, ...old];
  return updateEntity(registry, id, { ...names, aliases });
}

/**
 * Merge entities into one: the others are removed, their names and aliases become aliases of the
 * one kept, what it lacks (type, affiliation, country, colour, notes) is taken from them, and
 * every entity affiliated to a removed one is affiliated to the one kept. Claims follow `moves`.
 */
export function mergeEntities(registry: Registry, fromIds: readonly string[], intoId: string): RegistryChange {
  const into = find(registry, intoId);
  const from = [...new Set(fromIds)].filter((id) => id !== intoId).map((id) => find(registry, id));
  if (from.length === 0) throw new AppError('invalid_input', 'Choose at least one other actor to merge.');
  const otherKind = from.find((e) => e.kind !== into.kind);
  if (otherKind)
    throw new AppError(
      'invalid_input',
      `“${displayName(otherKind)}” is a ${otherKind.kind}; it cannot be merged into a ${into.kind}.`,
    );
  const removedIds = new Set(from.map((e) => e.id));
  const aliases = uniteAliases(
    [into.nameAr, into.nameLatin],
    [...into.aliases, ...from.flatMap((e) => spellings(e).map((s) => s.text))],
  );
  if (aliases.length > MAX_ALIASES)
    throw new AppError(
      'invalid_input',
      `Together these would have ${aliases.length} aliases; an actor has at most ${MAX_ALIASES}.`,
    );
  const fill = <K extends 'type' | 'affiliation' | 'country' | 'color' | 'notes'>(key: K): Entity[K] => {
    if (into[key]) return into[key];
    return (
      from
        .map((e) => e[key])
        .find((v) => v && !(key === 'affiliation' && (v === intoId || removedIds.has(v as string)))) ?? into[key]
    );
  };
  const mergedInto: Entity = {
    ...into,
    aliases,
    type: fill('type'),
    affiliation: into.affiliation !== null && removedIds.has(into.affiliation) ? null : fill('affiliation'),
    country: fill('country'),
    color: fill('color'),
    notes: fill('notes'),
  };
  return rewire(registry, removedIds, intoId, mergedInto);
}

/**
 * Delete an entity. Refused while claims use it (`uses`) unless `reassignTo` names the entity
 * they move to. Entities affiliated to it lose the affiliation (or take `reassignTo`).
 */
export function deleteEntity(
  registry: Registry,
  id: string,
  options: { uses: number; reassignTo?: string },
): RegistryChange {
  const entity = find(registry, id);
  const to = options.reassignTo === undefined ? null : find(registry, options.reassignTo);
  if (to && to.id === id) throw new AppError('invalid_input', 'Choose another actor to give its claims to.');
  if (to && to.kind !== entity.kind)
    throw new AppError('invalid_input', `“${displayName(to)}” is a ${to.kind}; the claims need a ${entity.kind}.`);
  if (options.uses > 0 && !to)
    throw new AppError(
      'conflict',
      `“${displayName(entity)}” is in ${options.uses} claim${options.uses === 1 ? '' : 's'}; choose the ${entity.kind} to give ${options.uses === 1 ? 'it' : 'them'} to, then delete.`,
    );
  return rewire(registry, new Set([id]), to?.id ?? null, null);
}

/** Remove `removedIds`, point affiliations at `to` (or clear them), replace `to` by `replacement`. */
function rewire(
  registry: Registry,
  removedIds: ReadonlySet<string>,
  to: string | null,
  replacement: Entity | null,
): RegistryChange {
  const removed: RegistryUndo['removed'] = [];
  const changed: RegistryUndo['changed'] = [];
  const entities: Entity[] = [];
  registry.entities.forEach((e, index) => {
    if (removedIds.has(e.id)) {
      removed.push({ index, entity: e });
      return;
    }
    let next = replacement && e.id === replacement.id ? replacement : e;
    if (next.affiliation !== null && removedIds.has(next.affiliation))
      next = { ...next, affiliation: to !== null && to !== next.id ? to : null };
    if (next !== e) changed.push({ before: e, after: next });
    entities.push(next);
  });
  const moves = to === null ? [] : [...removedIds].map((from) => ({ from, to }));
  return { registry: checked({ ...registry, entities }), moves, undo: { removed, changed } };
}

const same = (a: Entity | undefined, b: Entity) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);

/**
 * Put back what a merge or a delete changed. Refused, changing nothing, when an entity it rewrote
 * was changed since or a removed id has been used again.
 */
export function undoRegistryChange(registry: Registry, undo: RegistryUndo): Registry {
  const byId = new Map(registry.entities.map((e) => [e.id, e]));
  for (const { after } of undo.changed)
    if (!same(byId.get(after.id), after))
      throw new AppError('conflict', `“${displayName(after)}” was changed since; the merge cannot be undone.`);
  for (const { entity } of undo.removed)
    if (byId.has(entity.id))
      throw new AppError('conflict', `The id “${entity.id}” is in use again; the change cannot be undone.`);
  const restored = new Map(undo.changed.map((c) => [c.before.id, c.before]));
  const entities = registry.entities.map((e) => restored.get(e.id) ?? e);
  for (const { index, entity } of [...undo.removed].sort((a, b) => a.index - b.index))
    entities.splice(Math.min(index, entities.length), 0, entity);
  return checked({ ...registry, entities });
}

/** The claim values with every moved entity id replaced, in actor and place fields only. */
export function moveEntityValues(
  fields: readonly ClaimField[],
  values: Readonly<ClaimValues>,
  moves: readonly EntityMove[],
): { values: ClaimValues; changed: boolean } {
  const to = new Map(moves.map((m) => [m.from, m.to]));
  const out: ClaimValues = { ...values };
  let changed = false;
  for (const f of fields) {
    if (!ENTITY_FIELD_TYPES.includes(f.type)) continue;
    const v = valueOf(values, f.key);
    const next = typeof v === 'string' ? to.get(v) : undefined;
    if (next !== undefined) {
      out[f.key] = next;
      changed = true;
    }
  }
  return { values: out, changed };
}

/** How many claims use each entity (a claim counts once however many of its fields name it). */
export function entityUses(
  fields: readonly ClaimField[],
  claims: Iterable<Readonly<ClaimValues>>,
): Map<string, number> {
  const keys = fields.filter((f) => ENTITY_FIELD_TYPES.includes(f.type)).map((f) => f.key);
  const uses = new Map<string, number>();
  for (const values of claims) {
    const ids = new Set<string>();
    for (const k of keys) {
      const v = valueOf(values, k);
      if (typeof v === 'string') ids.add(v);
    }
    for (const id of ids) uses.set(id, (uses.get(id) ?? 0) + 1);
  }
  return uses;
}
