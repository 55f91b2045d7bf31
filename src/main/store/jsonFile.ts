/**
 * A lowdb adapter for one JSON file that is parsed with its zod schema on every read (after any
 * format migration) and written durably. A file that exists but cannot be trusted (empty,
 * NUL-filled, truncated, `null`, or failing its schema) raises CorruptFileError; the caller moves
 * it aside, never overwrites it. A file from a newer format raises NewerFormatError.
 */
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { DurableTextFile, InvalidTextError, type DurableFileOptions, type WriteOptions } from './durableFile';
import { migrateFile, UnknownFormatError, type FormatHistory } from './migrations';

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

export interface ParsedFile<T> {
  data: T;
  /** the format version on disk, when older than the current one (the data was upgraded) */
  migratedFrom: number | null;
}

/** Parse, migrate and validate one file's text. */
export function parseJsonFileDetailed<T>(
  filePath: string,
  raw: string,
  schema: z.ZodType<T>,
  history?: FormatHistory,
): ParsedFile<T> {
  if (raw.trim() === '') throw new CorruptFileError(filePath, 'the file is empty');
  if (raw.includes('\u0000')) throw new CorruptFileError(filePath, 'the file contains NUL bytes');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new CorruptFileError(filePath, 'the file is not complete JSON (truncated or damaged)');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CorruptFileError(filePath, 'the file does not hold a Hashiya record');
  }
  let migratedFrom: number | null = null;
  if (history) {
    try {
      const migrated = migrateFile(filePath, value as Record<string, unknown>, history);
      value = migrated.file;
      if (migrated.from !== history.current) migratedFrom = migrated.from;
    } catch (err) {
      if (err instanceof UnknownFormatError) throw new CorruptFileError(filePath, err.reason);
      throw err;
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    const where = first ? first.path.join('.') || '(root)' : '(root)';
    throw new CorruptFileError(filePath, `the file does not match its format at ${where}: ${first?.message ?? ''}`);
  }
  return { data: result.data, migratedFrom };
}

export function parseJsonFile<T>(filePath: string, raw: string, schema: z.ZodType<T>, history?: FormatHistory): T {
  return parseJsonFileDetailed(filePath, raw, schema, history).data;
}

/**
 * Data that fails its own file's schema: writing it would make a file the next start must
 * quarantine. It is never written; the caller puts back what is on disk.
 */
export class UnstorableDataError extends Error {
  readonly filePath: string;
  readonly issue: string;
  constructor(filePath: string, issue: string) {
    super(`${filePath} was not written: the data would not pass its schema (${issue})`);
    this.name = 'UnstorableDataError';
    this.filePath = filePath;
    this.issue = issue;
  }
}

/** The text to write for some data once it passes its schema, else the schema's error. */
export type CheckedText = { ok: true; text: string } | { ok: false; error: z.ZodError };
export type TextOf<T> = (data: T) => CheckedText;

/** The plain way: the schema's safeParse of the whole data, then JSON.stringify. */
export function schemaText<T>(schema: z.ZodType<T>, data: T): CheckedText {
  const checked = schema.safeParse(data);
  return checked.success ? { ok: true, text: JSON.stringify(data) } : { ok: false, error: checked.error };
}

export interface ValidatedJsonFileOptions<T> extends DurableFileOptions {
  history?: FormatHistory;
  /**
   * How a write checks and serialises (default: the schema's safeParse, then JSON.stringify). It
   * must refuse exactly what the schema refuses and give JSON.stringify's text (documentText.ts).
   */
  textOf?: TextOf<T>;
}

export class ValidatedJsonFile<T> implements Adapter<T> {
  readonly file: DurableTextFile;
  private readonly schema: z.ZodType<T>;
  private readonly history: FormatHistory | undefined;
  private readonly textOf: TextOf<T>;

  constructor(filePath: string, schema: z.ZodType<T>, options?: ValidatedJsonFileOptions<T>) {
    this.file = new DurableTextFile(filePath, options);
    this.schema = schema;
    this.history = options?.history;
    this.textOf = options?.textOf ?? ((data) => schemaText(schema, data));
  }

  get filePath(): string {
    return this.file.filePath;
  }

  /** The parsed file and its raw text, or null when the file does not exist. */
  async readDetailed(): Promise<(ParsedFile<T> & { raw: string }) | null> {
    let raw: string | null;
    try {
      raw = await this.file.read();
    } catch (err) {
      if (err instanceof InvalidTextError)
        throw new CorruptFileError(this.file.filePath, 'the file holds bytes that are not text (damaged)');
      throw err;
    }
    if (raw === null) return null;
    return { ...parseJsonFileDetailed(this.file.filePath, raw, this.schema, this.history), raw };
  }

  async read(): Promise<T | null> {
    return (await this.readDetailed())?.data ?? null;
  }

  /** Checked against the schema first, so every file written is one the next start can read. */
  write(data: T, options?: WriteOptions): Promise<void> {
    let text: string;
    try {
      text = this.serialize(data);
    } catch (err) {
      return Promise.reject(err);
    }
    return this.file.write(text, options);
  }

  /** The file's text for `data`; throws UnstorableDataError for data that fails the schema. */
  serialize(data: T): string {
    const checked = this.textOf(data);
    if (!checked.ok) {
      const issue = checked.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
      throw new UnstorableDataError(this.file.filePath, `${where}${issue?.message ?? 'invalid'}`);
    }
    return checked.text;
  }
}
