/**
 * Trigram postings over the in-memory filter texts (filterStore.ts): for every three squeezed
 * units that occur together in a document (white space excluded), the documents that hold them.
 * A query asks only the documents that hold every trigram of its required pieces (each trigram
 * as any of the index's spellings that fold to it), so a warm search reads the texts of those
 * candidates instead of every document. The candidates are a superset of the documents with a
 * hit: a hit's pieces occur in the text, so their trigrams do.
 *
 * Each document also has one key per distinct word (wordKey: a run of units that join into one
 * word, wholeWordFilter.ts), so a whole-word query asks for its words as words: فرنسي, which
 * the corpus may hold only inside الفرنسي, rules out every document without the word itself
 * before any text is scanned (a trigram cannot tell a word's start from its middle).
 *
 * Postings are kept per filter shard (filterStore.ts: 64 shards by id), so an import or an edit
 * rebuilds and rewrites one shard; on disk in index/postings/<shard>.bin, tagged with each
 * document's sha256, so a shard that is not in step with the filter is rebuilt.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { NORMALIZER_VERSION } from '@shared/search/normalize';
import { DEFAULT_KEPT_MAP, squeezedTable } from '@shared/search/indexFold';
import { isSqueezedGapUnit, isSqueezedWordUnit } from '@shared/search/wordMatch';
import { joinsWord } from '@shared/search/wholeWordFilter';
import { INDEX_DIR } from './indexFile';
import type { Filter } from './filterStore';

const POSTINGS_DIR = 'postings';
/** HXP2: the word keys added (a shard of HXP1 lacks them, so it is rebuilt, never read) */
const MAGIC = 'HXP2';
const SHA_BYTES = 64;
/** more spellings than this for one trigram: it is not used to narrow the candidates */
const MAX_VARIANTS = 64;

export interface ShardPostings {
  /** the documents, by their local number */
  ids: string[];
  shas: string[];
  local: Map<string, number>;
  /** sorted trigram keys, and for key k its documents docs[starts[k]..starts[k+1]) */
  keys: Uint32Array;
  starts: Uint32Array;
  docs: Uint32Array;
}

const isSpace = (b: number) => b === 0x20 || (b >= 0x09 && b <= 0x0d);

/** the index's kept letters folded as the default folds them, on squeezed units */
const DEFAULT_TABLE = squeezedTable(DEFAULT_KEPT_MAP);

/**
 * The key of two words next to each other (only white space within a paragraph between them),
 * from the last three units of each, default-folded: above every trigram key (those are below
 * 2^24). A word-aware hit of two query words ends the first word with the end of its core and
 * the second with the end of its, so the pair of their cores' last three units is there.
 */
function pairKey(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return ((h >>> 1) | 0x80000000) >>> 0;
}

/** word keys lie between the trigram keys (below 2^24) and the pair keys (2^31 and above) */
const WORD_KEYS_FROM = 0x1000000;
const WORD_KEYS = 0x80000000 - WORD_KEYS_FROM;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const wordHashStep = (h: number, unit: number) => Math.imul(h ^ (DEFAULT_TABLE[unit] as number), FNV_PRIME);
const wordKeyOf = (h: number) => WORD_KEYS_FROM + ((h >>> 0) % WORD_KEYS);

/**
 * The key of a word: a maximal run of squeezed units that join into one word (joinsWord), its
 * letters default-folded, hashed. Every letter variant of the default folding (ة ≠ ه, alef forms
 * kept…) merges only spellings the default merges too, so a query word folded by any of them has
 * the key of the document words it matches; hamza seats fold ؤ ئ elsewhere (pieceWordGroups
 * leaves them out). Two words sharing a key only let a document through that the scan rejects.
 */
export function wordKey(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = wordHashStep(h, word.charCodeAt(i) & 0xff);
  return wordKeyOf(h);
}

