/**
 * Request bodies for browser mode. A body over its method's limit is read and thrown away up to
 * a bound, so that the client, which is usually still sending, gets the 413 answer instead of a
 * reset connection; past that bound the connection may be cut.
 */
import type http from 'node:http';
import { AppError } from '../../shared/errors';

/** How much of a refused body is read and discarded before answering: twice the limit. */
export function discardBoundFor(limit: number): number {
  return limit * 2;
}

/** Bodies of requests refused before their method is known (no token, wrong host …). */
export const REFUSED_BODY_BOUND = 1024 * 1024;

export class BodyTooLarge extends AppError {
  /** true when the whole body was read (the connection is clean and the answer will arrive) */
  readonly drained: boolean;
  constructor(limit: number, drained: boolean) {
    super('too_large', `The request is larger than the ${formatMb(limit)} this method accepts.`);
    this.drained = drained;
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
 * Read and throw away the rest of the body, up to `bound` bytes. Resolves true once the request
 * has ended within the bound, false when it went past it, errored or was aborted. Never rejects.
 */
export function discardBody(req: http.IncomingMessage, bound: number, alreadyRead = 0): Promise<boolean> {
  return new Promise((resolve) => {
    if (req.readableEnded || req.complete) return resolve(true);
    if (req.destroyed) return resolve(false);
    const declared = declaredLength(req);
    if (declared !== null && declared > bound) return resolve(false);
    let size = alreadyRead;
    const done = (ok: boolean) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFail);
      req.off('close', onClose);
      if (!ok) req.pause();
      resolve(ok);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > bound) done(false);
    };
    const onEnd = () => done(true);
    const onFail = () => done(false);
    const onClose = () => done(req.complete);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFail);
    req.on('close', onClose);
    req.resume();
  });
}

/** Read the whole body, refusing one over `limit` bytes with BodyTooLarge (after discarding it). */
export function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = declaredLength(req);
  if (declared !== null && declared > limit) {
    return discardBody(req, discardBoundFor(limit)).then((drained) => Promise.reject(new BodyTooLarge(limit, drained)));
  }
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
      void discardBody(req, discardBoundFor(limit), size).then((drained) => reject(new BodyTooLarge(limit, drained)));
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
