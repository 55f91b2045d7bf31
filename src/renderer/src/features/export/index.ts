export { ExportControls } from './ExportControls';
