/**
 * The Electron shell, kept thin: it composes the setupX() modules of shell/ — the app:// protocol,
 * the session's policy, guarded web contents, the IPC bridge, quitting, the window with its
 * events and the menu — each given the Electron API it uses (a fake in test/shell/index.test.ts).
 */
import './threadpool';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultProjectDir, openProject } from './app';
import { closeReaderWorker } from './import/readerWorker';
import type { ElectronApi } from './shell/electronApi';
import { setupIpc } from './shell/ipc';
import { setupMenu } from './shell/menu';
import { setupContentsGuard } from './shell/navigation';
import { APP_ENTRY, trustedOrigins } from './shell/policy';
import { registerAppScheme, setupProtocol } from './shell/protocol';
import { setupQuit } from './shell/quit';
import { setupSessionPolicy } from './shell/sessionPolicy';
import { claimSingleInstance } from './shell/singleInstance';
import { openMainWindow, setupWindows } from './shell/window';
import { pageEvents } from './shell/windowEvents';

const electron: ElectronApi = { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell };
const here = path.dirname(fileURLToPath(import.meta.url));
const resourcesDir = app.isPackaged
  ? path.join(process.resourcesPath, 'resources')
  : path.join(here, '../../resources');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const isMac = process.platform === 'darwin';

registerAppScheme(electron);
// tests (and portable setups) may put the user-data folder elsewhere
if (process.env.HASHIYA_USER_DATA) app.setPath('userData', process.env.HASHIYA_USER_DATA);
app.enableSandbox();
setupContentsGuard(electron);

async function start(): Promise<void> {
  await app.whenReady();
  setupProtocol(electron, path.join(here, '../renderer'));
  setupSessionPolicy(electron, devServerUrl);
  const userData = app.getPath('userData');
  const project = await openProject(defaultProjectDir(userData), resourcesDir, { userData });
  setupIpc(electron, project.services.dispatch, trustedOrigins(devServerUrl));
  // a file still being read is refused at once rather than holding up the quit
  let quitting = false;
  setupQuit(electron, project, {
    onQuitStarted: () => {
      quitting = true;
      void closeReaderWorker();
    },
  });
  const stateFile = path.join(userData, 'window-state.json');
  // the windows' pages are the ones a quit asks for what they still hold
  const events = pageEvents(project.services.events);
  project.servePages(() => events.pages);
  setupWindows(
    electron,
    () => {
      const win = openMainWindow(electron, {
        preload: path.join(here, '../preload/index.cjs'),
        devTools: !app.isPackaged,
        url: devServerUrl ?? APP_ENTRY,
        stateFile,
        events,
        // the page sends what it holds before its window closes (a quit has asked it already)
        settle: () => (quitting ? null : project.drainPages(1)),
      });
      setupMenu(electron, win, isMac);
    },
    isMac,
  );
}

if (claimSingleInstance(electron))
  start().catch((err: unknown) => {
    dialog.showErrorBox('Hashiya could not start', err instanceof Error ? err.message : String(err));
    app.exit(1);
  });
