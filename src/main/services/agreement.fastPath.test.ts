/**
 * agreement.report computes on typed arrays (unitizingTable.ts, fieldFigures.ts, a sorted-sweep
 * match); here it is checked against the straightforward computation on a seeded random project
 * of two and of three coders: the unit-tested functions on the units and on the reliability data
 * of the matched claims, the claims matched by comparing every pair. And the records the report
 * keeps per document between calls (agreementRecords.ts) are checked against a fresh read after
 * every kind of change to a document's annotations, for documents open and not open.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgreementReport } from '@shared/api/agreement';
import type { Annotation, DocumentSummary } from '@shared/model';
import { bootstrapAlpha, seededRandom } from '@shared/reliability/bootstrap';
import { krippendorffAlpha, type Value } from '@shared/reliability/codingAlpha';
import { cohenKappa, fleissKappa, percentAgreement } from '@shared/reliability/kappa';
import { spanOverlap } from '@shared/reliability/matchClaims';
import { unitizingAlpha, type Unit } from '@shared/reliability/unitizingAlpha';
import {
  anyCode,
  boundaryAlpha,
  codeOrGap,
  codeOrOther,
  codeSet,
  codingGivenUnitsAlpha,
} from '@shared/reliability/unitizingFamily';
import { documentKey } from '../store/backups';
import { ProjectStore } from '../store/projectStore';
import type { Services } from './index';
import { hostTestProject, type TestProject } from '../../../test/harness/project';

const CODES = ['ceasefire', 'arms-embargo', 'humanitarian'];
let dir: string;
let services: Services;
let store: ProjectStore;
let project: TestProject;
const call = <T>(name: string, input: unknown) => services.dispatch(name, input) as Promise<T>;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-agreement-fast-'));
  store = await ProjectStore.open(dir);
  project = await hostTestProject(store);
  services = project.services;
  const codebook = await call<{ codes: unknown[] }>('codebook.get', {});
  const choice = (key: string, items: string[], values?: number[]) => ({
    key,
    label: key,
    type: 'choice',
    choices: items.map((id, i) => ({ id, name: id, ...(values ? { value: values[i] } : {}) })),
  });
  await call('codebook.save', {
    codes: codebook.codes,
    fields: [
      choice('stance', ['supports', 'opposes', 'doubts']),
      choice('certainty', ['certain', 'uncertain']),
      choice('position', ['supports', 'opposes', 'doubts'], [1, -1, 0]),
    ],
  });
});
afterEach(async () => {
  await project.store.flush();
  await rm(dir, { recursive: true, force: true });
});

interface Draft {
  start: number;
  end: number;
  codes: string[];
  values: Record<string, string>;
}

/** A seeded project: coder A's claims, the others' mostly the same with other boundaries, codes or values. */
async function randomProject(seed: number, coders: string[]): Promise<DocumentSummary[]> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const docs: DocumentSummary[] = [];
  const drafts = new Map<string, Draft[][]>(coders.map((c) => [c, []]));
  for (let d = 0; d < 5; d++) {
    const length = 150 + Math.floor(random() * 150);
    const text = Array.from({ length }, () => pick(['a', 'b', 'c', 'd'])).join('');
    const { document } = await call<{ document: DocumentSummary }>('documents.importText', {
      text,
      title: `D${d}`,
      allowDuplicate: true,
    });
    docs.push(document);
    const base: Draft[] = [];
    for (let n = 0; n < 14; n++) {
      const start = Math.floor(random() * (length - 20));
      const values: Record<string, string> = {};
      if (random() < 0.8) values.stance = values.position = pick(['supports', 'opposes', 'doubts']);
      if (random() < 0.5) values.certainty = pick(['certain', 'uncertain']);
      const codes =
        random() < 0.2 ? [pick(CODES), pick(CODES)].filter((c, i, all) => all.indexOf(c) === i) : [pick(CODES)];
      base.push({ start, end: start + 2 + Math.floor(random() * 15), codes, values });
    }
    coders.forEach((coder, c) => {
      const mine = base
        .filter(() => c === 0 || random() < 0.85)
        .map((x) => {
          if (c === 0) return x;
          const shift = random() < 0.3 ? Math.floor(random() * 5) - 2 : 0;
          const start = Math.max(0, x.start + shift);
          const end = Math.max(start + 1, x.end + (random() < 0.2 ? 3 : 0));
          const codes = random() < 0.15 ? [pick(CODES)] : x.codes;
          const values = random() < 0.25 ? { ...x.values, stance: 'doubts', position: 'doubts' } : x.values;
          return { start, end, codes, values };
        });
      // and a claim of this coder's own
      const start = Math.floor(random() * (length - 10));
      mine.push({ start, end: start + 5, codes: [pick(CODES)], values: {} });
      (drafts.get(coder) as Draft[][]).push(mine);
    });
  }
  for (const coder of coders) {
    await call('settings.update', { annotator: coder, coderId: coder });
    for (const [d, list] of (drafts.get(coder) as Draft[][]).entries()) {
      const documentId = (docs[d] as DocumentSummary).id;
      await call('annotations.createMany', { documentId, drafts: list.map((x) => ({ documentId, ...x })) });
    }
  }
  return docs;
}

