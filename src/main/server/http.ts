/**
 * Browser mode's HTTP host: the built renderer as static files, and every API method as
 * POST /api/<method>, and the contract's events as one stream, GET /api/events (eventStream.ts).
 * 127.0.0.1 only, bearer token on every call, Host and Origin checked against DNS rebinding, no
 * CORS, bodies limited in size, every error a JSON sentence.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { AppError, toAppError } from '@shared/errors';
import type { EventHub } from '../events';
import type { Services } from '../services';
import { allowedHosts, allowedOrigins, SECURITY_HEADERS, tokenMatches } from './security';
import { BodyTooLarge, discardBoundFor, discardRest, readBody, REFUSED_BODY_BOUND } from './body';
import { capConnections } from './connections';
import { contentTypeOf } from '@shared/pageDelivery';
import { eventStreams } from './eventStream';
import { httpContract, type HttpContract } from './contract';

export interface WebServerOptions {
  /**
   * the services, or the promise of them while the project opens (the page's files are served
   * meanwhile; API calls wait for it, then `events` is required)
   */
  services: Services | Promise<Services>;
  token: string;
  rendererDir: string;
  port?: number;
  /** the events GET /api/events streams (default: the services' own hub) */
  events?: Pick<EventHub, 'subscribe'>;
  /** how often an idle event stream gets a comment line, in ms */
  heartbeatMs?: number;
  /** called for errors that are ours, not the caller's (logged, never sent) */
  onInternalError?: (err: unknown) => void;
}

export interface WebServer {
  server: http.Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** The page's own files (all of them, at most some hundred KB) are sent in one write, larger ones streamed. */
const WHOLE_FILE_BYTES = 4 * 1024 * 1024;

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { services, token, rendererDir } = options;
  let port = 0;
  const hub = options.events ?? (services instanceof Promise ? undefined : services.events);
  const streams = eventStreams(hub, { heartbeatMs: options.heartbeatMs });

