/**
 * analysis.network's kept answers (networkAnswerCache.ts): the same filter and options asked again
 * with nothing changed is the answer already built, and every change the API makes in between
 * (an edit, a delete, a document's date, an actor's name, a claim field) is in the next answer.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '@shared/model';
import { eachTestProject, SAMPLE_TEXT as SAMPLE } from '../../../test/harness/eachProject';
import type { TestProject } from '../../../test/harness/project';
import { networkAnswerCache } from './networkAnswerCache';

let p!: TestProject;
eachTestProject('hashiya-network-answers-', (opened) => (p = opened));

async function doc(title: string, publishedAt: string): Promise<DocumentSummary> {
  const { document } = await p.call('documents.importText', { text: SAMPLE, title, allowDuplicate: true });
  return p.call('documents.update', { id: document.id, publishedAt });
}

async function setUp() {
  const haftar = (await p.call('registry.add', { entity: { kind: 'actor', nameAr: 'خليفة حفتر' } })).entity.id;
  const sarraj = (await p.call('registry.add', { entity: { kind: 'actor', nameAr: 'فائز السراج' } })).entity.id;
  const april = await doc('April', '2019-04-10');
  const may = await doc('May', '2019-05-22');
  const claim = (d: DocumentSummary, start: number, claimant: string, position: string, addressee?: string) =>
    p.call('annotations.create', {
      documentId: d.id,
      start,
      end: start + 5,
      codes: ['ceasefire-proposal'],
      values: { claimant, position, ...(addressee ? { addressee } : {}) },
    });
  const a1 = await claim(april, 0, haftar, 'rejects', sarraj);
  const a2 = await claim(april, 20, sarraj, 'rejects');
  const a3 = await claim(may, 40, haftar, 'supports');
  return { haftar, sarraj, april, may, a1, a2, a3 };
}

/** every network type once: two-mode from the kept sums, the others (and a time window) from the records */
const SPECS = [
  { type: 'twoMode', aggregation: 'combine' },
  { type: 'twoMode', from: '2019-04-01', to: '2019-04-30' },
  { type: 'congruence', normalization: 'jaccard' },
  { type: 'addressee' },
] as const;

/** the edges as text, sorted (actor ids are random, so the answer's id order varies) */
const weights = async (spec: (typeof SPECS)[number]) =>
  (await p.call('analysis.network', { network: spec })).network.edges
    .map((e) => `${e.source}→${e.target} ${e.weight}${e.combination ? ` ${e.combination}` : ''}`)
    .sort();

describe('the network answers kept between calls', () => {
  it('answers the same filter and options again with the answer built, each option set on its own', async () => {
    await setUp();
    const first = await p.call('analysis.network', { network: { type: 'twoMode', aggregation: 'combine' } });
    const again = await p.call('analysis.network', { network: { type: 'twoMode', aggregation: 'combine' } });
    expect(again).toBe(first);
    const ignore = await p.call('analysis.network', { network: { type: 'twoMode', aggregation: 'ignore' } });
    expect(ignore).not.toBe(first);
    expect(ignore.network.aggregation).toBe('ignore');
    const filtered = await p.call('analysis.network', {
      filter: { codes: ['ceasefire'] },
      network: { type: 'twoMode', aggregation: 'combine' },
    });
    expect(filtered).not.toBe(first);
    expect(networkAnswerCache(p.store).size).toBe(3);
  });

  it('shows an edit, a delete, a new date and a new name in the next answer of every network type', async () => {
    const { haftar, sarraj, april, may, a1, a3 } = await setUp();
    const before = await Promise.all(SPECS.map(weights));
    expect(before[0]).toEqual(
      [
        `actor:${haftar}→code:ceasefire-proposal 2 mixed`,
        `actor:${sarraj}→code:ceasefire-proposal 1 disagreement`,
      ].sort(),
    );
    expect(before[3]).toEqual([`actor:${haftar}→actor:${sarraj} 1`]);

    await p.call('annotations.update', { id: a3.id, values: { claimant: sarraj, position: 'rejects' } });
    const edited = await Promise.all(SPECS.map(weights));
    expect(edited[0]).toEqual(
      [
        `actor:${haftar}→code:ceasefire-proposal 1 disagreement`,
        `actor:${sarraj}→code:ceasefire-proposal 2 disagreement`,
      ].sort(),
    );
    // congruence with Jaccard: Haftar rejects and supports, Sarraj rejects (1 / 2); then both only reject (2 / 2)
    expect(before[2]!.map((e) => e.split(' ')[1])).toEqual(['0.5']);
    expect(edited[2]!.map((e) => e.split(' ')[1])).toEqual(['1']);

    await p.call('annotations.delete', { id: a1.id, documentId: april.id });
    const deleted = await Promise.all(SPECS.map(weights));
    expect(deleted[0]).toEqual([`actor:${sarraj}→code:ceasefire-proposal 2 disagreement`]);
    expect(deleted[3]).toEqual([]);

    // May's claim moves into April's window
    expect(deleted[1]).toEqual([`actor:${sarraj}→code:ceasefire-proposal 1`]);
    await p.call('documents.update', { id: may.id, publishedAt: '2019-04-20' });
    expect(await weights(SPECS[1])).toEqual([`actor:${sarraj}→code:ceasefire-proposal 2`]);

    await p.call('registry.update', { id: sarraj, patch: { nameAr: 'رئيس المجلس فائز السراج' } });
    const renamed = await p.call('analysis.network', { network: SPECS[0] });
    expect(renamed.network.nodes.map((n) => n.name)).toContain('رئيس المجلس فائز السراج');
  });
});
