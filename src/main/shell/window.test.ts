import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL } from '@shared/api/events';
import { createFakeElectron, fakeEvent } from '../../../test/fakes/electron';
import { EventHub } from '../events';
import { APP_ENTRY, secureWebPreferences } from './policy';
import { openMainWindow, setupWindows, type MainWindowOptions } from './window';
import { pageEvents } from './windowEvents';

function open(overrides: Partial<MainWindowOptions> = {}) {
  const fake = createFakeElectron();
  const events = new EventHub();
  const stateFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'hashiya-window-')), 'window-state.json');
  const options = { preload: '/app/out/preload/index.cjs', devTools: false, url: APP_ENTRY, stateFile, events };
  openMainWindow(fake.api, { ...options, ...overrides });
  const win = fake.windows[0];
  if (!win) throw new Error('no window');
  return { fake, win, events, stateFile };
}

describe('the main window', () => {
  it('is made once, with the tested secure webPreferences and nothing added', () => {
    const { fake, win } = open();
    expect(fake.windows).toHaveLength(1);
    expect(win.options.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.cjs', false));
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(win.options).toMatchObject({ title: 'Hashiya', show: false, minWidth: 640, minHeight: 480 });
  });

  it('has DevTools only when asked for (an unpackaged run)', () => {
    const { win } = open({ devTools: true });
    expect(win.options.webPreferences?.devTools).toBe(true);
  });

  it('loads its page from app://, guards navigation and appears once painted', () => {
    const { win } = open();
    expect(win.loadedUrl).toBe(APP_ENTRY);
    expect(win.webContents.navigate('https://example.org/').defaultPrevented).toBe(true);
    expect(win.visible).toBe(false);
    win.readyToShow();
    expect(win.visible).toBe(true);
  });

  it('comes back where it was left, maximised if it was', async () => {
    const first = open();
    first.win.maximize();
    first.win.close();
    await waitForFile(first.stateFile);
    expect(JSON.parse(readFileSync(first.stateFile, 'utf8'))).toEqual({
      x: 100,
      y: 80,
      width: 1280,
      height: 860,
      maximized: true,
    });

    writeFileSync(first.stateFile, JSON.stringify({ x: 200, y: 150, width: 1000, height: 700, maximized: true }));
    const second = open({ stateFile: first.stateFile });
    expect(second.win.options).toMatchObject({ x: 200, y: 150, width: 1000, height: 700 });
    expect(second.win.maximized).toBe(true);
  });

  it('receives every event of the project on the one event channel, until it is closed', () => {
    const { win, events } = open();
    events.emit('annotations.changed', { documentIds: ['doc-1'] });
    events.emit('unsaved.changed', { unsaved: [] });
    expect(win.webContents.sent).toEqual([
      { channel: EVENT_CHANNEL, args: [{ name: 'annotations.changed', data: { documentIds: ['doc-1'] } }] },
      { channel: EVENT_CHANNEL, args: [{ name: 'unsaved.changed', data: { unsaved: [] } }] },
    ]);
    win.close();
    expect(events.listenerCount).toBe(0);
    events.emit('documents.changed', { documentIds: null });
    expect(win.webContents.sent).toHaveLength(2);
    expect(win.webContents.executedJavaScript).toEqual([]);
  });

  it('counts the windows whose page hears the events, not the other listeners, until each closes', () => {
    const fake = createFakeElectron();
    const hub = new EventHub();
    const events = pageEvents(hub);
    hub.subscribe(() => undefined); // not a window's page
    const stateFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'hashiya-window-')), 'window-state.json');
    const options = { preload: '/app/out/preload/index.cjs', devTools: false, url: APP_ENTRY, stateFile, events };
    expect(events.pages).toBe(0);
    openMainWindow(fake.api, options);
    openMainWindow(fake.api, options);
    expect(events.pages).toBe(2);
    hub.emit('documents.changed', { documentIds: null });
    expect(fake.windows.map((w) => w.webContents.sent.length)).toEqual([1, 1]);
    fake.windows[0]?.close();
    expect(events.pages).toBe(1);
    expect(hub.listenerCount).toBe(2);
    // taking a subscription back twice counts it once
    const off = events.subscribe(() => undefined);
    off();
    off();
    expect(events.pages).toBe(1);
  });

  it('closing waits until the page has sent what it holds, then closes; a page held up is let go after that', async () => {
    let settled: () => void = () => undefined;
    const asked: string[] = [];
    const { win } = open({
      settle: () => {
        asked.push('settle');
        return new Promise<void>((resolve) => (settled = resolve));
      },
    });
    win.close();
    expect(asked).toEqual(['settle']);
    expect(win.isDestroyed()).toBe(false); // held while the page sends
    settled();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(win.isDestroyed()).toBe(true);
    expect(asked).toEqual(['settle']); // asked once, not again by its own close
    // once the page has had its chance, its beforeunload no longer keeps the window open
    const unload = fakeEvent();
    win.webContents.emit('will-prevent-unload', unload);
    expect(unload.defaultPrevented).toBe(true);
  });

  it('a settle that fails still lets the window close', async () => {
    const { win } = open({ settle: () => Promise.reject(new Error('the project is gone')) });
    win.close();
    expect(win.isDestroyed()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(win.isDestroyed()).toBe(true);
  });

  it('a page not yet asked keeps its beforeunload; a quit (settle answers null) closes at once', () => {
    const { win } = open({ settle: () => null });
    const unload = fakeEvent();
    win.webContents.emit('will-prevent-unload', unload);
    expect(unload.defaultPrevented).toBe(false);
    win.close();
    expect(win.isDestroyed()).toBe(true);
  });
});

describe('one window on every platform', () => {
  function lifecycle(isMac: boolean) {
    const fake = createFakeElectron();
    let opened = 0;
    setupWindows(
      fake.api,
      () => {
        opened++;
        new fake.BrowserWindow({});
      },
      isMac,
    );
    return { fake, opened: () => opened };
  }

  it('opens the first window at once, and closing the last one quits (Windows, Linux)', () => {
    const { fake, opened } = lifecycle(false);
    expect(opened()).toBe(1);
    fake.app.emit('activate');
    expect(opened()).toBe(1);
    fake.windows[0]?.close();
    expect(fake.app.hasQuit).toBe(true);
  });

  it('on macOS stays running with no window and opens one when the dock icon is clicked', () => {
    const { fake, opened } = lifecycle(true);
    fake.windows[0]?.close();
    expect(fake.app.hasQuit).toBe(false);
    fake.app.emit('activate');
    expect(opened()).toBe(2);
    expect(fake.app.hasQuit).toBe(false);
  });
});

async function waitForFile(file: string): Promise<void> {
  while (!existsSync(file) || readFileSync(file, 'utf8') === '') await new Promise((resolve) => setImmediate(resolve));
}