/** The distinct keys of one squeezed text, sorted: its trigrams, its words and its pairs of neighbouring words. */
export function trigramsOf(text: string): Uint32Array {
  // at most one trigram per unit, one word per two units (and one more), one pair per four
  const keys = new Uint32Array(2 * text.length + 2);
  let n = 0;
  // whether a word (run of joinsWord units) is being read, and its hash so far
  let inWord = false;
  let word = FNV_OFFSET;
  let a = -1;
  let b = -1;
  // the current word's length and last three units (default-folded), the previous word's, and
  // whether only white space within a paragraph has come since it ended
  let length = 0;
  let last3 = 0;
  let previous = -1;
  let gapOnly = false;
  let before = -1;
  const endWord = () => {
    const word = length >= 3 ? last3 : -1;
    if (before !== -1 && word !== -1) keys[n++] = pairKey(before, word);
    previous = word;
    gapOnly = true;
    length = 0;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) & 0xff;
    if (joinsWord(c)) {
      word = wordHashStep(inWord ? word : FNV_OFFSET, c);
      inWord = true;
    } else if (inWord) {
      keys[n++] = wordKeyOf(word);
      inWord = false;
    }
    if (isSqueezedWordUnit(c)) {
      if (length === 0) before = gapOnly && previous !== -1 && i > 0 ? previous : -1;
      length++;
      last3 = ((last3 << 8) | (DEFAULT_TABLE[c] as number)) & 0xffffff;
    } else {
      if (length > 0) endWord();
      if (!isSqueezedGapUnit(c)) {
        gapOnly = false;
        previous = -1;
      }
    }
    if (isSpace(c)) {
      a = -1;
      b = -1;
      continue;
    }
    if (a >= 0) keys[n++] = (a << 16) | (b << 8) | c;
    a = b;
    b = c;
  }
  if (length > 0) endWord();
  if (inWord) keys[n++] = wordKeyOf(word);
  const sorted = keys.subarray(0, n).sort();
  let m = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[m++] = sorted[i] as number;
  return sorted.slice(0, m);
}

function withLocal(p: Omit<ShardPostings, 'local'>): ShardPostings {
  return { ...p, local: new Map(p.ids.map((id, j) => [id, j])) };
}

/** Build one shard's postings from its documents' filters. */
export function buildShard(
  entries: ReadonlyArray<[string, Filter]>,
  perDoc: readonly Uint32Array[] = entries.map(([, f]) => trigramsOf(f.text)),
): ShardPostings {
  const total = perDoc.reduce((n, k) => n + k.length, 0);
  // key * 2^20 + document: one native sort orders by key, then document (exact in a double)
  const pairs = new Float64Array(total);
  let at = 0;
  for (const [j, keys] of perDoc.entries()) for (const k of keys) pairs[at++] = k * 0x100000 + j;
  pairs.sort();
  const keys: number[] = [];
  const starts: number[] = [];
  const docs = new Uint32Array(total);
  let last = -1;
  for (let i = 0; i < total; i++) {
    const v = pairs[i] as number;
    const key = Math.floor(v / 0x100000);
    if (key !== last) {
      keys.push(key);
      starts.push(i);
      last = key;
    }
    docs[i] = v - key * 0x100000;
  }
  starts.push(total);
  return withLocal({
    ids: entries.map(([id]) => id),
    shas: entries.map(([, f]) => f.sha256),
    keys: Uint32Array.from(keys),
    starts: Uint32Array.from(starts),
    docs,
  });
}

