import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFakeElectron } from '../../../test/fakes/electron';
import { setupSessionPolicy } from './sessionPolicy';

const PERMISSIONS = ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen'];

function withPolicy(devServerUrl?: string) {
  const fake = createFakeElectron({ documents: '/home/salma/Documents' });
  setupSessionPolicy(fake.api, devServerUrl);
  return { fake, ses: fake.session.defaultSession };
}

describe('the session policy', () => {
  it('refuses every permission a page asks for or checks', () => {
    const { ses } = withPolicy();
    for (const permission of PERMISSIONS) {
      expect(ses.requestPermission(permission), permission).toBe(false);
      expect(ses.checkPermission(permission), permission).toBe(false);
    }
  });

  it('lets only the app’s own URLs and in-memory data through; the network is cancelled', () => {
    const { ses } = withPolicy();
    expect(ses.request('app://hashiya/index.html')).toBe(true);
    expect(ses.request('data:image/png;base64,AAAA')).toBe(true);
    expect(ses.request('blob:app://hashiya/6a1f')).toBe(true);
    for (const url of [
      'https://example.org/tracker.gif',
      'http://127.0.0.1:5173/',
      'ws://localhost:5173/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'devtools://devtools/bundled/inspector.html',
    ])
      expect(ses.request(url), url).toBe(false);
  });

  it('while developing, lets the dev server (page and hot-reload socket) and DevTools through, nothing else', () => {
    const { ses } = withPolicy('http://localhost:5173/');
    expect(ses.request('http://localhost:5173/src/main.tsx')).toBe(true);
    expect(ses.request('ws://localhost:5173/')).toBe(true);
    expect(ses.request('devtools://devtools/bundled/inspector.html')).toBe(true);
    expect(ses.request('https://example.org/')).toBe(false);
  });

  it('turns a download into the save dialog, in Documents first and then in the folder saved to last', () => {
    const { fake, ses } = withPolicy();
    const first = ses.download('claims.csv');
    expect(first.saveDialogOptions).toMatchObject({
      title: 'Save export',
      defaultPath: path.join('/home/salma/Documents', 'claims.csv'),
    });
    first.finish('completed', '/home/salma/Research/claims.csv');
    const second = ses.download('../../evil.zip');
    expect(second.saveDialogOptions).toMatchObject({ defaultPath: path.join('/home/salma/Research', 'evil.zip') });
    second.finish('cancelled');
    expect(fake.dialog.errorBoxes).toEqual([]);
  });

  it('says so when an export could not be written', () => {
    const { fake, ses } = withPolicy();
    ses.download('claims.csv').finish('interrupted', '/media/usb/claims.csv');
    ses.download('codebook.qdc').finish('interrupted');
    expect(fake.dialog.errorBoxes).toEqual([
      {
        title: 'The export was not saved',
        content: 'Hashiya could not write /media/usb/claims.csv. Try another folder.',
      },
      { title: 'The export was not saved', content: 'Hashiya could not write the file. Try another folder.' },
    ]);
  });
});
