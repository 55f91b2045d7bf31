/**
 * What an import dialog says when an import fails: the server's sentence, or, for an import
 * refused while blind, that sentence in the interface language.
 */
import { errorMessage } from '../../api/client';
import { isBlindImportRefusal } from './blindImportRefusal';
import { useCodersStrings } from './strings';

export { isBlindImportRefusal };

/** `importError(err)`: the message to show for a failed import. */
export function useImportError(): (err: unknown) => string {
  const w = useCodersStrings();
  return (err) => (isBlindImportRefusal(err) ? w.blindImport : errorMessage(err));
}
