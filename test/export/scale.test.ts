/**
 * JSON-LD exchange at scale: a file of 150,000 annotations is read without a stack overflow,
 * and an export re-imports completely when sent in batches (as the Exchange dialog sends a large
 * file), with no duplicates even when batches are sent twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationImportResult } from '@shared/api/exchange';
import { BatchedImportError, importInBatches } from '@shared/exchange/batchedImport';
import { annotationItemsOf, importBatches, parseJsonLd } from '@shared/exchange/jsonLdItems';
import type { Annotation, DocumentSummary } from '@shared/model';
import { openProject, type TestProject } from './project';

// three-letter words: a span from a word's start to a word's end is whole characters
const TEXT = 'ابت '.repeat(900).trim();
/** the i-th distinct span of whole words: 500 starts, and ends 0–299 words further */
const span = (i: number) => {
  const start = 4 * (i % 500);
  return { start, end: start + 3 + 4 * Math.floor(i / 500) };
};

const open: TestProject[] = [];
async function project(name: string): Promise<TestProject> {
  const p = await openProject(name);
  open.push(p);
  return p;
}
afterEach(async () => {
  for (const p of open.splice(0)) await p.close();
}, 120_000);

describe('JSON-LD exchange at scale', () => {
  it('imports a file of 150,000 annotations without a stack overflow', async () => {
    const p = await project('Big import');
    const doc = await p.addText(TEXT, 'Letters');
    const N = Number(process.env.SCALE_N ?? 150_000);
    const items: unknown[] = [];
    for (let i = 0; i < N; i++) {
      items.push({
        type: 'Annotation',
        target: { source: `urn:sha256:${doc.sha256}`, selector: { type: 'TextPositionSelector', ...span(i) } },
      });
    }
    const json = JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } });
    const result = await p.call<AnnotationImportResult>('import.annotations', { json });
    expect(result.orphans).toEqual([]);
    expect(result.imported).toBe(N);
    expect((await p.call<DocumentSummary[]>('documents.list', {}))[0]?.annotationCount).toBe(N);
  }, 300_000);

  it('re-imports an export completely in batches, and batches sent again add nothing', async () => {
    const a = await project('Home');
    const docA = await a.addText(TEXT, 'Letters');
    const N = 2_500;
    for (let from = 0; from < N; from += 1000) {
      const drafts = [];
      for (let i = from; i < Math.min(N, from + 1000); i++) {
        drafts.push({ documentId: docA.id, ...span(i), codes: ['ceasefire-proposal'], values: { note: `n${i}` } });
      }
      await a.call('annotations.createMany', { documentId: docA.id, drafts });
    }
    const exported = await a.call<{ json: string; count: number }>('export.annotations', {});
    expect(exported.count).toBe(N);

    const b = await project('Colleague');
    const docB = await b.addText(TEXT, 'Same letters');
    const items = annotationItemsOf(parseJsonLd(exported.json));
    const batches = [...importBatches(items, { maxItems: 1000 })];
    expect(batches.map((x) => [x.firstIndex, x.count])).toEqual([
      [0, 1000],
      [1000, 1000],
      [2000, 500],
    ]);
    const send = (batch: (typeof batches)[number]) =>
      b.call<AnnotationImportResult>('import.annotations', { json: batch.json, firstIndex: batch.firstIndex });

    const first = await send(batches[0]!);
    const retried = await send(batches[0]!); // a batch sent twice (a retry) adds nothing
    expect([first.imported, retried.imported, retried.alreadyPresent]).toEqual([1000, 0, 1000]);
    let imported = first.imported;
    for (const batch of batches.slice(1)) imported += (await send(batch)).imported;
    expect(imported).toBe(N);

    const list = await b.call<Annotation[]>('annotations.list', { documentId: docB.id });
    expect(list).toHaveLength(N);
    expect(new Set(list.map((x) => x.id)).size).toBe(N);
    const home = await a.call<Annotation[]>('annotations.list', { documentId: docA.id });
    const key = (x: Annotation) => `${x.id}|${x.start}|${x.end}|${x.values.note}|${x.codes.join()}`;
    expect(list.map(key).sort()).toEqual(home.map(key).sort());

    // the whole file again, batch by batch: nothing new
    let again = 0;
    for (const batch of batches) again += (await send(batch)).alreadyPresent;
    expect(again).toBe(N);
    expect((await b.call<DocumentSummary[]>('documents.list', {}))[0]?.annotationCount).toBe(N);
  }, 120_000);

  it('importInBatches (what the Exchange dialog runs) adds up the batches as one import, with progress', async () => {
    const a = await project('Home');
    const docA = await a.addText(TEXT, 'Letters');
    const drafts = [];
    for (let i = 0; i < 1200; i++) drafts.push({ documentId: docA.id, ...span(i), codes: ['ceasefire-proposal'] });
    await a.call('annotations.createMany', { documentId: docA.id, drafts });
    const { json } = await a.call<{ json: string }>('export.annotations', {});

    const b = await project('Colleague');
    const docB = await b.addText(TEXT, 'Same letters');
    const send = (batch: { json: string; firstIndex: number }) =>
      b.call<AnnotationImportResult>('import.annotations', batch);
    const progress: number[] = [];
    const result = await importInBatches(json, send, {
      limits: { maxItems: 500 },
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([0, 500, 1000, 1200]);
    expect(result).toMatchObject({
      imported: 1200,
      alreadyPresent: 0,
      orphans: [],
      documents: [{ id: docB.id, imported: 1200 }],
    });
    expect(await importInBatches(json, send, { limits: { maxItems: 500 } })).toMatchObject({
      imported: 0,
      alreadyPresent: 1200,
      documents: [],
    });

    // a batch that fails stops the import; what came before is kept and reported
    let calls = 0;
    const c = await project('Third');
    await c.addText(TEXT, 'Letters again');
    const sendC = (batch: { json: string; firstIndex: number }) =>
      c.call<AnnotationImportResult>('import.annotations', batch);
    const err = await importInBatches(
      json,
      (batch) => (++calls === 2 ? Promise.reject(new Error('disk full')) : sendC(batch)),
      {
        limits: { maxItems: 500 },
      },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BatchedImportError);
    expect(err).toMatchObject({ message: 'disk full', done: 500, total: 1200, partial: { imported: 500 } });
    expect((await importInBatches(json, sendC, { limits: { maxItems: 500 } })).imported).toBe(700);
  }, 120_000);

  it('names an annotation without an id by its place in the whole file, whatever the batch', async () => {
    const p = await project('Names');
    await p.addText(TEXT, 'Letters');
    const items = [{ type: 'Annotation', target: 'nowhere' }, { type: 'Note' }, { type: 'Note' }];
    const batches = [...importBatches(items, { maxItems: 2 })];
    const ids: string[] = [];
    for (const batch of batches) {
      const r = await p.call<AnnotationImportResult>('import.annotations', {
        json: batch.json,
        firstIndex: batch.firstIndex,
      });
      for (const o of r.orphans) ids.push(o.id);
    }
    expect(ids).toEqual(['#1', '#2', '#3']);
  });
});
