/**
 * The page's client fails with the same AppError class the services throw, over both transports,
 * so a view can ask `err instanceof AppError && err.code === 'conflict'` whichever mode it runs in.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

/** the client, fresh for the page stubbed, and the AppError class it shares with the services */
async function loadClient() {
  const { api } = await import('./client');
  const { AppError } = await import('@shared/errors');
  return { api, AppError };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

function stubPage(bridge?: Record<string, (input: unknown) => Promise<unknown>>) {
  const storage = new Map<string, string>();
  vi.stubGlobal('window', { hashiya: bridge, location: { hash: '#token=test-token-123', pathname: '/', search: '' } });
  vi.stubGlobal('sessionStorage', {
    getItem: (k: string) => storage.get(k) ?? null,
    setItem: (k: string, v: string) => storage.set(k, v),
  });
  vi.stubGlobal('history', { replaceState: () => undefined });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => new Error('the call succeeded'),
    (err: unknown) => err,
  );
}

describe('the API client', () => {
  it('rejects with an AppError carrying the code, message and details of an IPC failure', async () => {
    stubPage({
      'documents.list': async () => ({
        ok: false,
        error: { code: 'storage', message: 'The disk is full.', details: { unsaved: true } },
      }),
    });
    const { api, AppError } = await loadClient();
    const err = await failure(api['documents.list']({}));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'storage', message: 'The disk is full.', details: { unsaved: true } });
  });

  it('rejects with an AppError carrying the code and message of an HTTP error body', async () => {
    stubPage();
    vi.stubGlobal('fetch', async () => ({
      ok: false,
      status: 409,
      json: async () => ({ error: { code: 'conflict', message: 'This file is already in the project.' } }),
    }));
    const { api, AppError } = await loadClient();
    const err = await failure(api['documents.list']({}));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'conflict', message: 'This file is already in the project.', status: 409 });
  });

  it('says the server is not answering, as an AppError, when the request cannot be sent', async () => {
    stubPage();
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const { api, AppError } = await loadClient();
    const err = await failure(api['documents.list']({}));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'offline' });
    expect((err as Error).message).toMatch(/not answering/);
  });
});
