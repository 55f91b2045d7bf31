/**
 * A lowdb adapter for one JSON file that is parsed with its zod schema on every read and written
 * durably. A file that exists but cannot be trusted (empty, NUL-filled, truncated, `null`, or
 * failing its schema) raises CorruptFileError; the caller moves it aside, never overwrites it.
 */
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { DurableTextFile, type DurableFileOptions } from './durableFile';

export class CorruptFileError extends Error {
  readonly filePath: string;
  readonly reason: string;
  constructor(filePath: string, reason: string) {
    super(`${filePath} cannot be read: ${reason}`);
    this.name = 'CorruptFileError';
    this.filePath = filePath;
    this.reason = reason;
  }
}

export function parseJsonFile<T>(filePath: string, raw: string, schema: z.ZodType<T>): T {
  if (raw.trim() === '') throw new CorruptFileError(filePath, 'the file is empty');
  if (raw.includes('\u0000')) throw new CorruptFileError(filePath, 'the file contains NUL bytes');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new CorruptFileError(filePath, 'the file is not complete JSON (truncated or damaged)');
  }
  if (value === null || typeof value !== 'object') {
    throw new CorruptFileError(filePath, 'the file does not hold a Hashiya record');
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? first.path.join('.') || '(root)' : '(root)';
    throw new CorruptFileError(filePath, `the file does not match its format at ${where}: ${first?.message ?? ''}`);
  }
  return result.data;
}

export class ValidatedJsonFile<T> implements Adapter<T> {
  readonly file: DurableTextFile;
  private readonly schema: z.ZodType<T>;

  constructor(filePath: string, schema: z.ZodType<T>, options?: DurableFileOptions) {
    this.file = new DurableTextFile(filePath, options);
    this.schema = schema;
  }

  get filePath(): string {
    return this.file.filePath;
  }

  async read(): Promise<T | null> {
    const raw = await this.file.read();
    if (raw === null) return null;
    return parseJsonFile(this.file.filePath, raw, this.schema);
  }

  write(data: T): Promise<void> {
    return this.file.write(JSON.stringify(data));
  }
}
