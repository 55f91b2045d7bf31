/**
 * The in-memory filter that tells which documents can hold a hit, and its copy on disk.
 *
 * Each document's folded text is kept as a one-byte string (V8 stores strings whose units are
 * all below 256 in one byte each, half the memory of Arabic text as UTF-16): ASCII stays as it
 * is, the Arabic block U+0600–U+067F moves to 0x80–0xFF, anything else becomes 0x7F. Folded
 * text that contains the folded query also contains it after this mapping, so the filter never
 * drops a document that has a hit; a rare false positive (a query with characters outside those
 * ranges) is settled by the real search in the document's full index.
 *
 * On disk the filter lives in index/filter/<shard>.json, 64 shards by id, so reopening a big
 * project reads 64 files instead of one per document, and a new document rewrites one shard.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { NORMALIZER_VERSION } from '../../shared/search/normalize';
import { INDEX_DIR } from './indexFile';

export const SHARDS = 64;
const FORMAT = 'hashiya-search-filter';
const FILTER_DIR = 'filter';

export interface Filter {
  sha256: string;
  /** the folded text, squeezed to one byte per unit */
  text: string;
}

export function squeeze(folded: string): string {
  const bytes = Buffer.allocUnsafe(folded.length);
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    bytes[i] = c < 0x7f ? c : c >= 0x0600 && c < 0x0680 ? c - 0x0580 : 0x7f;
  }
  return bytes.toString('latin1');
}

export function shardOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % SHARDS;
}

const ShardFile = z.object({
  format: z.literal(FORMAT),
  version: z.number().int(),
  entries: z.array(z.tuple([z.string(), z.string(), z.string()])),
});

function shardPath(dir: string, shard: number): string {
  return path.join(dir, INDEX_DIR, FILTER_DIR, `${String(shard).padStart(2, '0')}.json`);
}

/** Every stored filter; a missing, damaged or outdated shard simply contributes nothing. */
export async function readFilters(dir: string): Promise<Map<string, Filter>> {
  const out = new Map<string, Filter>();
  await Promise.all(
    Array.from({ length: SHARDS }, async (_, shard) => {
      try {
        const parsed = ShardFile.safeParse(JSON.parse(await readFile(shardPath(dir, shard), 'utf8')));
        if (!parsed.success || parsed.data.version !== NORMALIZER_VERSION) return;
        for (const [id, sha256, text] of parsed.data.entries) if (shardOf(id) === shard) out.set(id, { sha256, text });
      } catch {
        // missing or unreadable: rebuilt from the documents
      }
    }),
  );
  return out;
}

/** Write the given shards from the filter map. */
export async function writeFilters(dir: string, filters: ReadonlyMap<string, Filter>, shards: Iterable<number>): Promise<void> {
  const wanted = new Set(shards);
  if (wanted.size === 0) return;
  const byShard = new Map<number, Array<[string, string, string]>>([...wanted].map((s) => [s, []]));
  for (const [id, f] of filters) byShard.get(shardOf(id))?.push([id, f.sha256, f.text]);
  await mkdir(path.join(dir, INDEX_DIR, FILTER_DIR), { recursive: true });
  await Promise.all(
    [...byShard].map(async ([shard, entries]) => {
      const target = shardPath(dir, shard);
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify({ format: FORMAT, version: NORMALIZER_VERSION, entries }));
      await rename(temp, target);
    }),
  );
}
