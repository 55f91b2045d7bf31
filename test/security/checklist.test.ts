/**
 * The Electron security checklist items Electronegativity does not check, checked here against
 * the source: the shell's hardening calls, the custom protocol instead of file://, one checked
 * wrapper for every IPC handler, no raw Electron API for the page, no remote URL in the renderer.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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

describe('the Electron entry (src/main/index.ts) applies the shell policy', () => {
  const index = code(read('src/main/index.ts'));

  it.each([
    ['denies permission requests', /setPermissionRequestHandler\(/],
    ['denies permission checks', /setPermissionCheckHandler\(/],
    ['blocks navigation', /\.on\(\s*'will-navigate'/],
    ['blocks redirects', /\.on\(\s*'will-redirect'/],
    ['blocks <webview>', /'will-attach-webview'/],
    ['handles window.open', /setWindowOpenHandler\(/],
    ['filters every request of the session', /webRequest\.onBeforeRequest\(/],
    ['serves the renderer from its own protocol', /protocol\.handle\(\s*APP_SCHEME/],
    ['registers that protocol as secure and standard', /registerSchemesAsPrivileged\(/],
    ['sandboxes every renderer', /app\.enableSandbox\(\)/],
    ['guards web contents created later too', /app\.on\(\s*'web-contents-created'/],
  ])('%s', (_what, pattern) => {
    expect(index).toMatch(pattern);
  });

  it('gives app:// the privileges of a secure origin and nothing that weakens the page', () => {
    const privileges = /registerSchemesAsPrivileged\(\[([\s\S]*?)\]\)/.exec(index)?.[1] ?? '';
    expect(privileges).toMatch(/standard: true/);
    expect(privileges).toMatch(/secure: true/);
    expect(privileges).not.toMatch(/bypassCSP|corsEnabled|allowServiceWorkers/);
  });

  it('has DevTools only in an unpackaged (development) run', () => {
    expect(index).toMatch(/secureWebPreferences\([^)]*\), !app\.isPackaged\)/);
  });

  it('gives the window the tested secure webPreferences', () => {
    // the one window is made from `options`, whose webPreferences are exactly the policy's
    expect(index.match(/new BrowserWindow\(/g)).toHaveLength(1);
    expect(index).toMatch(/new BrowserWindow\(options\)/);
    const options = /const options: BrowserWindowConstructorOptions = \{([\s\S]*?)\n {2}\};/.exec(index)?.[1] ?? '';
    expect(options).toMatch(/webPreferences:\s*secureWebPreferences\(/);
    expect(options).not.toMatch(/nodeIntegration|contextIsolation|sandbox|webSecurity/);
    expect(index).not.toMatch(/options\.webPreferences|webPreferences\s*=/);
  });

  it('the request filter and the permission handlers use the tested policy functions', () => {
    expect(index).toMatch(/onBeforeRequest\([^]*?isRequestAllowed\(/);
    expect(index).toMatch(/setPermissionRequestHandler\([^]*?permissionDecision\(/);
    expect(index).toMatch(/setWindowOpenHandler\([^]*?windowOpenDecision\(\)/);
  });

  it('opens a link outside only after a confirmation that shows the URL', () => {
    const handler = /setWindowOpenHandler\(([\s\S]*?)return windowOpenDecision\(\);/.exec(index)?.[1] ?? '';
    expect(handler).toMatch(/isExternalLinkAllowed\(url\)/);
    expect(handler).toMatch(/showMessageBox\([\s\S]*detail:\s*url/);
    expect(handler).toMatch(/response === 0\)\s*void shell\.openExternal\(url\)/);
    // openExternal appears nowhere else
    expect(index.match(/openExternal\(/g)).toHaveLength(1);
  });
});

describe('custom protocol instead of file://', () => {
  it('the shell loads its page from app:// (never loadFile or a file: URL)', () => {
    for (const { file, text } of [...sources('src/main'), ...sources('src/preload')]) {
      const c = code(text);
      expect(c, file).not.toMatch(/\.loadFile\(/);
      expect(c, file).not.toMatch(/loadURL\([^)]*file:/);
      expect(c, file).not.toMatch(/allowFileAccess|GrantFileProtocolExtraPrivileges\s*\]\s*:\s*true/);
    }
    expect(code(read('src/main/index.ts'))).toMatch(/loadURL\(\s*devServerUrl \?\? APP_ENTRY\s*\)/);
  });
});

describe('every IPC handler checks its sender', () => {
  it('only ipcBridge.ts registers IPC handlers, and index.ts registers them through it', () => {
    for (const { file, text } of sources('src/main')) {
      const c = code(text);
      const raw = /ipcMain\.(handle|handleOnce|on|once|addListener)\(|\.handle\(\s*channel/.test(c);
      if (file.endsWith(path.join('shell', 'ipcBridge.ts'))) expect(raw).toBe(true);
      else expect(raw, file).toBe(false);
    }
    expect(code(read('src/main/index.ts'))).toMatch(/registerApiHandlers\(\s*ipcMain,/);
  });

  it('the wrapper checks the sender frame before anything else', () => {
    const bridge = code(read('src/main/shell/ipcBridge.ts'));
    const check = bridge.indexOf('isTrustedUrl(frame.url');
    const dispatch = bridge.indexOf('await dispatch(');
    expect(check).toBeGreaterThan(0);
    expect(dispatch).toBeGreaterThan(check);
    expect(bridge).toMatch(/frame\.parent !== null/);
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
