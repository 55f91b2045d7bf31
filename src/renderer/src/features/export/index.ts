export { ExportControls } from './ExportControls';
export { downloadFile } from './download';
