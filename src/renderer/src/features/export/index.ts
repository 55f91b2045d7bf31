export { ExportControls } from './ExportControls';
export { downloadFile } from './download';
export { ANNOTATIONS_IMPORTED_EVENT, onAnnotationsImported } from './events';
