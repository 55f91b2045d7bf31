/**
 * The app is one page that never navigates and opens no window. Every web contents refuses
 * navigation, <webview> and window.open; the main window also refuses redirects and offers a
 * clicked http(s) link to the system browser after the researcher confirms a dialog showing it.
 */
import type { BrowserWindow, ElectronApi, WebContents } from './electronApi';
import { isExternalLinkAllowed, shouldBlockNavigation, windowOpenDecision } from './policy';

/** Web contents created later (or by anything else) get the same refusals as the window. */
export function setupContentsGuard({ app }: Pick<ElectronApi, 'app'>): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
}

export function guardContents(contents: WebContents): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // the URL is read from the event (the positional argument is deprecated)
  contents.on('will-navigate', (event) => {
    if (shouldBlockNavigation(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(() => windowOpenDecision());
}

export function guardWindowContents(api: Pick<ElectronApi, 'dialog' | 'shell'>, win: BrowserWindow): void {
  const contents = win.webContents;
  contents.on('will-navigate', (event) => {
    if (shouldBlockNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void confirmExternalLink(api, win, url);
    return windowOpenDecision();
  });
}

/** The system browser gets the link only when the researcher chooses "Open in browser". */
export async function confirmExternalLink(
  { dialog, shell }: Pick<ElectronApi, 'dialog' | 'shell'>,
  win: BrowserWindow,
  url: string,
): Promise<boolean> {
  const { response } = await dialog.showMessageBox(win, {
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url,
  });
  if (response !== 0) return false;
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- only http(s) (isExternalLinkAllowed) after the user confirms a dialog showing the URL
  return true;
}
