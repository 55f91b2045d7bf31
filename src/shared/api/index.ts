/**
 * The API contract: every method the renderer can call, with its input and output schemas. The
 * Electron IPC bridge, the browser-mode HTTP server, the preload and the renderer's client are
 * all derived from this one object; adding a method means adding it here and to a service.
 */
import type { z } from 'zod';
import { adjudicationApi } from './adjudication';
import { agreementApi } from './agreement';
import { analysisApi } from './analysis';
import { annotationsApi } from './annotations';
import { claimsApi } from './claims';
import { codebookApi } from './codebook';
import { codersApi } from './coders';
import { documentsApi } from './documents';
import { exchangeApi } from './exchange';
import { layersApi } from './layers';
import { projectApi } from './project';
import { qdpxApi } from './qdpx';
import { searchApi } from './search';
import type { MethodSpec } from './method';
import { IPC_PREFIX } from './ipc';

export const api = {
  ...projectApi,
  ...documentsApi,
  ...annotationsApi,
  ...codebookApi,
  ...claimsApi,
  ...exchangeApi,
  ...qdpxApi,
  ...searchApi,
  ...agreementApi,
  ...adjudicationApi,
  ...analysisApi,
  ...codersApi,
  ...layersApi,
} satisfies Record<string, MethodSpec>;

export type Api = typeof api;
export type MethodName = keyof Api;
export type Input<M extends MethodName> = z.input<Api[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>;
export type Output<M extends MethodName> = z.output<Api[M]['output']>;

export const methodNames = Object.keys(api) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(api, name);
}

/** What the services implement: one async function per method, taking parsed input. */
export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Promise<Output<M>> };

/** What the renderer calls: the same methods, taking raw input. */
export type ApiClient = { [M in MethodName]: (input: Input<M>) => Promise<Output<M>> };

/** IPC channel for a method; the preload and the main process agree on it through this. */
export const channelFor = (name: MethodName): string => `${IPC_PREFIX}${name}`;

export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
export function maxBodyBytesFor(name: MethodName): number {
  const spec: MethodSpec = api[name];
  return spec.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
}

export { type MethodSpec } from './method';