  const sendJson = (res: http.ServerResponse, status: number, body: unknown) => {
    const data = Buffer.from(JSON.stringify(body), 'utf8');
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': data.length,
    });
    res.end(data);
  };
  const sendError = (res: http.ServerResponse, err: AppError) => {
    // an answer already under way cannot be turned into an error: cut it short instead
    if (res.headersSent || res.destroyed) return void res.destroy();
    sendJson(res, err.status, err.toBody());
  };

  const requireToken = (req: http.IncomingMessage) => {
    if (!tokenMatches(req.headers.authorization, token)) {
      throw new AppError(
        'unauthorized',
        'This call needs the session token (Authorization: Bearer …) printed when Hashiya started.',
      );
    }
  };

  const handleEvents = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (req.method !== 'GET') {
      res.setHeader('Allow', 'GET');
      throw new AppError('invalid_input', 'The event stream is read with GET.');
    }
    requireToken(req);
    streams.open(req, res);
  };

  const handleApi = async (
    req: http.IncomingMessage,
    res: http.ServerResponse,
    name: string,
    continueAsked: boolean,
    { isMethodName, maxBodyBytesFor }: HttpContract,
  ) => {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      throw new AppError('invalid_input', 'API methods are called with POST.');
    }
    requireToken(req);
    if (!isMethodName(name)) throw new AppError('not_found', `There is no API method “${name}”.`);
    const type = req.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new AppError('unsupported', 'Send the input as JSON (Content-Type: application/json).');
    }
    const limit = maxBodyBytesFor(name);
    if (continueAsked) {
      // a client that waits for "100 Continue" is told "too large" before it sends the body
      if (Number(req.headers['content-length']) > limit) throw new BodyTooLarge(limit, 0);
      res.writeContinue();
    }
    const body = await readBody(req, limit);
    let input: unknown = {};
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch {
        throw new AppError('invalid_input', 'The request body is not valid JSON.');
      }
    }
    const output = await (await services).dispatch(name, input);
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
    if (info.size <= WHOLE_FILE_BYTES) {
      // in one write: while the project opens, the loop is busy and a stream's 64 KB pieces each
      // waited for a turn (the page's 470 KB script took 8 of them, and so came last)
      const data = await readFile(file).catch(() => null);
      if (!data || data.length !== info.size) return void res.destroy();
      return void res.end(data);
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  };

  const route = async (req: http.IncomingMessage, res: http.ServerResponse, continueAsked: boolean) => {
    const hosts = allowedHosts(port);
    const origin = req.headers.origin;
    if (!req.headers.host || !hosts.has(req.headers.host.toLowerCase())) {
      throw new AppError('forbidden', 'This request names another host; Hashiya only answers to its own address.');
    }
    if (origin !== undefined && !allowedOrigins(port).has(origin)) {
      throw new AppError('forbidden', 'Requests from other web pages are refused.');
    }
    const pathname = pathnameOf(req.url ?? '/', req.headers.host);
    const apiMatch = /^\/api\/([A-Za-z.]+)$/.exec(pathname);
    if (!pathname.startsWith('/api/')) return handleStatic(req, res, pathname);
    const contract = await httpContract();
    if (pathname === contract.eventsPath) handleEvents(req, res);
    else await handleApi(req, res, apiMatch?.[1] ?? '', continueAsked, contract);
  };

  /** Every request ends here: nothing it does, however malformed, may throw out of it. */
  const handle = (req: http.IncomingMessage, res: http.ServerResponse, continueAsked: boolean) => {
    // an aborted upload or a broken socket is this request's end, never the server's
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    route(req, res, continueAsked)
      .catch((err: unknown) => {
        const appErr = toAppError(err);
        if (!(err instanceof AppError)) options.onInternalError?.(err);
        // answer at once; the connection stays open while the rest of the body is read and
        // thrown away (up to a bound), so a client still sending it gets this answer, not a reset
        // (even one that asked to close: it is closed once the body is in)
        const unread = !req.complete && !req.destroyed && !res.headersSent;
        const closeAfter = !res.shouldKeepAlive;
        if (unread) res.shouldKeepAlive = true;
        sendError(res, appErr);
        if (unread)
          discardRest(
            req,
            res,
            err instanceof BodyTooLarge ? discardBoundFor(err.limit) : REFUSED_BODY_BOUND,
            err instanceof BodyTooLarge ? err.received : 0,
            closeAfter,
          );
      })
      .catch((err: unknown) => {
        options.onInternalError?.(err);
        res.destroy();
      });
  };

  const server = http.createServer((req, res) => handle(req, res, false));
  server.on('checkContinue', (req, res) => handle(req, res, true));
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => answerClientError(err, socket));
  capConnections(server);
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;
  // no inactivity timeout: a long call (a heavy import, an export of the whole project) sends
  // nothing while it runs; a connection that sends nothing is closed by headersTimeout

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
        streams.closeAll(); // ended cleanly, so the page sees the end of the stream, not an error
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The path of a request target, without query or fragment. A target that is not a valid address
 * (`//[`, `http://x:99999/`) is refused with 400, never thrown out of the request handler.
 */
export function pathnameOf(target: string, host: string): string {
  try {
    return new URL(target, `http://${host}`).pathname;
  } catch {
    throw new AppError('invalid_input', 'The request target is not a valid address.');
  }
}

/** Requests Node's parser refuses (bad header bytes, bad lengths, garbled chunks): a JSON 400. */
function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  const answering = (socket as Duplex & { _httpMessage?: http.ServerResponse | null })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || answering?.headersSent) return void socket.destroy();
  const [status, text, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', 'The request’s headers are too large.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', 'The request took too long to arrive.']
        : [400, 'Bad Request', 'The request is not well-formed HTTP.'];
  const body = JSON.stringify(new AppError('invalid_input', message).toBody());
  const headers = Object.entries({
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  // half-close: the client reads the answer, then closes; one that does not is cut after 5 s
  socket.end(`HTTP/1.1 ${status} ${text}\r\n${headers}\r\n${body}`);
  (socket as Duplex & { setTimeout?: (ms: number, cb: () => void) => void }).setTimeout?.(5_000, () =>
    socket.destroy(),
  );
}
