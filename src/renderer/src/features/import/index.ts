/** Import features for App.tsx: <ImportControls /> in the top bar does buttons, dialogs and drag-and-drop. */
export { ImportControls, requestImportDialog, type ImportControlsProps } from './ImportControls';
export { DOCUMENTS_CHANGED_EVENT, notifyDocumentsChanged, onDocumentsChanged } from './events';
export { useFileDrop } from './useFileDrop';
