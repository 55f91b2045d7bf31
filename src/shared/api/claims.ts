/**
 * The claim fields and the actor registry (docs/claims.md): the methods that read and change
 * them. Registry changes that move claims (merge, delete with a reassignment) answer how many
 * claims moved; a merge answers an `undoId` for codebook.undoMerge.
 */
import { z } from 'zod';
import { Codebook, Id } from '../model';
import { Entity, EntityKind, EntityType, Registry } from '../claims/registry';
import { FIELD_KEY_PATTERN } from '../claims/fields';
import { method } from './method';

const UndoId = z.string().min(1).max(100);
const Count = z.number().int().nonnegative();

/** An entity as a client sends it: everything but the id (the registry gives one). */
const EntityInput = z
  .object({
    kind: EntityKind,
    nameAr: z.string().max(500).optional(),
    nameLatin: z.string().max(500).optional(),
    aliases: z.array(z.string().max(500)).max(100).optional(),
    type: Id.nullable().optional(),
    affiliation: Id.nullable().optional(),
    country: z.string().max(100).optional(),
    color: z.string().max(7).nullable().optional(),
    notes: z.string().max(5000).optional(),
  })
  .strict();
const EntityPatch = EntityInput.omit({ kind: true }).strict();

export const claimsApi = {
  /** Add the political-claims template's fields the codebook lacks (by key); no other field changes. */
  'fields.addTemplate': method(z.object({}).strict(), Codebook),
  /**
   * Clear a field's values (or, with `choiceIds`, only those items of a choice field) from every
   * claim, so the field or the items can then be removed; undone by codebook.undoMerge {undoId}.
   */
  'fields.clearValues': method(
    z
      .object({
        key: z.string().regex(FIELD_KEY_PATTERN, 'A field key is a safe identifier.'),
        choiceIds: z.array(Id).min(1).max(1000).optional(),
      })
      .strict(),
    z.object({ cleared: Count, undoId: UndoId }),
  ),
  'registry.get': method(z.object({}).strict(), Registry),
  /** Add an actor or a place; refused when another one of its kind has one of its spellings. */
  'registry.add': method(z.object({ entity: EntityInput }).strict(), z.object({ registry: Registry, entity: Entity })),
  /** Change an entity; a new name keeps the old one as an alias, so the old spelling is still found. */
  'registry.update': method(
    z.object({ id: Id, patch: EntityPatch }).strict(),
    z.object({ registry: Registry, entity: Entity }),
  ),
  /** Merge entities into one: every claim naming them names it; undone by codebook.undoMerge {undoId}. */
  'registry.merge': method(
    z.object({ fromIds: z.array(Id).min(1).max(1000), intoId: Id }).strict(),
    z.object({ registry: Registry, moved: Count, undoId: UndoId }),
  ),
  /** Delete an entity; refused while claims name it unless `reassignTo` says whom they go to. */
  'registry.delete': method(
    z.object({ id: Id, reassignTo: Id.optional() }).strict(),
    z.object({ registry: Registry, moved: Count }),
  ),
  /** Replace the type list of actors or of places; a type in use cannot be dropped. */
  'registry.saveTypes': method(
    z.object({ kind: EntityKind, types: z.array(EntityType).max(500) }).strict(),
    z.object({ registry: Registry }),
  ),
  /** How many claims name each entity (ids named by no claim are left out). */
  'registry.uses': method(z.object({}).strict(), z.object({ uses: z.array(z.object({ id: Id, count: Count })) })),
  /** The registry as CSV (UTF-8 with a BOM, injection-safe cells). */
  'registry.exportCsv': method(z.object({}).strict(), z.object({ fileName: z.string(), csv: z.string() })),
  /** Merge a CSV list of actors into the registry (rows match by id, then by name); `dryRun` saves nothing. */
  'registry.importCsv': method(
    z.object({ csv: z.string().max(20_000_000), dryRun: z.boolean().optional() }).strict(),
    z.object({ added: Count, updated: Count, registry: Registry }),
    { maxBodyBytes: 21 * 1024 * 1024 },
  ),
};
