/**
 * After an import the document list has changed. Views that show it (the library) listen for
 * this event and reload; App.tsx can also pass `onImported` to <ImportControls>.
 */
export const DOCUMENTS_CHANGED_EVENT = 'hashiya:documents-changed';

export function notifyDocumentsChanged(): void {
  window.dispatchEvent(new CustomEvent(DOCUMENTS_CHANGED_EVENT));
}

/** Subscribe; returns the unsubscribe function (for a useEffect). */
export function onDocumentsChanged(listener: () => void): () => void {
  window.addEventListener(DOCUMENTS_CHANGED_EVENT, listener);
  return () => window.removeEventListener(DOCUMENTS_CHANGED_EVENT, listener);
}
