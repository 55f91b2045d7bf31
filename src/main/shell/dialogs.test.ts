import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '@shared/errors';
import {
  downloadDialogOptions,
  downloadHandler,
  folderDialogOptions,
  pickFolderHandler,
  safeDownloadName,
  withShellMethods,
  type DownloadItemLike,
} from './dialogs';

describe('project.pickFolder in the desktop app', () => {
  it('opens a folder dialog; a new project may create its folder, opening one may not', () => {
    expect(folderDialogOptions('open').properties).toEqual(['openDirectory']);
    expect(folderDialogOptions('create').properties).toEqual(
      expect.arrayContaining(['openDirectory', 'createDirectory']),
    );
  });

  it('answers the chosen folder, or null when the researcher cancels', async () => {
    const showOpenDialog = vi
      .fn()
      .mockResolvedValueOnce({ canceled: false, filePaths: ['/home/salma/Research/libya'] })
      .mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const services = vi.fn(async () => 'from services');
    const dispatch = withShellMethods(services, { 'project.pickFolder': pickFolderHandler({ showOpenDialog }) });
    await expect(dispatch('project.pickFolder', { purpose: 'open' })).resolves.toEqual({
      path: '/home/salma/Research/libya',
    });
    await expect(dispatch('project.pickFolder', { purpose: 'create' })).resolves.toEqual({ path: null });
    expect(showOpenDialog).toHaveBeenLastCalledWith(folderDialogOptions('create'));
    expect(services).not.toHaveBeenCalled();
  });

  it('parses the input with the contract before any dialog opens, and passes every other method to the services', async () => {
    const showOpenDialog = vi.fn();
    const services = vi.fn(async (name: string) => `services:${name}`);
    const dispatch = withShellMethods(services, { 'project.pickFolder': pickFolderHandler({ showOpenDialog }) });
    for (const bad of [{}, { purpose: 'delete' }, { purpose: 'open', path: '/etc' }, null, 'open']) {
      const err = await dispatch('project.pickFolder', bad).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('invalid_input');
    }
    expect(showOpenDialog).not.toHaveBeenCalled();
    await expect(dispatch('documents.list', {})).resolves.toBe('services:documents.list');
    // a key inherited from Object.prototype is not a shell method
    await expect(dispatch('constructor', {})).resolves.toBe('services:constructor');
  });
});

describe('the save dialog for exports', () => {
  it('keeps a plain export name as it is, in the given folder, with its type first in the filter list', () => {
    const o = downloadDialogOptions('hashiya-annotations-2026-11-29.csv', '/home/salma/Documents');
    expect(o.defaultPath).toBe(path.join('/home/salma/Documents', 'hashiya-annotations-2026-11-29.csv'));
    expect(o.filters[0]).toEqual({ name: 'CSV (comma-separated values)', extensions: ['csv'] });
    expect(o.filters.at(-1)).toEqual({ name: 'All files', extensions: ['*'] });
    expect(downloadDialogOptions('project.jsonld', '/d').filters[0]?.extensions).toContain('jsonld');
  });

  it('never lets a suggested name leave the folder or hide what it is', () => {
    expect(safeDownloadName('../../.bashrc')).toBe('bashrc');
    expect(safeDownloadName('C:\\Windows\\system32\\evil.csv')).toBe('evil.csv');
    expect(safeDownloadName('وقف إطلاق النار.csv')).toBe('وقف إطلاق النار.csv');
    // a right-to-left override would show "exe.csv" as "vsc.exe"-like text in the dialog
    expect(safeDownloadName('report\u202Evsc.exe')).toBe('report_vsc.exe');
    expect(safeDownloadName('a:b*c?.csv')).toBe('a_b_c_.csv');
    expect(safeDownloadName('CON.csv')).toBe('_CON.csv');
    expect(safeDownloadName('')).toBe('hashiya-export');
    expect(safeDownloadName('...')).toBe('hashiya-export');
    const long = safeDownloadName(`${'ا'.repeat(400)}.csv`);
    expect(long.length).toBeLessThanOrEqual(180);
    expect(long.endsWith('.csv')).toBe(true);
  });

  it('always asks, starting where the researcher saved last, and reports how it ended', () => {
    const outcomes: unknown[] = [];
    const handle = downloadHandler(
      () => '/home/salma/Documents',
      (o) => outcomes.push(o),
    );
    const item = (name: string, savedTo: string, state: 'completed' | 'cancelled' | 'interrupted') => {
      const it: DownloadItemLike & { options?: { defaultPath: string } } = {
        getFilename: () => name,
        setSaveDialogOptions: (o) => (it.options = o),
        getSavePath: () => savedTo,
        once: (_e, listener) => listener({}, state),
      };
      return it;
    };
    const first = item('a.csv', '/media/usb/study/a.csv', 'completed');
    handle(first);
    expect(first.options?.defaultPath).toBe(path.join('/home/salma/Documents', 'a.csv'));
    const second = item('b.csv', '', 'cancelled');
    handle(second);
    expect(second.options?.defaultPath).toBe(path.join('/media/usb/study', 'b.csv'));
    const third = item('c.zip', '/readonly/c.zip', 'interrupted');
    handle(third);
    // a failed save does not become the new default folder
    expect(third.options?.defaultPath).toBe(path.join('/media/usb/study', 'c.zip'));
    const fourth = item('d.csv', '', 'cancelled');
    handle(fourth);
    expect(fourth.options?.defaultPath).toBe(path.join('/media/usb/study', 'd.csv'));
    expect(outcomes).toEqual([
      { state: 'completed', path: '/media/usb/study/a.csv' },
      { state: 'cancelled', path: '' },
      { state: 'interrupted', path: '/readonly/c.zip' },
      { state: 'cancelled', path: '' },
    ]);
  });
});
