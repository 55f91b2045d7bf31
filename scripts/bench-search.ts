/**
 * Search latency on a synthetic corpus of 10,000 Arabic articles (about 3,000 characters each,
 * with the spelling variants the normaliser folds: taa marbuta/haa, diacritics, tatweel,
 * Arabic-Indic digits). Run it with `node scripts/bench-search.mjs [documents]`.
 *
 * It writes the corpus as a real project folder, opens it with the real ProjectStore and goes
 * through the services' dispatch, as the app does: first search with no index (builds every
 * index, while another call is answered), first search after reopening (the first query of a
 * session: reads the persisted index), then warm searches, then tag-all over 1,000 hits.
 * The figures the issue sets targets for end the output as `name: value` lines.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { SearchResult } from '@shared/api/search';
import { hostProject } from '../src/main/app';
import { buildDocumentFile } from '../src/main/services/documentFactory';
import { ProjectStore } from '../src/main/store/projectStore';

const COUNT = Number(process.argv[2] ?? 10_000);

const WORDS = (
  'قال قائد الجيش الوطني الليبي المشير حفتر اليوم الأربعاء في قصر الأليزي محادثات مع الرئيس الفرنسي ماكرون بعد أسبوعين من الزيارة ' +
  'التي أداها لباريس رئيس المجلس الرئاسي فائز السراج بينما لا يزال الهدف الرئيسي الحصول على وقف إطلاق النار في التصعيد العسكري ' +
  'المستمر منذ أن أطلق هجوما للسيطرة على طرابلس وأجلت زيارة هذا الأسبوع وفقا لمصدر أشار إلى إصرار فرنسا الداعمة الرد اتهامات ' +
  'وتوضيح موقفها مجددة دعمها للعملية السياسية برعاية المبعوث الأممي ليبيا غسان الحكومة الأمم المتحدة القوات المسلحة المدنيين النازحين ' +
  'الهدنة المفاوضات الاتفاق الطرفين العاصمة الجنوب الشرق الغرب مجلس الأمن الدولي حظر السلاح الأسلحة الدعم العسكري الأجنبي'
).split(' ');

// a deterministic generator, so every run measures the same corpus
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
const toIndic = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));

function article(i: number): string {
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
}

async function time<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-bench-search-'));
  try {
    await mkdir(path.join(dir, 'documents'), { recursive: true });
    let chars = 0;
    const written = await time(async () => {
      for (let i = 0; i < COUNT; i++) {
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
    });
    console.log(
      `machine: ${os.cpus().length} cores, load average ${os
        .loadavg()
        .map((n) => n.toFixed(1))
        .join(' ')} (others' work slows these numbers)`,
    );
    console.log(
      `corpus: ${COUNT} documents, ${(chars / 1e6).toFixed(1)} M characters (written in ${(written.ms / 1000).toFixed(1)} s)`,
    );

    let store = await ProjectStore.open(dir);
    let { services } = await hostProject(store);
    const search = (input: Record<string, unknown>) => services.dispatch('search', input) as Promise<SearchResult>;

    const building = time(() => search({ query: 'خليفة' }));
    // another call made while the index is built: answered at once, or only after the build?
    await new Promise((resolve) => setTimeout(resolve, 200));
    const during = await time(() => services.dispatch('documents.list', {}));
    const first = await building;
    console.log(
      `first search, building every index:      ${first.ms.toFixed(0)} ms (${first.value.hits.length} hits${first.value.truncated ? ', truncated' : ''})`,
    );
    console.log(`  documents.list asked 200 ms into it:   ${during.ms.toFixed(0)} ms`);
    await store.close();

    store = await ProjectStore.open(dir);
    ({ services } = await hostProject(store));
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const reopened = await time(() => search({ query: 'كلمة نادرة' }));
    console.log(
      `first search after reopening (index files): ${reopened.ms.toFixed(0)} ms (${reopened.value.hits.length} hits)`,
    );
    globalThis.gc?.();
    console.log(
      `memory: heap ${mb(process.memoryUsage().heapUsed)} (index grew it by about ${mb(process.memoryUsage().heapUsed - heapBefore)}), rss ${mb(process.memoryUsage().rss)}`,
    );

    const docId = store.summaries()[123]?.id as string;
    const cases: Array<[string, Record<string, unknown>]> = [
      ['rare phrase (10 hits)', { query: 'كلمة نادرة' }],
      ['no hits', { query: 'غير موجودة إطلاقا' }],
      ['name, all spellings', { query: 'خليفة' }],
      ['name, whole word', { query: 'خليفة', options: { wholeWord: true } }],
      ['name, substring (the old default)', { query: 'خليفة', options: { match: 'substring' } }],
      ['phrase with proclitics', { query: 'وقف إطلاق النار' }],
      ['name, taa marbuta significant', { query: 'خليفة', options: { foldTaaMarbuta: false } }],
      ['digits ٢٠١٩ / 2019', { query: '٢٠١٩' }],
      ['common word (truncated at 1000)', { query: 'الرئيس' }],
      ['one document (find bar)', { query: 'الرئيس', documentId: docId }],
    ];
    const figures: Record<string, number> = {
      search_index_build_ms: first.ms,
      call_during_build_ms: during.ms,
      search_first_ms: reopened.ms,
    };
    console.log('warm searches (median of 7):');
    for (const [label, input] of cases) {
      const times: number[] = [];
      let last: SearchResult | null = null;
      for (let r = 0; r < 7; r++) {
        const t = await time(() => search(input));
        times.push(t.ms);
        last = t.value;
      }
      times.sort((a, b) => a - b);
      const hits = last ? `${last.hits.length}${last.truncated ? '+' : ''} hits` : '';
      console.log(`  ${label.padEnd(34)} ${(times[3] as number).toFixed(1).padStart(7)} ms   ${hits}`);
      if (label === 'name, all spellings') figures.search_warm_ms = times[3] as number;
      figures.search_warm_worst_ms = Math.max(figures.search_warm_worst_ms ?? 0, times[3] as number);
    }

    // tag-all as ProjectTagAll.tsx does it: one annotations.createMany per document, 1,000 hits
    const all = await search({ query: 'خليفة', options: { match: 'substring' } });
    await services.dispatch('settings.update', { annotator: 'Bench' });
    const byDocument = new Map<string, Array<{ start: number; end: number }>>();
    for (const h of all.hits) byDocument.set(h.documentId, [...(byDocument.get(h.documentId) ?? []), h]);
    const tagged = await time(async () => {
      let n = 0;
      for (const [documentId, spans] of byDocument) {
        const drafts = spans.map((h) => ({ documentId, start: h.start, end: h.end, codes: ['ceasefire-proposal'] }));
        n += ((await services.dispatch('annotations.createMany', { documentId, drafts })) as unknown[]).length;
      }
      return n;
    });
    console.log(`tag all: ${tagged.value} annotations in ${byDocument.size} documents in ${tagged.ms.toFixed(0)} ms`);
    figures.tag_all_1000_ms = tagged.ms;
    for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value.toFixed(1)}`);
    await store.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
