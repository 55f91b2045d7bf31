/**
 * The Electron entry, composed: started against the fake Electron (test/fakes/electron.ts) with
 * the real project (the bundled sample in a temporary user-data folder), it must harden the app
 * before it is ready, then serve the page, guard the session, answer the API on IPC, open one
 * secure window that hears the project's events and the menu's commands, and save on quit.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelFor, type MethodName } from '@shared/api';
import { EVENT_CHANNEL } from '@shared/api/events';
import type * as AppModule from '../../src/main/app';
import type { OpenedProject } from '../../src/main/app';
import { EventHub } from '../../src/main/events';
import { APP_ENTRY, CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../src/main/shell/policy';
import { LOCK_FILE } from '../../src/main/store/projectLock';
import type { FakeElectron } from '../fakes/electron';
import { eventually } from '../fakes/eventually';
import { startShell, stopShell, type ShellMocks } from '../fakes/shell';

const held = vi.hoisted(() => ({}) as ShellMocks);
vi.mock('electron', async () => (await import('../fakes/electron')).electronModule(() => held.fake));
vi.mock('../../src/main/app', async (original) =>
  (await import('../fakes/shell')).mockApp(await original<typeof AppModule>(), held),
);

afterEach(() => stopShell(held));

const call = (fake: FakeElectron, name: MethodName, input: unknown, url: string = APP_ENTRY) =>
  fake.ipcMain.invoke(channelFor(name), input, url) as Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

const mainWindow = (fake: FakeElectron) => {
  const win = fake.windows.at(-1);
  if (!win) throw new Error('no window was opened');
  return win;
};

/**
 * The page in the window, as heldChanges.ts makes it: on page.settle it sends what it holds
 * (`holding`, called through IPC like the page's own calls), then answers page.settled with the
 * drain's id.
 */
function answeringPage(fake: FakeElectron, holding: () => Promise<unknown> = async () => undefined) {
  const win = mainWindow(fake);
  const send = win.webContents.send.bind(win.webContents);
  const heard: string[] = [];
  win.webContents.send = (channel: string, ...args: unknown[]) => {
    send(channel, ...args);
    const event = args[0] as { name?: string; data?: { drain?: number } } | undefined;
    if (channel !== EVENT_CHANNEL || event?.name !== 'page.settle') return;
    heard.push(event.name);
    void holding().then(() => call(fake, 'page.settled', { drain: event.data?.drain }));
  };
  return { win, heard };
}

/** A project that only records what quitting does with it. */
function recordingProject(outcomes: Array<{ outcome: string; unsaved?: string[] }>) {
  const steps: string[] = [];
  const project = {
    services: { dispatch: vi.fn(async () => ({})), events: new EventHub() },
    servePages: () => () => undefined,
    shutdown: async ({ force }: { force: boolean }) => {
      steps.push(force ? 'shutdown forced' : 'shutdown');
      return outcomes.shift();
    },
    close: async () => undefined, // stopShell gives up whatever a test opened
  } as unknown as OpenedProject;
  return { project, steps };
}

describe('before the app is ready', () => {
  it('registers app:// as privileged, sandboxes every renderer, guards every web contents, claims the single instance', async () => {
    const { fake, userData } = await startShell(held, { ready: false });
    expect(fake.protocol.privileged.map((p) => p.scheme)).toEqual(['app']);
    expect(fake.app.sandboxed).toBe(true);
    expect(fake.app.listenerCount('web-contents-created')).toBe(1);
    expect(fake.callNames).toContain('app.requestSingleInstanceLock');
    expect(fake.app.getPath('userData')).toBe(userData);
    expect(held.opened).toEqual([]);
    expect(fake.windows).toEqual([]);
  });

  it('without HASHIYA_USER_DATA keeps Electron’s own user-data folder', async () => {
    const { fake } = await startShell(held, { env: { HASHIYA_USER_DATA: undefined } });
    expect(fake.callNames).not.toContain('app.setPath');
    expect(held.opened[0]?.store.dir).toBe(path.join(fake.app.getPath('userData'), 'default-project'));
  });

  it('a second Hashiya on the same user data quits at once, opening nothing', async () => {
    const { fake } = await startShell(held, { singleInstanceLockFree: false, ready: false });
    expect(fake.app.hasQuit).toBe(true);
    await fake.app.ready();
    await new Promise((resolve) => setImmediate(resolve));
    expect(held.opened).toEqual([]);
    expect(fake.windows).toEqual([]);
    expect(fake.protocol.handlers.size).toBe(0);
  });
});

