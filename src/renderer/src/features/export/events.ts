/**
 * After annotations were imported, views that show annotations (the reader) may reload. The
 * detail lists the documents that received annotations.
 */
import { emitAppEvent } from '../../app/appEvents';

export const ANNOTATIONS_IMPORTED_EVENT = 'hashiya:annotations-imported';

export function notifyAnnotationsImported(documentIds: string[]): void {
  window.dispatchEvent(new CustomEvent(ANNOTATIONS_IMPORTED_EVENT, { detail: { documentIds } }));
  emitAppEvent('annotations.changed', { documentIds });
}

/** Subscribe; returns the unsubscribe function (for a useEffect). */
export function onAnnotationsImported(listener: (documentIds: string[]) => void): () => void {
  const handler = (e: Event) => listener((e as CustomEvent<{ documentIds: string[] }>).detail.documentIds);
  window.addEventListener(ANNOTATIONS_IMPORTED_EVENT, handler);
  return () => window.removeEventListener(ANNOTATIONS_IMPORTED_EVENT, handler);
}
