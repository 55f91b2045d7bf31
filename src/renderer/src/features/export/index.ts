export { ExportControls } from './ExportControls';
export { ANNOTATIONS_IMPORTED_EVENT, onAnnotationsImported } from './events';
