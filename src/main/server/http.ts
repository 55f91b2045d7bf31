/**
 * Browser mode's HTTP host: the built renderer as static files, and every API method as
 * POST /api/<method>. 127.0.0.1 only, bearer token on every call, Host and Origin checked
 * against DNS rebinding, no CORS, bodies limited in size, every error a JSON sentence.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isMethodName, maxBodyBytesFor } from '../../shared/api';
import { AppError, toAppError } from '../../shared/errors';
import type { Services } from '../services';
import { allowedHosts, allowedOrigins, SECURITY_HEADERS, tokenMatches } from './security';
import { contentTypeOf } from './mime';

export interface WebServerOptions {
  services: Services;
  token: string;
  rendererDir: string;
  port?: number;
  /** called for errors that are ours, not the caller's (logged, never sent) */
  onInternalError?: (err: unknown) => void;
}

export interface WebServer {
  server: http.Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { services, token, rendererDir } = options;
  let port = 0;

  const sendJson = (res: http.ServerResponse, status: number, body: unknown) => {
    const data = Buffer.from(JSON.stringify(body), 'utf8');
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': data.length });
    res.end(data);
  };
  const sendError = (res: http.ServerResponse, err: AppError) => {
    if (!res.headersSent) sendJson(res, err.status, err.toBody());
  };

  const handleApi = async (req: http.IncomingMessage, res: http.ServerResponse, name: string) => {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      throw new AppError('invalid_input', 'API methods are called with POST.');
    }
    if (!tokenMatches(req.headers.authorization, token)) {
      throw new AppError('unauthorized', 'This call needs the session token (Authorization: Bearer …) printed when Hashiya started.');
    }
    if (!isMethodName(name)) throw new AppError('not_found', `There is no API method “${name}”.`);
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new AppError('unsupported', 'Send the input as JSON (Content-Type: application/json).');
    }
    const body = await readBody(req, maxBodyBytesFor(name));
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        throw new AppError('invalid_input', 'The request body is not valid JSON.');
      }
    }
    const output = await services.dispatch(name, input);
    sendJson(res, 200, output);
  };

  const handleStatic = async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new AppError('not_found', 'Not found.');
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      throw new AppError('invalid_input', 'Malformed path.');
    }
    if (rel === '/' || rel === '') rel = '/index.html';
    const file = path.resolve(rendererDir, `.${path.posix.normalize(rel)}`);
    if (!file.startsWith(path.resolve(rendererDir) + path.sep)) throw new AppError('not_found', 'Not found.');
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new AppError('not_found', 'Not found.');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeOf(file),
      'Content-Length': info.size,
    });
    if (req.method === 'HEAD') return void res.end();
    // a read error after the headers went out (file removed, unreadable) ends this response
    // instead of throwing an unhandled 'error' that would stop the whole server
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };

  const server = http.createServer((req, res) => {
    const hosts = allowedHosts(port);
    const origin = req.headers.origin;
    if (!req.headers.host || !hosts.has(req.headers.host.toLowerCase())) {
      req.resume();
      return sendError(res, new AppError('forbidden', 'This request names another host; Hashiya only answers to its own address.'));
    }
    if (origin !== undefined && !allowedOrigins(port).has(origin)) {
      req.resume();
      return sendError(res, new AppError('forbidden', 'Requests from other web pages are refused.'));
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const apiMatch = /^\/api\/([A-Za-z.]+)$/.exec(url.pathname);
    const work = url.pathname.startsWith('/api/')
      ? handleApi(req, res, apiMatch?.[1] ?? '')
      : handleStatic(req, res, url.pathname);
    work.catch((err: unknown) => {
      const appErr = toAppError(err);
      if (!(err instanceof AppError)) options.onInternalError?.(err);
      if (appErr.code === 'too_large' || appErr.code === 'unauthorized') res.setHeader('Connection', 'close');
      sendError(res, appErr);
      req.resume();
    });
  });
  server.headersTimeout = 30_000;
  server.requestTimeout = 120_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    const tooLarge = () =>
      new AppError('too_large', `The request is larger than the ${Math.round(limit / 1024 / 1024)} MB this method accepts.`);
    if (Number.isFinite(declared) && declared > limit) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limit) {
        failed = true;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}
