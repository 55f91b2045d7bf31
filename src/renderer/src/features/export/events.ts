/**
 * After a W3C import the documents that received annotations are announced through the page's
 * one door to events (app/appEvents.ts), as `annotations.changed` with their ids.
 */
import { emitAppEvent, onAppEvent } from '../../app/appEvents';

export function announceAnnotationsImported(documentIds: string[]): void {
  emitAppEvent('annotations.changed', { documentIds });
}

/**
 * For the reader until it subscribes with useAppEvent itself: annotations this page merged in
 * (not main's echo of every change, which the reader's own edits cause too).
 */
export function onAnnotationsImported(listener: (documentIds: string[]) => void): () => void {
  return onAppEvent('annotations.changed', ({ documentIds }, source) => {
    if (source === 'page' && documentIds) listener(documentIds);
  });
}
