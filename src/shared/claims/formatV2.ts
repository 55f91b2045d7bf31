/**
 * Format 2, the last format before claims were records, as the format-2 store wrote it: only the
 * migration to format 3 reads it (migrateV2.ts), so a project of that version keeps every value.
 */
import { z } from 'zod';
import { Code, Document, DocumentSummary, Settings, Warning } from '../model';
import { Id, IsoTime } from '../ids';

const MAX_VALUES = 100;
const MAX_VALUE_LENGTH = 100;

const ValueNameV2 = z.object({
  value: z.string().min(1).max(MAX_VALUE_LENGTH),
  nameAr: z.string().max(MAX_VALUE_LENGTH),
});

export const CodebookV2 = z.object({
  codes: z.array(Code).max(2000),
  stances: z.array(z.string().min(1).max(MAX_VALUE_LENGTH)).max(MAX_VALUES),
  certainties: z.array(z.string().min(1).max(MAX_VALUE_LENGTH)).max(MAX_VALUES),
  valueNamesAr: z
    .object({
      stances: z.array(ValueNameV2).max(MAX_VALUES).default([]),
      certainties: z.array(ValueNameV2).max(MAX_VALUES).default([]),
    })
    .optional(),
});
export type CodebookV2 = z.infer<typeof CodebookV2>;

export const AnnotationV2 = z.object({
  id: Id,
  documentId: Id,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  codes: z.array(Id).max(100),
  claimant: z.string().max(500).default(''),
  stance: z.string().max(MAX_VALUE_LENGTH).default(''),
  certainty: z.string().max(MAX_VALUE_LENGTH).default(''),
  note: z.string().max(20000).default(''),
  annotator: z.string().max(200).default(''),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type AnnotationV2 = z.infer<typeof AnnotationV2>;

export const ProjectFileV2 = z.object({
  schemaVersion: z.literal(2),
  name: z.string(),
  createdAt: IsoTime,
  settings: Settings,
  codebook: CodebookV2,
  documents: z.array(DocumentSummary),
  notices: z.array(Warning).default([]),
});
export type ProjectFileV2 = z.infer<typeof ProjectFileV2>;

export const DocumentFileV2 = z.object({
  schemaVersion: z.literal(2),
  document: Document,
  annotations: z.array(AnnotationV2),
});
export type DocumentFileV2 = z.infer<typeof DocumentFileV2>;
