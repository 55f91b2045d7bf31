/**
 * What a reader that does not keep a document may ask of its file (store.peekDocument), and
 * the one check each answer passes: the whole file against its schema (an export), or only the
 * part asked for, which is much cheaper across 10,000 files (the search index wants the text,
 * the usage counts want the annotations' codes, values and coders). Every part checks that the file
 * holds the document it is named for.
 */
import { z } from 'zod';
import { CorruptFileError, parseJsonFile } from './jsonFile';
import type { FormatHistory } from './migrations';
import { ClaimValues } from '@shared/claims/values';
import { DocumentFile, SCHEMA_VERSION } from './schema';

const TextPart = z.object({ document: z.object({ id: z.string(), text: z.string() }) });
/** only a current file: an older one goes the full way, which upgrades it */
const AnnotationsPart = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  document: z.object({ id: z.string() }),
  annotations: z.array(
    z.object({
      codes: z.array(z.string()),
      values: ClaimValues.default({}),
      // the coder's (the usage index counts annotations per coder: agreement.coders)
      coderId: z.string().optional(),
      annotator: z.string().default(''),
      adjudication: z.unknown().optional(),
    }),
  ),
});

export interface PeekParts {
  /** the whole file, checked against the document schema (an older format migrated in memory) */
  file: DocumentFile;
  /** the document's id and canonical text */
  text: z.infer<typeof TextPart>;
  /** the annotations' codes, claim values and coders */
  annotations: z.infer<typeof AnnotationsPart>;
}
export type PeekPart = keyof PeekParts;

/** Parse `raw` for `part`; throws CorruptFileError (or a format error) when it does not pass. */
export function parsePeek<P extends PeekPart>(
  filePath: string,
  id: string,
  raw: string,
  part: P,
  format: FormatHistory,
): PeekParts[P] {
  const parsed =
    part === 'file'
      ? parseJsonFile(filePath, raw, DocumentFile, format)
      : (part === 'text' ? TextPart : AnnotationsPart).parse(JSON.parse(raw));
  if (parsed.document.id !== id)
    throw new CorruptFileError(filePath, `the file holds another document (${parsed.document.id})`);
  return parsed as PeekParts[P];
}
