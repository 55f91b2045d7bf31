/**
 * The project's search index. In memory it keeps only each document's folded text (every rule
 * on, one byte per character: see filterStore.ts), enough to tell whether a document can hold a
 * hit; the full entry (original text and offset map) is read from <project>/index/<id>.json for
 * the documents that do, and the last few are kept. Documents are never loaded for a query: an
 * index is built once per document (from its file, or from the store's copy) and kept in step
 * with the document list by id and sha256 on every search, so imports and deletions need no hook.
 *
 * The folded text is the default folding with ة ى ؤ ئ and the alef forms kept (indexFold.ts):
 * the default and its letter variants (ة ≠ ه, strict hamza…) are a one-for-one letter map
 * away. Any query that matches with some rules switched off also matches with all of them on
 * (each rule only merges spellings), so the default folding is a safe filter for the other
 * option sets, whose documents are folded again from the original. Before any text is scanned,
 * trigram postings (postings.ts) pick the documents that hold every trigram of the query's
 * required pieces.
 */
import { readdir, unlink } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import path from 'node:path';
import { matchModeOf, type MatchMode, type SearchHit, type SearchOptions, type SearchResult } from '@shared/api/search';
import { findAll, type FoldedMatch } from '@shared/search/match';
import { compileWords, requiredFragments, squeezedIncludes } from '@shared/search/wordMatch';
import { squeezedMayHoldWholeWord } from '@shared/search/wholeWordFilter';
import {
  DEFAULT_NORMALIZE_OPTIONS,
  normalize,
  normalizeQuery,
  originalSpan,
  originalSpanBy,
  type NormalizedText,
  type NormalizeOptions,
} from '@shared/search/normalize';
import {
  DEFAULT_KEPT_MAP,
  foldKept,
  keptKey,
  keptMapFor,
  squeezedTable,
  squeezedVariants,
  type KeptMap,
} from '@shared/search/indexFold';
import { hitContext, snapToGraphemes, textView, trimInvisibleEdges, type TextView } from './hitContext';
import { readFilters, shardOf, SHARDS, squeeze, writeFilters, type Filter } from './filterStore';
import {
  buildShard,
  inStep,
  pairGroups,
  pieceWordGroups,
  postingsBytes,
  readShardPostings,
  shardCandidates,
  trigramGroups,
  trigramsOf,
  writeShardPostings,
  type ShardPostings,
} from './postings';
import { buildEntry, entryBytes, INDEX_DIR, readEntry, removeEntry, writeEntry, type IndexEntry } from './indexFile';
import { applyEdits, applySqueezed, editBytes, markedOrigin, markEditsOf, NO_MARKS, type MarkEdits } from './markEdits';

/** What the index needs from a project: its folder, its document list, and a document's text. */
export interface DocumentSource {
  readonly dir: string;
  summaries(): ReadonlyArray<{ id: string; sha256: string; title: string }>;
  /** the canonical text of a document, as stored */
  text(id: string): Promise<string>;
  /** tell the researcher something (the project's notices); optional */
  notice?(message: string): void;
}

/** What the index did since it was made (tests and the benchmark read it). */
export interface IndexCounters {
  /** entries built from a document's text (a rebuild, a new or changed document) */
  built: number;
  /** entries read from their file under index/ */
  read: number;
  /** index files found damaged (and rebuilt) */
  corrupt: number;
  /** in-memory filter texts scanned by searches (the documents the trigram postings let through) */
  scanned: number;
  /** shards of trigram postings built (not read from index/postings/) */
  postingsBuilt: number;
  /** documents whose full entry a search looked for hits in (the filter let them through) */
  searched: number;
}

interface Full {
  entry: IndexEntry;
  view: TextView | null;
  /** the text folded with the last two rule sets searched for (key: those rules), and their bytes */
  custom: Map<string, { text: Folded; bytes: number }>;
}

const foldedBytes = (text: NormalizedText) => 2 * text.text.length + 4 * text.origin.length;

