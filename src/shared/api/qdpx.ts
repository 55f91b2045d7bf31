/**
 * REFI-QDA project exchange (.qdpx, docs/export.md "REFI-QDA project"): the format ATLAS.ti,
 * MAXQDA, NVivo and QualCoder read and write. Export the documents, code tree, codings and
 * coders; import a .qdpx as documents, codes and each user's layer, after a dry run that says
 * what would change.
 */
import { z } from 'zod';
import { Id } from '../model';
import { method } from './method';

/** The largest .qdpx an import reads (the zip as sent). */
export const MAX_QDPX_BYTES = 96 * 1024 * 1024;
const MAX_QDPX_BODY = Math.ceil((MAX_QDPX_BYTES * 4) / 3) + 64 * 1024;

export const QdpxOrphanReason = z.enum(['out_of_range', 'text_not_found', 'unknown_code', 'source_missing', 'invalid']);
export type QdpxOrphanReason = z.infer<typeof QdpxOrphanReason>;

export const QdpxImportReport = z.object({
  /** true: nothing was written; the report says what an import would do */
  dryRun: z.boolean(),
  /** the project name the file gives */
  project: z.string(),
  documents: z.array(
    z.object({
      /** the source's name in the file */
      name: z.string(),
      /** 'new': added; 'existing': the project already has the same text (matched by sha256) */
      status: z.enum(['new', 'existing']),
      /** the document's id in this project (null in a dry run for a new one) */
      documentId: Id.nullable(),
      /** codings the file has on this source, and annotations they add */
      selections: z.number().int().nonnegative(),
      imported: z.number().int().nonnegative(),
    }),
  ),
  /** codes added to the codebook (the others matched one it has, by id or name) */
  createdCodes: z.array(z.object({ id: Id, name: z.string() })),
  matchedCodes: z.number().int().nonnegative(),
  /** each REFI user whose codings come in, as the coder they become */
  coders: z.array(z.object({ name: z.string(), coderId: z.string().nullable(), annotations: z.number().int() })),
  /** annotations added (in a dry run: that would be added) */
  imported: z.number().int().nonnegative(),
  /** of those, placed by their quote because the text was normalised on import (line ends, spaces) */
  reanchored: z.number().int().nonnegative(),
  /** annotations the project already has (same id, or same span, codes and coder): importing twice adds nothing */
  alreadyPresent: z.number().int().nonnegative(),
  /** every coding that could not be placed, with the reason */
  orphans: z.array(
    z.object({
      /** the selection's GUID (or #n, its place in the source) */
      id: z.string(),
      source: z.string(),
      reason: QdpxOrphanReason,
      exact: z.string(),
      message: z.string(),
    }),
  ),
  /** sources without a plain text (pictures, audio, video, a PDF with no text representation) */
  skipped: z.array(z.object({ kind: z.string(), name: z.string() })),
  warnings: z.array(z.string()),
});
export type QdpxImportReport = z.infer<typeof QdpxImportReport>;

export const qdpxApi = {
  /** One .qdpx (zip): project.qde and sources/<guid>.txt for each selected document. */
  'export.qdpx': method(
    z.object({ documentIds: z.array(Id).max(100000).optional() }).strict(),
    z.object({
      fileName: z.string(),
      /** base64 of the .qdpx */ data: z.string(),
      sources: z.number().int().nonnegative(),
      codings: z.number().int().nonnegative(),
      users: z.number().int().nonnegative(),
    }),
  ),
  /**
   * Import a .qdpx, sent as base64 `data` or read from `path` (a .qdpx file on this computer).
   * dryRun: answer the report and write nothing.
   */
  'import.qdpx': method(
    z
      .object({
        fileName: z.string().min(1).max(255),
        data: z.base64().max(MAX_QDPX_BODY).optional(),
        path: z.string().min(1).max(4096).optional(),
        dryRun: z.boolean().optional(),
      })
      .strict()
      .refine((v) => (v.data === undefined) !== (v.path === undefined), {
        message: 'Send the file as base64 data or name its path, one of the two.',
      }),
    QdpxImportReport,
    { maxBodyBytes: MAX_QDPX_BODY },
  ),
};
