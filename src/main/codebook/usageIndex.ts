/**
 * How often each code, claimant, stance and certainty is used, per document and for the
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
import type { Annotation, DocumentSummary } from '../../shared/model';
import type { ProjectStore } from '../store/projectStore';

const Counts = z.record(z.string(), z.number().int().nonnegative());
export const DocStats = z.object({
  annotations: z.number().int().nonnegative(),
  /** annotations that carry no code at all */
  uncoded: z.number().int().nonnegative(),
  /** annotations carrying each code id (= CSV rows with that code) */
  codes: Counts,
  /** annotations per claimant (annotations without a claimant are not counted) */
  claimants: Counts,
  stances: Counts,
  certainties: Counts,
});
export type DocStats = z.infer<typeof DocStats>;

const CacheFile = z.object({
  version: z.literal(1),
  docs: z.record(z.string(), z.object({ stamp: z.string(), stats: DocStats })),
});
type CacheFile = z.infer<typeof CacheFile>;

type Countable = Pick<Annotation, 'codes' | 'claimant' | 'stance' | 'certainty'>;

export function emptyStats(): DocStats {
  return { annotations: 0, uncoded: 0, codes: {}, claimants: {}, stances: {}, certainties: {} };
}

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

export function statsOf(annotations: Iterable<Countable>): DocStats {
  const s = emptyStats();
  for (const a of annotations) {
    s.annotations++;
    const codes = new Set(a.codes);
    if (codes.size === 0) s.uncoded++;
    for (const c of codes) bump(s.codes, c);
    if (a.claimant) bump(s.claimants, a.claimant);
    if (a.stance) bump(s.stances, a.stance);
    if (a.certainty) bump(s.certainties, a.certainty);
  }
  return s;
}

export function addStats(into: DocStats, more: DocStats): DocStats {
  into.annotations += more.annotations;
  into.uncoded += more.uncoded;
  for (const k of ['codes', 'claimants', 'stances', 'certainties'] as const) {
    for (const [name, n] of Object.entries(more[k])) bump(into[k], name, n);
  }
  return into;
}

/** The file-system calls the index makes (tests count them). */
export interface UsageFs {
  stat: (p: string) => Promise<{ ino: number; size: number; mtimeMs: number }>;
  readFile: (p: string) => Promise<string>;
}
const nodeFs: UsageFs = { stat: (p) => stat(p), readFile: (p) => readFile(p, 'utf8') };

const AnnotationsOnly = z.object({
  annotations: z.array(
    z.object({
      codes: z.array(z.string()),
      claimant: z.string().default(''),
      stance: z.string().default(''),
      certainty: z.string().default(''),
    }),
  ),
});

export class UsageIndex {
  private readonly store: ProjectStore;
  private readonly fs: UsageFs;
  private readonly cachePath: string;
  private cache: CacheFile | null = null;
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
      } else if (this.verified.get(summary.id) === summary && cache.docs[summary.id]) {
        out.set(summary.id, (cache.docs[summary.id] as { stats: DocStats }).stats);
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
    for (const id of Object.keys(cache.docs)) {
      if (!present.has(id)) {
        delete cache.docs[id];
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
    const cache = this.cache as CacheFile;
    const file = this.store.documentPath(id);
    let stamp: string;
    try {
      const st = await this.fs.stat(file);
      stamp = `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      return this.countThroughStore(id);
    }
    const cached = cache.docs[id];
    if (cached && cached.stamp === stamp) {
      this.verified.set(id, summary);
      return cached.stats;
    }
    let stats: DocStats | null = null;
    try {
      const parsed = AnnotationsOnly.safeParse(JSON.parse(await this.fs.readFile(file)));
      if (parsed.success) stats = statsOf(parsed.data.annotations);
    } catch {
      stats = null;
    }
    // A file this quick reading cannot count (damaged, or an older format) goes through the
    // store, which migrates it, or moves a damaged one aside and says so.
    if (!stats) return this.countThroughStore(id);
    cache.docs[id] = { stamp, stats };
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

  private async loadCache(): Promise<CacheFile> {
    if (this.cache) return this.cache;
    try {
      const parsed = CacheFile.safeParse(JSON.parse(await this.fs.readFile(this.cachePath)));
      this.cache = parsed.success ? parsed.data : { version: 1, docs: {} };
    } catch {
      this.cache = { version: 1, docs: {} };
    }
    return this.cache;
  }

  private async saveCache(): Promise<void> {
    if (!this.dirty || !this.cache) return;
    this.dirty = false;
    try {
      await mkdir(path.dirname(this.cachePath), { recursive: true });
      const temp = `${this.cachePath}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(this.cache));
      await rename(temp, this.cachePath);
    } catch {
      // a cache that cannot be written only costs time at the next start
    }
  }
}

const indexes = new WeakMap<ProjectStore, UsageIndex>();

/** The usage index of an open project (one per store). */
export function usageIndex(store: ProjectStore): UsageIndex {
  let index = indexes.get(store);
  if (!index) {
    index = new UsageIndex(store);
    indexes.set(store, index);
  }
  return index;
}
