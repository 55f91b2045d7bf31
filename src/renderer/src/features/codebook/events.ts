/**
 * What the codebook's operations tell the rest of the page. Changes of annotations go through
 * the page's one door to events (app/appEvents.ts): `annotations.changed` with documentIds null
 * after a merge, a delete or a rename, since those change annotations of any document.
 */
import { emitAppEvent, onAppEvent } from '../../app/appEvents';

/** Merges, deletes and renames changed annotations of any document: say so at once. */
export function announceCodebookWideChange(): void {
  emitAppEvent('annotations.changed', { documentIds: null });
}

/**
 * For the reader until it subscribes with useAppEvent itself: a codebook-wide change of
 * annotations (documentIds null), from this page or from elsewhere.
 */
export function onAnnotationsChanged(listener: () => void): () => void {
  return onAppEvent('annotations.changed', ({ documentIds }) => {
    if (documentIds === null) listener();
  });
}

/** A new code id (the same form the services use: a random UUID). */
export function newCodeId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export { offerUndoStep, onUndoStepOffered, type OfferedStep } from '../../app/undoOffers';
