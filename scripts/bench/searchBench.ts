/**
 * Search and tag-all at scale, in-process: a synthetic corpus of Arabic articles (about 3,000
 * characters each, with the spelling variants the normaliser folds: taa marbuta/haa, diacritics,
 * tatweel, Arabic-Indic digits) written as a real project folder, opened with the real
 * ProjectStore and driven through the services' dispatch, as the app does.
 *
 * Used by `npm run bench` (scripts/bench/main.ts) and `node scripts/bench-search.mjs [documents]`.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { AcrossResult } from '@shared/api/annotations';
import type { SearchResult } from '@shared/api/search';
import { hostProject } from '../../src/main/app';
import { buildDocumentFile } from '../../src/main/services/documentFactory';
import { ProjectStore } from '../../src/main/store/projectStore';
import { cleanupFloor, durableWriteMs, durableWritesMs } from './floors';

const WORDS = (
  'قال قائد الجيش الوطني الليبي المشير حفتر اليوم الأربعاء في قصر الأليزي محادثات مع الرئيس الفرنسي ماكرون بعد أسبوعين من الزيارة ' +
  'التي أداها لباريس رئيس المجلس الرئاسي فائز السراج بينما لا يزال الهدف الرئيسي الحصول على وقف إطلاق النار في التصعيد العسكري ' +
  'المستمر منذ أن أطلق هجوما للسيطرة على طرابلس وأجلت زيارة هذا الأسبوع وفقا لمصدر أشار إلى إصرار فرنسا الداعمة الرد اتهامات ' +
  'وتوضيح موقفها مجددة دعمها للعملية السياسية برعاية المبعوث الأممي ليبيا غسان الحكومة الأمم المتحدة القوات المسلحة المدنيين النازحين ' +
  'الهدنة المفاوضات الاتفاق الطرفين العاصمة الجنوب الشرق الغرب مجلس الأمن الدولي حظر السلاح الأسلحة الدعم العسكري الأجنبي'
).split(' ');

const toIndic = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

/** A deterministic article generator: every run measures the same corpus. */
function articles(): (i: number) => string {
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  return (i) => {
    const paragraphs: string[] = [];
    let length = 0;
    while (length < 3000) {
      const words: string[] = [];
      for (let w = 0; w < 40; w++) {
        const r = rand();
        if (r < 0.004) words.push(rand() < 0.5 ? 'خليفة' : 'خليفه');
        else if (r < 0.006) words.push(rand() < 0.5 ? 'سلامة' : 'سلامه');
        else if (r < 0.008) words.push(rand() < 0.5 ? 'اضطُرت' : 'اضطرت');
        else if (r < 0.01) words.push('المقبلــة');
        else if (r < 0.014) words.push(rand() < 0.5 ? toIndic(2019) : '2019');
        else words.push(pick(WORDS));
      }
      const p = words.join(' ') + '.';
      paragraphs.push(p);
      length += p.length + 1;
    }
    if (i % 1000 === 0) paragraphs.push('كلمة نادرة جدا تظهر مرة في كل ألف مقالة');
    return paragraphs.join('\n');
  };
}

/** Write `count` articles as documents/<id>.json of a project folder (project.json is made on open). */
export async function writeSearchCorpus(dir: string, count: number): Promise<{ chars: number }> {
  await mkdir(path.join(dir, 'documents'), { recursive: true });
  const article = articles();
  let chars = 0;
  for (let i = 0; i < count; i++) {
    const text = article(i);
    chars += text.length;
    const id = `doc-${String(i).padStart(5, '0')}`;
    const file = buildDocumentFile(
      id,
      { text, title: `Article ${i}`, warnings: [], meta: {} },
      new Date(Date.UTC(2020, 0, 1, 0, 0, i)).toISOString(),
    );
    await writeFile(path.join(dir, 'documents', `${id}.json`), JSON.stringify(file));
  }
  return { chars };
}

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] as number;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