describe('once ready', () => {
  it('opens the default project with the sample article and serves the page from app:// with the CSP', async () => {
    const { fake, userData, project } = await startShell(held);
    expect(project?.store.dir).toBe(path.join(userData, 'default-project'));
    const page = await fake.protocol.fetch(APP_ENTRY);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toMatch(/<div id="root">/);
  });

  it('the session refuses permissions and every request that is not the app’s own, and saves exports through a dialog', async () => {
    const { fake } = await startShell(held);
    const ses = fake.session.defaultSession;
    expect(ses.requestPermission('media')).toBe(false);
    expect(ses.checkPermission('notifications')).toBe(false);
    expect(ses.request('app://hashiya/assets/index.js')).toBe(true);
    expect(ses.request('https://example.org/')).toBe(false);
    expect(ses.download('claims.csv').saveDialogOptions).toMatchObject({ title: 'Save export' });
  });

  it('opens one window with the secure webPreferences, on app://, DevTools only because this run is unpackaged', async () => {
    const { fake } = await startShell(held);
    expect(fake.windows).toHaveLength(1);
    const win = mainWindow(fake);
    expect(win.options.webPreferences).toEqual(
      secureWebPreferences(path.resolve(__dirname, '../../src/preload/index.cjs'), true),
    );
    expect(win.loadedUrl).toBe(APP_ENTRY);
    expect(win.webContents.navigate('https://example.org/').defaultPrevented).toBe(true);
    expect(win.webContents.openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(fake.dialog.messageBoxes[0]?.options.detail).toBe('https://example.org/');
  });

  it('packaged: no DevTools, the sample read from the resources folder, no dev server even if one is named', async () => {
    const { fake, project } = await startShell(held, {
      packaged: true,
      env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' },
    });
    const win = mainWindow(fake);
    expect(win.options.webPreferences?.devTools).toBe(false);
    expect(win.loadedUrl).toBe(APP_ENTRY);
    expect(fake.session.defaultSession.request('http://localhost:5173/')).toBe(false);
    await expect(project?.services.dispatch('documents.list', {})).resolves.toHaveLength(1);
  });

  it('while developing loads the dev server’s page and lets it call the API', async () => {
    const { fake } = await startShell(held, { env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } });
    expect(mainWindow(fake).loadedUrl).toBe('http://localhost:5173/');
    expect(fake.session.defaultSession.request('http://localhost:5173/src/main.tsx')).toBe(true);
    await expect(call(fake, 'project.info', {}, 'http://localhost:5173/')).resolves.toMatchObject({ ok: true });
  });
});

