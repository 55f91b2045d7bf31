/**
 * Hashiya's own codebook file: the whole codebook (codes with both names, definitions,
 * examples, colours, keys and hierarchy, plus the claim fields) in a versioned envelope, so a
 * later Hashiya can read files of earlier versions. Version 1 held stance and certainty lists
 * instead of fields: its codes are read (the lists are the Position and Certainty fields now).
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { Code, Codebook } from '../model';
import type { IncomingCodebook } from './importMerge';

export const CODEBOOK_FORMAT = 'hashiya-codebook';
export const CODEBOOK_FORMAT_VERSION = 2;

export const CodebookFileV2 = z.object({
  format: z.literal(CODEBOOK_FORMAT),
  version: z.literal(2),
  exportedAt: z.string().optional(),
  project: z.string().optional(),
  codebook: Codebook,
});
export type CodebookFileV2 = z.infer<typeof CodebookFileV2>;

/** Version 1: the codes are read; its stance and certainty lists are not fields. */
const CodebookFileV1 = z.object({
  format: z.literal(CODEBOOK_FORMAT),
  version: z.literal(1),
  codebook: z.object({ codes: z.array(Code) }),
});

export function writeCodebookJson(codebook: Codebook, exportedAt: string, project?: string): string {
  const file: CodebookFileV2 = {
    format: CODEBOOK_FORMAT,
    version: CODEBOOK_FORMAT_VERSION,
    exportedAt,
    ...(project ? { project } : {}),
    codebook,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function readCodebookJson(text: string): IncomingCodebook {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('unprocessable', 'The codebook file is not valid JSON.');
  }
  const envelope = value as { format?: unknown; version?: unknown } | null;
  if (envelope && typeof envelope === 'object' && envelope.format === CODEBOOK_FORMAT) {
    if (typeof envelope.version === 'number' && envelope.version > CODEBOOK_FORMAT_VERSION) {
      throw new AppError(
        'unsupported',
        `This codebook was written by a newer Hashiya (format ${envelope.version}); update Hashiya to read it.`,
      );
    }
    if (envelope.version === 1) {
      const v1 = CodebookFileV1.safeParse(value);
      if (!v1.success) throw new AppError('unprocessable', `The codebook file is damaged: ${describeIssue(v1.error)}.`);
      return { codes: v1.data.codebook.codes };
    }
    const parsed = CodebookFileV2.safeParse(value);
    if (!parsed.success)
      throw new AppError('unprocessable', `The codebook file is damaged: ${describeIssue(parsed.error)}.`);
    return parsed.data.codebook;
  }
  // a bare codebook (as codebook.get returns it) is accepted too
  const bare = Codebook.safeParse(value);
  if (bare.success) return bare.data;
  throw new AppError('unprocessable', 'This JSON file is not a Hashiya codebook.');
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  return `${issue.path.join('.') || 'file'}: ${issue.message}`;
}
