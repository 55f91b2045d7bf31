/**
 * `agreement_ms` (issue 17): agreement.report over two coders, 1,000 documents and 50,000 claims,
 * run in-process by the services (every document already open, so neither side reads the disk).
 * Coder A's claims are the bench corpus's annotations; coder B's are the same claims, most with
 * the same span, some with other boundaries, codes or field values. The floor is one pass over
 * the same spans sorted (the least any unitizing figure needs: each coder's spans in order),
 * measured 3 times after each timed call, its median that run's floor (so one scavenge of its
 * 100,000 objects does not set it).
 * `agreement_ms` is the steady cost: WARM_UPS calls first (the report's code is compiled and
 * optimised over its first calls: the second to the tenth took up to 4 times the steady cost,
 * measured at load 1.5), then the median of the runs.
 * `agreement_first_ms` (information) is the first call in the process, compile included, so that
 * cost is not hidden.
 * What the report keeps between calls (src/main/services/agreementRecords.ts): per document, its
 * annotations read once into typed arrays with document-local numbers (coders, codes, each value
 * key's stored values), kept in a WeakMap keyed on the document's annotation list and checked on
 * every call against that list's revision (a change counter the store gives each list, another
 * number after every change it makes to the document: src/main/store/annotationRevisions.ts), so
 * a changed document is read again and only it (a document not open, read from its file, has its record kept under its
 * document-index entry while that entry is the same object and the document still not open: this
 * bench opens every document, so it does not time that case); beside each record, that document's last matching of claims
 * (agreementMatches.ts: taken again only for the same claims, coder count and overlap); and each
 * document's length in code points (its text never changes). Every other figure (αU, |uα, cuα,
 * α with its interval, κ, % agreement, the disagreement list) is computed on every call from
 * those records, with the call's coders, codes and fields. Besides (none of them a figure, so
 * the bench still times the whole computation): scratch typed arrays the report's passes reuse
 * from call to call, their contents overwritten before they are read (src/shared/reliability/
 * scratch.ts); a process-wide number for each code id and each value key, and, kept on each
 * record, its stored values' numbers under each compared key (agreementRecords.ts);
 * and ln k! by Stirling's series for each k met (multinomial.ts), a table of numbers the same
 * for any data.
 * `agreement_after_edit_ms` (information) is a report right after one claim was changed through
 * annotations.update (its document's record made again), the median of AFTER_EDITS such edits.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Annotation, DocumentFile } from '@shared/model';
import { hostProject } from '../../src/main/app';
import { DOCUMENTS_DIR, ProjectStore } from '../../src/main/store/projectStore';
import { newsDocuments, seeded, writeProject, type Corpus, type Rand } from './corpus';
import { median, type Scenario } from './report';

export const AGREEMENT_DOCUMENTS = 1000;
/** claims per coder and document: 2 × 25 × 1,000 = 50,000 */
const PER_CODER = 25;
/**
 * calls before the timed runs, the first of them timed alone (agreement_first_ms): at load 1.5
 * the calls settle after about ten (the report's code optimised over its first calls)
 */
const WARM_UPS = 10;
/** reports timed right after an edit of one claim (agreement_after_edit_ms) */
const AFTER_EDITS = 5;

type Record = (s: Omit<Scenario, 'ratio' | 'met'> & { check?: (s: Scenario) => boolean }) => void;

/** Coder B's version of coder A's claim: the same, or other boundaries, codes or values. */
function recoded(rand: Rand, a: Annotation, length: number, codeIds: readonly string[]): Annotation {
  const r = rand();
  const shift = r < 0.2 ? Math.round((rand() - 0.5) * 6) : 0;
  const start = Math.max(0, Math.min(a.start + shift, a.end - 1));
  const end = Math.min(length, Math.max(start + 1, a.end + (r < 0.1 ? 2 : 0)));
  const codes = rand() < 0.1 ? [codeIds[Math.floor(rand() * codeIds.length)] as string] : a.codes;
  const values = rand() < 0.2 ? { ...a.values, position: 'rejects' } : a.values;
  return { ...a, id: `${a.id}-b`, start, end, codes, values, annotator: 'Badr' };
}

/**
 * The floor's one pass: the same spans on the continuum (a new object each, as a reader of the
 * claims makes them), sorted, then each coder's coverage in one pass. Its milliseconds.
 */
export function floorMs(files: readonly DocumentFile[]): number {
  const f0 = performance.now();
  const spans: Array<{ coder: number; start: number; end: number }> = [];
  let offset = 0;
  for (const f of files) {
    for (const x of f.annotations)
      spans.push({ coder: x.annotator === 'Amal' ? 0 : 1, start: offset + x.start, end: offset + x.end });
    offset += f.document.charCount;
  }
  spans.sort((p, q) => p.start - q.start || p.end - q.end);
  const covered = [0, 0];
  const reach = [0, 0];
  for (const s of spans) {
    const from = Math.max(s.start, reach[s.coder] as number);
    if (s.end > from) covered[s.coder] = (covered[s.coder] as number) + s.end - from;
    reach[s.coder] = Math.max(reach[s.coder] as number, s.end);
  }
  const ms = performance.now() - f0;
  if ((covered[0] as number) === 0) throw new Error('no spans');
  return ms;
}