export interface SearchFigures {
  /** the first search with no index files: builds every document's index */
  search_index_build_ms: number;
  /** documents.list asked 200 ms into that build (answered at once, or after it?) */
  call_during_build_ms: number;
  /** the first search of a session, the index files on disk */
  search_first_ms: number;
  /** median warm search for the name in all its spellings */
  search_warm_ms: number;
  /** the slowest of the warm cases' medians */
  search_warm_worst_ms: number;
  /** each warm case's median (the cases of measureSearch; search_warm_ms is "name, all spellings") */
  search_warm_rare_phrase_ms: number;
  search_warm_no_hits_ms: number;
  search_warm_whole_word_ms: number;
  /** whole word, a word the corpus holds only inside longer ones (فرنسي in الفرنسي): no hits, every document a substring match */
  search_warm_whole_word_glued_ms: number;
  search_warm_substring_ms: number;
  search_warm_phrase_ms: number;
  /** ة ≠ ه (foldTaaMarbuta off), word-aware */
  search_warm_strict_ms: number;
  /** ة ≠ ه, alef forms, ى and hamza carriers all significant, substring */
  search_warm_strict_all_ms: number;
  /** ؤ ئ ء as one letter (foldHamzaSeat on) */
  search_warm_hamza_seat_ms: number;
  /** harakat significant (ignoreDiacritics off): folded again from the original */
  search_warm_diacritics_ms: number;
  search_warm_digits_ms: number;
  search_warm_common_ms: number;
  search_warm_one_document_ms: number;
  /** the index on disk (index/: entries, filter, postings), and the postings' part of it */
  search_index_disk_mb: number;
  search_postings_disk_mb: number;
  /** the trigram postings' typed arrays in memory, and the heap growth of the first search after reopening */
  search_postings_mb: number;
  search_index_heap_mb: number;
  /** tag-all of 1,000 hits in one annotations.createAcross, to its answer (its journal record durable) */
  tag_all_1000_ms: number;
  /** the floor of that: one durable write of the touched files' bytes back to back (what the journal record holds) */
  tag_all_1000_floor_ms: number;
  /** from the call to every touched file rewritten, the record retired and the first saves' snapshots taken (store.flush) */
  tag_all_1000_files_ms: number;
  /** the floor before the journal: durable writes of the touched files' bytes, all side by side */
  tag_all_1000_per_file_floor_ms: number;
  /** the same tag-all again in the session, the documents' first-save backups kept already */
  tag_all_1000_again_ms: number;
  /** its undo: one annotations.deleteAcross */
  untag_all_1000_ms: number;
  /** the same 1,000 hits tagged the old way: one annotations.createMany per document */
  tag_all_1000_per_document_ms: number;
}

export interface SearchRun {
  figures: SearchFigures;
  /** hits and documents of the tag-all */
  tagged: { annotations: number; documents: number };
  /** every warm case: its label, median and hits ("1000+" when truncated) */
  warm: Array<{ label: string; ms: number; hits: string }>;
}

/**
 * Measure search and tag-all over the corpus in `dir` (written by writeSearchCorpus). `runs`:
 * repetitions of each warm case. `log` gets a line per measurement.
 */
/** Bytes of every file under `dir`. */
async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const at = path.join(dir, entry.name);
    total += entry.isDirectory() ? await folderBytes(at) : (await stat(at)).size;
  }
  return total;
}

