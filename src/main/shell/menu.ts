/**
 * The native menu as a template (pure data plus callbacks), with the platform's usual roles; its
 * commands go to the window as the contract event `menu.command` (windowEvents.ts).
 */
import type { MenuItemConstructorOptions } from 'electron';

import type { MenuCommand } from '@shared/api/events';
import type { BrowserWindow, ElectronApi } from './electronApi';
import { sendMenuCommand } from './windowEvents';

export { MENU_COMMANDS, type MenuCommand } from '@shared/api/events';

export function menuTemplate(opts: {
  isMac: boolean;
  appName: string;
  send: (command: MenuCommand) => void;
  about: () => void;
}): MenuItemConstructorOptions[] {
  const { isMac, send } = opts;
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: opts.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+Shift+O', click: () => send('open-project') },
        { label: 'New Project…', accelerator: 'CmdOrCtrl+Shift+N', click: () => send('new-project') },
        { type: 'separator' },
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
        { label: 'Export CSV…', accelerator: 'CmdOrCtrl+E', click: () => send('export-csv') },
        { type: 'separator' },
        { label: 'Restore from Backup…', click: () => send('restore-backup') },
        { label: 'Coder Name…', click: () => send('coder-name') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // Undo/redo go to the page, which undoes annotation changes or text edits as fits the focus.
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => send('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        { type: 'separator' },
        { label: 'Find…', accelerator: 'CmdOrCtrl+F', click: () => send('find') },
        { label: 'Tag with code…', accelerator: 'CmdOrCtrl+K', click: () => send('palette') },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: 'Help', submenu: [{ label: `About ${opts.appName}`, click: opts.about }] },
  );
  return template;
}

/** The application menu, its commands sent to `win`. */
export function setupMenu(
  { app, dialog, Menu }: Pick<ElectronApi, 'app' | 'dialog' | 'Menu'>,
  win: BrowserWindow,
  isMac: boolean,
): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac,
        appName: 'Hashiya',
        send: (command) => sendMenuCommand(win, command),
        about: () =>
          void dialog.showMessageBox(win, {
            type: 'info',
            title: 'About Hashiya',
            message: `Hashiya ${app.getVersion()}`,
            detail: 'حاشية — offline annotation of Arabic news.',
          }),
      }),
    ),
  );
}
