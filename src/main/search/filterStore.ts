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
 * On disk the filter lives in index/filter/<shard>.bin, 64 shards by id, so reopening a big
 * project reads 64 files instead of one per document, and a new document rewrites one shard.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NORMALIZER_VERSION } from '@shared/search/normalize';
import { squeezeUnit } from '@shared/search/squeeze';
import { INDEX_DIR } from './indexFile';

export const SHARDS = 64;
const FILTER_DIR = 'filter';

export interface Filter {
  sha256: string;
  /** the folded text, squeezed to one byte per unit */
  text: string;
}

/** squeeze() of src/shared/search/squeeze.ts, through a Buffer (faster on whole documents). */
export function squeeze(folded: string): string {
  const bytes = Buffer.allocUnsafe(folded.length);
  for (let i = 0; i < folded.length; i++) bytes[i] = squeezeUnit(folded.charCodeAt(i));
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

function shardPath(dir: string, shard: number): string {
  return path.join(dir, INDEX_DIR, FILTER_DIR, `${String(shard).padStart(2, '0')}.bin`);
}

/*
 * A shard file is binary, so that reopening reads it with one copy per text instead of parsing
 * megabytes of JSON: "HXF1", normaliser version (u32), entry count (u32), then per entry the id
 * (u16 length + UTF-8), the sha256 (64 ASCII hex digits) and the text (u32 length + one byte per
 * unit). Every length is checked; a shard that does not add up is ignored and rebuilt.
 */
const MAGIC = 'HXF1';
const SHA_BYTES = 64;

function encodeShard(entries: ReadonlyArray<[string, Filter]>): Buffer {
  let size = 12;
  for (const [id, f] of entries) size += 2 + Buffer.byteLength(id) + SHA_BYTES + 4 + f.text.length;
  const buf = Buffer.alloc(size);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(NORMALIZER_VERSION, 4);
  buf.writeUInt32LE(entries.length, 8);
  let at = 12;
  for (const [id, f] of entries) {
    const idLength = buf.write(id, at + 2, 'utf8');
    buf.writeUInt16LE(idLength, at);
    at += 2 + idLength;
    buf.write(f.sha256.padEnd(SHA_BYTES, '0').slice(0, SHA_BYTES), at, 'latin1');
    at += SHA_BYTES;
    buf.writeUInt32LE(f.text.length, at);
    at += 4;
    buf.write(f.text, at, 'latin1');
    at += f.text.length;
  }
  return buf;
}

function decodeShard(buf: Buffer, shard: number, out: Map<string, Filter>): void {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== MAGIC || buf.readUInt32LE(4) !== NORMALIZER_VERSION) return;
  const count = buf.readUInt32LE(8);
  const found: Array<[string, Filter]> = [];
  let at = 12;
  for (let n = 0; n < count; n++) {
    if (at + 2 > buf.length) return;
    const idLength = buf.readUInt16LE(at);
    at += 2;
    if (at + idLength + SHA_BYTES + 4 > buf.length) return;
    const id = buf.toString('utf8', at, at + idLength);
    at += idLength;
    const sha256 = buf.toString('latin1', at, at + SHA_BYTES);
    at += SHA_BYTES;
    const length = buf.readUInt32LE(at);
    at += 4;
    if (at + length > buf.length) return;
    const text = buf.toString('latin1', at, at + length);
    at += length;
    if (shardOf(id) !== shard) return;
    found.push([id, { sha256, text }]);
  }
  if (at !== buf.length) return;
  for (const [id, f] of found) out.set(id, f);
}

/** Every stored filter; a missing, damaged or outdated shard simply contributes nothing. */
export async function readFilters(dir: string): Promise<Map<string, Filter>> {
  const out = new Map<string, Filter>();
  await Promise.all(
    Array.from({ length: SHARDS }, async (_, shard) => {
      const buf = await readFile(shardPath(dir, shard)).catch(() => null);
      if (buf) decodeShard(buf, shard, out);
    }),
  );
  return out;
}

/** Write the given shards from the filter map. */
export async function writeFilters(
  dir: string,
  filters: ReadonlyMap<string, Filter>,
  shards: Iterable<number>,
): Promise<void> {
  const wanted = new Set(shards);
  if (wanted.size === 0) return;
  const byShard = new Map<number, Array<[string, Filter]>>([...wanted].map((s) => [s, []]));
  for (const [id, f] of filters) byShard.get(shardOf(id))?.push([id, f]);
  await mkdir(path.join(dir, INDEX_DIR, FILTER_DIR), { recursive: true });
  await Promise.all(
    [...byShard].map(async ([shard, entries]) => {
      const target = shardPath(dir, shard);
      const temp = `${target}.${process.pid}.tmp`;
      await writeFile(temp, encodeShard(entries));
      await rename(temp, target);
    }),
  );
}
