/**
 * The project format that carries claims as records (format 3), as the claims migration writes
 * it: the codebook's stance and certainty lists become the Position and Certainty fields, the
 * project holds the actor registry, and an annotation's claimant, stance, certainty and note
 * become its `values`. The store adopts these when it moves to format 3 (docs/claims.md).
 */
import { z } from 'zod';
import { Annotation, Code, DocumentSummary, Document, IsoTime, MAX_CODES, Settings, Warning } from '../model';
import { ClaimFields } from './fields';
import { Registry } from './registry';
import { ClaimValues } from './values';

export const CLAIMS_SCHEMA_VERSION = 3;

export const CodebookV3 = z
  .object({
    codes: z.array(Code).max(MAX_CODES),
    fields: ClaimFields,
  })
  .superRefine((codebook, ctx) => {
    const ids = new Set(codebook.codes.map((c) => c.id));
    codebook.fields.forEach((f, i) => {
      const unknown = f.codes?.find((id) => !ids.has(id));
      if (unknown !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'codes'],
          message: `The field “${f.label}” is limited to the code “${unknown}”, which the codebook does not have.`,
        });
    });
  });
export type CodebookV3 = z.infer<typeof CodebookV3>;

export const AnnotationV3 = Annotation.omit({ claimant: true, stance: true, certainty: true, note: true }).extend({
  values: ClaimValues.default({}),
});
export type AnnotationV3 = z.infer<typeof AnnotationV3>;

export const ProjectFileV3 = z.object({
  schemaVersion: z.literal(CLAIMS_SCHEMA_VERSION),
  name: z.string(),
  createdAt: IsoTime,
  settings: Settings,
  codebook: CodebookV3,
  registry: Registry,
  documents: z.array(DocumentSummary),
  notices: z.array(Warning).default([]),
});
export type ProjectFileV3 = z.infer<typeof ProjectFileV3>;

export const DocumentFileV3 = z.object({
  schemaVersion: z.literal(CLAIMS_SCHEMA_VERSION),
  document: Document,
  annotations: z.array(AnnotationV3),
});
export type DocumentFileV3 = z.infer<typeof DocumentFileV3>;
