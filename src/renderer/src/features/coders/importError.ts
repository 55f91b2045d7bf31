/**
 * What an import dialog says when an import fails: the server's sentence, or, for an import
 * refused while blind (services/visibleAnnotations.ts), that sentence in the interface language.
 */
import { AppError } from '@shared/errors';
import { errorMessage } from '../../api/client';
import { useCodersStrings } from './strings';

/** the reason the server gives with an import refused while blind */
const BLIND_IMPORT = 'blind_import';

export function isBlindImportRefusal(err: unknown): boolean {
  if (!(err instanceof AppError) || err.code !== 'forbidden') return false;
  const details = err.details;
  return typeof details === 'object' && details !== null && (details as { reason?: unknown }).reason === BLIND_IMPORT;
}

/** `importError(err)`: the message to show for a failed import. */
export function useImportError(): (err: unknown) => string {
  const w = useCodersStrings();
  return (err) => (isBlindImportRefusal(err) ? w.blindImport : errorMessage(err));
}