/** The matched sets of one document's claims (in reading order), by comparing every pair. */
function pairwiseSets(claims: ReadonlyArray<{ coder: number; start: number; end: number }>, m: number): number[][] {
  const parent = claims.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i] as number)));
  for (let x = 0; x < m; x++)
    for (let y = x + 1; y < m; y++) {
      const pairs: Array<[number, number, number]> = [];
      claims.forEach((a, i) =>
        claims.forEach((b, j) => {
          const o = a.coder === x && b.coder === y ? spanOverlap(a, b) : 0;
          if (o > 0 && o >= 0.5) pairs.push([i, j, o]);
        }),
      );
      pairs.sort((p, q) => q[2] - p[2] || p[0] - q[0] || p[1] - q[1]);
      const used = new Set<number>();
      for (const [i, j] of pairs)
        if (!used.has(i) && !used.has(j)) {
          used.add(i).add(j);
          parent[find(i)] = find(j);
        }
    }
  const groups = new Map<number, number[]>();
  claims.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()].filter((g) => g.length > 1).sort((g, h) => (g[0] as number) - (h[0] as number));
}

async function straightforward(docs: DocumentSummary[], coders: string[]) {
  const units: Unit[] = [];
  const data: Record<string, Array<Array<Value | null>>> = { stance: [], certainty: [], position: [] };
  for (const f of Object.keys(data)) data[f] = coders.map(() => []);
  let offset = 0;
  let unmatched = 0;
  for (const doc of docs) {
    const list = (await call<Annotation[]>('annotations.list', { documentId: doc.id }))
      .filter((a) => coders.includes(a.annotator))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    for (const a of list)
      for (const category of a.codes)
        units.push({ coder: a.annotator, category, start: offset + a.start, end: offset + a.end });
    const sets = pairwiseSets(
      list.map((a) => ({ coder: coders.indexOf(a.annotator), start: a.start, end: a.end })),
      coders.length,
    );
    unmatched += list.length - sets.reduce((n, g) => n + g.length, 0);
    for (const set of sets)
      coders.forEach((coder, c) => {
        const first = set.map((i) => list[i] as Annotation).find((a) => a.annotator === coder);
        const value = (key: string) => (first?.values[key] as string | undefined) ?? null;
        data.stance?.[c]?.push(value('stance'));
        data.certainty?.[c]?.push(value('certainty'));
        const p = value('position');
        data.position?.[c]?.push(
          p === null ? null : (({ supports: 1, opposes: -1, doubts: 0 } as Record<string, number>)[p] ?? null),
        );
      });
    offset += doc.charCount;
  }
  return { study: { begin: 0, length: offset, coders, units }, data, unmatched };
}

