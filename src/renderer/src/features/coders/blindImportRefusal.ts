/** Is this failure an import refused while blind (services/visibleAnnotations.ts)? Told by its reason, in any language. */
import { AppError } from '@shared/errors';

/** the reason the server gives with an import refused while blind */
const BLIND_IMPORT = 'blind_import';

export function isBlindImportRefusal(err: unknown): boolean {
  if (!(err instanceof AppError) || err.code !== 'forbidden') return false;
  const details = err.details;
  return typeof details === 'object' && details !== null && (details as { reason?: unknown }).reason === BLIND_IMPORT;
}
