/**
 * Format 2 → 3 for a whole project folder (docs/claims.md, "Plugging it into the store"): claims
 * become records, and the actor registry gathers the claimants of every document, so this step
 * reads them all. It runs when a project is opened, before project.json is read the usual way:
 *
 * 1. project.json and every documents/*.json are read raw and brought to format 2 by their own
 *    steps (migrations.ts);
 * 2. migrateProjectV2toV3 converts them (pure; every value kept);
 * 3. the format-2 files are kept in backups/, as every migration keeps the old file;
 * 4. project.json is written first, then each document, durably.
 *
 * A crash between the writes leaves documents at format 2 under a project at 3: those are read
 * through migrateDocumentV2toV3 against the loaded project (documentFormat in migrations.ts),
 * which gives the same ids, so the same result. A file that cannot be read here (damaged, or
 * from a newer Hashiya) is left to the usual reading, which refuses or repairs it and says so;
 * nothing is written unless every file that could be read was converted.
 */
import { open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { migrateProjectV2toV3 } from '@shared/claims/migrateV2';
import { documentKey, PROJECT_KEY, type BackupStore } from './backups';
import { writeFileDurably, type DurableFileOptions } from './durableFile';
import { DOCUMENTS_DIR, PROJECT_FILE } from './folder';
import { DOCUMENT_FORMAT_V2, migrateFile, PROJECT_FORMAT_V2 } from './migrations';

type Json = Record<string, unknown>;

function parseObject(raw: string): Json | null {
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
  } catch {
    return null;
  }
}

const versionOf = (file: Json): number | null =>
  typeof file.schemaVersion === 'number' && Number.isInteger(file.schemaVersion) ? file.schemaVersion : null;

/** Upgrade the folder's files to format 3 when project.json is older; true when it did. */
export async function upgradeToClaims(
  root: string,
  backups: BackupStore,
  durable?: DurableFileOptions,
): Promise<boolean> {
  const projectPath = path.join(root, PROJECT_FILE);
  // the store writes schemaVersion first: a project at 3 or newer is told from its first bytes,
  // not by parsing 35 MB of index at 100,000 documents (twice: the usual reading parses it too)
  const head = await headVersion(projectPath);
  if (head !== null && head >= 3) return false;
  const projectRaw = await readFile(projectPath, 'utf8').catch(() => null);
  const projectJson = projectRaw === null ? null : parseObject(projectRaw);
  const version = projectJson && versionOf(projectJson);
  if (projectJson === null || version === null || version >= 3) return false;
  let project2: Json;
  try {
    project2 = migrateFile(projectPath, projectJson, PROJECT_FORMAT_V2).file;
  } catch {
    return false; // the usual reading says what is wrong with it
  }

  const docsDir = path.join(root, DOCUMENTS_DIR);
  const names = (await readdir(docsDir).catch(() => [] as string[])).filter((n) => /^[A-Za-z0-9_-]+\.json$/.test(n));
  const documents: { id: string; raw: string; file: Json }[] = [];
  for (const name of names.sort()) {
    const filePath = path.join(docsDir, name);
    const raw = await readFile(filePath, 'utf8').catch(() => null);
    const json = raw === null ? null : parseObject(raw);
    const docVersion = json && versionOf(json);
    // a damaged file, or one already at 3 or newer, is read the usual way later
    if (raw === null || json === null || docVersion === null || docVersion >= 3) continue;
    try {
      documents.push({
        id: name.slice(0, -'.json'.length),
        raw,
        file: migrateFile(filePath, json, DOCUMENT_FORMAT_V2).file,
      });
    } catch {
      continue;
    }
  }
  // throws an AppError with a sentence when the files cannot be converted; nothing is written then
  const migrated = migrateProjectV2toV3(
    project2,
    documents.map((d) => d.file),
  );

  await backups.write(PROJECT_KEY, projectRaw as string);
  for (const d of documents) await backups.write(documentKey(d.id), d.raw);
  await writeFileDurably(projectPath, JSON.stringify(migrated.project), durable);
  for (const [i, d] of documents.entries())
    await writeFileDurably(path.join(docsDir, `${d.id}.json`), JSON.stringify(migrated.documents[i]), durable);
  return true;
}

/**
 * The format a document file says it is, read from its first bytes (the store writes
 * `{"schemaVersion":n,…` first); null when that cannot be told cheaply.
 */
export async function headVersion(filePath: string): Promise<number | null> {
  let handle: Awaited<ReturnType<typeof open>> | null = null;
  try {
    handle = await open(filePath, 'r');
    const head = Buffer.alloc(64);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const m = /^\s*\{\s*"schemaVersion"\s*:\s*(\d+)/.exec(head.subarray(0, bytesRead).toString('utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