async function expectSameFigures(coders: string[]) {
  const docs = await randomProject(coders.length * 101, coders);
  const got = await call<AgreementReport>('agreement.report', {});
  const { study, data, unmatched } = await straightforward(docs, coders);
  const close = (x: number | null | undefined, y: number | null) =>
    y === null ? expect(x).toBeNull() : expect(x as number).toBeCloseTo(y, 12);

  expect(got.coders).toEqual(coders);
  const codes = CODES.filter((c) => study.units.some((u) => u.category === c));
  const u = unitizingAlpha(study, codes);
  close(got.unitizing.alpha, u.alpha);
  expect(got.unitizing.codes.map((c) => c.codeId)).toEqual(codes);
  const family = (x: { alpha: number | null; observed: number; expected: number }, y: typeof x) => {
    close(x.alpha, y.alpha);
    close(x.observed, y.observed);
    close(x.expected, y.expected);
  };
  family(got.unitizing.boundary, boundaryAlpha(study, anyCode));
  family(got.unitizing.codingGivenUnits, codingGivenUnitsAlpha(study, codeSet));
  u.categories.forEach((r, i) => {
    const c = got.unitizing.codes[i];
    close(c?.alpha, r.alpha);
    close(c?.observed, r.observed);
    close(c?.expected, r.expected);
    expect(c?.units).toBe(r.units);
    family(c?.boundary as typeof r, boundaryAlpha(study, codeOrGap(r.category)));
    family(c?.codingGivenUnits as typeof r, codingGivenUnitsAlpha(study, codeOrOther(r.category)));
  });

  expect(got.claims.unmatched).toBe(unmatched);
  expect(got.claims.matched).toBe(data.stance?.[0]?.length);
  expect(got.claims.matched).toBeGreaterThan(40);
  for (const f of got.claims.fields) {
    const rows = data[f.field] as Array<Array<Value | null>>;
    const metric = f.field === 'position' ? 'interval' : 'nominal';
    expect(f.metric).toBe(metric);
    const alpha = krippendorffAlpha(rows, metric);
    close(f.alpha.alpha, alpha.alpha);
    close(f.alpha.observed, alpha.observed);
    close(f.alpha.expected, alpha.expected);
    expect(f.alpha.units).toBe(alpha.units);
    expect(f.interval).toEqual(bootstrapAlpha(rows, metric));
    const kappa = coders.length === 2 ? cohenKappa(rows[0] ?? [], rows[1] ?? []) : fleissKappa(rows);
    const mine = coders.length === 2 ? f.cohenKappa : f.fleissKappa;
    close(mine?.kappa, kappa.kappa);
    expect(mine?.units).toBe(kappa.units);
    const pct = percentAgreement(rows);
    close(f.percentAgreement.agreement, pct.agreement);
    expect(f.percentAgreement.units).toBe(pct.units);
  }
  // the interval is a real one: the data vary
  expect(got.claims.fields[0]?.interval.low).not.toBeNull();
}

describe('agreement.report’s fast path equals the straightforward computation', () => {
  it('on a seeded random project of two coders', async () => {
    await expectSameFigures(['Amal', 'Badr']);
  });

  it('on a seeded random project of three coders', async () => {
    await expectSameFigures(['Amal', 'Badr', 'Cyra']);
  });
});

