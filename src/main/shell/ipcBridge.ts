/**
 * One wrapper around ipcMain.handle for every API method: the sender must be the app's own top
 * frame, the input is parsed with the method's schema (in dispatch), and errors cross as data.
 * Written against a minimal interface so it is unit-tested without Electron.
 */
import { channelFor, methodNames } from '@shared/api';
import type { IpcResult } from '@shared/api/ipc';
import { AppError, toAppError } from '@shared/errors';
import { isTrustedUrl } from './policy';

export interface IpcEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, input: unknown) => Promise<unknown>): void;
}

export function registerApiHandlers(
  ipcMain: IpcMainLike,
  dispatch: (name: string, input: unknown) => Promise<unknown>,
  origins: readonly string[],
  onInternalError: (err: unknown) => void,
): string[] {
  const channels: string[] = [];
  for (const name of methodNames) {
    const channel = channelFor(name);
    ipcMain.handle(channel, async (event, input): Promise<IpcResult<unknown>> => {
      try {
        const frame = event.senderFrame;
        if (!frame || frame.parent !== null || !isTrustedUrl(frame.url, origins)) {
          throw new AppError('forbidden', 'This request did not come from Hashiya’s own window.');
        }
        return { ok: true, value: await dispatch(name, input) };
      } catch (err) {
        if (!(err instanceof AppError)) onInternalError(err);
        const { error } = toAppError(err).toBody();
        return { ok: false, error };
      }
    });
    channels.push(channel);
  }
  return channels;
}
