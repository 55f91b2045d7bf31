/**
 * The claims table and the timeline answer from the claims index (claimIndex.ts) once every
 * document is kept; these property tests compare every answer with the general path (a filter
 * over every record, then a sort: analysisHandlers with `index: false`) on seeded random projects,
 * random filters (codes with and without sub-codes, actors, positions, sources, dates, documents,
 * completeness) and random orders, with edits between the calls: claims created, changed and
 * deleted, a document's date changed, a document deleted, a code renamed and moved.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ClaimFilter } from '@shared/analysis/filter';
import type { ClaimColumn } from '@shared/api/analysis';
import type { Annotation } from '@shared/model';
import { eachTestProject, SAMPLE_TEXT as SAMPLE } from '../../../test/harness/eachProject';
import type { TestProject } from '../../../test/harness/project';
import { analysisHandlers } from './analysis';
import { ClaimIndex } from './claimIndex';
import { claimRecordCache } from './claimRecordCache';

/** whole words of the sample (a span may not split a letter from its marks) */
const WORDS = [...SAMPLE.slice(0, 1200).matchAll(/\S+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
const COLUMNS: ClaimColumn[] = ['documentDate', 'claimDate', 'title', 'codes', 'claimant', 'position', 'quote'];
const POSITIONS = ['proposes', 'supports', 'rejects', 'reports'];
const INTERVALS = ['auto', 'day', 'week', 'month'] as const;
const STACKS = ['none', 'code', 'actor', 'position'] as const;

let p!: TestProject;
eachTestProject('hashiya-analysis-fast-', (opened) => (p = opened));

/** mulberry32: the same project and filters on every run of a seed */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface World {
  rand: () => number;
  pick: <T>(list: readonly T[]) => T;
  some: <T>(list: readonly T[], most: number) => T[];
  actors: string[];
  documents: string[];
}

function world(seed: number): World {
  const rand = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const some = <T>(list: readonly T[], most: number): T[] => {
    const n = 1 + Math.floor(rand() * most);
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  return { rand, pick, some, actors: [], documents: [] };
}

const codeIds = () => p.store.data.codebook.codes.map((c) => c.id);
const date = (w: World) =>
  `2019-${String(1 + Math.floor(w.rand() * 6)).padStart(2, '0')}-${String(1 + Math.floor(w.rand() * 28)).padStart(2, '0')}`;

async function addDocument(w: World): Promise<void> {
  const { document } = await p.call('documents.importText', {
    text: SAMPLE,
    title: `D${w.documents.length}`,
    allowDuplicate: true,
  });
  // one document in five has no date
  const publishedAt = w.rand() < 0.2 ? null : date(w);
  await p.call('documents.update', {
    id: document.id,
    publishedAt,
    source: w.pick(['Al-Wasat', 'Libya Observer', 'Reuters']),
  });
  w.documents.push(document.id);
}

async function addClaim(w: World): Promise<Annotation> {
  const first = w.pick(WORDS.slice(0, -3));
  const last = WORDS[WORDS.indexOf(first) + Math.floor(w.rand() * 3)]!;
  return p.call('annotations.create', {
    documentId: w.pick(w.documents),
    start: first.start,
    end: last.end,
    // a claim without a code is incomplete
    codes: w.rand() < 0.1 ? [] : w.some(codeIds(), 2),
    values: {
      ...(w.rand() < 0.9 ? { claimant: w.pick(w.actors) } : {}),
      ...(w.rand() < 0.3 ? { addressee: w.pick(w.actors) } : {}),
      ...(w.rand() < 0.8 ? { position: w.pick(POSITIONS) } : {}),
      ...(w.rand() < 0.3 ? { claim_date: date(w) } : {}),
    },
  });
}

function randomFilter(w: World): ClaimFilter {
  const f: ClaimFilter = {};
  if (w.rand() < 0.6) f.codes = w.some(codeIds(), 2);
  if (f.codes && w.rand() < 0.4) f.includeChildren = false;
  if (w.rand() < 0.2) f.actors = w.some(w.actors, 2);
  if (w.rand() < 0.2) f.positions = w.some([-1, 0, 1, null] as const, 2);
  if (w.rand() < 0.2) f.sources = w.some(['Al-Wasat', 'Libya Observer', 'Reuters'], 2);
  if (w.rand() < 0.2) f.from = '2019-02-01';
  if (w.rand() < 0.2) f.to = '2019-05-15';
  if (w.rand() < 0.3) f.dateField = w.pick(['document', 'claim'] as const);
  if (w.rand() < 0.15) f.documentIds = w.some(w.documents, 3);
  if (w.rand() < 0.15) f.incomplete = w.rand() < 0.5;
  return f;
}

/** One random change, through the API as the app makes it (so its change event is heard). */
async function edit(w: World, claims: Annotation[]): Promise<void> {
  const what = w.rand();
  if (what < 0.3 || claims.length === 0) claims.push(await addClaim(w));
  else if (what < 0.5) {
    const a = w.pick(claims);
    const changed = await p.call('annotations.update', {
      id: a.id,
      codes: w.some(codeIds(), 2),
      values: { claimant: w.pick(w.actors), position: w.pick(POSITIONS) },
    });
    claims[claims.indexOf(a)] = changed;
  } else if (what < 0.65) {
    const a = w.pick(claims);
    await p.call('annotations.delete', { id: a.id, documentId: a.documentId });
    claims.splice(claims.indexOf(a), 1);
  } else if (what < 0.75) {
    await p.call('documents.update', { id: w.pick(w.documents), publishedAt: date(w) });
  } else if (what < 0.85 && w.documents.length > 2) {
    const id = w.pick(w.documents);
    await p.call('documents.delete', { id });
    w.documents.splice(w.documents.indexOf(id), 1);
    claims.splice(0, claims.length, ...claims.filter((a) => a.documentId !== id));
  } else {
    // rename one code and move another under a new parent (the codes column's names and the sub-codes change)
    const book = await p.call('codebook.get', {});
    const codes = book.codes.map((c) => ({ ...c }));
    const renamed = w.pick(codes);
    renamed.name = `${renamed.name} ${Math.floor(w.rand() * 100)}`;
    const moved = w.pick(codes);
    const parent = w.pick(codes.filter((c) => c.id !== moved.id && c.parentId === null));
    if (parent && !codes.some((c) => c.parentId === moved.id)) moved.parentId = w.rand() < 0.3 ? null : parent.id;
    await p.call('codebook.save', { codes, fields: book.fields });
  }
}

async function setUp(seed: number): Promise<{ w: World; claims: Annotation[] }> {
  const w = world(seed);
  const lna = (await p.call('registry.add', { entity: { kind: 'actor', nameAr: 'الجيش الوطني الليبي' } })).entity.id;
  for (const nameAr of ['خليفة حفتر', 'فائز السراج', 'إيمانويل ماكرون'])
    w.actors.push(
      (
        await p.call('registry.add', {
          entity: { kind: 'actor', nameAr, ...(nameAr === 'خليفة حفتر' ? { affiliation: lna } : {}) },
        })
      ).entity.id,
    );
  w.actors.push(lna);
  for (let d = 0; d < 5; d++) await addDocument(w);
  const claims: Annotation[] = [];
  for (let i = 0; i < 40; i++) claims.push(await addClaim(w));
  return { w, claims };
}

describe('the claims index answers as the general path does', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: the table (every order, every page) and the timeline, with edits between the calls`, async () => {
      const { w, claims } = await setUp(seed);
      const general = analysisHandlers(p.services.ctx, { index: false });
      const tables = vi.spyOn(ClaimIndex.prototype, 'sorted');
      const timelines = vi.spyOn(ClaimIndex.prototype, 'timeline');
      let indexed = 0;
      for (let round = 0; round < 25; round++) {
        for (let q = 0; q < 4; q++) {
          const filter = randomFilter(w);
          const sort = { column: w.pick(COLUMNS), dir: w.pick(['asc', 'desc'] as const) };
          const offset = Math.floor(w.rand() * 10);
          const limit = 1 + Math.floor(w.rand() * 30);
          const fast = await p.call('analysis.claims', { filter, sort, offset, limit });
          // the fast path is taken: every document is kept after the first call
          if (claimRecordCache(p.store).holdsExactly(p.store.summaries())) indexed++;
          expect(fast, JSON.stringify({ round, filter, sort })).toEqual(
            await general['analysis.claims']({ filter, sort, offset, limit }),
          );
          const next = await p.call('analysis.claims', { filter, sort, offset: offset + limit, limit });
          expect(next).toEqual(await general['analysis.claims']({ filter, sort, offset: offset + limit, limit }));
          const timeline = {
            filter,
            interval: w.pick(INTERVALS),
            stackBy: w.pick(STACKS),
            dateField: w.pick(['document', 'claim'] as const),
          };
          expect(await p.call('analysis.timeline', timeline), JSON.stringify({ round, timeline })).toEqual(
            await general['analysis.timeline'](timeline),
          );
        }
        await edit(w, claims);
      }
      expect(indexed).toBeGreaterThan(50);
      // the table and the timeline were answered from the index (every call but those refused or on a partial cache)
      expect(tables.mock.calls.length).toBeGreaterThan(150);
      expect(timelines.mock.calls.length).toBeGreaterThan(75);
    });
  }

  it('refuses a code the codebook lacks and a document the project lacks, as the general path does', async () => {
    await setUp(4);
    await p.call('analysis.claims', { offset: 0, limit: 1 });
    await expect(
      p.call('analysis.claims', { filter: { codes: ['no-such-code'] }, offset: 0, limit: 1 }),
    ).rejects.toThrow('The codebook has no code “no-such-code”.');
    await expect(p.call('analysis.timeline', { filter: { documentIds: ['no-such-doc'] } })).rejects.toThrow(
      'One of the chosen documents is not in this project.',
    );
  });
});
