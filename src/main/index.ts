/**
 * The Electron shell, kept thin: one hardened window showing the renderer from app://, the API
 * bound to IPC through one checked wrapper, a native menu, and pending writes flushed on quit.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  type BrowserWindowConstructorOptions,
} from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultProjectDir, openProject, type OpenedProject } from './app';
import { closeReaderWorker } from './import/readerWorker';
import { appProtocolResponse } from './shell/appProtocol';
import { downloadHandler, pickFolderHandler, withShellMethods } from './shell/dialogs';
import { registerApiHandlers } from './shell/ipcBridge';
import { menuTemplate, type MenuCommand } from './shell/menu';
import {
  APP_ENTRY,
  APP_SCHEME,
  isExternalLinkAllowed,
  isRequestAllowed,
  permissionDecision,
  secureWebPreferences,
  shouldBlockNavigation,
  trustedOrigins,
  windowOpenDecision,
} from './shell/policy';
import { loadWindowState, saveWindowState } from './shell/windowState';

const here = path.dirname(fileURLToPath(import.meta.url));
const rendererDir = path.join(here, '../renderer');
const resourcesDir = app.isPackaged
  ? path.join(process.resourcesPath, 'resources')
  : path.join(here, '../../resources');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const origins = trustedOrigins(devServerUrl);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

let project: OpenedProject | null = null;
let quitting = false;

function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const { status, headers, body } = await appProtocolResponse(request.url, rendererDir);
    return new Response(body, { status, headers });
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  // Nothing leaves the machine: only the app's own protocol (and the dev server while developing).
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isRequestAllowed(details.url, devServerUrl) }),
  );
  // exports arrive as downloads: always the save dialog, in the folder saved to last
  const onDownload = downloadHandler(
    () => app.getPath('documents'),
    ({ state, path: savedTo }) => {
      if (state === 'interrupted')
        dialog.showErrorBox(
          'The export was not saved',
          `Hashiya could not write ${savedTo || 'the file'}. Try another folder.`,
        );
    },
  );
  ses.on('will-download', (_event, item) => onDownload(item));
}

/** The folder dialog, attached to the window that asked. */
const folderDialog = {
  showOpenDialog: (options: Parameters<typeof dialog.showOpenDialog>[0]) => {
    const win = BrowserWindow.getFocusedWindow();
    return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
  },
};

function sendMenuCommand(win: BrowserWindow, command: MenuCommand): void {
  // A fixed command name from the menu's list; no data from elsewhere reaches this script.
  void win.webContents.executeJavaScript(
    `window.dispatchEvent(new CustomEvent('hashiya-menu', { detail: ${JSON.stringify(command)} }))`,
  );
}

function createWindow(): BrowserWindow {
  const stateFile = path.join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const options: BrowserWindowConstructorOptions = {
    ...state,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Hashiya',
    backgroundColor: '#fbf8f1',
    webPreferences: secureWebPreferences(path.join(here, '../preload/index.cjs'), !app.isPackaged),
  };
  const win = new BrowserWindow(options); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK -- set in secureWebPreferences() (shell/policy.ts), asserted by policy.test.ts
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  const contents = win.webContents;
  // the URL is read from the event (the positional argument is deprecated)
  contents.on('will-navigate', (event) => {
    if (shouldBlockNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) {
      void dialog
        .showMessageBox(win, {
          type: 'question',
          buttons: ['Open in browser', 'Cancel'],
          defaultId: 1,
          cancelId: 1,
          message: 'Open this link in your web browser?',
          detail: url,
        })
        .then(({ response }) => {
          if (response === 0) void shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only http(s) (isExternalLinkAllowed) after the user confirms a dialog showing the URL
        });
    }
    return windowOpenDecision();
  });

  const remember = () => {
    const bounds = win.getNormalBounds();
    void saveWindowState(stateFile, { ...bounds, maximized: win.isMaximized() });
  };
  win.on('close', remember);

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
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

  void win.loadURL(devServerUrl ?? APP_ENTRY);
  return win;
}

// tests (and portable setups) may put the user-data folder elsewhere
if (process.env.HASHIYA_USER_DATA) app.setPath('userData', process.env.HASHIYA_USER_DATA);

app.enableSandbox();

app
  .whenReady()
  .then(async () => {
    registerAppProtocol();
    hardenSession();
    project = await openProject(defaultProjectDir(app.getPath('userData')), resourcesDir, {
      userData: app.getPath('userData'),
    });
    const dispatch = withShellMethods(project.services.dispatch, {
      'project.pickFolder': pickFolderHandler(folderDialog),
    });
    registerApiHandlers(ipcMain, dispatch, origins, (err) => console.error(err));
    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  })
  .catch((err: unknown) => {
    dialog.showErrorBox('Hashiya could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.on('will-navigate', (e) => {
    if (shouldBlockNavigation(e.url)) e.preventDefault();
  });
  contents.setWindowOpenHandler(() => windowOpenDecision());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('before-quit', (event) => {
  if (quitting || !project) return;
  event.preventDefault();
  quitting = true;
  // a file still being read is refused at once rather than holding up the quit (flush waits for it)
  void closeReaderWorker();
  const opened = project;
  opened
    .flush()
    .then(() => opened.close()) // gives up the project's lock
    .then(
      () => app.quit(),
      async (err: unknown) => {
        // a change that could not be saved (disk full, folder gone): never drop it silently
        const { response } = await dialog.showMessageBox({
          type: 'warning',
          buttons: ['Stay in Hashiya', 'Quit (keep them in recovery/)'],
          defaultId: 0,
          cancelId: 0,
          message: 'Some changes are not saved yet.',
          detail: `${err instanceof Error ? err.message : String(err)}\n\nStay, free some space or fix the folder, and use “Save again”.`,
        });
        if (response === 1) {
          // quitting anyway: the unsaved changes go to recovery/, which the next start restores
          await opened.writeRecovery().catch(() => undefined);
          app.exit(0);
        } else quitting = false;
      },
    );
});
