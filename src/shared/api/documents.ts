import { z } from 'zod';
import { cleanLabel } from '../text/canonical';
import { Document, DocumentMetaPatch, DocumentSummary, Id, Warning } from '../model';
import { method } from './method';

/** 20 MB of file bytes, base64-encoded (4/3) plus the JSON around it. */
import { MAX_IMPORT_FILE_BYTES } from '../limits';

export { MAX_IMPORT_FILE_BYTES };
const MAX_IMPORT_BODY = Math.ceil((MAX_IMPORT_FILE_BYTES * 4) / 3) + 64 * 1024;

export const ImportResult = z.object({
  document: DocumentSummary,
  warnings: z.array(Warning),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const documentsApi = {
  'documents.list': method(z.object({}).strict(), z.array(DocumentSummary)),
  'documents.get': method(z.object({ id: Id }).strict(), Document),
  'documents.import': method(
    z
      .object({
        fileName: z.string().min(1).max(255),
        /** base64 of the file's raw bytes */
        data: z.base64().max(MAX_IMPORT_BODY),
        /** import even when the same canonical text is already in the project */
        allowDuplicate: z.boolean().optional(),
      })
      .strict(),
    ImportResult,
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
    ImportResult,
    { maxBodyBytes: MAX_IMPORT_BODY },
  ),
  'documents.update': method(
    z.object({ id: Id }).extend(DocumentMetaPatch.shape).strict(),
    DocumentSummary,
  ),
  'documents.delete': method(z.object({ id: Id }).strict(), z.object({}).strict()),
};
