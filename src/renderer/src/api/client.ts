/**
 * The renderer's only way to the services. In Electron the preload exposes one function per
 * method (window.hashiya); in browser mode each method is POST /api/<method> with the session
 * token. Both return the same typed results; failures become the AppError of @shared/errors (the
 * class the services throw) with its code, readable message and details.
 */
import type { ApiClient, Input, MethodName, Output } from '@shared/api';
import type { SubscribeToEvent } from '@shared/api/events';
import type { IpcResult } from '@shared/api/ipc';
import { AppError, appErrorFrom } from '@shared/errors';

type Method = (input: unknown) => Promise<IpcResult<unknown>>;
/** What the preload exposes: one function per method, and on(name, fn) for events. */
type Bridge = { on?: SubscribeToEvent } & Record<string, Method | SubscribeToEvent | undefined>;

declare global {
  interface Window {
    hashiya?: Bridge;
  }
}

const TOKEN_KEY = 'hashiya.token';

/** Browser mode passes the session token in the URL fragment once; keep it for this tab only. */
function sessionToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Browser mode: the requests sent in this task survive the page's unload (heldChanges.ts). */
let unloading = false;
/** What a keepalive request may carry (the browser's limit for all of them together is 64 KB). */
const KEEPALIVE_BYTES = 60_000;

export function sendingWhileUnloading(): void {
  unloading = true;
  setTimeout(() => (unloading = false), 0);
}

async function callHttp(token: string, name: string, input: unknown): Promise<unknown> {
  let response: Response;
  try {
    const body = JSON.stringify(input ?? {});
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body,
      keepalive: unloading && body.length <= KEEPALIVE_BYTES,
    });
  } catch {
    throw new AppError('offline', 'Hashiya’s local server is not answering. Is it still running?');
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new AppError('internal', `The server answered ${response.status} without a readable message.`);
  }
  if (!response.ok) {
    const err = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
    throw appErrorFrom(err, `The request failed (${response.status}).`);
  }
  return body;
}

async function callIpc(bridge: Bridge, name: string, input: unknown): Promise<unknown> {
  const fn = name === 'on' ? undefined : (bridge[name] as Method | undefined);
  if (!fn) throw new AppError('not_found', `The app does not offer “${name}”.`);
  const result = await fn(input ?? {});
  if (result.ok) return result.value;
  throw appErrorFrom(result.error, 'The request failed.');
}

export const transport: 'ipc' | 'http' = window.hashiya ? 'ipc' : 'http';

const token = transport === 'http' ? sessionToken() : '';

/** Browser mode: the header every request to the server carries (the event stream's too). */
export const authorization = (): string => `Bearer ${token}`;

function call<M extends MethodName>(name: M, input: Input<M>): Promise<Output<M>> {
  const bridge = window.hashiya;
  const result = bridge ? callIpc(bridge, name, input) : callHttp(token, name, input);
  return result as Promise<Output<M>>;
}

/** api['documents.list']({}) and so on: one typed function per method of the contract. */
export const api = new Proxy({} as ApiClient, {
  get: (_target, name: string) => (input: unknown) => call(name as MethodName, input as never),
});

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
