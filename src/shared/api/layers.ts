/**
 * Merging a colleague's work as their layer (issue 17; docs/coders.md "Merging"): another coder's
 * project folder, project bundle (.zip from export.bundle) or W3C Web Annotation file is read,
 * matched against this project (documents by the sha256 of their text, then as near-duplicates;
 * codes, claim fields and actors by id, then by normalised name) and reported with every
 * conflict and orphan before anything is written. The real run writes in one step that
 * layers.undoImport takes back. Importing the same file twice changes nothing the second time.
 */
import { z } from 'zod';
import { CoderId } from '../coders/model';
import { Id } from '../model';
import { method } from './method';

export const MAX_LAYER_FILE_BYTES = 120 * 1024 * 1024;
const FilePath = z.string().min(1).max(4096);

export const LayerSource = z.discriminatedUnion('kind', [
  /** a Hashiya project folder, read only (never locked, never written) */
  z.object({ kind: z.literal('folder'), path: FilePath }).strict(),
  /** a project bundle: base64 of the .zip (browser mode reads the file in the page) or its path */
  z
    .object({
      kind: z.literal('bundle'),
      fileName: z.string().min(1).max(500).optional(),
      data: z
        .string()
        .min(1)
        .max(Math.ceil(MAX_LAYER_FILE_BYTES / 3) * 4)
        .optional(),
      path: FilePath.optional(),
    })
    .strict(),
  /** W3C Web Annotation JSON-LD: the text, or its path */
  z
    .object({
      kind: z.literal('w3c'),
      fileName: z.string().min(1).max(500).optional(),
      json: z.string().min(1).max(MAX_LAYER_FILE_BYTES).optional(),
      path: FilePath.optional(),
    })
    .strict(),
]);
export type LayerSource = z.infer<typeof LayerSource>;

export const LayerConflictKind = z.enum([
  /** a code with this project's id under another name (the id wins) */
  'code_renamed',
  /** a claim field this codebook lacks: its values are left out */
  'field_unknown',
  /** a choice this field lacks: the annotation is not imported */
  'choice_unknown',
  /** the annotation's id is here with other content: kept as it is here, not overwritten */
  'annotation_changed',
  /** claim values that do not pass this codebook's checks: the annotation is not imported */
  'values_invalid',
]);
export type LayerConflictKind = z.infer<typeof LayerConflictKind>;

export const LayerConflict = z.object({
  kind: LayerConflictKind,
  /** the annotation concerned (its id in the file), when there is one */
  annotationId: z.string().nullable(),
  message: z.string(),
});
export type LayerConflict = z.infer<typeof LayerConflict>;

export const LayerOrphanReason = z.enum(['invalid', 'document_not_found', 'text_not_found', 'unreadable']);
export const LayerOrphan = z.object({
  /** the annotation's id in the file (#n when it has none), or the document's for a damaged document */
  id: z.string(),
  reason: LayerOrphanReason,
  exact: z.string(),
  message: z.string(),
});
export type LayerOrphan = z.infer<typeof LayerOrphan>;

export const LayerImportReport = z.object({
  dryRun: z.boolean(),
  source: z.object({ kind: z.enum(['folder', 'bundle', 'w3c']), label: z.string() }),
  coders: z.array(
    z.object({
      id: CoderId,
      name: z.string(),
      /** false: this project's coders list gains it */
      known: z.boolean(),
      /** annotations of the file by this coder */
      annotations: z.number().int().nonnegative(),
      /** of those, new here (added by the real run) */
      added: z.number().int().nonnegative(),
      alreadyPresent: z.number().int().nonnegative(),
    }),
  ),
  documents: z.array(
    z.object({
      /** the document in the file */
      sourceId: z.string().nullable(),
      sourceTitle: z.string(),
      /** the document here, or null when this project does not have it (its annotations are orphans) */
      documentId: Id.nullable(),
      title: z.string(),
      match: z.enum(['sha256', 'near_duplicate', 'none']),
      /** shingled Jaccard similarity, for a near-duplicate */
      similarity: z.number().nullable(),
      annotations: z.number().int().nonnegative(),
      added: z.number().int().nonnegative(),
    }),
  ),
  codes: z.object({
    byId: z.number().int().nonnegative(),
    byName: z.array(z.object({ sourceId: z.string(), name: z.string(), id: Id })),
    /** codes this codebook lacks, added by the real run */
    added: z.array(z.object({ id: Id, name: z.string() })),
  }),
  fields: z.object({
    byName: z.array(z.object({ sourceKey: z.string(), key: z.string() })),
    unknown: z.array(z.string()),
  }),
  /** actors and places the registry lacks, added by the real run */
  actorsAdded: z.array(z.object({ id: Id, name: z.string() })),
  conflicts: z.array(LayerConflict),
  orphans: z.array(LayerOrphan),
  counts: z.object({
    inFile: z.number().int().nonnegative(),
    added: z.number().int().nonnegative(),
    /** of the added, how many were found by their quote (a moved position, a near-duplicate text) */
    reanchored: z.number().int().nonnegative(),
    alreadyPresent: z.number().int().nonnegative(),
    /** annotations of this project's own coder, left out */
    ownSkipped: z.number().int().nonnegative(),
    conflicts: z.number().int().nonnegative(),
    orphans: z.number().int().nonnegative(),
  }),
  /** the real run's step, for layers.undoImport; null for a dry run or when nothing was written */
  undoId: z.string().nullable(),
});
export type LayerImportReport = z.infer<typeof LayerImportReport>;

export const layersApi = {
  /** Read a colleague's work and report (dryRun, the default) or import it as their layer. */
  'layers.import': method(
    z.object({ source: LayerSource, dryRun: z.boolean().optional() }).strict(),
    LayerImportReport,
    { maxBodyBytes: 168 * 1024 * 1024 },
  ),
  /** Take back one layers.import: its annotations, and the codes, actors and coders it added when unchanged since. */
  'layers.undoImport': method(
    z.object({ undoId: z.string().min(1).max(64) }).strict(),
    z.object({
      removed: z.number().int().nonnegative(),
      documentIds: z.array(Id),
      /** false when the codebook, registry or coders changed since, so what the import added there stays */
      projectRestored: z.boolean(),
    }),
  ),
};
