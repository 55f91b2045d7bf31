/**
 * The API on IPC: every method of the contract through the one checked wrapper (ipcBridge.ts),
 * with the folder picker (the one method only the shell can answer) attached to the window that
 * asked.
 */
import { pickFolderHandler, withShellMethods, type FolderDialogLike } from './dialogs';
import type { ElectronApi } from './electronApi';
import { registerApiHandlers } from './ipcBridge';

export function setupIpc(
  { BrowserWindow, dialog, ipcMain }: Pick<ElectronApi, 'BrowserWindow' | 'dialog' | 'ipcMain'>,
  dispatch: (name: string, input: unknown) => Promise<unknown>,
  origins: readonly string[],
): string[] {
  const folderDialog: FolderDialogLike = {
    showOpenDialog: (options) => {
      const win = BrowserWindow.getFocusedWindow();
      return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
    },
  };
  const withPicker = withShellMethods(dispatch, { 'project.pickFolder': pickFolderHandler(folderDialog) });
  return registerApiHandlers(ipcMain, withPicker, origins, (err) => console.error(err));
}
