import { describe, expect, it, vi } from 'vitest';
import { channelFor, methodNames } from '@shared/api';
import type { IpcResult } from '@shared/api/ipc';
import { AppError } from '@shared/errors';
import { registerApiHandlers, type IpcEventLike, type IpcMainLike } from './ipcBridge';
import { APP_ENTRY, trustedOrigins } from './policy';

type Listener = (event: IpcEventLike, input: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
  };
  return { ipcMain, handlers };
}

const topFrame = (url: string) => ({ senderFrame: { url, parent: null } });

function setup(dispatch = vi.fn(async (name: string, input: unknown) => ({ name, input }))) {
  const { ipcMain, handlers } = fakeIpcMain();
  const internal = vi.fn();
  const channels = registerApiHandlers(ipcMain, dispatch, trustedOrigins(), internal);
  const call = (name: string, event: IpcEventLike, input: unknown) => {
    const listener = handlers.get(channelFor(name as (typeof methodNames)[number]));
    if (!listener) throw new Error(`no handler for ${name}`);
    return listener(event, input) as Promise<IpcResult<unknown>>;
  };
  return { handlers, channels, dispatch, internal, call };
}

describe('registerApiHandlers', () => {
  it('binds exactly one checked handler per method of the contract, and nothing else', () => {
    const { handlers, channels } = setup();
    expect([...handlers.keys()].sort()).toEqual(methodNames.map((n) => channelFor(n)).sort());
    expect(channels).toHaveLength(methodNames.length);
  });

  it('passes the raw input of the app’s own top frame to dispatch and returns its value', async () => {
    const { call, dispatch } = setup();
    const input = { id: 'doc-1', extra: { __proto__: { polluted: true } } };
    const result = await call('documents.get', topFrame(APP_ENTRY), input);
    expect(dispatch).toHaveBeenCalledWith('documents.get', input);
    expect(dispatch.mock.calls[0]?.[1]).toBe(input);
    expect(result).toEqual({ ok: true, value: { name: 'documents.get', input } });
  });

  it('refuses a sender that is not the app’s page, without running the method', async () => {
    const { call, dispatch } = setup();
    for (const url of [
      'https://example.org/',
      'file:///tmp/evil.html',
      'app://evil/index.html',
      'about:blank',
      'data:text/html,x',
      '',
    ]) {
      const result = await call('documents.delete', topFrame(url), { id: 'doc-1' });
      expect(result, url).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a subframe even when it shows an app:// page', async () => {
    const { call, dispatch } = setup();
    const result = await call('documents.list', { senderFrame: { url: APP_ENTRY, parent: { url: APP_ENTRY } } }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame is gone', async () => {
    const { call, dispatch } = setup();
    const result = await call('documents.list', { senderFrame: null }, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('returns the service’s error as data with its code and human message', async () => {
    const { call, internal } = setup(
      vi.fn(async () => {
        throw new AppError('not_found', 'There is no document with this id.');
      }),
    );
    const result = await call('documents.get', topFrame(APP_ENTRY), { id: 'x' });
    expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'There is no document with this id.' } });
    expect(internal).not.toHaveBeenCalled();
  });

  it('hides internal errors (no stack, no path) and reports them to the log', async () => {
    const boom = new Error('ENOENT: /home/researcher/secret/project.json');
    const { call, internal } = setup(
      vi.fn(async () => {
        throw boom;
      }),
    );
    const result = (await call('documents.list', topFrame(APP_ENTRY), {})) as {
      ok: false;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('internal');
    expect(result.error.message).not.toContain('/home');
    expect(JSON.stringify(result)).not.toContain('ENOENT');
    expect(internal).toHaveBeenCalledWith(boom);
  });

  it('every error result has exactly {code, message} strings', async () => {
    const { call } = setup();
    const result = (await call('documents.list', topFrame('https://example.org'), {})) as {
      ok: false;
      error: Record<string, unknown>;
    };
    expect(Object.keys(result.error).sort()).toEqual(['code', 'message']);
    expect(typeof result.error.message).toBe('string');
    expect(String(result.error.message).length).toBeGreaterThan(10);
  });
});