describe('agreement.report’s kept document records', () => {
  const INPUTS = [
    {},
    { coders: ['Badr', 'Amal'] },
    { codes: ['ceasefire', 'humanitarian'] },
    { fields: ['position', 'certainty'] },
    { coders: ['Cyra', 'Amal'], codes: ['arms-embargo'], overlap: 0.3 },
    { overlap: 0.9 },
  ];
  const reports = async () => JSON.stringify(await Promise.all(INPUTS.map((i) => call('agreement.report', i))));
  /** The project opened again: nothing kept, no document open (each read from its file). */
  async function reopen(): Promise<void> {
    await project.close();
    store = await ProjectStore.open(dir);
    project = await hostTestProject(store);
    services = project.services;
  }
  /** Every document opened, as the app opens them: records are kept for open documents only. */
  async function openAll(): Promise<void> {
    for (const s of store.summaries()) await store.document(s.id);
  }
  /** The same reports from the project opened again (every document read afresh), then every document opened. */
  async function fresh(): Promise<string> {
    await reopen();
    const answer = await reports();
    await openAll();
    return answer;
  }
  const claimOf = async (d: DocumentSummary, coder: string) =>
    (await call<Annotation[]>('annotations.list', { documentId: d.id })).find(
      (a) => a.annotator === coder,
    ) as Annotation;

  it('give the report of a fresh read, for each input, and see every change to a document', async () => {
    const docs = await randomProject(7, ['Amal', 'Badr', 'Cyra']);
    const [d0, d1, d2, d3, d4] = docs as [
      DocumentSummary,
      DocumentSummary,
      DocumentSummary,
      DocumentSummary,
      DocumentSummary,
    ];
    await call('settings.update', { annotator: 'Badr', coderId: 'Badr' });
    const edits: Array<[string, () => Promise<unknown>]> = [
      [
        'values',
        async () => {
          const a = await claimOf(d1, 'Badr');
          const stance = a.values.stance === 'opposes' ? 'supports' : 'opposes';
          return call('annotations.update', {
            id: a.id,
            documentId: d1.id,
            values: { ...a.values, stance, position: stance },
          });
        },
      ],
      [
        'codes',
        async () => {
          const a = await claimOf(d2, 'Badr');
          return call('annotations.update', {
            id: a.id,
            documentId: d2.id,
            codes: a.codes.includes('humanitarian') ? ['ceasefire'] : ['humanitarian'],
          });
        },
      ],
      [
        'span',
        async () =>
          call('annotations.update', { id: (await claimOf(d3, 'Badr')).id, documentId: d3.id, start: 1, end: 40 }),
      ],
      ['delete', async () => call('annotations.delete', { id: (await claimOf(d4, 'Badr')).id, documentId: d4.id })],
      [
        'create',
        async () =>
          call('annotations.create', {
            documentId: d0.id,
            start: 3,
            end: 30,
            codes: ['ceasefire'],
            values: { stance: 'doubts' },
          }),
      ],
    ];
    let before = await reports();
    expect(await reports()).toBe(before);
    // each report as the first call after opening the project (nothing kept from another input)
    const each = JSON.parse(before) as unknown[];
    for (const [x, input] of INPUTS.entries()) {
      await reopen();
      expect(await call('agreement.report', input), JSON.stringify(input)).toEqual(each[x]);
    }
    // the documents open and their records made: each edit below changes an open document's list
    await openAll();
    expect(await reports()).toBe(before);
    for (const [what, edit] of edits) {
      await edit();
      // the other documents' records as kept, the changed one's made again
      const kept = await reports();
      expect(kept, `${what}: the change is seen`).not.toBe(before);
      expect(kept, `${what}: as a fresh read`).toBe(await fresh());
      // the project opened again: its records made on this call, then kept
      before = await reports();
      expect(before).toBe(kept);
    }
  });

  it('give the report of a fresh read for documents not open, when a file changes through the store', async () => {
    const docs = await randomProject(11, ['Amal', 'Badr', 'Cyra']);
    const [, d1, d2] = docs as [DocumentSummary, DocumentSummary, DocumentSummary];
    await call('settings.update', { annotator: 'Badr', coderId: 'Badr' });
    // a snapshot of d1's file as it is now, then d1 changed: its restore rewrites the file
    await project.store.flush();
    const raw = await readFile(store.documentPath(d1.id), 'utf8');
    const { name } = await store.backups.write(documentKey(d1.id), raw);
    await call('annotations.delete', { id: (await claimOf(d1, 'Badr')).id, documentId: d1.id });
    const isOpen = (d: DocumentSummary) => [...store.loadedDocuments()].some((db) => db.data.document.id === d.id);
    /** The reports from the project opened again (nothing kept, nothing open), and it opened again. */
    async function firstReports(): Promise<string> {
      await reopen();
      const answer = await reports();
      await reopen();
      return answer;
    }

    // nothing open: each document's record made from its file on the first call, then kept
    await reopen();
    let before = await reports();
    expect(await reports()).toBe(before);
    expect(docs.some(isOpen)).toBe(false);

    // a backup restored: the file rewritten without the document being opened
    await call('backups.restore', { documentId: d1.id, name });
    expect(isOpen(d1), 'the restore does not open the document').toBe(false);
    let after = await reports();
    expect(after, 'the restored file is seen').not.toBe(before);
    expect(after, 'restored: as a fresh read').toBe(await firstReports());

    // a document opened by an edit (its record from its file is no longer current)
    before = await reports();
    const a = await claimOf(d2, 'Badr');
    await call('annotations.update', {
      id: a.id,
      documentId: d2.id,
      codes: a.codes.includes('humanitarian') ? ['ceasefire'] : ['humanitarian'],
    });
    expect(isOpen(d2)).toBe(true);
    after = await reports();
    expect(after, 'the edit of an opened document is seen').not.toBe(before);
    expect(after, 'edited: as a fresh read').toBe(await firstReports());

    // a document deleted while not open
    await call('documents.delete', { id: d2.id });
    after = await reports();
    expect(after, 'deleted: as a fresh read').toBe(await firstReports());
  });
});
