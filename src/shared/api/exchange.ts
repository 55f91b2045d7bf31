/**
 * Export and exchange (docs/export.md): CSV for R/pandas/Stata/Excel, the canonical texts the
 * CSV's offsets point into, and W3C Web Annotation JSON-LD to export, merge and re-import work.
 */
import { z } from 'zod';
import { Id } from '../model';
import { method } from './method';
import { CSV_LAYERS } from '../exchange/csvColumns';

const DocumentSelection = {
  /** absent: every document of the project, in project order */
  documentIds: z.array(Id).max(100000).optional(),
};

export const OrphanReason = z.enum(['invalid', 'document_not_found', 'text_not_found', 'unknown_code']);
export type OrphanReason = z.infer<typeof OrphanReason>;

export const ImportOrphan = z.object({
  /** the annotation's id as written in the file (or #n, its position, when it has none) */
  id: z.string(),
  reason: OrphanReason,
  /** the quoted text, to help find it by eye */
  exact: z.string(),
  message: z.string(),
});
export type ImportOrphan = z.infer<typeof ImportOrphan>;

export const AnnotationImportResult = z.object({
  /** annotations added to the project */
  imported: z.number().int().nonnegative(),
  /** of those, how many had to be found by their quote because their position no longer matched */
  reanchored: z.number().int().nonnegative(),
  /** annotations skipped because the project already has them (same id, or same span, codes, annotator, claimant, stance, certainty and note) */
  alreadyPresent: z.number().int().nonnegative(),
  /** annotations that could not be placed; nothing is dropped without being listed here */
  orphans: z.array(ImportOrphan),
  /** codes the file used that this codebook lacked, added to it (unknownCodes: 'create') */
  createdCodes: z.array(z.object({ id: Id, name: z.string() })),
  /** documents that received annotations */
  documents: z.array(z.object({ id: Id, title: z.string(), imported: z.number().int().nonnegative() })),
});
export type AnnotationImportResult = z.infer<typeof AnnotationImportResult>;

export const TextFile = z.object({
  documentId: Id,
  title: z.string(),
  /** `<document_id>.txt`: the CSV's document_id names the file its start/end point into */
  fileName: z.string(),
  sha256: z.string(),
  /** the canonical text, UTF-8 without BOM, paragraphs separated by "\n" */
  text: z.string(),
});
export type TextFile = z.infer<typeof TextFile>;

export const exchangeApi = {
  'export.csv': method(
    z
      .object({
        ...DocumentSelection,
        /** 'code' (default): one row per (annotation, code); 'annotation': codes joined with " | " */
        rowPer: z.enum(['code', 'annotation']).optional(),
        /** 'all' (default): every layer; 'coders': the coders' annotations; 'adjudicated': the adjudicated layer */
        layer: z.enum(CSV_LAYERS).optional(),
      })
      .strict(),
    z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int().nonnegative() }),
  ),
  /** The canonical text of each selected document, so `text[start:end]` can be checked outside the app. */
  'export.texts': method(z.object(DocumentSelection).strict(), z.object({ files: z.array(TextFile) })),
  /** One .zip: the CSV, texts/<document_id>.txt for each document, the W3C JSON-LD and a README. */
  'export.bundle': method(
    z.object({ ...DocumentSelection, rowPer: z.enum(['code', 'annotation']).optional() }).strict(),
    z.object({
      fileName: z.string(),
      /** base64 of the .zip */ data: z.string(),
      files: z.number().int().nonnegative(),
      rows: z.number().int().nonnegative(),
    }),
  ),
  /** W3C Web Annotation AnnotationCollection (JSON-LD). */
  'export.annotations': method(
    z.object(DocumentSelection).strict(),
    z.object({ fileName: z.string(), json: z.string(), count: z.number().int().nonnegative() }),
  ),
  /**
   * Merge a W3C Web Annotation file (e.g. a colleague's export) into this project. A file larger
   * than one request is sent in batches (the app does this itself): each batch is a merge, and
   * what the project already has is skipped, so batches can be sent again safely.
   */
  'import.annotations': method(
    z
      .object({
        json: z
          .string()
          .min(1)
          .max(120 * 1024 * 1024),
        /** codes this codebook lacks: add them (default), or list those annotations as orphans */
        unknownCodes: z.enum(['create', 'orphan']).optional(),
        /**
         * a batch of a larger file (src/shared/exchange/jsonLdItems.ts): the position of its first
         * annotation in the file, so an annotation without an id is reported as "#n" of the file
         */
        firstIndex: z.number().int().nonnegative().max(100_000_000).optional(),
      })
      .strict(),
    AnnotationImportResult,
    { maxBodyBytes: 128 * 1024 * 1024 },
  ),
};