export async function measureSearch(dir: string, runs: number, log: (line: string) => void): Promise<SearchRun> {
  let store = await ProjectStore.open(dir);
  let host = await hostProject(store);
  let { services } = host;
  const search = (input: Record<string, unknown>) => services.dispatch('search', input) as Promise<SearchResult>;

  const building = time(() => search({ query: 'خليفة' }));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const during = await time(() => services.dispatch('documents.list', {}));
  const first = await building;
  log(
    `first search, building every index:      ${first.ms.toFixed(0)} ms (${first.value.hits.length} hits${first.value.truncated ? ', truncated' : ''})`,
  );
  log(`  documents.list asked 200 ms into it:   ${during.ms.toFixed(0)} ms`);
  await store.close();

  store = await ProjectStore.open(dir);
  host = await hostProject(store);
  ({ services } = host);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const reopened = await time(() => search({ query: 'كلمة نادرة' }));
  log(`first search after reopening (index files): ${reopened.ms.toFixed(0)} ms (${reopened.value.hits.length} hits)`);
  globalThis.gc?.();
  const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
  const postingsBytes = host.current.search.postingsBytes;
  log(
    `memory: heap ${mb(process.memoryUsage().heapUsed)} (index grew it by about ${mb(heapGrowth)}; trigram postings ${mb(postingsBytes)} of typed arrays), rss ${mb(process.memoryUsage().rss)}`,
  );
  const diskBytes = await folderBytes(path.join(dir, 'index'));
  const postingsDisk = await folderBytes(path.join(dir, 'index', 'postings'));
  log(`index on disk: ${mb(diskBytes)} (trigram postings ${mb(postingsDisk)})`);

  const docId = store.summaries()[123 % store.summaries().length]?.id as string;
  const cases: Array<[string, Record<string, unknown>]> = [
    ['rare phrase', { query: 'كلمة نادرة' }],
    ['no hits', { query: 'غير موجودة إطلاقا' }],
    ['name, all spellings', { query: 'خليفة' }],
    ['name, whole word', { query: 'خليفة', options: { wholeWord: true } }],
    ['whole word, only inside others', { query: 'فرنسي', options: { wholeWord: true } }],
    ['name, substring (the old default)', { query: 'خليفة', options: { match: 'substring' } }],
    ['phrase with proclitics', { query: 'وقف إطلاق النار' }],
    ['name, taa marbuta significant', { query: 'خليفة', options: { foldTaaMarbuta: false } }],
    [
      'name, every letter significant',
      {
        query: 'خليفة',
        options: { match: 'substring', foldTaaMarbuta: false, foldAlef: false, foldYaa: false, foldHamza: false },
      },
    ],
    ['name, hamza seats as one', { query: 'الرئيس', options: { foldHamzaSeat: true } }],
    ['name, harakat significant', { query: 'اضطُرت', options: { ignoreDiacritics: false } }],
    ['digits ٢٠١٩ / 2019', { query: '٢٠١٩' }],
    ['common word (truncated at 1000)', { query: 'الرئيس' }],
    ['one document (find bar)', { query: 'الرئيس', documentId: docId }],
  ];
  let warm = 0;
  let worst = 0;
  const medians = new Map<string, number>();
  const warmCases: SearchRun['warm'] = [];
  log(`warm searches (median of ${runs}):`);
  for (const [label, input] of cases) {
    const times: number[] = [];
    let last: SearchResult | null = null;
    for (let r = 0; r < runs; r++) {
      const t = await time(() => search(input));
      times.push(t.ms);
      last = t.value;
    }
    const hits = last ? `${last.hits.length}${last.truncated ? '+' : ''} hits` : '';
    log(`  ${label.padEnd(34)} ${median(times).toFixed(1).padStart(7)} ms   ${hits}`);
    medians.set(label, median(times));
    warmCases.push({ label, ms: median(times), hits: last ? `${last.hits.length}${last.truncated ? '+' : ''}` : '' });
    if (label === 'name, all spellings') warm = median(times);
    worst = Math.max(worst, median(times));
  }

  // tag-all as ProjectTagAll.tsx does it: the hits of a project search, every document in one call
  const all = await search({ query: 'خليفة', options: { match: 'substring' } });
  await services.dispatch('settings.update', { annotator: 'Bench' });
  const byDocument = new Map<string, Array<{ start: number; end: number }>>();
  for (const h of all.hits) byDocument.set(h.documentId, [...(byDocument.get(h.documentId) ?? []), h]);
  const items = (code: string) =>
    [...byDocument].map(([documentId, spans]) => ({
      documentId,
      drafts: spans.map((h) => ({ documentId, start: h.start, end: h.end, codes: [code] })),
    }));
  const tagAll = () =>
    time(
      () =>
        services.dispatch('annotations.createAcross', {
          items: items('ceasefire-proposal'),
          skipTagged: true,
        }) as Promise<AcrossResult>,
    );
  const untag = (made: AcrossResult['documents']) =>
    time(() =>
      services.dispatch('annotations.deleteAcross', {
        items: made.map((d) => ({ documentId: d.documentId, ids: d.annotations.map((a) => a.id) })),
      }),
    );
  // the first save of each document in a session also keeps its file among the backups (a hard link)
  // the call answers once its journal record is durable; the files follow in the background
  const started = performance.now();
  const across = await tagAll();
  await store.flush();
  const filesMs = performance.now() - started;
  const made = across.value.documents;
  const count = made.reduce((n, d) => n + d.annotations.length, 0);
  log(`tag all in one call: ${count} annotations in ${made.length} documents in ${across.ms.toFixed(0)} ms`);
  log(
    `  every file rewritten, the journal record retired and the first saves' snapshots taken (store.flush): ${filesMs.toFixed(0)} ms after the call`,
  );
  const bytes = await Promise.all(made.map((d) => readFile(store.documentPath(d.documentId))));
  const floor = await durableWriteMs(path.join(dir, 'documents'), Buffer.concat(bytes));
  await cleanupFloor(path.join(dir, 'documents'));
  log(
    `  its floor, one durable write of those files' ${mb(bytes.reduce((n, b) => n + b.length, 0))}: ${floor.toFixed(0)} ms`,
  );
  const perFileFloor = await durableWritesMs(path.join(dir, 'documents'), bytes);
  log(`  the floor before the journal, ${bytes.length} durable writes side by side: ${perFileFloor.toFixed(0)} ms`);
  const undo = await untag(made);
  await store.flush();
  log(`its undo in one call: ${undo.ms.toFixed(0)} ms`);
  const again = await tagAll();
  await store.flush();
  log(`tag all again (the documents' backups kept already): ${again.ms.toFixed(0)} ms`);
  await untag(again.value.documents);
  await store.flush();
  // the old way, for comparison: one createMany per document (the hits are untagged again)
  const perDocument = await time(async () => {
    for (const item of items('ceasefire-proposal'))
      await services.dispatch('annotations.createMany', { documentId: item.documentId, drafts: item.drafts });
  });
  log(`tag all, one createMany per document (the old way): ${perDocument.ms.toFixed(0)} ms`);
  await store.close();
  return {
    figures: {
      search_index_build_ms: first.ms,
      call_during_build_ms: during.ms,
      search_first_ms: reopened.ms,
      search_warm_ms: warm,
      search_warm_worst_ms: worst,
      search_warm_rare_phrase_ms: medians.get('rare phrase') ?? Number.NaN,
      search_warm_no_hits_ms: medians.get('no hits') ?? Number.NaN,
      search_warm_whole_word_ms: medians.get('name, whole word') ?? Number.NaN,
      search_warm_whole_word_glued_ms: medians.get('whole word, only inside others') ?? Number.NaN,
      search_warm_substring_ms: medians.get('name, substring (the old default)') ?? Number.NaN,
      search_warm_phrase_ms: medians.get('phrase with proclitics') ?? Number.NaN,
      search_warm_strict_ms: medians.get('name, taa marbuta significant') ?? Number.NaN,
      search_warm_strict_all_ms: medians.get('name, every letter significant') ?? Number.NaN,
      search_warm_hamza_seat_ms: medians.get('name, hamza seats as one') ?? Number.NaN,
      search_warm_diacritics_ms: medians.get('name, harakat significant') ?? Number.NaN,
      search_warm_digits_ms: medians.get('digits ٢٠١٩ / 2019') ?? Number.NaN,
      search_warm_common_ms: medians.get('common word (truncated at 1000)') ?? Number.NaN,
      search_warm_one_document_ms: medians.get('one document (find bar)') ?? Number.NaN,
      search_index_disk_mb: diskBytes / 1024 / 1024,
      search_postings_disk_mb: postingsDisk / 1024 / 1024,
      search_postings_mb: postingsBytes / 1024 / 1024,
      search_index_heap_mb: heapGrowth / 1024 / 1024,
      tag_all_1000_ms: across.ms,
      tag_all_1000_floor_ms: floor,
      tag_all_1000_files_ms: filesMs,
      tag_all_1000_per_file_floor_ms: perFileFloor,
      tag_all_1000_again_ms: again.ms,
      untag_all_1000_ms: undo.ms,
      tag_all_1000_per_document_ms: perDocument.ms,
    },
    tagged: { annotations: count, documents: made.length },
    warm: warmCases,
  };
}