/**
 * A document's text folded with a query's rules, and the original span of units [start, end)
 * of it (for a text with harakat put back, read through the edits: no offset map of its own).
 */
interface Folded {
  text: string;
  span: (start: number, end: number) => { start: number; end: number };
}
const ready = (text: NormalizedText): Folded => ({ text: text.text, span: (s, e) => originalSpan(text, s, e) });
const customBytes = (full: Full) => [...full.custom.values()].reduce((n, c) => n + c.bytes, 0);

/**
 * The full entries of the documents searched last are kept up to this many bytes (about 1,300
 * articles of 3,000 characters): a query refined or repeated reads no file again, and the
 * memory stays the same whatever the size of the project.
 */
const FULL_CACHE_BYTES = 32 * 1024 * 1024;
/**
 * The harakat of the documents whose entries were read or built (markEdits.ts) are kept up to
 * this many bytes: a few numbers per mark, so all of 10,000 news articles fit many times over.
 */
const MARKS_CACHE_BYTES = 16 * 1024 * 1024;
/** what one kept document's harakat cost besides their edits (its Map slot, record, id and sha256): a document without harakat is not free */
const MARKS_ENTRY_BYTES = 192;
const PARALLEL_READS = 16;

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function ruleOptions(options: SearchOptions | undefined): NormalizeOptions {
  const { wholeWord: _w, match: _m, ...rules } = options ?? {};
  return { ...DEFAULT_NORMALIZE_OPTIONS, ...rules };
}

/** Hamza seats, where a text folded with foldHamzaSeat may hold another letter than the default folding gives. */
const HAMZA_SEATS = /[\u0621\u0624\u0626]/gu;

/**
 * How a query narrows the documents before any full entry is read. The index's folded text
 * (indexFold.ts) keeps ة ى ؤ ئ and the alef forms apart; `kept` maps it to the folding the
 * filter compares with: the query's own rules when they are a letter variant of the default
 * (ة ≠ ه, hamza seats…), else the default rules, a safe filter for every other rule set (each
 * of those rules only merges spellings the default merges too, but foldHamzaSeat: then the
 * query is cut at its hamza seats and each piece, without its article, must be there).
 * `pieces`: squeezed substrings every document with a hit holds (for the trigram postings).
 */
interface Plan {
  kept: KeptMap;
  /**
   * harakat significant (and otherwise a letter variant of the default): `mayHold` reads the
   * filter text with the document's harakat put back (markEdits.ts); `loose` is what a document
   * whose harakat are not known yet must pass (the query's pieces without their harakat)
   */
  marked?: {
    loose: (squeezed: string) => boolean;
    /** the harakat the query holds: a document must hold each of them */
    marks: string[];
  };
  pieces: string[];
  /** word-aware: the cores of the query's words, in order (for the postings' pairs of neighbouring words) */
  words?: string[];
  /** whole words: the squeezed query whose words each document must hold as words (the postings' word keys) */
  whole?: string;
  mayHold: (squeezed: string) => boolean;
}

/** Arabic marks (normalize.ts's isArabicMark): what a harakat-significant query keeps and the index drops. */
const MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]/gu;

/** A letter variant of the default but for harakat kept: its map from the index's letters, else null. */
function markedMapFor(rules: NormalizeOptions): KeptMap | null {
  return rules.ignoreDiacritics ? null : keptMapFor({ ...rules, ignoreDiacritics: true });
}

