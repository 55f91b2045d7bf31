export { ExportControls } from './ExportControls';
export { QdpxDialog } from './QdpxDialog';
