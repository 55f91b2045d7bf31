import { afterEach, describe, expect, it, vi } from 'vitest';
import { channelFor, methodNames } from '@shared/api';
import { AppError } from '@shared/errors';
import { createFakeElectron } from '../../../test/fakes/electron';
import { setupIpc } from './ipc';
import { APP_ENTRY, trustedOrigins } from './policy';

function bridge(dispatch = vi.fn(async (name: string) => ({ answered: name }))) {
  const fake = createFakeElectron();
  const channels = setupIpc(fake.api, dispatch, trustedOrigins());
  const call = (name: string, input: unknown, url = APP_ENTRY, frame: { parent?: unknown } = {}) =>
    fake.ipcMain.invoke(channelFor(name as (typeof methodNames)[number]), input, url, frame);
  return { fake, dispatch, channels, call };
}

afterEach(() => vi.restoreAllMocks());

describe('the API on IPC', () => {
  it('registers one handle() per method of the contract, and no raw listener', () => {
    const { fake, channels } = bridge();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(methodNames.map((n) => channelFor(n)).sort());
    expect(channels).toHaveLength(methodNames.length);
    expect(fake.callNames.filter((c) => c.startsWith('ipcMain.') && c !== 'ipcMain.handle')).toEqual([]);
  });

  it('answers the app’s own top frame through the services, and refuses any other sender', async () => {
    const { call, dispatch } = bridge();
    await expect(call('documents.list', {})).resolves.toEqual({ ok: true, value: { answered: 'documents.list' } });
    for (const [url, frame] of [
      ['https://example.org/', {}],
      ['app://evil/index.html', {}],
      [APP_ENTRY, { parent: {} }],
    ] as const) {
      const answer = await call('documents.list', {}, url, frame);
      expect(answer, url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('answers errors as data: the service’s AppError as it is, anything else as an internal error that is logged', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const dispatch = vi
      .fn()
      .mockRejectedValueOnce(new AppError('not_found', 'There is no document doc-9.'))
      .mockRejectedValueOnce(new Error('EIO: disk on fire'));
    const { call } = bridge(dispatch);
    await expect(call('documents.get', { id: 'doc-9' })).resolves.toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no document doc-9.' },
    });
    expect(log).not.toHaveBeenCalled();
    const internal = (await call('documents.get', { id: 'doc-1' })) as { ok: boolean; error: { message: string } };
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(internal.error.message).not.toContain('disk on fire');
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ message: 'EIO: disk on fire' }));
  });

  it('answers project.pickFolder itself with a folder dialog attached to the window that asked', async () => {
    const { fake, call, dispatch } = bridge();
    fake.dialog.openDialogAnswers.push(
      { canceled: false, filePaths: ['/home/salma/Research/libya'] },
      { canceled: true, filePaths: [] },
    );
    const win = new fake.BrowserWindow({});
    win.focus();
    await expect(call('project.pickFolder', { purpose: 'open' })).resolves.toEqual({
      ok: true,
      value: { path: '/home/salma/Research/libya' },
    });
    expect(fake.dialog.openDialogs[0]).toMatchObject({ window: win, options: { properties: ['openDirectory'] } });
    win.close();
    await expect(call('project.pickFolder', { purpose: 'create' })).resolves.toEqual({
      ok: true,
      value: { path: null },
    });
    expect(fake.dialog.openDialogs[1]?.window).toBeNull();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a malformed folder request with a clear error and shows no dialog', async () => {
    const { fake, call } = bridge();
    const answer = (await call('project.pickFolder', { purpose: 'delete' })) as { error: { message: string } };
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(answer.error.message).toMatch(/project\.pickFolder/);
    expect(fake.dialog.openDialogs).toEqual([]);
  });
});
