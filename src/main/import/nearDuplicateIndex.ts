/**
 * The project's near-duplicate index: one MinHash signature per document (nearDuplicate.ts),
 * kept in step with the document list by id and sha256 like the search index, and cached in
 * <project>/cache/near-duplicates.json (a cache: rebuilt from the documents when missing,
 * damaged or stale). A check costs one signature comparison per document, and an exact
 * comparison for the few that come close.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  CANDIDATE_THRESHOLD,
  estimate,
  jaccard,
  NEAR_DUPLICATE_THRESHOLD,
  shingles,
  signature,
  SIGNATURE_SIZE,
} from './nearDuplicate';

/** What the index needs from a project (the search index's storeSource gives it). */
export interface NearDuplicateSource {
  readonly dir: string;
  summaries(): ReadonlyArray<{ id: string; sha256: string; title: string }>;
  text(id: string): Promise<string>;
}

export interface NearDuplicate {
  documentId: string;
  title: string;
  /** Jaccard similarity of the shingle sets, 0–1 */
  similarity: number;
}

const FORMAT = 'hashiya-near-duplicates';
const VERSION = 1;
const CACHE = path.join('cache', 'near-duplicates.json');

const CacheFile = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  entries: z.array(z.tuple([z.string(), z.string(), z.string().nullable()])),
});

interface Entry {
  sha256: string;
  sig: Uint32Array | null;
}

function encode(sig: Uint32Array | null): string | null {
  return sig ? Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64') : null;
}

function decode(value: string | null): Uint32Array | null | undefined {
  if (value === null) return null;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== SIGNATURE_SIZE * 4) return undefined;
  return new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

export class NearDuplicateIndex {
  private readonly entries = new Map<string, Entry>();
  private loaded = false;
  /** signatures made or dropped since the cache was last written */
  private unsaved = 0;

  constructor(private readonly source: NearDuplicateSource) {}

  private async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const parsed = CacheFile.safeParse(JSON.parse(await readFile(path.join(this.source.dir, CACHE), 'utf8')));
      if (!parsed.success) return;
      for (const [id, sha256, value] of parsed.data.entries) {
        const sig = decode(value);
        if (sig !== undefined) this.entries.set(id, { sha256, sig });
      }
    } catch {
      // no cache yet, or a damaged one: built again from the documents
    }
  }

  private async save(): Promise<void> {
    const file = path.join(this.source.dir, CACHE);
    const entries = [...this.entries].map(([id, e]) => [id, e.sha256, encode(e.sig)]);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(`${file}.partial`, JSON.stringify({ format: FORMAT, version: VERSION, entries }));
    await rename(`${file}.partial`, file);
  }

  /** Bring the signatures in step with the document list. */
  async sync(): Promise<void> {
    await this.load();
    const summaries = this.source.summaries();
    const live = new Set(summaries.map((s) => s.id));
    for (const id of [...this.entries.keys()]) {
      if (!live.has(id)) {
        this.entries.delete(id);
        this.unsaved++;
      }
    }
    for (const s of summaries) {
      if (this.entries.get(s.id)?.sha256 === s.sha256) continue;
      this.entries.set(s.id, { sha256: s.sha256, sig: signature(shingles(await this.source.text(s.id))) });
      this.unsaved++;
    }
    // written once 5% of it changed, so a thousand imports in a row do not rewrite it a thousand
    // times; what was not written is made again from the documents when the project reopens
    if (this.unsaved > 0 && this.unsaved >= this.entries.size / 20) {
      this.unsaved = 0;
      await this.save().catch(() => undefined);
    }
  }

  /** The project's document most like `text`, if it is a near-duplicate of it. */
  async find(text: string): Promise<NearDuplicate | null> {
    await this.sync();
    const set = shingles(text);
    const sig = signature(set);
    if (!sig) return null;
    const candidates: { id: string; guess: number }[] = [];
    for (const [id, e] of this.entries) {
      if (!e.sig) continue;
      const guess = estimate(sig, e.sig);
      if (guess >= CANDIDATE_THRESHOLD) candidates.push({ id, guess });
    }
    candidates.sort((a, b) => b.guess - a.guess);
    for (const { id } of candidates) {
      const similarity = jaccard(set, shingles(await this.source.text(id)));
      if (similarity >= NEAR_DUPLICATE_THRESHOLD) {
        const title = this.source.summaries().find((s) => s.id === id)?.title ?? '';
        return { documentId: id, title, similarity };
      }
    }
    return null;
  }
}