describe('the API on IPC', () => {
  it('answers the page with the project’s data, refuses other senders and bad input as data', async () => {
    const { fake } = await startShell(held);
    const list = await call(fake, 'documents.list', {});
    expect(list).toMatchObject({ ok: true });
    expect(list.value).toHaveLength(1);
    await expect(call(fake, 'documents.list', {}, 'https://example.org/')).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await expect(call(fake, 'documents.get', { id: 42 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(fake.callNames.filter((c) => c.startsWith('ipcMain.') && c !== 'ipcMain.handle')).toEqual([]);
  });

  it('answers project.pickFolder with the desktop’s folder dialog', async () => {
    const { fake } = await startShell(held);
    fake.dialog.openDialogAnswers.push({ canceled: false, filePaths: ['/home/salma/Research'] });
    await expect(call(fake, 'project.pickFolder', { purpose: 'open' })).resolves.toEqual({
      ok: true,
      value: { path: '/home/salma/Research' },
    });
  });
});

describe('the window hears the app', () => {
  it('menu commands arrive as menu.command on the event channel; no script is run in the page', async () => {
    const { fake } = await startShell(held);
    const win = mainWindow(fake);
    fake.Menu.click('Edit', 'Undo');
    fake.Menu.click('Edit', 'Tag with code…');
    expect(win.webContents.sent).toEqual([
      { channel: EVENT_CHANNEL, args: [{ name: 'menu.command', data: { command: 'undo' } }] },
      { channel: EVENT_CHANNEL, args: [{ name: 'menu.command', data: { command: 'palette' } }] },
    ]);
    expect(win.webContents.executedJavaScript).toEqual([]);
  });

  it('every event of the project’s EventHub is forwarded, until the window closes', async () => {
    const { fake, project } = await startShell(held, { platform: 'darwin' });
    const win = mainWindow(fake);
    project?.services.events.emit('annotations.changed', { documentIds: null });
    expect(win.webContents.sent).toEqual([
      { channel: EVENT_CHANNEL, args: [{ name: 'annotations.changed', data: { documentIds: null } }] },
    ]);
    answeringPage(fake);
    win.close();
    // the page is asked for what it holds first, then the window closes
    await eventually(() => expect(project?.services.events.listenerCount).toBe(0));
    expect(win.webContents.sent.at(-1)?.args[0]).toEqual({ name: 'page.settle', data: { drain: expect.any(Number) } });
    expect(fake.app.hasQuit).toBe(false); // macOS: the app stays without a window

    // the dock icon opens a new window, which the menu and the events now reach
    fake.app.emit('activate');
    const second = mainWindow(fake);
    expect(second).not.toBe(win);
    fake.Menu.click('File', 'Import…');
    project?.services.events.emit('documents.changed', { documentIds: null });
    expect(second.webContents.sent.map((s) => (s.args[0] as { name: string }).name)).toEqual([
      'menu.command',
      'documents.changed',
    ]);
  });

  it('the pages a quit waits for are the windows’ pages, not every listener of the project’s events', async () => {
    const { fake, project } = await startShell(held, { platform: 'darwin' });
    project?.services.events.subscribe(() => undefined); // a service's own listener: no page
    expect(project?.pagesServed()).toBe(1);
    answeringPage(fake);
    mainWindow(fake).close();
    await eventually(() => expect(project?.pagesServed()).toBe(0));
    fake.app.emit('activate');
    expect(project?.pagesServed()).toBe(1);
  });

  it('a second start brings the window to the front', async () => {
    const { fake } = await startShell(held);
    const win = mainWindow(fake);
    win.minimize();
    fake.app.emit('second-instance');
    expect(win.isMinimized()).toBe(false);
    expect(fake.BrowserWindow.getFocusedWindow()).toBe(win);
  });
});

describe('quitting', () => {
  it('closing the last window saves a change made just before, gives up the project and quits', async () => {
    const { fake, project } = await startShell(held);
    const dir = project!.store.dir;
    const [doc] = (await project!.services.dispatch('documents.list', {})) as Array<{ id: string }>;
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(true);
    const renamed = call(fake, 'documents.update', { id: doc!.id, title: 'محادثات ليبيا' });
    answeringPage(fake);
    mainWindow(fake).close();
    await eventually(() => expect(fake.app.hasQuit).toBe(true));
    await expect(renamed).resolves.toMatchObject({ ok: true });
    expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
    expect(fake.app.exitCode).toBeNull();

    // on disk: the next start sees the new title
    const { openProject } = await import('../../src/main/app');
    const again = await openProject(dir, path.resolve(__dirname, '../../resources'), { userData: path.dirname(dir) });
    await expect(again.services.dispatch('documents.list', {})).resolves.toEqual([
      expect.objectContaining({ title: 'محادثات ليبيا' }),
    ]);
  });

  it('closing the window lets the page send a change it still holds first, and it is saved', async () => {
    const { fake, project } = await startShell(held);
    const dir = project!.store.dir;
    const [doc] = (await project!.services.dispatch('documents.list', {})) as Array<{ id: string }>;
    await call(fake, 'settings.update', { annotator: 'Salma' });
    // a tag whose request was still waiting for its frame when the window was closed
    const { heard } = answeringPage(fake, () =>
      call(fake, 'annotations.create', { documentId: doc!.id, start: 0, end: 4, codes: ['ceasefire-proposal'] }),
    );
    mainWindow(fake).close();
    await eventually(() => expect(fake.app.hasQuit).toBe(true));
    expect(heard).toEqual(['page.settle']);
    const { openProject } = await import('../../src/main/app');
    const again = await openProject(dir, path.resolve(__dirname, '../../resources'), { userData: path.dirname(dir) });
    await expect(again.services.dispatch('annotations.list', { documentId: doc!.id })).resolves.toEqual([
      expect.objectContaining({ start: 0, end: 4, annotator: 'Salma' }),
    ]);
    await again.close();
  });

  it('Quit with the window open asks the page, saves and gives up the project before the window closes', async () => {
    const { fake, project } = await startShell(held);
    const { win, heard } = answeringPage(fake);
    fake.app.quit();
    expect(win.destroyed).toBe(false); // held until saved
    await eventually(() => expect(fake.app.hasQuit).toBe(true));
    expect(win.destroyed).toBe(true);
    expect(heard).toEqual(['page.settle']); // asked by the quit, not again by the window's close
    expect(existsSync(path.join(project!.store.dir, LOCK_FILE))).toBe(false);
  });

  it('asks when a change cannot be saved, and quitting anyway keeps it in recovery/', async () => {
    const { project, steps } = recordingProject([
      { outcome: 'refused', unsaved: ['Libya talks'] },
      { outcome: 'forced' },
    ]);
    held.openProject = async () => project;
    const { fake } = await startShell(held);
    fake.app.quit();
    await eventually(() => expect(fake.dialog.messageBoxes).toHaveLength(1));
    expect(fake.dialog.messageBoxes[0]?.options.detail).toMatch(/^Not saved: “Libya talks”\./);
    fake.dialog.messageBoxes[0]?.answer(1);
    await eventually(() => expect(fake.app.exitCode).toBe(0));
    expect(steps).toEqual(['shutdown', 'shutdown forced']);
  });

  it('a start that fails says why and ends the app', async () => {
    held.openProject = async () => {
      throw new Error('The project folder is open in another Hashiya.');
    };
    const { fake } = await startShell(held);
    expect(fake.dialog.errorBoxes).toEqual([
      { title: 'Hashiya could not start', content: 'The project folder is open in another Hashiya.' },
    ]);
    expect(fake.app.exitCode).toBe(1);
    expect(fake.windows).toEqual([]);
  });

  it('a failure that is not an Error is still put in words', async () => {
    held.openProject = () => Promise.reject('EACCES');
    const { fake } = await startShell(held);
    expect(fake.dialog.errorBoxes[0]?.content).toBe('EACCES');
  });
});