function planFor(query: string, mode: MatchMode, rules: NormalizeOptions): Plan {
  const marked = markedMapFor(rules);
  if (marked) return markedPlan(query, mode, rules, marked);
  const own = keptMapFor(rules);
  const kept = own ?? DEFAULT_KEPT_MAP;
  const table = kept.size === 0 ? null : squeezedTable(kept);
  const includes = squeezedIncludes(table);
  if (!own && rules.foldHamzaSeat) {
    const folded = normalizeQuery(query.normalize('NFC').replace(HAMZA_SEATS, ' '));
    const pieces = requiredFragments(folded)
      .filter((p) => p !== '')
      .map(squeeze);
    return { kept, pieces, mayHold: (text) => pieces.every((p) => includes(text, p)) };
  }
  const folded = own ? normalizeQuery(query, rules) : normalizeQuery(query);
  if (folded === '') return { kept, pieces: [], mayHold: () => true };
  if (mode === 'words') {
    const matcher = compileWords(folded, { squeezed: true, table });
    // the cores of the query's words are looked for first: a plain substring test is far
    // cheaper than the word matcher, and most documents lack one of them
    const cores = requiredFragments(folded)
      .filter((p) => p !== '')
      .map(squeeze);
    // invisible marks kept by the query's rules may be word boundaries the default folding
    // drops (كلمة\u200c، holds the word ، there, not in كلمة،): then only the cores are asked for
    const boundaries = own !== null || rules.ignoreInvisibles;
    return {
      kept,
      pieces: cores,
      // the pairs are keyed by default-folded letters: hamza seats fold ؤ ئ elsewhere
      words: boundaries && !rules.foldHamzaSeat ? cores : [],
      mayHold: (text) => cores.every((p) => includes(text, p)) && (!boundaries || matcher(text, 1).length > 0),
    };
  }
  const piece = squeeze(folded);
  // whole words: an occurrence glued to a letter (لخليفة for خليفة) is no hit, and where only
  // those are, the document is not read (the filter text is exactly the query's folding then)
  const wholeWord = mode === 'wholeWords' && own ? squeezedMayHoldWholeWord(table) : null;
  return {
    kept,
    pieces: piece.split(/[\t\n\v\f\r ]+/u).filter((p) => p !== ''),
    // the word keys are default-folded letters: hamza seats fold ؤ ئ elsewhere
    ...(wholeWord && !rules.foldHamzaSeat ? { whole: piece } : {}),
    mayHold: wholeWord ? (text) => wholeWord(text, piece) : (text) => includes(text, piece),
  };
}

/**
 * The plan of a harakat-significant query: the letter variant's plan on the filter text with the
 * document's harakat put back (the query folded with its harakat). The postings and `loose`
 * hold none: they ask for the query's pieces without their harakat, each still in the index's
 * text wherever the query is in the marked one (a piece holds no white space, where the two
 * foldings could part).
 */
function markedPlan(query: string, mode: MatchMode, rules: NormalizeOptions, kept: KeptMap): Plan {
  const table = kept.size === 0 ? null : squeezedTable(kept);
  const includes = squeezedIncludes(table);
  const folded = normalizeQuery(query, rules);
  const bare = (mode === 'words' ? requiredFragments(folded) : folded.split(/[\t\n\v\f\r ]+/u))
    .map((p) => p.replace(MARKS, ''))
    .flatMap((p) => p.split(/[\t\n\v\f\r ]+/u))
    .filter((p) => p !== '')
    .map(squeeze);
  const loose = (text: string) => bare.every((p) => includes(text, p));
  const marked = { loose, marks: [...new Set(folded.match(MARKS) ?? [])] };
  if (folded === '') return { kept, pieces: [], mayHold: () => true, marked };
  if (mode === 'words') {
    const matcher = compileWords(folded, { squeezed: true, table });
    return { kept, pieces: bare, mayHold: (text) => matcher(text, 1).length > 0, marked };
  }
  const piece = squeeze(folded);
  const wholeWord = mode === 'wholeWords' ? squeezedMayHoldWholeWord(table) : null;
  return {
    kept,
    pieces: bare,
    mayHold: wholeWord ? (text) => wholeWord(text, piece) : (text) => includes(text, piece),
    marked,
  };
}

function matcherFor(folded: string, mode: MatchMode): (text: string, limit: number) => FoldedMatch[] {
  if (mode === 'words') return compileWords(folded);
  return (text, limit) => findAll(text, folded, { wholeWord: mode === 'wholeWords', limit });
}

