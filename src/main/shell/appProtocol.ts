/**
 * The app:// protocol: the built renderer's files, read straight from disk (no net.fetch of a
 * file:// URL, so no second protocol is involved), each with the CSP and nosniff headers.
 * Pure apart from the injected file reader, so it is unit-tested without Electron.
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY, resolveAppPath } from './policy';
import { contentTypeOf } from '@shared/pageDelivery';

export interface AppProtocolResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer> | string;
}

export async function appProtocolResponse(
  requestUrl: string,
  rendererDir: string,
  readFile: (file: string) => Promise<Uint8Array<ArrayBuffer>> = fsReadFile,
): Promise<AppProtocolResponse> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
  };
  const file = resolveAppPath(requestUrl, rendererDir, path.sep, path.resolve);
  const notFound = {
    status: 404,
    headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
    body: 'Not found',
  };
  if (!file) return notFound;
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = await readFile(file);
  } catch {
    return notFound;
  }
  headers['Content-Type'] = contentTypeOf(file);
  return { status: 200, headers, body };
}
