/**
 * The claims view's server cache (claimRecordCache.ts): pages and networks come from records kept
 * per document, and every change the API makes (an edit, its undo, a document's date, an actor's
 * name in the registry) is in the next answer.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation, DocumentSummary } from '@shared/model';
import { eachTestProject, SAMPLE_TEXT as SAMPLE } from '../../../test/harness/eachProject';
import type { TestProject } from '../../../test/harness/project';
import { claimRecordCache } from './claimRecordCache';

let p!: TestProject;
eachTestProject('hashiya-analysis-cache-', (opened) => (p = opened));

async function doc(title: string, publishedAt: string): Promise<DocumentSummary> {
  const { document } = await p.call('documents.importText', { text: SAMPLE, title, allowDuplicate: true });
  return p.call('documents.update', { id: document.id, publishedAt });
}

async function claim(d: DocumentSummary, start: number, claimant: string, position: string): Promise<Annotation> {
  return p.call('annotations.create', {
    documentId: d.id,
    start,
    end: start + 5,
    codes: ['ceasefire-proposal'],
    values: { claimant, position },
  });
}

async function setUp() {
  const haftar = (await p.call('registry.add', { entity: { kind: 'actor', nameAr: 'خليفة حفتر' } })).entity.id;
  const sarraj = (await p.call('registry.add', { entity: { kind: 'actor', nameAr: 'فائز السراج' } })).entity.id;
  const april = await doc('April', '2019-04-10');
  const may = await doc('May', '2019-05-22');
  const a1 = await claim(april, 0, haftar, 'rejects');
  const a2 = await claim(april, 20, sarraj, 'rejects');
  const a3 = await claim(may, 40, haftar, 'supports');
  return { haftar, sarraj, april, may, a1, a2, a3 };
}

const page = async (offset = 0, limit = 2) =>
  p.call('analysis.claims', { sort: { column: 'documentDate', dir: 'asc' }, offset, limit });

describe('the claims cache', () => {
  it('keeps each document’s records once read, and a page after an edit shows the edit', async () => {
    const { sarraj, a1 } = await setUp();
    expect((await page()).rows.map((r) => r.claimant)).toEqual(['خليفة حفتر', 'فائز السراج']);
    expect(claimRecordCache(p.store).size).toBe(2);
    await p.call('annotations.update', { id: a1.id, values: { claimant: sarraj, position: 'supports' } });
    const next = await page();
    expect(next.rows.map((r) => [r.claimant, r.position])).toEqual([
      ['فائز السراج', 1],
      ['فائز السراج', -1],
    ]);
    // the other document's records were kept
    expect(claimRecordCache(p.store).size).toBe(2);
  });

  it('is not stale after an undo: a deleted claim goes from the next page, and comes back when restored', async () => {
    const { april, a1 } = await setUp();
    expect((await page(0, 10)).total).toBe(3);
    // a copy, as the page holds it (in this process the answer is the store's own array)
    const before = structuredClone(await p.call('annotations.list', { documentId: april.id }));
    await p.call('annotations.delete', { id: a1.id, documentId: april.id });
    const after = await page(0, 10);
    expect(after.total).toBe(2);
    expect(after.rows.map((r) => r.annotationId)).not.toContain(a1.id);
    await p.call('annotations.restore', {
      documentId: april.id,
      annotations: before.filter((a) => a.id === a1.id),
    });
    const restored = await page(0, 10);
    expect(restored.total).toBe(3);
    expect(restored.rows[0]!.annotationId).toBe(a1.id);
  });

  it('an edit undone by the editor (the old values sent back) shows the old values again', async () => {
    const { haftar, sarraj, a2 } = await setUp();
    await page(0, 10);
    await p.call('annotations.update', { id: a2.id, values: { claimant: haftar, position: 'rejects' } });
    expect((await page(0, 10)).rows.map((r) => r.claimant)).toEqual(['خليفة حفتر', 'خليفة حفتر', 'خليفة حفتر']);
    await p.call('annotations.update', { id: a2.id, values: { claimant: sarraj, position: 'rejects' } });
    expect((await page(0, 10)).rows.map((r) => r.claimant)).toEqual(['خليفة حفتر', 'فائز السراج', 'خليفة حفتر']);
  });

  it('follows a document’s new date and an actor’s new name (the registry) in the table and the network', async () => {
    const { haftar, may } = await setUp();
    await page(0, 10);
    await p.call('analysis.network', { network: { type: 'twoMode' } });
    await p.call('documents.update', { id: may.id, publishedAt: '2019-03-01' });
    expect((await page(0, 10)).rows.map((r) => r.documentDate)).toEqual(['2019-03-01', '2019-04-10', '2019-04-10']);
    await p.call('registry.update', { id: haftar, patch: { nameAr: 'المشير خليفة حفتر' } });
    expect((await page(0, 1)).rows[0]!.claimant).toBe('المشير خليفة حفتر');
    const network = await p.call('analysis.network', { network: { type: 'twoMode' } });
    expect(network.network.nodes.map((n) => n.name)).toContain('المشير خليفة حفتر');
  });

  it('a new claim is on the next page of the same filter and sort', async () => {
    const { april, sarraj } = await setUp();
    expect((await page(2, 2)).rows).toHaveLength(1);
    await claim(april, 60, sarraj, 'supports');
    const next = await page(2, 2);
    expect(next.total).toBe(4);
    expect(next.rows).toHaveLength(2);
  });
});
