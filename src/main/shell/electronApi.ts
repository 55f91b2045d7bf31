/**
 * The parts of Electron the shell uses. index.ts passes the real module; the unit tests pass a
 * fake (test/fakes/electron.ts) that records every call, so the setupX() modules here import
 * Electron's types only and every line of them runs in a test.
 */
import type * as Electron from 'electron';

export type ElectronApi = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'protocol' | 'screen' | 'session' | 'shell'
>;

export type { App, BrowserWindow, Event, WebContents } from 'electron';
