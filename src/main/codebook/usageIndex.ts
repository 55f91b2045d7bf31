/**
 * How often each code, claim field, choice and actor is used, per document and for the
 * project, without loading every document. A project of 10,000 documents cannot be read on
 * every codebook edit, so the index keeps each document's counts:
 *  - a document already loaded by the store is counted from memory (it is the truth, and may
 *    hold writes not yet on disk);
 *  - any other document is counted once from its file, and remembered with the file's identity
 *    (inode, size, mtime) in <project>/cache/usage.json, so a later start re-reads only the
 *    files that changed. Within one run an unloaded document cannot change (only the store
 *    writes documents, and it loads them first), so its file is checked once per run.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Annotation, DocumentSummary } from '@shared/model';
import type { ProjectStore } from '../store/projectStore';

/**
 * Counts by name. Names come from data (a claimant called "constructor", a colleague's code with
 * the id "__proto__"), so they are Map keys, never properties of a plain object.
 */
export type Counts = Map<string, number>;

export interface DocStats {
  annotations: number;
  /** annotations that carry no code at all */
  uncoded: number;
  /** annotations carrying each code id (= CSV rows with that code) */
  codes: Counts;
  /** annotations per claim field key that carry a value for it */
  fields: Counts;
  /** annotations per field value: valueKey(field, value); each item of a `choices` list counts */
  values: Counts;
  /**
   * annotations per id named in any of their values (an actor or place, counted once per claim
   * however many of its fields name it: registry uses)
   */
  ids: Counts;
  /**
   * annotations per coder (tallyKey): the coder id, or for an annotation made before coder ids its
   * annotator name (which the project's coder list may map to a coder id: coderOfTally); the
   * adjudicated layer is no coder's and is left out
   */
  coders: Counts;
}

const COUNT_LISTS = ['codes', 'fields', 'values', 'ids', 'coders'] as const;

/** The key of an annotation's coder in DocStats.coders: which of the two it names, then the name. */
export const tallyKey = (a: Pick<Annotation, 'coderId' | 'annotator'>): string =>
  a.coderId !== undefined ? `id\u001f${a.coderId}` : `name\u001f${a.annotator}`;

/** The annotation fields of a tally key (for the coder naming of src/shared/coders/naming.ts). */
export function coderOfTally(key: string): Pick<Annotation, 'coderId' | 'annotator'> {
  const at = key.indexOf('\u001f');
  const value = key.slice(at + 1);
  return key.slice(0, at) === 'id' ? { coderId: value, annotator: '' } : { annotator: value };
}

/** The key of a (field, value) pair in DocStats.values. */
export const valueKey = (field: string, value: string): string => `${field}\u001f${value}`;

/** On disk a count list is an array of [name, count] pairs (a JSON object would meet "__proto__"). */
const StoredCounts = z.array(z.tuple([z.string(), z.number().int().nonnegative()]));
const StoredStats = z.object({
  annotations: z.number().int().nonnegative(),
  uncoded: z.number().int().nonnegative(),
  codes: StoredCounts,
  fields: StoredCounts,
  values: StoredCounts,
  ids: StoredCounts,
  coders: StoredCounts,
});
type StoredStats = z.infer<typeof StoredStats>;

const CacheFile = z.object({
  version: z.literal(4),
  docs: z.array(z.object({ id: z.string(), stamp: z.string(), stats: StoredStats })),
});

interface CacheEntry {
  stamp: string;
  stats: DocStats;
}
interface Cache {
  docs: Map<string, CacheEntry>;
}

const toStored = (s: DocStats): StoredStats => ({
  annotations: s.annotations,
  uncoded: s.uncoded,
  codes: [...s.codes],
  fields: [...s.fields],
  values: [...s.values],
  ids: [...s.ids],
  coders: [...s.coders],
});
const fromStored = (s: StoredStats): DocStats => ({
  annotations: s.annotations,
  uncoded: s.uncoded,
  codes: new Map(s.codes),
  fields: new Map(s.fields),
  values: new Map(s.values),
  ids: new Map(s.ids),
  coders: new Map(s.coders),
});

type Countable = Pick<Annotation, 'codes' | 'values' | 'coderId' | 'annotator'> & {
  adjudication?: unknown;
};

export function emptyStats(): DocStats {
  return {
    annotations: 0,
    uncoded: 0,
    codes: new Map(),
    fields: new Map(),
    values: new Map(),
    ids: new Map(),
    coders: new Map(),
  };
}

const bump = (counts: Counts, key: string, by = 1) => {
  counts.set(key, (counts.get(key) ?? 0) + by);
};

/** The count of `key` (0 when absent). */
export const countOf = (counts: Counts, key: string): number => counts.get(key) ?? 0;

export function statsOf(annotations: Iterable<Countable>): DocStats {
  const s = emptyStats();
  for (const a of annotations) {
    s.annotations++;
    const codes = new Set(a.codes);
    if (codes.size === 0) s.uncoded++;
    for (const c of codes) bump(s.codes, c);
    const ids = new Set<string>();
    // Object.entries reads own keys only: a key from data never reaches a prototype
    for (const [key, value] of Object.entries(a.values)) {
      bump(s.fields, key);
      const items = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
      for (const item of new Set(items)) {
        bump(s.values, valueKey(key, item));
        ids.add(item);
      }
    }
    for (const id of ids) bump(s.ids, id);
    if (a.adjudication === undefined) bump(s.coders, tallyKey(a));
  }
  return s;
}

