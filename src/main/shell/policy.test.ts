import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY,
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  isExternalLinkAllowed,
  isRequestAllowed,
  isTrustedUrl,
  permissionDecision,
  resolveAppPath,
  secureWebPreferences,
  shouldBlockNavigation,
  trustedOrigins,
  windowOpenDecision,
} from './policy';

function cspDirectives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values);
  }
  return map;
}

describe('the window’s webPreferences', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and embedded browsers off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.disableBlinkFeatures).toContain('Auxclick');
  });

  it('has no spellchecker (Chromium would download its dictionaries from the network)', () => {
    expect(prefs.spellcheck).toBe(false);
  });

  it('has no DevTools unless asked for while developing', () => {
    expect(prefs.devTools).toBe(false);
    expect(secureWebPreferences('/p', true).devTools).toBe(true);
  });

  it('loads the CommonJS preload and nothing else', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(Object.keys(prefs)).not.toContain('enableRemoteModule');
    expect(Object.keys(prefs)).not.toContain('enableBlinkFeatures');
  });
});

describe('the Content-Security-Policy', () => {
  const csp = cspDirectives(CONTENT_SECURITY_POLICY);

  it('allows only the app’s own origin by default', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
  });

  it('never allows inline or evaluated script', () => {
    const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
    expect(scripts).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(
      /unsafe-eval|unsafe-inline|unsafe-hashes|wasm-unsafe-eval|strict-dynamic/,
    );
  });

  it('names no remote origin and no wildcard anywhere', () => {
    for (const [name, values] of csp) {
      for (const v of values) {
        expect(v, `${name} ${v}`).toMatch(/^('self'|'none'|data:)$/);
      }
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|ws:|wss:|blob:/);
  });

  it('closes plugins, framing, <base> and form posts', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });
});

describe('navigation, new windows and permissions', () => {
  it('refuses every navigation, including to the app itself and to remote pages', () => {
    for (const url of [
      APP_ENTRY,
      'https://example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://hashiya/other.html',
    ]) {
      expect(shouldBlockNavigation(url)).toBe(true);
    }
  });

  it('never opens a new Electron window', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
  });

  it('denies every permission a page can ask for', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
      'hid',
      'serial',
      'usb',
      'unknown',
    ]) {
      expect(permissionDecision(p)).toBe(false);
    }
  });
});

describe('external links', () => {
  it('allows only plain http(s) links', () => {
    expect(isExternalLinkAllowed('https://www.aljazeera.net/news/2019/5/22/x')).toBe(true);
    expect(isExternalLinkAllowed('http://example.org/')).toBe(true);
  });

  it('refuses other schemes, credentials in the URL, and garbage', () => {
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id PCWDiagnostic',
      'vbscript:msgbox',
      'data:text/html,<script>alert(1)</script>',
      'app://hashiya/index.html',
      'https://user:pass@example.org/',
      'https://user@example.org/',
      'not a url',
      '',
    ]) {
      expect(isExternalLinkAllowed(url), url).toBe(false);
    }
  });
});

describe('requests the Electron session lets through', () => {
  it('lets the app’s own files through', () => {
    expect(isRequestAllowed(`${APP_ORIGIN}/index.html`)).toBe(true);
    expect(isRequestAllowed(`${APP_ORIGIN}/assets/font.woff2`)).toBe(true);
    expect(isRequestAllowed('data:image/png;base64,AAAA')).toBe(true);
  });

  it('cancels everything that could leave the machine or read other files', () => {
    for (const url of [
      'https://example.org/x.js',
      'http://127.0.0.1:5173/',
      'ws://example.org/socket',
      'ftp://example.org/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
    ]) {
      expect(isRequestAllowed(url), url).toBe(false);
    }
  });

  it('while developing, allows exactly the dev server’s origin', () => {
    const dev = 'http://localhost:5173';
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/', dev)).toBe(true);
    expect(isRequestAllowed('http://localhost:51730/', dev)).toBe(false);
    expect(isRequestAllowed('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isRequestAllowed('https://example.org/', dev)).toBe(false);
  });
});

describe('trusted senders', () => {
  const origins = trustedOrigins();

  it('trusts only the app’s own origin when packaged', () => {
    expect(origins).toEqual([APP_ORIGIN]);
    expect(isTrustedUrl(APP_ENTRY, origins)).toBe(true);
    expect(isTrustedUrl('app://hashiya.evil/index.html', origins)).toBe(false);
    expect(isTrustedUrl('app://evil/index.html', origins)).toBe(false);
    expect(isTrustedUrl('https://hashiya/index.html', origins)).toBe(false);
    expect(isTrustedUrl('file:///index.html', origins)).toBe(false);
    expect(isTrustedUrl('about:blank', origins)).toBe(false);
    expect(isTrustedUrl('', origins)).toBe(false);
    expect(isTrustedUrl(null, origins)).toBe(false);
    expect(isTrustedUrl('not a url', origins)).toBe(false);
  });

  it('adds the dev server only when one is given', () => {
    expect(trustedOrigins('http://localhost:5173/')).toEqual([APP_ORIGIN, 'http://localhost:5173']);
    expect(isTrustedUrl('http://localhost:5173/index.html', trustedOrigins('http://localhost:5173/'))).toBe(true);
  });
});

describe('resolveAppPath (app:// → a file of the built renderer)', () => {
  const root = path.resolve('/opt/hashiya/out/renderer');
  const resolve = (url: string) => resolveAppPath(url, root, path.sep, path.resolve);

  it('maps the app’s files inside the renderer folder', () => {
    expect(resolve('app://hashiya/')).toBe(path.join(root, 'index.html'));
    expect(resolve('app://hashiya/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolve('app://hashiya/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolve('app://hashiya/assets/noto%20naskh.woff2')).toBe(path.join(root, 'assets', 'noto naskh.woff2'));
    expect(resolve('app://hashiya/index.html?x=1#y')).toBe(path.join(root, 'index.html'));
  });

  it('refuses every way out of the renderer folder', () => {
    for (const url of [
      'app://hashiya/../../../etc/passwd',
      'app://hashiya/%2e%2e/%2e%2e/etc/passwd',
      'app://hashiya/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      'app://hashiya/assets/..%2f..%2f..%2fetc/passwd',
      'app://hashiya/..%5c..%5cwindows%5cwin.ini',
      'app://hashiya/index.html%00.png',
      'app://hashiya/%00',
      'app://hashiya/%E0%A4%A',
      'app://other/index.html',
      'app://hashiya.evil/index.html',
      'file:///etc/passwd',
      'https://hashiya/index.html',
      'not a url',
    ]) {
      expect(resolve(url), url).toBeNull();
    }
  });

  it('refuses the folder itself', () => {
    expect(resolve('app://hashiya/.')).not.toBe(root);
  });
});
