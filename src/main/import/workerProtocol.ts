/**
 * The messages between the main thread and the import worker (worker.ts), and how a reply
 * becomes the reader's result or its error again on the main thread. An AppError crosses as its
 * code, sentence and details and is rebuilt as the same AppError; anything else thrown while
 * reading crosses as a plain Error, exactly as it would have left the reader in-process.
 */
import { AppError, type ErrorCode, isErrorCode } from '@shared/errors';
import { type ParsedFormat, parseDocument } from './parse';
import type { ImportedText } from './types';

/** The worker's first message, once its code (jsdom, mammoth …) has loaded and it can read. */
export const WORKER_READY = 'hashiya-import-worker-ready';

export interface ReadRequest {
  id: number;
  format: ParsedFormat;
  bytes: Uint8Array;
}

export type ReadReply =
  | { id: number; ok: true; result: ImportedText }
  | { id: number; ok: false; appError: { code: ErrorCode; message: string; details?: unknown } }
  | { id: number; ok: false; failure: { name: string; message: string; stack?: string } };

function cloneable(value: unknown): boolean {
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}

/** Read one document and describe the outcome as a message (never throws). */
export async function answer(request: ReadRequest): Promise<ReadReply> {
  try {
    return { id: request.id, ok: true, result: await parseDocument(request.format, request.bytes) };
  } catch (err) {
    if (err instanceof AppError) {
      const appError: { code: ErrorCode; message: string; details?: unknown } = {
        code: err.code,
        message: err.message,
      };
      if (err.details !== undefined && cloneable(err.details)) appError.details = err.details;
      return { id: request.id, ok: false, appError };
    }
    const e = err instanceof Error ? err : new Error(String(err));
    return {
      id: request.id,
      ok: false,
      failure: { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) },
    };
  }
}

/** The reader's result, or its error thrown again. */
export function settleReply(reply: ReadReply): ImportedText {
  if (reply.ok) return reply.result;
  if ('appError' in reply) {
    const { code, message, details } = reply.appError;
    throw new AppError(isErrorCode(code) ? code : 'internal', message, details);
  }
  const error = new Error(reply.failure.message);
  error.name = reply.failure.name;
  if (reply.failure.stack) error.stack = reply.failure.stack;
  throw error;
}
