import { z } from 'zod';
import { cleanLabel } from '../text/canonical';
import { Document, DocumentMetaPatch, DocumentSummary, Id, Warning } from '../model';
import { method } from './method';
import { SORT_KEYS } from '../library/rows';

/** 20 MB of file bytes, base64-encoded (4/3) plus the JSON around it. */
import { MAX_IMPORT_FILE_BYTES } from '../limits';

export { MAX_IMPORT_FILE_BYTES };
const MAX_IMPORT_BODY = Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 64 * 1024;

export const DocumentImportResult = z.object({
  document: DocumentSummary,
  warnings: z.array(Warning),
  /** every document made, in the file's order (several for a multi-article file); `document` is the first */
  documents: z.array(DocumentSummary).optional(),
});
export type DocumentImportResult = z.infer<typeof DocumentImportResult>;

const MAX_ARTICLES = 100_000;
const ArticleNumber = z.number().int().nonnegative().max(MAX_ARTICLES);

/**
 * Which articles of a multi-article file to import: 'all', 'none' (the whole file as one
 * document, as it reads) or the numbers (from 0) of those chosen in documents.preview.
 */
export const SplitChoice = z.union([
  z.literal('all'),
  z.literal('none'),
  z.array(ArticleNumber).min(1).max(MAX_ARTICLES),
]);
export type SplitChoice = z.infer<typeof SplitChoice>;

/** Paragraphs (numbers from 0, as documents.preview lists them) to leave out of an article. */
export const DropParagraphs = z
  .array(
    z.object({ article: ArticleNumber, paragraphs: z.array(z.number().int().nonnegative()).max(1_000_000) }).strict(),
  )
  .max(MAX_ARTICLES);
export type DropParagraphs = z.infer<typeof DropParagraphs>;

export const DuplicateReport = z.object({
  documentId: Id,
  title: z.string(),
  /** 1 for the same canonical text; else the share of shared 4-word shingles (≥ 0.95) */
  similarity: z.number(),
  exact: z.boolean(),
});
export type DuplicateReport = z.infer<typeof DuplicateReport>;

export const ArticlePreview = z.object({
  title: z.string(),
  source: z.string(),
  publishedAt: z.string().nullable(),
  /** the canonical paragraphs, as they would be stored */
  paragraphs: z.array(z.string()),
  charCount: z.number().int().nonnegative(),
  warnings: z.array(Warning),
  /** a document of the project with the same or nearly the same text */
  duplicate: DuplicateReport.nullable(),
  /** the number of an earlier article of this file with the same or nearly the same text */
  repeatOf: z.number().int().nonnegative().nullable(),
});
export type ArticlePreview = z.infer<typeof ArticlePreview>;

export const ImportPreview = z.object({
  /** how the file was cut into articles, or 'single' */
  kind: z.enum(['single', 'nexis', 'factiva', 'separator']),
  articles: z.array(ArticlePreview),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

const FileInput = {
  fileName: z.string().min(1).max(255),
  /** base64 of the file's raw bytes */
  data: z.base64().max(MAX_IMPORT_BODY),
};

/** documents.page: one window of the library, sorted and filtered by the server. */
export const DocumentPageInput = z
  .object({
    offset: z.number().int().nonnegative().max(10_000_000),
    limit: z.number().int().min(1).max(1000),
    /** by one column (the library's rules, src/shared/library/rows.ts); none: the project's order */
    sort: z
      .object({ key: z.enum(SORT_KEYS), descending: z.boolean() })
      .strict()
      .nullable()
      .optional(),
    /** title or source contains it, folded as search folds Arabic */
    query: z.string().max(200).optional(),
    /** only the documents the coding plan assigns to this copy's coder */
    assignedToMe: z.boolean().optional(),
    /** the collator's language for text columns */
    locale: z.enum(['en', 'ar']).optional(),
  })
  .strict();
export type DocumentPageInput = z.infer<typeof DocumentPageInput>;

export const DocumentPage = z.object({
  /** documents in the project */
  total: z.number().int().nonnegative(),
  /** documents the filter keeps (the rows to page through) */
  matched: z.number().int().nonnegative(),
  rows: z.array(DocumentSummary),
});
export type DocumentPage = z.infer<typeof DocumentPage>;

/** documents.titles: at most this many ids in one call (a dialog's chosen or listed documents). */
export const MAX_TITLE_IDS = 10_000;

export const DocumentTitle = z.object({ id: Id, title: z.string(), language: z.string() });
export type DocumentTitle = z.infer<typeof DocumentTitle>;

export const documentsApi = {
  'documents.list': method(z.object({}).strict(), z.array(DocumentSummary)),
  'documents.page': method(DocumentPageInput, DocumentPage),
  /** The titles of these documents, once each in the order asked (ids not in the project are left out). */
  'documents.titles': method(z.object({ ids: z.array(Id).max(MAX_TITLE_IDS) }).strict(), z.array(DocumentTitle)),
  /** Every source name the documents give, once each, sorted (the claims view's source filter). */
  'documents.sources': method(z.object({}).strict(), z.array(z.string())),
  'documents.get': method(z.object({ id: Id }).strict(), Document),
  /** Read a file as documents.import would, and say what it would make; nothing is written. */
  'documents.preview': method(z.object(FileInput).strict(), ImportPreview, { maxBodyBytes: MAX_IMPORT_BODY }),
  'documents.import': method(
    z
      .object({
        ...FileInput,
        /** import even when the same or nearly the same text is already in the project */
        allowDuplicate: z.boolean().optional(),
        /** required for a file of several articles (documents.preview says how many) */
        split: SplitChoice.optional(),
        dropParagraphs: DropParagraphs.optional(),
      })
      .strict(),
    DocumentImportResult,
    { maxBodyBytes: MAX_IMPORT_BODY },
  ),
  'documents.importText': method(
    z
      .object({
        text: z.string().min(1).max(MAX_IMPORT_FILE_BYTES),
        title: z.string().max(1000).transform(cleanLabel).optional(),
        allowDuplicate: z.boolean().optional(),
      })
      .strict(),
    DocumentImportResult,
    { maxBodyBytes: MAX_IMPORT_BODY },
  ),
  'documents.update': method(z.object({ id: Id }).extend(DocumentMetaPatch.shape).strict(), DocumentSummary),
  'documents.delete': method(z.object({ id: Id }).strict(), z.object({}).strict()),
};
