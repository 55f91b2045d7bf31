/** The on-disk formats of a project folder (DESIGN.md §4). */
import { z } from 'zod';
import { Annotation, Codebook, Document, DocumentSummary, IsoTime, Settings, Warning } from '@shared/model';

/** 2: publication dates are ISO dates (migrations.ts converts format 1's free text). */
export const SCHEMA_VERSION = 2;

export const ProjectFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: z.string(),
  createdAt: IsoTime,
  settings: Settings,
  codebook: Codebook,
  /** The document index. annotationCount here is a cache; the document file is the truth. */
  documents: z.array(DocumentSummary),
  notices: z.array(Warning).default([]),
});
export type ProjectFile = z.infer<typeof ProjectFile>;

export const DocumentFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  document: Document,
  annotations: z.array(Annotation),
});
export type DocumentFile = z.infer<typeof DocumentFile>;