export class SearchIndex {
  private readonly filters = new Map<string, Filter>();
  private readonly full = new Map<string, Full>();
  private fullBytes = 0;
  /** each document's harakat as edits of its folded text, by sha256 (bounded: MARKS_CACHE_BYTES) */
  private readonly marks = new Map<string, { sha256: string; edits: MarkEdits }>();
  private marksBytes = 0;
  /** the sync running now, and whether another was asked for meanwhile */
  private syncing: Promise<void> | null = null;
  private again = false;
  readonly counters: IndexCounters = { built: 0, read: 0, corrupt: 0, scanned: 0, postingsBuilt: 0, searched: 0 };
  /** shards of the filter changed since they were last written */
  private readonly dirty = new Set<number>();
  private loaded = false;
  /** documents whose index file was found damaged since the last notice */
  private damaged: string[] = [];
  /**
   * The document list's entries as the last sync left them, each where its filter was in step
   * (else null): an entry still the same object needs no sha256 compared again. A warm search
   * over 10,000 documents spent more time comparing 10,000 sha256s than finding its hits.
   */
  private seen: ReadonlyArray<object | null> = [];
  /** the trigram postings of each filter shard (postings.ts), null where not built yet */
  private readonly postings: Array<ShardPostings | null> = Array.from({ length: SHARDS }, () => null);
  /** shards whose postings may be out of step with the filter */
  private readonly postingsDirty = new Set<number>();
  /** whether every shard's postings were compared with the filter since the project was opened */
  private postingsChecked = false;

  /**
   * `prefilter: false` scans every document's full entry instead of only those the in-memory
   * filter lets through (tests compare the two; the results must be the same).
   */
  constructor(
    private readonly source: DocumentSource,
    private readonly options: { prefilter?: boolean; marksCacheBytes?: number } = {},
  ) {}

  /** How many documents' harakat are kept in memory (for tests: the cache is bounded). */
  get marksKept(): number {
    return this.marks.size;
  }

  /** How many documents the in-memory filter holds (for tests and the benchmark). */
  get size(): number {
    return this.filters.size;
  }

  /** Bytes the trigram postings hold in memory (for the benchmark). */
  get postingsBytes(): number {
    return this.postings.reduce((n, p) => n + (p ? postingsBytes(p) : 0), 0);
  }

  /**
   * A document's harakat (markEdits.ts), from memory or worked out from its entry and kept: when
   * it is built, or read for a harakat-significant query (never for the others).
   */
  private marksOf(entry: IndexEntry): MarkEdits {
    const known = this.marks.get(entry.id);
    if (known?.sha256 === entry.sha256) return known.edits;
    this.dropMarks(entry.id);
    const edits = markEditsOf(entry.text, entry.folded);
    this.marks.set(entry.id, { sha256: entry.sha256, edits });
    this.marksBytes += MARKS_ENTRY_BYTES + editBytes(edits);
    while (this.marksBytes > (this.options.marksCacheBytes ?? MARKS_CACHE_BYTES) && this.marks.size > 1)
      this.dropMarks(this.marks.keys().next().value as string);
    return edits;
  }

  private dropMarks(id: string): void {
    const old = this.marks.get(id);
    if (!old) return;
    this.marks.delete(id);
    this.marksBytes -= MARKS_ENTRY_BYTES + editBytes(old.edits);
  }

  /**
   * Whether a document may hold a hit of a harakat-significant query: its filter text with its
   * harakat put back, when they are known (a document without harakat is its filter text);
   * else the query's pieces without harakat must be there, and the document is read.
   */
  private mayHoldMarked(doc: { id: string; sha256: string }, squeezed: string, plan: Plan): boolean {
    if (!plan.marked?.loose(squeezed)) return false;
    let known = this.marks.get(doc.id);
    if (known?.sha256 !== doc.sha256) {
      // an entry in memory tells at once; else the document is read (and its harakat kept then)
      const cached = this.full.get(doc.id);
      if (cached?.entry.sha256 !== doc.sha256) return true;
      known = { sha256: doc.sha256, edits: this.marksOf(cached.entry) };
    }
    // a document without one of the query's harakat holds no hit: no need to put its own back
    if (!plan.marked.marks.every((m) => known.edits.units.includes(m))) return false;
    return plan.mayHold(known.edits === NO_MARKS ? squeezed : applySqueezed(squeezed, known.edits));
  }

