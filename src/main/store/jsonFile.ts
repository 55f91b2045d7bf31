/**
 * A lowdb adapter for one JSON file that is parsed with its zod schema on every read (after any
 * format migration) and written durably. A file that exists but cannot be trusted (empty,
 * NUL-filled, truncated, `null`, or failing its schema) raises CorruptFileError; the caller moves
 * it aside, never overwrites it. A file from a newer format raises NewerFormatError.
 */
import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { DurableTextFile, InvalidTextError, type DurableFileOptions, type WriteOptions } from './durableFile';
import { parseJsonBytesYielding, releaseBytes } from './jsonBytes';
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

/** White space as String.prototype.trim sees it, in ASCII (other bytes: undefined, decode to know). */
const ASCII_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);

/** Whether the text of `bytes` trims to nothing, without decoding the bytes of a file that does not. */
function isBlank(bytes: Buffer): boolean {
  for (const b of bytes) {
    if (ASCII_SPACE.has(b)) continue;
    return b < 0x80 ? false : bytes.toString('utf8').trim() === '';
  }
  return true;
}

/** The checks before a file's text is parsed: it holds something, and no NUL. */
function checkRaw(filePath: string, raw: string | Buffer): void {
  const text = typeof raw === 'string';
  if (text ? raw.trim() === '' : isBlank(raw)) throw new CorruptFileError(filePath, 'the file is empty');
  if (text ? raw.includes('\u0000') : raw.includes(0))
    throw new CorruptFileError(filePath, 'the file contains NUL bytes');
}

const INCOMPLETE = 'the file is not complete JSON (truncated or damaged)';

/** Parse, migrate and validate one file's text. */
export function parseJsonFileDetailed<T>(
  filePath: string,
  raw: string,
  schema: z.ZodType<T>,
  history?: FormatHistory,
): ParsedFile<T> {
  checkRaw(filePath, raw);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new CorruptFileError(filePath, INCOMPLETE);
  }
  return checkParsed(filePath, value, schema, history);
}

/**
 * The same for a file's bytes (DurableTextFile.readBytes): a large file is parsed in pieces, the
 * event loop turning between them (jsonBytes.ts).
 */
async function parseBytesDetailed<T>(
  filePath: string,
  bytes: Buffer,
  schema: z.ZodType<T>,
  history?: FormatHistory,
): Promise<ParsedFile<T>> {
  checkRaw(filePath, bytes);
  let value: unknown;
  try {
    value = await parseJsonBytesYielding(bytes);
  } catch {
    throw new CorruptFileError(filePath, INCOMPLETE);
  }
  return checkParsed(filePath, value, schema, history);
}

/** A parsed file's value migrated to the current format and validated by its schema. */
function checkParsed<T>(
  filePath: string,
  parsed: unknown,
  schema: z.ZodType<T>,
  history?: FormatHistory,
): ParsedFile<T> {
  let value = parsed;
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

  /**
   * The parsed file, or null when the file does not exist; `oldText`: the file's text when it was
   * in an older format (kept among the backups before the upgrade is stored), else null.
   */
  async readDetailed(): Promise<(ParsedFile<T> & { oldText: string | null }) | null> {
    let raw: Buffer | null;
    try {
      raw = await this.file.readBytes();
    } catch (err) {
      if (err instanceof InvalidTextError)
        throw new CorruptFileError(this.file.filePath, 'the file holds bytes that are not text (damaged)');
      throw err;
    }
    if (raw === null) return null;
    try {
      const parsed = await parseBytesDetailed(this.file.filePath, raw, this.schema, this.history);
      return { ...parsed, oldText: parsed.migratedFrom === null ? null : raw.toString('utf8') };
    } finally {
      releaseBytes(raw);
    }
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
