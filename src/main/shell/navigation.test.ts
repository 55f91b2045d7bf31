import { describe, expect, it } from 'vitest';
import { asWindow, createFakeElectron } from '../../../test/fakes/electron';
import { guardWindowContents, setupContentsGuard } from './navigation';

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
};

describe('every web contents', () => {
  it('refuses navigation, <webview> and new windows, whoever created it', () => {
    const fake = createFakeElectron();
    setupContentsGuard(fake.api);
    const contents = new fake.BrowserWindow({}).webContents;
    for (const url of ['https://example.org/', 'file:///home/salma/dropped.html', 'app://hashiya/other.html'])
      expect(contents.navigate(url).defaultPrevented, url).toBe(true);
    expect(contents.attachWebview().defaultPrevented).toBe(true);
    expect(contents.openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(fake.dialog.messageBoxes).toEqual([]);
  });
});

describe('the main window', () => {
  function guarded() {
    const fake = createFakeElectron();
    const win = new fake.BrowserWindow({});
    guardWindowContents(fake.api, asWindow(win));
    return { fake, win, contents: win.webContents };
  }

  it('refuses navigation, redirects and <webview>', () => {
    const { contents } = guarded();
    expect(contents.navigate('https://example.org/').defaultPrevented).toBe(true);
    expect(contents.redirect('https://example.org/').defaultPrevented).toBe(true);
    expect(contents.attachWebview().defaultPrevented).toBe(true);
  });

  it('opens a clicked http(s) link in the system browser only after the researcher confirms it', async () => {
    const { fake, win, contents } = guarded();
    expect(contents.openWindow('https://www.bbc.com/arabic/article')).toEqual({ action: 'deny' });
    expect(fake.dialog.messageBoxes).toHaveLength(1);
    const [box] = fake.dialog.messageBoxes;
    expect(box?.window).toBe(win);
    expect(box?.options).toMatchObject({
      message: 'Open this link in your web browser?',
      detail: 'https://www.bbc.com/arabic/article',
      buttons: ['Open in browser', 'Cancel'],
    });
    expect(fake.shell.opened).toEqual([]);
    box?.answer(0);
    await until(() => fake.shell.opened.length > 0);
    expect(fake.shell.opened).toEqual(['https://www.bbc.com/arabic/article']);
  });

  it('opens nothing when the researcher cancels', async () => {
    const { fake, contents } = guarded();
    contents.openWindow('http://example.org/');
    fake.dialog.messageBoxes[0]?.answer(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.shell.opened).toEqual([]);
  });

  it('never offers a link that is not plain http(s)', () => {
    const { fake, contents } = guarded();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://hashiya/x', 'https://user:pw@example.org/'])
      expect(contents.openWindow(url), url).toEqual({ action: 'deny' });
    expect(fake.dialog.messageBoxes).toEqual([]);
  });
});