export function addStats(into: DocStats, more: DocStats): DocStats {
  into.annotations += more.annotations;
  into.uncoded += more.uncoded;
  for (const k of COUNT_LISTS) {
    for (const [name, n] of more[k]) bump(into[k], name, n);
  }
  return into;
}

/** The file-system calls the index makes (tests count them). */
export interface UsageFs {
  stat: (p: string) => Promise<{ ino: number; size: number; mtimeMs: number }>;
  readFile: (p: string) => Promise<string>;
}
const nodeFs: UsageFs = { stat: (p) => stat(p), readFile: (p) => readFile(p, 'utf8') };

export class UsageIndex {
  private readonly store: ProjectStore;
  private readonly fs: UsageFs;
  private readonly cachePath: string;
  private cache: Cache | null = null;
  /**
   * Unloaded documents whose file was checked in this run, with the index entry seen then: the
   * store replaces that entry whenever it rewrites a file it has not loaded (a restored backup).
   */
  private readonly verified = new Map<string, object>();
  private dirty = false;

  constructor(store: ProjectStore, fs: UsageFs = nodeFs) {
    this.store = store;
    this.fs = fs;
    this.cachePath = path.join(store.dir, 'cache', 'usage.json');
  }

  /** Counts of every document of the project, by document id. */
  async perDocument(): Promise<Map<string, DocStats>> {
    const cache = await this.loadCache();
    const loaded = new Map<string, Countable[]>();
    for (const db of this.store.loadedDocuments()) loaded.set(db.data.document.id, db.data.annotations);

    const out = new Map<string, DocStats>();
    const toCheck: DocumentSummary[] = [];
    for (const summary of this.store.summaries()) {
      const annotations = loaded.get(summary.id);
      if (annotations) {
        out.set(summary.id, statsOf(annotations));
        this.verified.delete(summary.id);
      } else if (this.verified.get(summary.id) === summary && cache.docs.has(summary.id)) {
        out.set(summary.id, (cache.docs.get(summary.id) as CacheEntry).stats);
      } else {
        toCheck.push(summary);
      }
    }
    const BATCH = 32;
    for (let i = 0; i < toCheck.length; i += BATCH) {
      const batch = toCheck.slice(i, i + BATCH);
      const results = await Promise.all(batch.map((summary) => this.countFromFile(summary)));
      batch.forEach((summary, j) => {
        const stats = results[j];
        if (stats) out.set(summary.id, stats);
      });
    }
    // forget documents that left the project
    const present = new Set(this.store.summaries().map((s) => s.id));
    for (const id of [...cache.docs.keys()]) {
      if (!present.has(id)) {
        cache.docs.delete(id);
        this.dirty = true;
      }
    }
    await this.saveCache();
    return out;
  }

  /** Counts for the whole project, or for one document. */
  async totals(documentId?: string): Promise<DocStats> {
    const per = await this.perDocument();
    if (documentId !== undefined) return per.get(documentId) ?? emptyStats();
    const total = emptyStats();
    for (const s of per.values()) addStats(total, s);
    return total;
  }

  /** Ids of the documents whose counts satisfy `test` (e.g. those using a code). */
  async documentsWhere(test: (stats: DocStats) => boolean): Promise<string[]> {
    const per = await this.perDocument();
    return [...per].filter(([, s]) => test(s)).map(([id]) => id);
  }

  private async countFromFile(summary: DocumentSummary): Promise<DocStats | null> {
    const id = summary.id;
    const cache = this.cache as Cache;
    const file = this.store.documentPath(id);
    let stamp: string;
    try {
      const st = await this.fs.stat(file);
      stamp = `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      return this.countThroughStore(id);
    }
    const cached = cache.docs.get(id);
    if (cached && cached.stamp === stamp) {
      this.verified.set(id, summary);
      return cached.stats;
    }
    let stats: DocStats;
    try {
      // the store's one reader of document files: a damaged file is moved aside (and said so)
      stats = statsOf((await this.store.peekDocument(id, 'annotations', (p) => this.fs.readFile(p))).annotations);
    } catch {
      return null; // the store has reported the problem and dropped the document from the index
    }
    cache.docs.set(id, { stamp, stats });
    this.verified.set(id, summary);
    this.dirty = true;
    return stats;
  }

  private async countThroughStore(id: string): Promise<DocStats | null> {
    try {
      const db = await this.store.document(id);
      return statsOf(db.data.annotations);
    } catch {
      return null; // the store has reported the problem and dropped the document from the index
    }
  }

  private async loadCache(): Promise<Cache> {
    if (this.cache) return this.cache;
    this.cache = { docs: new Map() };
    try {
      // an older cache (version 1 to 3) or a damaged one is simply recounted
      const parsed = CacheFile.safeParse(JSON.parse(await this.fs.readFile(this.cachePath)));
      if (parsed.success) {
        for (const d of parsed.data.docs) this.cache.docs.set(d.id, { stamp: d.stamp, stats: fromStored(d.stats) });
      }
    } catch {
      // no cache yet
    }
    return this.cache;
  }

  private async saveCache(): Promise<void> {
    if (!this.dirty || !this.cache) return;
    this.dirty = false;
    try {
      await mkdir(path.dirname(this.cachePath), { recursive: true });
      const temp = `${this.cachePath}.${process.pid}.tmp`;
      const file = {
        version: 4,
        docs: [...this.cache.docs].map(([id, d]) => ({ id, stamp: d.stamp, stats: toStored(d.stats) })),
      };
      await writeFile(temp, JSON.stringify(file));
      await rename(temp, this.cachePath);
    } catch {
      // a cache that cannot be written only costs time at the next start
    }
  }
}
