import { z } from 'zod';
import { Codebook, Id } from '../model';
import { method } from './method';

const Counts = z.record(z.string(), z.number().int().nonnegative());

const ImportConflict = z.object({
  code: z.string(),
  field: z.enum(['name', 'color', 'description', 'example', 'nameAr', 'parent', 'key', 'id']),
  current: z.string(),
  incoming: z.string(),
  resolution: z.enum(['kept', 'replaced']),
  message: z.string(),
});

const Changed = z.object({
  codebook: Codebook,
  /** annotations that were changed */
  affected: z.number().int().nonnegative(),
  /** documents those annotations are in */
  documents: z.number().int().nonnegative(),
});

const StatsField = z.object({
  key: z.string(),
  label: z.string(),
  labelAr: z.string(),
  type: z.string(),
  values: z.array(
    z.object({ id: z.string(), name: z.string(), nameAr: z.string(), count: z.number().int().nonnegative() }),
  ),
  none: z.number().int().nonnegative(),
});

export const StatsSummary = z.object({
  annotations: z.number().int().nonnegative(),
  /** annotations with no code */
  uncoded: z.number().int().nonnegative(),
  /** one CSV row per (annotation, code): the sum of the per-code counts */
  codedRows: z.number().int().nonnegative(),
  /** rows of the CSV export (one per annotation and code, and one for each annotation without a code) */
  csvRows: z.number().int().nonnegative(),
  codes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      nameAr: z.string(),
      path: z.string(),
      color: z.string(),
      /** annotations carrying this code itself (= CSV rows whose `code` is this code) */
      count: z.number().int().nonnegative(),
      /**
       * this code's count plus that of every code below it (= CSV rows whose `code_path` is this
       * code's path or starts with it): what a parent stands for
       */
      total: z.number().int().nonnegative(),
    }),
  ),
  /** claims per actor of the registry (naming it in any actor or place field), most first */
  actors: z.array(z.object({ id: z.string(), name: z.string(), count: z.number().int().nonnegative() })),
  /** annotations without a claimant (the `claimant` field) */
  noClaimant: z.number().int().nonnegative(),
  /**
   * claims per value of each actor, place, choice and choices field (or of the one asked for), in
   * codebook order: a choice field's items in list order (0 included), an entity field's values
   * most first; `none` counts the claims that leave the field empty
   */
  fields: z.array(StatsField),
});
export type StatsSummary = z.infer<typeof StatsSummary>;

/** What a merge answers, to undo it with codebook.undoMerge. */
const UndoId = z.string().min(1).max(100);

export const codebookApi = {
  'codebook.get': method(z.object({}).strict(), Codebook),
  /**
   * Replace the codebook ({codes, fields}); refused (409, with the count) when it drops a code, a
   * claim field or a choice item that claims still use, or changes the type of a field in use.
   */
  'codebook.save': method(Codebook.strict(), Codebook),
  /** How many annotations of the project use each code id, fill each field, and pick each choice item (by field key). */
  'codebook.usage': method(
    z.object({}).strict(),
    z.object({
      codes: Counts,
      fields: Counts,
      choices: z.record(z.string(), Counts),
      annotations: z.number().int().nonnegative(),
    }),
  ),
  /**
   * Merge one code into another: its annotations, sub-codes and key follow the target. `undoId`
   * undoes exactly this merge with codebook.undoMerge.
   */
  'codebook.mergeCodes': method(z.object({ sourceId: Id, targetId: Id }).strict(), Changed.extend({ undoId: UndoId })),
  /**
   * Undo a code merge or an actor merge (registry.merge), by the `undoId` it answered: every
   * annotation it changed gets back the codes or values it had, and the codebook or the merged
   * actors come back.
   * Refused, with nothing changed, when the codebook or one of those annotations has changed
   * since, or the merge is no longer remembered (another project was opened, or Hashiya was
   * restarted, or 20 merges came after it).
   */
  'codebook.undoMerge': method(z.object({ undoId: UndoId }).strict(), Changed),
  /**
   * Delete a code. When annotations use it (or its deleted sub-codes), `mode` must say what
   * happens to them: 'reassign' to `reassignTo`, or 'remove' the code from them. Without a mode
   * the call is refused with a conflict saying how many annotations are affected.
   */
  'codebook.deleteCode': method(
    z
      .object({
        id: Id,
        mode: z.enum(['reassign', 'remove']).optional(),
        reassignTo: Id.nullable().optional(),
        /** what happens to its sub-codes: move up to its parent (default) or go with it */
        children: z.enum(['moveUp', 'delete']).optional(),
      })
      .strict(),
    Changed.extend({ removed: z.array(z.string()) }),
  ),
  'codebook.export': method(
    z.object({ format: z.enum(['json', 'qdc']) }).strict(),
    z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  ),
  /**
   * Merge a codebook file (.json of ours, or REFI-QDA .qdc) into the project's. Codes match by
   * GUID/id, then by name; nothing is removed. `dryRun` reports without saving.
   */
  'codebook.import': method(
    z
      .object({
        fileName: z.string().max(500),
        content: z.string().max(5_000_000),
        prefer: z.enum(['current', 'incoming']).optional(),
        dryRun: z.boolean().optional(),
      })
      .strict(),
    z.object({
      codebook: Codebook,
      added: z.array(z.string()),
      merged: z.array(z.string()),
      conflicts: z.array(ImportConflict),
      applied: z.boolean(),
    }),
    { maxBodyBytes: 6 * 1024 * 1024 },
  ),
  /** Annotations per code, per actor, and per value of each actor or choice field (or of `field` alone). */
  'stats.summary': method(
    z.object({ documentId: Id.optional(), field: z.string().min(1).max(40).optional() }).strict(),
    StatsSummary,
  ),
};