function find(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = keys[mid] as number;
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * The trigram groups a document must hold, one per trigram of each piece (squeezed query
 * units): a group lists every index spelling of that trigram (`variants[u]`: the index's units
 * that fold to u). Pieces shorter than three units and trigrams with too many spellings ask
 * nothing.
 */
export function trigramGroups(pieces: readonly string[], variants: ReadonlyArray<readonly number[]>): number[][] {
  const groups: number[][] = [];
  for (const piece of pieces) {
    for (let i = 0; i + 3 <= piece.length; i++) {
      const [a, b, c] = [0, 1, 2].map((d) => variants[piece.charCodeAt(i + d) & 0xff] ?? []) as [
        readonly number[],
        readonly number[],
        readonly number[],
      ];
      if (a.length * b.length * c.length > MAX_VARIANTS) continue;
      const group: number[] = [];
      for (const x of a) for (const y of b) for (const z of c) group.push((x << 16) | (y << 8) | z);
      groups.push(group);
    }
  }
  return groups;
}

/**
 * The pair keys a document must hold for a word-aware query of several words (`cores`: each
 * query word's core, squeezed, in order): one per two neighbouring words whose cores are whole
 * squeezed words of three units or more (a unit outside ASCII and the Arabic block may stand
 * for a letter, so such a core asks nothing).
 */
export function pairGroups(cores: readonly string[]): number[][] {
  const groups: number[][] = [];
  const last3 = (core: string) => {
    let key = 0;
    for (let i = core.length - 3; i < core.length; i++)
      key = (key << 8) | (DEFAULT_TABLE[core.charCodeAt(i) & 0xff] as number);
    return key;
  };
  const whole = (core: string) =>
    core.length >= 3 && [...core].every((ch) => isSqueezedWordUnit(ch.charCodeAt(0) & 0xff));
  for (let k = 0; k + 1 < cores.length; k++) {
    const a = cores[k] as string;
    const b = cores[k + 1] as string;
    if (whole(a) && whole(b)) groups.push([pairKey(last3(a), last3(b))]);
  }
  return groups;
}

/**
 * The word keys a document must hold for a whole-word query (`piece`: the query folded by a letter
 * variant of the default, squeezed): one per word of it. Where the query begins with a unit that
 * joins a word, its hit is not glued to one on that side (wholeWordFilter.ts), so its first word
 * is a whole word of the document; so is its last, and every word between two of its non-word
 * units. Hamza seats (foldHamzaSeat) are not a letter variant of the default here: none asked.
 */
export function pieceWordGroups(piece: string): number[][] {
  const keys = new Set<number>();
  let start = -1;
  for (let i = 0; i <= piece.length; i++) {
    const joins = i < piece.length && joinsWord(piece.charCodeAt(i) & 0xff);
    if (joins && start === -1) start = i;
    else if (!joins && start !== -1) {
      keys.add(wordKey(piece.slice(start, i)));
      start = -1;
    }
  }
  return [...keys].map((k) => [k]);
}

/** Which of the shard's documents hold every group (one flag per local document). */
export function shardCandidates(p: ShardPostings, groups: readonly number[][]): Uint8Array {
  const alive = new Uint8Array(p.ids.length).fill(1);
  const mark = new Uint8Array(p.ids.length);
  for (const group of groups) {
    mark.fill(0);
    for (const key of group) {
      const k = find(p.keys, key);
      if (k === -1) continue;
      const end = p.starts[k + 1] as number;
      for (let i = p.starts[k] as number; i < end; i++) mark[p.docs[i] as number] = 1;
    }
    let any = 0;
    for (let j = 0; j < alive.length; j++) any |= alive[j] = (alive[j] as number) & (mark[j] as number);
    if (!any) break;
  }
  return alive;
}

/** Whether the shard's postings describe exactly these documents at these versions. */
export function inStep(p: ShardPostings, entries: ReadonlyArray<[string, Filter]>): boolean {
  if (p.ids.length !== entries.length) return false;
  return entries.every(([id, f]) => {
    const j = p.local.get(id);
    return j !== undefined && p.shas[j] === f.sha256;
  });
}

function shardPath(dir: string, shard: number): string {
  return path.join(dir, INDEX_DIR, POSTINGS_DIR, `${String(shard).padStart(2, '0')}.bin`);
}

/*
 * "HXP1", normaliser version, document count, key count, posting count (u32 each), the keys,
 * the starts and the documents (u32 each), then per document the id (u16 length + UTF-8) and
 * its sha256 (64 ASCII hex digits). Every length is checked; a shard that does not add up is
 * ignored and rebuilt.
 */
function encode(p: ShardPostings): Buffer {
  const head = 20;
  const numbers = 4 * (p.keys.length + p.starts.length + p.docs.length);
  let size = head + numbers;
  for (const id of p.ids) size += 2 + Buffer.byteLength(id) + SHA_BYTES;
  const buf = Buffer.alloc(size);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(NORMALIZER_VERSION, 4);
  buf.writeUInt32LE(p.ids.length, 8);
  buf.writeUInt32LE(p.keys.length, 12);
  buf.writeUInt32LE(p.docs.length, 16);
  let at = head;
  for (const arr of [p.keys, p.starts, p.docs]) {
    Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength).copy(buf, at);
    at += arr.byteLength;
  }
  for (const [j, id] of p.ids.entries()) {
    const length = buf.write(id, at + 2, 'utf8');
    buf.writeUInt16LE(length, at);
    at += 2 + length;
    buf.write((p.shas[j] as string).padEnd(SHA_BYTES, '0').slice(0, SHA_BYTES), at, 'latin1');
    at += SHA_BYTES;
  }
  return buf;
}

