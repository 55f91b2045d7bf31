/** Project features for App.tsx: the top-bar menu and the notices banner. */
export { ProjectMenu, ProjectPanel } from './ProjectMenu';
export { ProjectNotices } from './ProjectNotices';
export { RestoreBackupDialog } from './RestoreBackupDialog';
