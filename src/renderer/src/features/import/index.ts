/** Import features for App.tsx: <ImportControls /> in the top bar does buttons, dialogs and drag-and-drop. */
export { ImportControls, type ImportControlsProps } from './ImportControls';
export { useFileDrop } from './useFileDrop';
