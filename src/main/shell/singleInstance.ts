/**
 * One Hashiya per user-data folder: a second start hands over to the running one, whose window
 * comes to the front, instead of failing on the open project's lock.
 */
import type { ElectronApi } from './electronApi';

/** False (and the app quits) when another instance already runs with this user-data folder. */
export function claimSingleInstance({ app, BrowserWindow }: Pick<ElectronApi, 'app' | 'BrowserWindow'>): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  return true;
}
