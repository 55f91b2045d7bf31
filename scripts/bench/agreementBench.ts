/**
 * `agreement_ms` (issue 17): agreement.report over two coders, 1,000 documents and 50,000 claims,
 * run in-process by the services (every document already open, so neither side reads the disk).
 * Coder A's claims are the bench corpus's annotations; coder B's are the same claims, most with
 * the same span, some with other boundaries, codes or field values. The floor is one pass over
 * the same spans sorted (the least any unitizing figure needs: each coder's spans in order).
 * Every figure is computed from the claims on every call: the report keeps nothing of them
 * between calls. (What it does keep is each document's length in code points, counted once per
 * document record since the text never changes: about 3 million code points here.)
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

export async function agreementScenario(
  corpus: Corpus,
  dir: string,
  runs: number,
  record: Record,
  log: (line: string) => void,
): Promise<void> {
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
    const claims = files.reduce((n, f) => n + f.annotations.length, 0);
    log(`agreement project: ${files.length} documents, ${claims.toLocaleString()} claims of two coders`);
    const report = () => services.dispatch('agreement.report', {});
    await report(); // warm the code paths
    const times: number[] = [];
    const floors: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      await report();
      times.push(performance.now() - t0);
      // the floor: the same spans on the continuum, sorted, then one pass over them
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
      floors.push(performance.now() - f0);
      if ((covered[0] as number) === 0) throw new Error('no spans');
    }
    record({
      name: 'agreement_ms',
      value: Math.round(median(times) * 10) / 10,
      unit: 'ms',
      floor: Math.round(median(floors) * 100) / 100,
      target: 'ratio ≤ 5',
      check: (s) => (s.ratio ?? Infinity) <= 5,
      how: `agreement.report through the services (in-process dispatch) over two coders' ${claims.toLocaleString()} claims in ${files.length.toLocaleString()} open documents: αU, |uα and cuα overall and per code, the claims matched, α with its bootstrap interval, κ and % agreement per compared field, the disagreement list. Floor: the same spans laid on the continuum, sorted, and one pass over them (each coder's coverage).`,
      runs,
    });
  } finally {
    await store.close();
  }
}
