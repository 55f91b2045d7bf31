import { describe, expect, it } from 'vitest';
import { createFakeElectron } from '../../../test/fakes/electron';
import { claimSingleInstance } from './singleInstance';

describe('one Hashiya per user-data folder', () => {
  it('a second start brings the running window to the front, restored if it was minimised', () => {
    const fake = createFakeElectron();
    expect(claimSingleInstance(fake.api)).toBe(true);
    fake.app.emit('second-instance'); // no window yet: nothing to show
    const win = new fake.BrowserWindow({});
    win.minimize();
    fake.app.emit('second-instance');
    expect(win.isMinimized()).toBe(false);
    expect(fake.BrowserWindow.getFocusedWindow()).toBe(win);
    expect(fake.app.hasQuit).toBe(false);
  });

  it('the second instance itself quits at once', () => {
    const fake = createFakeElectron();
    fake.app.singleInstanceLockFree = false;
    expect(claimSingleInstance(fake.api)).toBe(false);
    expect(fake.app.hasQuit).toBe(true);
    expect(fake.app.listenerCount('second-instance')).toBe(0);
  });
});