  private remember(entry: IndexEntry): Full {
    if (this.filters.get(entry.id)?.sha256 !== entry.sha256) {
      this.filters.set(entry.id, { sha256: entry.sha256, text: squeeze(entry.folded.text) });
      this.dirty.add(shardOf(entry.id));
      this.postingsDirty.add(shardOf(entry.id));
    }
    const full: Full = { entry, view: null, custom: new Map() };
    this.forget(entry.id);
    this.full.set(entry.id, full);
    this.fullBytes += entryBytes(entry);
    while (this.fullBytes > FULL_CACHE_BYTES && this.full.size > 1)
      this.forget(this.full.keys().next().value as string);
    return full;
  }

  private forget(id: string): void {
    const old = this.full.get(id);
    if (!old) return;
    this.full.delete(id);
    this.fullBytes -= entryBytes(old.entry) + customBytes(old);
  }

  /** The index of one document: cached, else from its file, else built (and written). */
  private async entry(id: string, sha: string): Promise<Full> {
    const cached = this.full.get(id);
    if (cached && cached.entry.sha256 === sha) {
      this.full.delete(id);
      this.full.set(id, cached);
      return cached;
    }
    const stored = await readEntry(this.source.dir, id, sha);
    if ('entry' in stored) {
      this.counters.read++;
      return this.remember(stored.entry);
    }
    if ('corrupt' in stored) this.damaged.push(id);
    // keyed by the document list's sha256, so a disagreement cannot make it rebuild on every search
    const built = buildEntry(id, await this.source.text(id), sha);
    this.counters.built++;
    await writeEntry(this.source.dir, built).catch(() => undefined);
    // folded just now: its harakat cost one more folding of a text that has some
    this.marksOf(built);
    return this.remember(built);
  }

  /** Read the stored filter once per project (documents not yet indexed are built by sync). */
  private async load(): Promise<void> {
    if (this.loaded) return;
    const live = new Set(this.source.summaries().map((s) => s.id));
    const [stored, postings] = await Promise.all([
      readFilters(this.source.dir),
      Promise.all(this.postings.map((_, shard) => readShardPostings(this.source.dir, shard))),
    ]);
    for (const [id, filter] of stored) {
      if (!live.has(id)) this.dirty.add(shardOf(id));
      else if (!this.filters.has(id)) this.filters.set(id, filter);
    }
    for (const [shard, p] of postings.entries()) this.postings[shard] = p;
    // index files of documents deleted while the project was closed
    const names = await readdir(path.join(this.source.dir, INDEX_DIR)).catch(() => [] as string[]);
    for (const name of names) {
      if (name.endsWith('.json') && !live.has(name.slice(0, -5))) await removeEntry(this.source.dir, name.slice(0, -5));
      else if (name.endsWith('.tmp')) await unlink(path.join(this.source.dir, INDEX_DIR, name)).catch(() => undefined);
    }
    this.loaded = true;
  }

  /**
   * Bring the filter in step with the document list: read or build what is new, drop what is
   * gone. One sync runs at a time; a call made while one runs waits for it and then for one more
   * (the list may have changed meanwhile). Building yields to the event loop between documents,
   * so other calls are answered while a large project is indexed.
   */
  sync(): Promise<void> {
    if (this.syncing) {
      this.again = true;
      return this.syncing;
    }
    const run = async (): Promise<void> => {
      try {
        do {
          this.again = false;
          await this.syncOnce();
        } while (this.again);
      } finally {
        this.syncing = null;
      }
    };
    this.syncing = run();
    return this.syncing;
  }

  /** Tell the researcher once per sync which index files were damaged (they were rebuilt). */
  private reportDamage(): void {
    if (this.damaged.length === 0) return;
    const count = this.damaged.length;
    this.counters.corrupt += count;
    this.damaged = [];
    this.source.notice?.(
      count === 1
        ? 'One document’s search index file was damaged; it was rebuilt from the document.'
        : `${count} documents’ search index files were damaged; they were rebuilt from the documents.`,
    );
  }

