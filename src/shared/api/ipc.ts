/** What the Electron transport agrees on between preload and main. */
export const IPC_PREFIX = 'hashiya:';

/** The IPC envelope: errors cross as data so their code and message survive the bridge. */
export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } };
