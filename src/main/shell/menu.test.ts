import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { EVENT_CHANNEL } from '@shared/api/events';
import { asWindow, createFakeElectron } from '../../../test/fakes/electron';
import { MENU_COMMANDS, menuTemplate, setupMenu } from './menu';

type Item = MenuItemConstructorOptions;
const items = (t: Item[]): Item[] => t.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);

describe('the native menu', () => {
  for (const isMac of [false, true]) {
    it(`has the usual Edit, View and Help entries (${isMac ? 'macOS' : 'Windows/Linux'})`, () => {
      const send = vi.fn();
      const about = vi.fn();
      const template = menuTemplate({ isMac, appName: 'Hashiya', send, about });
      const labels = template.map((m) => m.label);
      expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']));
      const roles = items(template)
        .map((i) => i.role)
        .filter(Boolean);
      expect(roles).toEqual(
        expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom']),
      );
      // no developer tools or reload in the shipped menu
      expect(roles).not.toContain('toggleDevTools');
      expect(roles).not.toContain('reload');
      expect(roles).not.toContain('forceReload');
      const edit = template.find((m) => m.label === 'Edit')!;
      const undo = (edit.submenu as Item[]).find((i) => i.label === 'Undo')!;
      const redo = (edit.submenu as Item[]).find((i) => i.label === 'Redo')!;
      (undo.click as () => void)();
      (redo.click as () => void)();
      expect(send.mock.calls).toEqual([['undo'], ['redo']]);
      const help = template.find((m) => m.label === 'Help')!;
      ((help.submenu as Item[])[0]!.click as () => void)();
      expect(about).toHaveBeenCalledOnce();
    });
  }

  it('offers the project commands in File: open, new, restore from backup, and the coder name', () => {
    const send = vi.fn();
    const file = menuTemplate({ isMac: false, appName: 'Hashiya', send, about: () => undefined }).find(
      (m) => m.label === 'File',
    )!;
    const byLabel = (label: string) => (file.submenu as Item[]).find((i) => i.label === label)!;
    for (const label of ['Open Project…', 'New Project…', 'Restore from Backup…', 'Coder Name…', 'Import…'])
      (byLabel(label).click as () => void)();
    expect(send.mock.calls).toEqual([
      ['open-project'],
      ['new-project'],
      ['restore-backup'],
      ['coder-name'],
      ['import'],
    ]);
    // every accelerator in the menu is different
    const keys = items(menuTemplate({ isMac: false, appName: 'Hashiya', send, about: () => undefined }))
      .map((i) => i.accelerator)
      .filter(Boolean);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('only ever sends commands from its fixed list', () => {
    const sent: string[] = [];
    const template = menuTemplate({
      isMac: false,
      appName: 'Hashiya',
      send: (c) => sent.push(c),
      about: () => undefined,
    });
    for (const item of items(template))
      if (typeof item.click === 'function' && item.label !== 'About Hashiya') (item.click as () => void)();
    expect(sent.length).toBeGreaterThan(0);
    for (const c of sent) expect(MENU_COMMANDS).toContain(c);
  });
});

describe('the application menu', () => {
  function installed(isMac = false) {
    const fake = createFakeElectron();
    const win = new fake.BrowserWindow({});
    setupMenu(fake.api, asWindow(win), isMac);
    return { fake, win };
  }

  it('sends each command to the window as the contract event menu.command, running no script in the page', () => {
    const { fake, win } = installed();
    fake.Menu.click('Edit', 'Undo');
    fake.Menu.click('File', 'Export CSV…');
    expect(win.webContents.sent).toEqual([
      { channel: EVENT_CHANNEL, args: [{ name: 'menu.command', data: { command: 'undo' } }] },
      { channel: EVENT_CHANNEL, args: [{ name: 'menu.command', data: { command: 'export-csv' } }] },
    ]);
    expect(win.webContents.executedJavaScript).toEqual([]);
  });

  it('has an item for every command of the contract', () => {
    const { fake, win } = installed(true);
    for (const item of items(fake.Menu.application?.template as Item[]))
      if (typeof item.click === 'function' && !item.label?.startsWith('About')) (item.click as () => void)();
    const commands = win.webContents.sent.map((s) => (s.args[0] as { data: { command: string } }).data.command);
    expect([...commands].sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('shows the version in About, attached to the window', () => {
    const { fake, win } = installed();
    fake.Menu.click('Help', 'About Hashiya');
    expect(fake.dialog.messageBoxes).toHaveLength(1);
    expect(fake.dialog.messageBoxes[0]?.window).toBe(win);
    expect(fake.dialog.messageBoxes[0]?.options).toMatchObject({ message: 'Hashiya 0.1.0-test' });
    expect(win.webContents.sent).toEqual([]);
  });
});