  private async syncOnce(): Promise<void> {
    await this.load();
    const summaries = this.source.summaries();
    const seen = this.seen;
    let moved = summaries.length !== seen.length;
    const stale: Array<(typeof summaries)[number]> = [];
    for (const [i, s] of summaries.entries()) {
      if (s === seen[i]) continue;
      moved = true;
      if (this.filters.get(s.id)?.sha256 !== s.sha256) stale.push(s);
    }
    // every document indexed and as many filters as documents: nothing was added or removed
    if (stale.length === 0 && this.filters.size === summaries.length && this.dirty.size === 0) {
      if (moved) this.keepSeen(summaries);
      await this.refreshPostings();
      return;
    }
    const live = new Set(summaries.map((s) => s.id));
    await inParallel(stale, PARALLEL_READS, async (s) => {
      // a document that cannot be read (the store says why, in a notice) does not stop the search
      await this.entry(s.id, s.sha256).catch(() => undefined);
      await nextTurn();
    });
    this.reportDamage();
    for (const id of [...this.filters.keys()]) {
      if (!live.has(id)) {
        this.filters.delete(id);
        this.forget(id);
        this.dropMarks(id);
        this.dirty.add(shardOf(id));
        this.postingsDirty.add(shardOf(id));
        await removeEntry(this.source.dir, id);
      }
    }
    const shards = [...this.dirty];
    this.dirty.clear();
    await writeFilters(this.source.dir, this.filters, shards).catch(() => undefined);
    this.keepSeen(summaries);
    await this.refreshPostings();
  }

  /**
   * Bring the trigram postings in step with the filter: the shards changed since, or, once per
   * project, every shard whose stored postings do not describe its documents. The event loop is
   * given back every 32 documents and between shards.
   */
  private async refreshPostings(): Promise<void> {
    if (this.options.prefilter === false) return;
    const shards = this.postingsChecked ? [...this.postingsDirty] : Array.from({ length: SHARDS }, (_, k) => k);
    this.postingsDirty.clear();
    if (shards.length === 0) return;
    const wanted = new Set(shards);
    const byShard = new Map<number, Array<[string, Filter]>>(shards.map((k) => [k, []]));
    for (const [id, f] of this.filters) {
      const k = shardOf(id);
      if (wanted.has(k)) byShard.get(k)?.push([id, f]);
    }
    for (const [shard, entries] of byShard) {
      const old = this.postings[shard];
      if (old && inStep(old, entries)) continue;
      // each document's keys a few at a time, the event loop given back between them
      const perDoc: Uint32Array[] = [];
      for (const [n, [, f]] of entries.entries()) {
        perDoc.push(trigramsOf(f.text));
        if (n % 32 === 31) await nextTurn();
      }
      const built = buildShard(entries, perDoc);
      this.counters.postingsBuilt++;
      this.postings[shard] = built;
      await writeShardPostings(this.source.dir, shard, built).catch(() => undefined);
      await nextTurn();
    }
    this.postingsChecked = true;
  }

  private keepSeen(summaries: ReturnType<DocumentSource['summaries']>): void {
    this.seen = summaries.map((s) => (this.filters.get(s.id)?.sha256 === s.sha256 ? s : null));
  }

  /** Forget everything and build every document's index again from the documents. */
  async rebuild(): Promise<number> {
    // a sync started outside the queue (a search's stage) finishes first; syncs asked for
    // meanwhile wait for the rebuild
    while (this.syncing) await this.syncing.catch(() => undefined);
    const rebuilt = this.rebuildAll();
    this.syncing = rebuilt.then(
      () => undefined,
      () => undefined,
    );
    try {
      return await rebuilt;
    } finally {
      this.syncing = null;
    }
  }

