/**
 * The Electron security checklist items Electronegativity does not check. The shell's hardening
 * is checked on what it does: src/main/index.ts is started against the fake Electron
 * (test/fakes/electron.ts) and the calls it made, and how it answers a hostile page, are
 * asserted. The rest is checked against the source: no raw Electron API for the page, no remote
 * URL in the renderer, no network in the main process.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelFor, methodNames } from '@shared/api';
import { EVENT_CHANNEL } from '@shared/api/events';
import type * as AppModule from '../../src/main/app';
import { APP_ENTRY, secureWebPreferences } from '../../src/main/shell/policy';
import type { FakeElectron } from '../fakes/electron';
import { startShell, stopShell, type ShellMocks } from '../fakes/shell';

const held = vi.hoisted(() => ({}) as ShellMocks);
vi.mock('electron', async () => (await import('../fakes/electron')).electronModule(() => held.fake));
vi.mock('../../src/main/app', async (original) =>
  (await import('../fakes/shell')).mockApp(await original<typeof AppModule>(), held),
);

const root = path.resolve(__dirname, '../..');
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');

function sources(rel: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts|cts|js|mjs|cjs|html)$/.test(entry) && !/\.test\.tsx?$/.test(entry)) {
        out.push({ file: path.relative(root, full), text: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(path.join(root, rel));
  return out;
}

/** The code without comments, so a commented-out call does not count. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

describe('the Electron shell, started against a fake Electron, applies the policy', () => {
  afterEach(() => stopShell(held));

  const started = async (options: Parameters<typeof startShell>[1] = {}) => {
    const { fake } = await startShell(held, options);
    const win = fake.windows[0];
    if (!win) throw new Error('the shell opened no window');
    return { fake, win };
  };
  const foreign = (fake: FakeElectron, name: (typeof methodNames)[number], input: unknown = {}) =>
    fake.ipcMain.invoke(channelFor(name), input, 'https://example.org/');

  it('sandboxes every renderer and registers app:// as a secure, standard scheme, both before ready', async () => {
    // the fake refuses both once the app is ready, as Electron does
    const { fake } = await started();
    expect(fake.app.sandboxed).toBe(true);
    expect(fake.protocol.privileged).toHaveLength(1);
    const [app] = fake.protocol.privileged;
    expect(app?.scheme).toBe('app');
    expect(app?.privileges).toMatchObject({ standard: true, secure: true });
    for (const weakening of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers'])
      expect(app?.privileges).not.toHaveProperty(weakening);
  });

  it('makes one window, with context isolation, the sandbox, no Node and the rest of the tested preferences', async () => {
    const { fake, win } = await started({ packaged: true });
    expect(fake.callNames.filter((c) => c === 'new BrowserWindow')).toHaveLength(1);
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(win.options.webPreferences).toEqual(secureWebPreferences(String(win.options.webPreferences?.preload)));
  });

  it('has DevTools only in an unpackaged (development) run', async () => {
    const { win } = await started({ packaged: false });
    expect(win.options.webPreferences?.devTools).toBe(true);
  });

  it('loads the page from its own protocol (never a file: URL), served with the CSP', async () => {
    const { fake, win } = await started({ packaged: true });
    expect(win.loadedUrl).toBe(APP_ENTRY);
    expect([...fake.protocol.handlers.keys()]).toEqual(['app']);
    const page = await fake.protocol.fetch(APP_ENTRY);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
  });

  it('refuses navigation, redirects, <webview> and new windows, in the window and in web contents made later', async () => {
    const { fake, win } = await started();
    const later = new fake.BrowserWindow({}).webContents;
    for (const contents of [win.webContents, later]) {
      expect(contents.navigate('https://example.org/').defaultPrevented).toBe(true);
      expect(contents.navigate('file:///home/salma/dropped.html').defaultPrevented).toBe(true);
      expect(contents.attachWebview().defaultPrevented).toBe(true);
      expect(contents.openWindow('https://example.org/')).toEqual({ action: 'deny' });
    }
    expect(win.webContents.redirect('https://example.org/').defaultPrevented).toBe(true);
  });

  it('opens a link outside only after a confirmation that shows the URL, and only http(s)', async () => {
    const { fake, win } = await started();
    win.webContents.openWindow('file:///etc/passwd');
    win.webContents.openWindow('javascript:alert(1)');
    expect(fake.dialog.messageBoxes).toEqual([]);
    win.webContents.openWindow('https://example.org/article');
    expect(fake.dialog.messageBoxes.map((b) => b.options.detail)).toEqual(['https://example.org/article']);
    expect(fake.shell.opened).toEqual([]);
    fake.dialog.messageBoxes[0]?.answer(1); // Cancel
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.shell.opened).toEqual([]);
  });

  it('refuses every permission, and cancels every request of the session that is not the app’s own', async () => {
    const { fake } = await started({ packaged: true });
    const ses = fake.session.defaultSession;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(ses.requestPermission(permission)).toBe(false);
      expect(ses.checkPermission(permission)).toBe(false);
    }
    expect(ses.request(APP_ENTRY)).toBe(true);
    for (const url of ['https://example.org/', 'http://localhost:5173/', 'ws://127.0.0.1:1/', 'file:///etc/passwd'])
      expect(ses.request(url), url).toBe(false);
  });

  it('binds every API method with one checked handle() and no raw IPC listener', async () => {
    const { fake } = await started();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(methodNames.map((n) => channelFor(n)).sort());
    expect(fake.callNames.filter((c) => /^ipcMain\.(on|once|handleOnce)$/.test(c))).toEqual([]);
  });

  it('every handler refuses a sender that is not the app’s own top frame, before running anything', async () => {
    const { fake } = await started();
    const own = (name: (typeof methodNames)[number], input: unknown = {}, parent?: unknown) =>
      fake.ipcMain.invoke(channelFor(name), input, APP_ENTRY, { parent }) as Promise<{ ok: boolean; value: unknown }>;
    const forbidden = { ok: false, error: { code: 'forbidden' } };
    const [doc] = (await own('documents.list')).value as Array<{ id: string }>;
    await expect(foreign(fake, 'documents.delete', { id: doc?.id })).resolves.toMatchObject(forbidden);
    for (const name of methodNames) await expect(foreign(fake, name), name).resolves.toMatchObject(forbidden);
    // a frame inside the page is not the page either
    await expect(own('documents.delete', { id: doc?.id }, { url: APP_ENTRY })).resolves.toMatchObject(forbidden);
    // nothing was deleted
    await expect(own('documents.list')).resolves.toMatchObject({ ok: true, value: [{ id: doc?.id }] });
  });

  it('runs no script in the page: menu commands and events are sent as data', async () => {
    const { fake, win } = await started();
    fake.Menu.click('Edit', 'Undo');
    expect(win.webContents.sent).toEqual([
      { channel: EVENT_CHANNEL, args: [{ name: 'menu.command', data: { command: 'undo' } }] },
    ]);
    expect(fake.callNames.filter((c) => c.endsWith('.executeJavaScript'))).toEqual([]);
  });
});

describe('custom protocol instead of file://', () => {
  it('nothing in main or the preload loads a file: page or grants file access', () => {
    for (const { file, text } of [...sources('src/main'), ...sources('src/preload')]) {
      const c = code(text);
      expect(c, file).not.toMatch(/\.loadFile\(/);
      expect(c, file).not.toMatch(/loadURL\([^)]*file:/);
      expect(c, file).not.toMatch(/allowFileAccess|GrantFileProtocolExtraPrivileges\s*\]\s*:\s*true/);
    }
  });
});

describe('no raw Electron API reaches the page', () => {
  it('the preload exposes one object built from the contract, never ipcRenderer itself', () => {
    const preload = code(read('src/preload/index.ts'));
    const exposes = [...preload.matchAll(/exposeInMainWorld\(\s*'([^']+)'\s*,\s*([^)]*)\)/g)];
    expect(exposes.map((m) => m[1])).toEqual(['hashiya']);
    expect(exposes[0]?.[2]).toBe('Object.freeze(bridge');
    // one listener, on the one event channel (src/shared/api/events.ts); nothing sent
    const raw = [...preload.matchAll(/ipcRenderer\.(on|once|send|sendSync|sendTo|postMessage)\(([^,)]*)/g)];
    expect(raw.map((m) => `${m[1]} ${m[2]}`)).toEqual(['on EVENT_CHANNEL']);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });

  it('the renderer imports neither electron nor Node', () => {
    for (const { file, text } of sources('src/renderer')) {
      const c = code(text);
      expect(c, file).not.toMatch(/from\s+['"](electron|node:[\w/]+|fs|child_process|path|os)['"]/);
      expect(c, file).not.toMatch(/\brequire\(/);
    }
  });

  it('the renderer builds no remote URL and opens no socket', () => {
    for (const { file, text } of sources('src/renderer')) {
      const c = code(text)
        // XML namespaces are names, not addresses
        .replace(/['"]http:\/\/www\.w3\.org\/[^'"]*['"]/g, "''");
      expect(c, file).not.toMatch(/\b(https?|wss?|ftp):\/\//i);
      expect(c, file).not.toMatch(/new\s+(WebSocket|EventSource|RTCPeerConnection)\b|sendBeacon\(|importScripts\(/);
      expect(c, file).not.toMatch(/\beval\(|new\s+Function\(/);
    }
  });
});

describe('the main process reaches no network', () => {
  const main = [...sources('src/main'), ...sources('src/shared')];

  it('no HTTP client, socket or DNS call anywhere in the Node side', () => {
    for (const { file, text } of main) {
      const c = code(text);
      expect(c, file).not.toMatch(/from\s+['"](node:)?(https|dns|tls|dgram)['"]/);
      expect(c, file).not.toMatch(
        /\b(http|https)\.(get|request)\(|\bnet\.(connect|createConnection|request|fetch)\(|\bfetch\(|new\s+WebSocket\b/,
      );
      // the one server listens on the loopback address only
      if (/\.listen\(/.test(c)) expect(c, file).toMatch(/\.listen\([^)]*'127\.0\.0\.1'/);
    }
  });

  it('imported HTML is parsed inert: jsdom runs no script and loads no resource', () => {
    const uses = main.filter(({ text }) => /new\s+JSDOM\(/.test(code(text)));
    expect(uses.length).toBeGreaterThan(0);
    for (const { file, text } of uses) {
      const c = code(text);
      expect(c, file).not.toMatch(/runScripts|resources\s*:|pretendToBeVisual|ResourceLoader/);
    }
  });
});
