/**
 * The one window: the tested secure webPreferences (policy.ts), its size and place remembered,
 * its navigation guarded (navigation.ts), the project's events delivered to it, the page loaded
 * from app:// (or the dev server while developing). setupWindows keeps one open on every
 * platform's terms.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { BrowserWindow, ElectronApi } from './electronApi';
import { guardWindowContents } from './navigation';
import { secureWebPreferences } from './policy';
import { deliverEvents, type EventSource } from './windowEvents';
import { loadWindowState, saveWindowState } from './windowState';

export interface MainWindowOptions {
  /** the built preload script */
  preload: string;
  /** DevTools only while developing */
  devTools: boolean;
  /** APP_ENTRY, or the dev server's URL while developing */
  url: string;
  /** where the window's size and position are kept */
  stateFile: string;
  events: EventSource;
  /**
   * Before the window closes: the page sends what it still holds (ProjectHost.drainPages). The
   * close waits for it, then goes on. Absent, or answering null (during a quit, which has drained
   * the page already, and must not be held up by a window), the window closes at once.
   */
  settle?: () => Promise<unknown> | null;
}

export function openMainWindow(
  api: Pick<ElectronApi, 'BrowserWindow' | 'dialog' | 'screen' | 'shell'>,
  opts: MainWindowOptions,
): BrowserWindow {
  const state = loadWindowState(
    opts.stateFile,
    api.screen.getAllDisplays().map((d) => d.workArea),
  );
  const options: BrowserWindowConstructorOptions = {
    ...state,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Hashiya',
    backgroundColor: '#fbf8f1',
    webPreferences: secureWebPreferences(opts.preload, opts.devTools),
  };
  const { BrowserWindow } = api; // so that Electronegativity sees the construction below
  const win = new BrowserWindow(options); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK -- set in secureWebPreferences() (policy.ts), asserted by policy.test.ts and window.test.ts
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  guardWindowContents(api, win);
  let settled = false;
  win.on('close', (event) => {
    const settling = settled ? null : (opts.settle?.() ?? null);
    if (settling) {
      event.preventDefault();
      settled = true;
      void settling
        .catch(() => undefined)
        .then(() => {
          if (!win.isDestroyed()) win.close();
        });
      return;
    }
    void saveWindowState(opts.stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  });
  // the page holds the unload while a change is on its way (heldChanges.ts); once it has had its
  // chance to send it, the window closes (without a listener, Electron would keep it open)
  win.webContents.on('will-prevent-unload', (event) => {
    if (settled) event.preventDefault();
  });
  deliverEvents(win, opts.events);
  void win.loadURL(opts.url);
  return win;
}

/**
 * The first window now; on macOS a new one when the dock icon is clicked with none open, and the
 * app stays running with no window; elsewhere closing the last window quits.
 */
export function setupWindows(
  { app, BrowserWindow }: Pick<ElectronApi, 'app' | 'BrowserWindow'>,
  open: () => void,
  isMac: boolean,
): void {
  open();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
}
