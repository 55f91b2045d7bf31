/**
 * Hashiya's own codebook file: the whole codebook (codes with both names, definitions,
 * examples, colours, keys and hierarchy, plus the stance and certainty lists) in a versioned
 * envelope, so a later Hashiya can read files of earlier versions.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { Codebook } from '../model';

export const CODEBOOK_FORMAT = 'hashiya-codebook';
export const CODEBOOK_FORMAT_VERSION = 1;

export const CodebookFileV1 = z.object({
  format: z.literal(CODEBOOK_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().optional(),
  project: z.string().optional(),
  codebook: Codebook,
});
export type CodebookFileV1 = z.infer<typeof CodebookFileV1>;

export function writeCodebookJson(codebook: Codebook, exportedAt: string, project?: string): string {
  const file: CodebookFileV1 = {
    format: CODEBOOK_FORMAT,
    version: CODEBOOK_FORMAT_VERSION,
    exportedAt,
    ...(project ? { project } : {}),
    codebook,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function readCodebookJson(text: string): Codebook {
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
    const parsed = CodebookFileV1.safeParse(value);
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