  private async rebuildAll(): Promise<number> {
    this.seen = [];
    this.filters.clear();
    this.full.clear();
    this.fullBytes = 0;
    this.marks.clear();
    this.marksBytes = 0;
    this.loaded = true;
    const summaries = this.source.summaries();
    await inParallel(summaries, PARALLEL_READS, async (s) => {
      const entry = buildEntry(s.id, await this.source.text(s.id), s.sha256);
      this.counters.built++;
      await writeEntry(this.source.dir, entry).catch(() => undefined);
      this.filters.set(s.id, { sha256: s.sha256, text: squeeze(entry.folded.text) });
      this.marksOf(entry);
      await nextTurn();
    });
    this.dirty.clear();
    this.postings.fill(null);
    this.postingsChecked = false;
    await writeFilters(
      this.source.dir,
      this.filters,
      Array.from({ length: SHARDS }, (_, k) => k),
    ).catch(() => undefined);
    await this.refreshPostings();
    return summaries.length;
  }

  /**
   * A document's text folded with the query's rules: the index's folded text with its kept
   * letters mapped (`kept`, a letter variant of the default), or with its harakat put back and
   * then its letters mapped (`marked`: harakat significant, else a letter variant), else folded
   * again from the original (and always so without the prefilter, the reference the tests
   * compare with). The last two are kept for the next queries.
   */
  private foldedFor(
    full: Full,
    rules: NormalizeOptions,
    kept: KeptMap | null,
    marked: KeptMap | null,
    key: string,
  ): Folded {
    const reference = this.options.prefilter === false;
    if (kept && kept.size === 0 && !reference) return ready(full.entry.folded);
    const cached = full.custom.get(key);
    if (cached) return cached.text;
    const folded = full.entry.folded;
    let text: Folded;
    let bytes: number;
    if (!reference && kept) {
      text = ready({ text: foldKept(folded.text, kept), origin: folded.origin, cpLength: folded.cpLength });
      bytes = 2 * text.text.length;
    } else if (!reference && marked) {
      // only the text is kept: an offset map of its own would take three times its memory
      const edits = this.marksOf(full.entry);
      const mapped = foldKept(applyEdits(folded, edits).text, marked);
      const origin = (i: number) => markedOrigin(folded, edits, i);
      text = { text: mapped, span: (s, e) => originalSpanBy(origin, mapped.length, folded.cpLength, s, e) };
      bytes = 2 * mapped.length;
    } else {
      const again = normalize(full.entry.text, rules);
      text = ready(again);
      bytes = foldedBytes(again);
    }
    if (full.custom.size >= 2) {
      const [oldest, old] = full.custom.entries().next().value as [string, { bytes: number }];
      full.custom.delete(oldest);
      this.fullBytes -= old.bytes;
    }
    full.custom.set(key, { text, bytes });
    this.fullBytes += bytes;
    return text;
  }

  /**
   * Whether the trigram postings rule a document out: only a document they describe at its
   * current version (else it stays a candidate). `flags` caches each shard's answer.
   */
  private ruledOut(
    doc: { id: string; sha256: string },
    groups: readonly number[][],
    flags: Map<number, Uint8Array | null>,
  ): boolean {
    const shard = shardOf(doc.id);
    const p = this.postings[shard];
    if (!p) return false;
    const j = p.local.get(doc.id);
    if (j === undefined || p.shas[j] !== doc.sha256) return false;
    let alive = flags.get(shard);
    if (alive === undefined) {
      alive = shardCandidates(p, groups);
      flags.set(shard, alive);
    }
    return alive !== null && alive[j] === 0;
  }

  /**
   * The ids of the documents the postings let through, when every shard's postings are in step
   * with the filter (just after a sync): a warm query then asks one set per document instead of
   * its shard and version. Null when some shard is not (then ruledOut decides per document).
   */
  private candidateIds(groups: readonly number[][]): Set<string> | null {
    if (!this.postingsChecked || this.postingsDirty.size > 0 || this.postings.some((p) => !p)) return null;
    const out = new Set<string>();
    for (const p of this.postings) {
      const alive = shardCandidates(p as ShardPostings, groups);
      for (let j = 0; j < alive.length; j++) if (alive[j]) out.add((p as ShardPostings).ids[j] as string);
    }
    return out;
  }

