/**
 * The Electron shell's security policy as plain data and pure functions, so it is unit-tested
 * without an Electron runtime. index.ts applies it.
 */
import { CONTENT_SECURITY_POLICY } from '@shared/pageDelivery';

export const APP_SCHEME = 'app';
export const APP_HOST = 'hashiya';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

export { CONTENT_SECURITY_POLICY };

/**
 * webPreferences of the one window: every security-relevant switch set explicitly. DevTools
 * only while developing (a packaged app passes false).
 */
export function secureWebPreferences(preloadPath: string, devTools = false) {
  return {
    preload: preloadPath,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // a middle click on a link would otherwise ask for a new window (denied anyway, see below)
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

/** The origins the app's own pages come from (the dev server only while developing). */
export function trustedOrigins(devServerUrl?: string): string[] {
  const origins = [APP_ORIGIN];
  if (devServerUrl) origins.push(new URL(devServerUrl).origin);
  return origins;
}

export function isTrustedUrl(url: string | undefined | null, origins: readonly string[]): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // app://hashiya has a non-special scheme; compare scheme and host rather than URL.origin
  const origin = parsed.protocol === `${APP_SCHEME}:` ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
  return origins.includes(origin);
}

/**
 * webRequest.onBeforeRequest: nothing leaves the machine. Only the app's own origin (and, while
 * developing, the dev server's exact origin and DevTools) may be requested; every http(s), ws,
 * file, ftp … URL is cancelled.
 */
export function isRequestAllowed(url: string, devServerUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
  // in-memory URLs the page made itself (an image preview, a download) never reach a network
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  if (devServerUrl === undefined) return false;
  if (parsed.protocol === 'devtools:') return true;
  const dev = new URL(devServerUrl);
  const wsProtocol = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  // the dev server's hot-reload socket speaks ws:// to the same host and port
  return parsed.origin === dev.origin || (parsed.protocol === wsProtocol && parsed.host === dev.host);
}

/**
 * will-navigate: the app is one page and never navigates itself, so every navigation (a dropped
 * file, a link, a script setting location) is refused.
 */
export function shouldBlockNavigation(_url: string): boolean {
  return true;
}

/** window.open / target=_blank: never a new Electron window. */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Every permission (camera, notifications, clipboard-read, …) is refused. */
export function permissionDecision(_permission: string): boolean {
  return false;
}

/** Links a user clicks may open in the system browser, only http(s) and only after confirming. */
export function isExternalLinkAllowed(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

/** A path inside the renderer folder for an app:// request, or null for anything outside. */
export function resolveAppPath(
  requestUrl: string,
  rendererDir: string,
  sep: string,
  resolve: (...p: string[]) => string,
): string | null {
  // A request that tries to climb (../, %2e%2e/, ..%2f, ..\) is refused outright rather than
  // clamped, even though the URL parser would fold the dots away before we resolve the path.
  if (/(?:\.|%2e){2}(?:[/\\?#]|%2f|%5c|$)/i.test(requestUrl)) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  if (pathname.split('/').some((segment) => segment === '..')) return null;
  const root = resolve(rendererDir);
  const full = resolve(root, `.${pathname}`);
  return full.startsWith(root + sep) ? full : null;
}