/** The bench's project (two coders over AGREEMENT_DOCUMENTS documents) written to `dir`, opened, every document loaded. */
export async function openAgreementProject(
  corpus: Corpus,
  dir: string,
): Promise<{
  store: ProjectStore;
  services: Awaited<ReturnType<typeof hostProject>>['services'];
  files: DocumentFile[];
  project: Awaited<ReturnType<typeof writeProject>>;
}> {
  const project = await writeProject(
    dir,
    corpus,
    newsDocuments(seeded(6), corpus, AGREEMENT_DOCUMENTS, PER_CODER),
    seeded(7),
  );
  const rand = seeded(8);
  for (const s of project.summaries) {
    const file = path.join(dir, DOCUMENTS_DIR, `${s.id}.json`);
    const data = JSON.parse(await readFile(file, 'utf8')) as DocumentFile;
    const a = data.annotations.map((x) => ({ ...x, annotator: 'Amal' }));
    const b = a.map((x) => recoded(rand, x, s.charCount, corpus.codeIds));
    data.annotations = [...a, ...b].sort((x, y) => x.start - y.start || x.end - y.end);
    data.document.annotationCount = data.annotations.length;
    await writeFile(file, JSON.stringify(data));
  }
  const store = await ProjectStore.open(dir);
  try {
    const { services } = await hostProject(store);
    const files: DocumentFile[] = [];
    for (const s of project.summaries) files.push((await store.document(s.id)).data);
    return { store, services, files, project };
  } catch (e) {
    await store.close();
    throw e;
  }
}

export async function agreementScenario(
  corpus: Corpus,
  dir: string,
  runs: number,
  record: Record,
  log: (line: string) => void,
): Promise<void> {
  const { store, services, files, project } = await openAgreementProject(corpus, dir);
  try {
    const claims = files.reduce((n, f) => n + f.annotations.length, 0);
    log(`agreement project: ${files.length} documents, ${claims.toLocaleString()} claims of two coders`);
    const report = () => services.dispatch('agreement.report', {});
    // BENCH_AGREEMENT_DUMP=dir: the reports of a few inputs written there as JSON (to check that a
    // change to the report's code leaves every byte of them as it was)
    const dump = process.env.BENCH_AGREEMENT_DUMP;
    if (dump) {
      const inputs: Array<[string, unknown]> = [
        ['all', {}],
        ['coders', { coders: ['Badr', 'Amal'] }],
        ['codes', { codes: corpus.codeIds.slice(0, 2) }],
        ['documents', { documentIds: project.summaries.slice(0, 100).map((s) => s.id), overlap: 0.3 }],
      ];
      for (const [label, input] of inputs)
        await writeFile(
          path.join(dump, `${label}.json`),
          JSON.stringify(await services.dispatch('agreement.report', input)),
        );
    }
    const t = performance.now();
    await report();
    const first = performance.now() - t;
    for (let w = 1; w < WARM_UPS; w++) {
      const w0 = performance.now();
      await report();
      if (process.env.BENCH_DEBUG)
        console.error(`[agreement] warm-up ${w + 1}: ${(performance.now() - w0).toFixed(1)}`);
    }
    const times: number[] = [];
    const floors: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await report();
      times.push(performance.now() - t0);
      const floor = median([0, 1, 2].map(() => floorMs(files)));
      floors.push(floor);
      if (process.env.BENCH_DEBUG)
        console.error(`[agreement] run ${r + 1}: report ${(times[r] as number).toFixed(1)} floor ${floor.toFixed(2)}`);
    }
    // one claim changed through the services (a new annotation object in its document's list),
    // then the report timed: that document's record is made again, the others are kept
    const afterEdit: number[] = [];
    for (let e = 0; e < AFTER_EDITS; e++) {
      const file = files[(e * 197) % files.length] as DocumentFile;
      const claim = file.annotations[e % file.annotations.length] as Annotation;
      const code = corpus.codeIds.find((c) => !claim.codes.includes(c)) as string;
      await services.dispatch('annotations.update', { id: claim.id, documentId: file.document.id, codes: [code] });
      const t0 = performance.now();
      await report();
      afterEdit.push(performance.now() - t0);
      if (process.env.BENCH_DEBUG)
        console.error(`[agreement] after edit ${e + 1}: ${(afterEdit[e] as number).toFixed(1)}`);
    }
    const floor = Math.round(median(floors) * 100) / 100;
    const what = `two coders' ${claims.toLocaleString()} claims in ${files.length.toLocaleString()} open documents`;
    const floorHow = `Floor: the same spans laid on the continuum, sorted, and one pass over them (each coder's coverage), the median of 3 after each run.`;
    record({
      name: 'agreement_ms',
      value: Math.round(median(times) * 10) / 10,
      unit: 'ms',
      floor,
      target: 'ratio ≤ 5',
      check: (s) => (s.ratio ?? Infinity) <= 5,
      how: `agreement.report through the services (in-process dispatch) over ${what}: αU, |uα and cuα overall and per code, the claims matched, α with its bootstrap interval, κ and % agreement per compared field, the disagreement list; the steady cost: ${WARM_UPS} calls first (the code optimised over them; the first has its own line, agreement_first_ms), then the median of ${runs} runs. ${floorHow}`,
      runs,
    });
    record({
      name: 'agreement_first_ms',
      value: Math.round(first * 10) / 10,
      unit: 'ms',
      floor,
      target: '',
      how: `information: the first agreement.report call in the bench's process over the same ${what}, its code compiled on the way (the cost the steady \`agreement_ms\` leaves out). Floor: that of \`agreement_ms\`.`,
      runs: 1,
    });
    record({
      name: 'agreement_after_edit_ms',
      value: Math.round(median(afterEdit) * 10) / 10,
      unit: 'ms',
      floor,
      target: '',
      how: `information: agreement.report over the same ${what} right after one claim's codes were changed through annotations.update (that document's kept record and matching made again, the others used as kept), the median of ${AFTER_EDITS} edits, each in another document. Floor: that of \`agreement_ms\`.`,
      runs: AFTER_EDITS,
    });
  } finally {
    await store.close();
  }
}