function u32s(buf: Buffer, at: number, count: number): Uint32Array {
  const out = new Uint32Array(count);
  Buffer.from(out.buffer).set(buf.subarray(at, at + 4 * count));
  return out;
}

function decode(buf: Buffer): ShardPostings | null {
  if (buf.length < 20 || buf.toString('latin1', 0, 4) !== MAGIC || buf.readUInt32LE(4) !== NORMALIZER_VERSION)
    return null;
  const count = buf.readUInt32LE(8);
  const keyCount = buf.readUInt32LE(12);
  const postingCount = buf.readUInt32LE(16);
  let at = 20;
  const numbers = 4 * (2 * keyCount + 1 + postingCount);
  if (at + numbers > buf.length) return null;
  const keys = u32s(buf, at, keyCount);
  at += 4 * keyCount;
  const starts = u32s(buf, at, keyCount + 1);
  at += 4 * (keyCount + 1);
  const docs = u32s(buf, at, postingCount);
  at += 4 * postingCount;
  if (starts[0] !== 0 || starts[keyCount] !== postingCount) return null;
  for (let k = 0; k < keyCount; k++) {
    if ((starts[k] as number) > (starts[k + 1] as number)) return null;
    if (k > 0 && (keys[k] as number) <= (keys[k - 1] as number)) return null;
  }
  for (const d of docs) if (d >= count) return null;
  const ids: string[] = [];
  const shas: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 2 > buf.length) return null;
    const length = buf.readUInt16LE(at);
    at += 2;
    if (at + length + SHA_BYTES > buf.length) return null;
    ids.push(buf.toString('utf8', at, at + length));
    at += length;
    shas.push(buf.toString('latin1', at, at + SHA_BYTES));
    at += SHA_BYTES;
  }
  if (at !== buf.length) return null;
  return withLocal({ ids, shas, keys, starts, docs });
}

/** A stored shard, or null (missing, damaged, another version). */
export async function readShardPostings(dir: string, shard: number): Promise<ShardPostings | null> {
  const buf = await readFile(shardPath(dir, shard)).catch(() => null);
  return buf ? decode(buf) : null;
}

export async function writeShardPostings(dir: string, shard: number, p: ShardPostings): Promise<void> {
  const target = shardPath(dir, shard);
  await mkdir(path.dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  await writeFile(temp, encode(p));
  await rename(temp, target);
}

/** Bytes the shard's postings hold in memory (the typed arrays; the ids are the filter's too). */
export function postingsBytes(p: ShardPostings): number {
  return p.keys.byteLength + p.starts.byteLength + p.docs.byteLength;
}
