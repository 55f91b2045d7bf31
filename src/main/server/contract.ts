/**
 * What the HTTP host needs of the API contract (method names, body limits, the events path),
 * loaded on the first API request rather than before the server listens: the contract builds
 * every method's zod schemas, a good part of starting, and the page's own files need none of it.
 */
import type { MethodName } from '@shared/api';

export interface HttpContract {
  isMethodName(name: string): name is MethodName;
  maxBodyBytesFor(name: MethodName): number;
  eventsPath: string;
}

let loading: Promise<HttpContract> | null = null;

export function httpContract(): Promise<HttpContract> {
  loading ??= Promise.all([import('@shared/api'), import('@shared/api/events')]).then(([api, events]) => ({
    isMethodName: api.isMethodName,
    maxBodyBytesFor: api.maxBodyBytesFor,
    eventsPath: events.EVENTS_PATH,
  }));
  return loading;
}
