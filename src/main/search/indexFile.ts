/**
 * One document's search index on disk: <project>/index/<id>.json holds the canonical text, its
 * folded form and the folded→original offset map (as runs), tagged with the text's sha256 and
 * the normaliser's version. It is a cache: a file that is missing, unreadable, stale (other
 * sha256) or from another normaliser version is rebuilt from the document; nothing else
 * depends on it, so it is written with a plain temp-file-and-rename, without fsync.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  decodeOrigin,
  encodeOrigin,
  normalize,
  NORMALIZER_VERSION,
  type NormalizedText,
} from '@shared/search/normalize';
import { INDEX_RULES } from '@shared/search/indexFold';

export const INDEX_DIR = 'index';
const FORMAT = 'hashiya-search-index';

const IndexFileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.number().int(),
  id: z.string(),
  sha256: z.string(),
  text: z.string(),
  folded: z.string(),
  cpLength: z.number().int().nonnegative(),
  // checked by validRuns (a schema per number costs more than the rest of the read)
  runs: z.array(z.unknown()),
});
type IndexFile = z.infer<typeof IndexFileSchema>;

/** The offset map's runs: pairs of (start, delta), integers, starts increasing from 0. */
function validRuns(runs: readonly unknown[], length: number): runs is number[] {
  if (runs.length % 2 !== 0) return false;
  let last = -1;
  for (let r = 0; r < runs.length; r += 2) {
    const from = runs[r];
    const delta = runs[r + 1];
    if (!Number.isInteger(from) || !Number.isInteger(delta) || (from as number) <= last || (from as number) >= length)
      return false;
    last = from as number;
  }
  return true;
}

/** A document's index in memory. */
export interface IndexEntry {
  id: string;
  sha256: string;
  /** the canonical (original) text */
  text: string;
  /** the text folded with INDEX_RULES (the default but the letter rules: indexFold.ts), and its offset map */
  folded: NormalizedText;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function indexPath(projectDir: string, id: string): string {
  return path.join(projectDir, INDEX_DIR, `${id}.json`);
}

export function buildEntry(id: string, text: string, sha = sha256(text)): IndexEntry {
  return { id, sha256: sha, text, folded: normalize(text, INDEX_RULES) };
}

/**
 * What reading an index file gives: the entry, or why not. `stale` (another sha256 or normaliser
 * version) is the normal fate of a cache; `corrupt` (not JSON, wrong shape, an offset map that
 * does not add up) means the file was damaged, and the caller says so.
 */
export type ReadEntry = { entry: IndexEntry } | { missing: true } | { stale: true } | { corrupt: true };

export async function readEntry(projectDir: string, id: string, expectedSha: string): Promise<ReadEntry> {
  let raw: string;
  try {
    raw = await readFile(indexPath(projectDir, id), 'utf8');
  } catch {
    return { missing: true };
  }
  let file: IndexFile;
  try {
    const parsed = IndexFileSchema.safeParse(JSON.parse(raw));
    if (!parsed.success) return { corrupt: true };
    file = parsed.data;
  } catch {
    return { corrupt: true };
  }
  if (file.version !== NORMALIZER_VERSION || file.sha256 !== expectedSha) return { stale: true };
  if (file.id !== id || !validRuns(file.runs, file.folded.length + 1)) return { corrupt: true };
  const origin = decodeOrigin(file.runs, file.folded.length + 1);
  if (origin[file.folded.length] !== file.cpLength) return { corrupt: true };
  return {
    entry: { id, sha256: file.sha256, text: file.text, folded: { text: file.folded, origin, cpLength: file.cpLength } },
  };
}

/** Roughly how many bytes an entry holds in memory (two per UTF-16 unit, four per offset). */
export function entryBytes(entry: IndexEntry): number {
  return 2 * (entry.text.length + entry.folded.text.length) + 4 * entry.folded.origin.length;
}

/** index folders known to exist (a first search writes thousands of files into one) */
const made = new Set<string>();

export async function writeEntry(projectDir: string, entry: IndexEntry): Promise<void> {
  const file: IndexFile = {
    format: FORMAT,
    version: NORMALIZER_VERSION,
    id: entry.id,
    sha256: entry.sha256,
    text: entry.text,
    folded: entry.folded.text,
    cpLength: entry.folded.cpLength,
    runs: encodeOrigin(entry.folded.origin),
  };
  const target = indexPath(projectDir, entry.id);
  const folder = path.dirname(target);
  if (!made.has(folder)) {
    await mkdir(folder, { recursive: true });
    made.add(folder);
  }
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temp, JSON.stringify(file));
  } catch {
    // the folder may have been removed since (a project folder cleaned by hand): make it again once
    made.delete(folder);
    await mkdir(folder, { recursive: true });
    await writeFile(temp, JSON.stringify(file));
  }
  await rename(temp, target);
}

export async function removeEntry(projectDir: string, id: string): Promise<void> {
  await unlink(indexPath(projectDir, id)).catch(() => undefined);
}
