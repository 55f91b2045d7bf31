/**
 * Request bodies for browser mode. A request refused before its body is read (too large, no
 * token, …) is answered at once, and the connection stays open while the rest of the body is
 * read and thrown away, up to a bound: a client that sends the whole body before it reads the
 * answer (Python's urllib) gets the answer instead of a reset connection. Past the bound the
 * connection is cut.
 */
import type http from 'node:http';
import { AppError } from '@shared/errors';

/** How much of a body over its method's limit is read and thrown away: twice the limit. */
export function discardBoundFor(limit: number): number {
  return limit * 2;
}

/** How much of the body of a request refused for another reason (no token, wrong host …). */
export const REFUSED_BODY_BOUND = 4 * 1024 * 1024;

export class BodyTooLarge extends AppError {
  readonly limit: number;
  /** bytes of the body already read when it was refused */
  readonly received: number;
  constructor(limit: number, received: number) {
    super('too_large', `The request is larger than the ${formatMb(limit)} this method accepts.`);
    this.limit = limit;
    this.received = received;
  }
}

function formatMb(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${mb >= 1 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

/** The declared Content-Length, or null when there is none (chunked). */
function declaredLength(req: http.IncomingMessage): number | null {
  const raw = req.headers['content-length'];
  if (raw === undefined) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= 0 ? n : Number.POSITIVE_INFINITY;
}

/**
 * After the answer to a refused request has gone out: read and throw away what is left of its
 * body, and cut the connection once more than `bound` bytes (counting `alreadyRead`) arrive.
 * `closeAfter`: the client asked for the connection to close; it is, once the body is in.
 */
export function discardRest(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  bound: number,
  alreadyRead = 0,
  closeAfter = false,
): void {
  if (req.complete || req.destroyed) return;
  let size = alreadyRead;
  const start = () => {
    if (req.complete || req.destroyed) return;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > bound) {
        req.off('data', onData);
        req.socket.destroy();
      }
    };
    req.on('data', onData);
    req.once('end', () => {
      req.off('data', onData);
      if (closeAfter) req.socket.end();
    });
    req.resume();
  };
  // Node throws the rest of an unread body away itself once the answer is sent (and drops our
  // listeners as it does): count from then on
  if (res.writableFinished) start();
  else res.once('finish', start);
}

/** Read the whole body, refusing one over `limit` bytes with BodyTooLarge (as soon as it is known). */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = declaredLength(req);
  if (declared !== null && declared > limit) return Promise.reject(new BodyTooLarge(limit, 0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFail);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      cleanup();
      chunks.length = 0;
      reject(new BodyTooLarge(limit, size));
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onFail = () => {
      cleanup();
      reject(
        new AppError(
          'invalid_input',
          'The request body did not arrive whole (the connection was closed while it was being sent).',
        ),
      );
    };
    const onClose = () => {
      if (!req.complete) onFail();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFail);
    req.on('close', onClose);
  });
}
