/**
 * File-format versions. Every file carries `schemaVersion`. Reading a file from an older version
 * runs the chain of steps (n → n+1) up to the current version in memory; the upgraded file is
 * written the next time it is saved, after a copy of the old one is kept in backups/. A file
 * from a newer version of Hashiya is refused, and left exactly as it is.
 */

/** Upgrades a parsed file from version n to n + 1. Steps must not mutate their input. */
export type MigrationStep = (file: Record<string, unknown>) => Record<string, unknown>;

export interface FormatHistory {
  /** what this build writes */
  current: number;
  /** steps[n] upgrades a file of version n to n + 1 */
  steps: Readonly<Record<number, MigrationStep>>;
}

/** project.json: version 1 is the first released format. */
export const PROJECT_FORMAT: FormatHistory = { current: 1, steps: {} };
/** documents/<id>.json: version 1 is the first released format. */
export const DOCUMENT_FORMAT: FormatHistory = { current: 1, steps: {} };

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
    if (!step) throw new UnknownFormatError(`format version ${version} is older than any this version of Hashiya can upgrade`);
    out = { ...step(out), schemaVersion: v + 1 };
  }
  return { file: out, from: version };
}