  async search(
    query: string,
    opts: { documentId?: string; options?: SearchOptions; limit: number },
  ): Promise<SearchResult> {
    const rules = ruleOptions(opts.options);
    const mode = matchModeOf(opts.options);
    const folded = normalizeQuery(query, rules);
    const plan = planFor(query, mode, rules);
    const own = keptMapFor(rules);
    const marked = markedMapFor(rules);
    const foldKey = own ? keptKey(own) : marked ? `marks:${keptKey(marked)}` : JSON.stringify(rules);
    // the words first: the most selective, and a shard none of whose documents holds them asks no more
    const groups = [
      ...(plan.whole === undefined ? [] : pieceWordGroups(plan.whole)),
      ...trigramGroups(plan.pieces, squeezedVariants(plan.kept)),
      ...pairGroups(plan.words ?? []),
    ];
    const flags = new Map<number, Uint8Array | null>();
    const matchIn = matcherFor(folded, mode);
    const summaries = this.source.summaries();
    const docs = opts.documentId ? summaries.filter((s) => s.id === opts.documentId) : summaries;
    if (folded === '') return { hits: [], truncated: false, documentCount: docs.length, folded };
    if (opts.documentId) {
      const only = docs[0];
      if (only && this.filters.get(only.id)?.sha256 !== only.sha256) await this.entry(only.id, only.sha256);
    } else {
      await this.sync();
    }
    const hits: SearchHit[] = [];
    let truncated = false;
    const usePostings = this.options.prefilter !== false && !opts.documentId && groups.length > 0;
    const candidates = usePostings ? this.candidateIds(groups) : null;
    const mayMatch = (doc: (typeof docs)[number]) => {
      if (candidates && !candidates.has(doc.id)) {
        // in step: every document with a filter is in its shard's postings at this version
        const filter = this.filters.get(doc.id);
        if (filter && filter.sha256 === doc.sha256) return false;
      }
      const filter = this.filters.get(doc.id);
      if (!filter || this.options.prefilter === false) return true;
      if (usePostings && !candidates && this.ruledOut(doc, groups, flags)) return false;
      this.counters.scanned++;
      return plan.marked ? this.mayHoldMarked(doc, filter.text, plan) : plan.mayHold(filter.text);
    };
    // the candidates are picked a batch at a time, so a query that reaches its limit early
    // never runs the filter over the rest of the project; their full entries are read a batch
    // at a time too (overlapping the file reads), in order
    let next = 0;
    scan: while (next < docs.length) {
      const batch: Array<(typeof docs)[number]> = [];
      while (next < docs.length && batch.length < PARALLEL_READS) {
        const doc = docs[next++] as (typeof docs)[number];
        if (mayMatch(doc)) batch.push(doc);
      }
      const fulls = await Promise.all(
        batch.map((doc) =>
          opts.documentId ? this.entry(doc.id, doc.sha256) : this.entry(doc.id, doc.sha256).catch(() => null),
        ),
      );
      for (const [i, doc] of batch.entries()) {
        const full = fulls[i];
        if (!full) continue;
        this.counters.searched++;
        const text = this.foldedFor(full, rules, own, marked, foldKey);
        const left = opts.limit - hits.length;
        const matches = matchIn(text.text, left + 1);
        if (matches.length === 0) continue;
        full.view ??= textView(full.entry.text);
        const view = full.view;
        for (const m of matches.slice(0, left)) {
          const span = trimInvisibleEdges(view, snapToGraphemes(view, ...spanArgs(text.span(m.start, m.end))));
          hits.push({
            documentId: doc.id,
            ...span,
            ...hitContext(view, span.start, span.end),
            documentTitle: doc.title,
          });
        }
        if (matches.length > left) {
          truncated = true;
          break scan;
        }
      }
    }
    this.reportDamage();
    return { hits, truncated, documentCount: docs.length, folded };
  }
}

function spanArgs(span: { start: number; end: number }): [number, number] {
  return [span.start, span.end];
}
