/**
 * File-format versions. Every file carries `schemaVersion`. Reading a file from an older version
 * runs the chain of steps (n → n+1) up to the current version in memory; the upgraded file is
 * written the next time it is saved, after a copy of the old one is kept in backups/. A file
 * from a newer version of Hashiya is refused, and left exactly as it is.
 */

import { migrateDocumentV2toV3, migrateProjectV2toV3 } from '@shared/claims/migrateV2';
import type { ProjectFile } from '@shared/model';
import { isIsoDate, parseDate } from '@shared/text/dates';

/** Upgrades a parsed file from version n to n + 1. Steps must not mutate their input. */
export type MigrationStep = (file: Record<string, unknown>) => Record<string, unknown>;

export interface FormatHistory {
  /** what this build writes */
  current: number;
  /** steps[n] upgrades a file of version n to n + 1 */
  steps: Readonly<Record<number, MigrationStep>>;
}

/** The chains up to format 2 (ISO publication dates), which the claims upgrade starts from. */
export const PROJECT_FORMAT_V2: FormatHistory = { current: 2, steps: { 1: projectDatesToIso } };
export const DOCUMENT_FORMAT_V2: FormatHistory = { current: 2, steps: { 1: documentDatesToIso } };

/**
 * project.json: version 1 is the first released format; 2 stores ISO publication dates; 3 holds
 * claim fields and the actor registry. A project folder at 2 is upgraded whole when it is opened
 * (claimsUpgrade.ts); this step converts a project.json on its own (a backup restored), whose
 * documents then bring their claimants when they are read (documentFormat).
 */
export const PROJECT_FORMAT: FormatHistory = {
  current: 3,
  steps: {
    ...PROJECT_FORMAT_V2.steps,
    2: (file) => migrateProjectV2toV3(file, []).project as unknown as Record<string, unknown>,
  },
};

/**
 * documents/<id>.json, as far as a file can be upgraded on its own: a document at 2 needs its
 * project (documentFormat), so this history reads only formats 1 and 3 and leaves 2 refused.
 */
export const DOCUMENT_FORMAT: FormatHistory = { current: 3, steps: { ...DOCUMENT_FORMAT_V2.steps } };

/**
 * The document history of an open project: a document still at format 2 (a crash between the
 * claims upgrade's writes, or a backup restored) is converted against the project, and the
 * actors and choices it brings are handed to `adopt` so that project.json is saved with them.
 * The ids derive from the spellings, so the result is the one the whole-project step gives.
 */
export function documentFormat(project: () => ProjectFile, adopt: (project: ProjectFile) => void): FormatHistory {
  return {
    current: 3,
    steps: {
      ...DOCUMENT_FORMAT.steps,
      2: (file) => {
        const r = migrateDocumentV2toV3(file, project());
        if (r.projectChanged) adopt(r.project);
        return r.document as unknown as Record<string, unknown>;
      },
    },
  };
}

/** The file was written by a newer Hashiya; it must not be read, quarantined or rewritten. */
export class NewerFormatError extends Error {
  readonly filePath: string;
  readonly found: number;
  readonly supported: number;
  constructor(filePath: string, found: number, supported: number) {
    super(
      `${filePath} was saved by a newer version of Hashiya (file format ${found}; this version reads formats up to ${supported}). ` +
        'Update Hashiya to open it; the file was not changed.',
    );
    this.name = 'NewerFormatError';
    this.filePath = filePath;
    this.found = found;
    this.supported = supported;
  }
}

/** Why a file's version cannot be used (missing, not a number, older than any known step). */
export class UnknownFormatError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'UnknownFormatError';
  }
}

export interface Migrated {
  file: Record<string, unknown>;
  /** the version the file had on disk; equal to history.current when nothing ran */
  from: number;
}

/** Bring a parsed file up to `history.current`; throws NewerFormatError or UnknownFormatError. */
export function migrateFile(filePath: string, file: Record<string, unknown>, history: FormatHistory): Migrated {
  const version = file.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new UnknownFormatError('the file does not say which format version it is');
  }
  if (version > history.current) throw new NewerFormatError(filePath, version, history.current);
  let out = file;
  for (let v = version; v < history.current; v++) {
    const step = history.steps[v];
    if (!step)
      throw new UnknownFormatError(`format version ${version} is older than any this version of Hashiya can upgrade`);
    out = { ...step(out), schemaVersion: v + 1 };
  }
  return { file: out, from: version };
}

type Meta = Record<string, unknown>;
const isRecord = (v: unknown): v is Meta => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Format 1 → 2: `publishedAt` was free text (“12/05/2019” as typed); it is now an ISO date
 * (YYYY-MM-DD) or null. A value the date parser reads is converted (numbers day first, Arabic
 * month names and digits); one it cannot read is never dropped: `publishedAt` becomes null and
 * the text is kept, as written, in `publishedAtText`, shown in Details… until the researcher
 * corrects it (saving a date there clears it).
 */
export function publishedAtToIso(meta: Meta): Meta {
  const value = meta.publishedAt;
  if (value === null || value === undefined) return { ...meta, publishedAt: null };
  if (typeof value !== 'string') return meta; // not a format-1 value: let validation say so
  const text = value.trim();
  if (text === '') return { ...meta, publishedAt: null };
  if (isIsoDate(text)) return { ...meta, publishedAt: text };
  const parsed = parseDate(text);
  if (parsed) return { ...meta, publishedAt: parsed };
  return { ...meta, publishedAt: null, publishedAtText: value };
}

function documentDatesToIso(file: Meta): Meta {
  return isRecord(file.document) ? { ...file, document: publishedAtToIso(file.document) } : file;
}

function projectDatesToIso(file: Meta): Meta {
  if (!Array.isArray(file.documents)) return file;
  const before = file.documents as unknown[];
  const documents = before.map((d) => (isRecord(d) ? publishedAtToIso(d) : d));
  let converted = 0;
  const unread: string[] = [];
  documents.forEach((d, i) => {
    const old = before[i];
    if (!isRecord(d) || !isRecord(old) || typeof old.publishedAt !== 'string') return;
    if (typeof d.publishedAtText === 'string') unread.push(String(d.title ?? d.id));
    else if (d.publishedAt !== old.publishedAt && d.publishedAt !== null) converted++;
  });
  const notices = Array.isArray(file.notices) ? [...(file.notices as unknown[])] : [];
  if (converted > 0 || unread.length > 0) {
    const parts = [`Publication dates are now stored as YYYY-MM-DD.`];
    if (converted > 0)
      parts.push(
        `${converted} date(s) written another way were converted (numbers are read day first: 12/05/2019 is 12 May 2019).`,
      );
    if (unread.length > 0) {
      const names =
        unread
          .slice(0, 5)
          .map((t) => `“${t}”`)
          .join(', ') + (unread.length > 5 ? ` and ${unread.length - 5} more` : '');
      parts.push(
        `${unread.length} could not be read as a date and are kept as written, for you to correct in Details…: ${names}.`,
      );
    }
    notices.push({ code: 'dates_converted', message: parts.join(' '), count: converted + unread.length });
  }
  return { ...file, documents, notices };
}
