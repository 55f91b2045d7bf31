/**
 * analysis.network from the kept two-mode sums (networkAggregate.ts via claimRecordCache.ts):
 * after claims are created, changed and deleted between calls, the network of every document
 * equals the one built from the records (a filter naming every document takes that path).
 */
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '@shared/model';
import { eachTestProject, SAMPLE_TEXT as SAMPLE } from '../../../test/harness/eachProject';
import type { TestProject } from '../../../test/harness/project';
import { claimRecordCache } from './claimRecordCache';

let p!: TestProject;
eachTestProject('hashiya-network-totals-', (opened) => (p = opened));

async function doc(title: string): Promise<DocumentSummary> {
  return (await p.call('documents.importText', { text: SAMPLE, title, allowDuplicate: true })).document;
}

describe('the two-mode network from the kept sums', () => {
  it('equals the network built from the records after creates, updates and deletes between calls', async () => {
    const haftar = (await p.call('registry.add', { entity: { kind: 'actor', nameAr: 'خليفة حفتر' } })).entity.id;
    const sarraj = (await p.call('registry.add', { entity: { kind: 'actor', nameAr: 'فائز السراج' } })).entity.id;
    const docs = [await doc('April'), await doc('May')];
    const codes = p.store.data.codebook.codes.map((c) => c.id);
    const made = [];
    for (let i = 0; i < 6; i++)
      made.push(
        await p.call('annotations.create', {
          documentId: docs[i % 2]!.id,
          start: i * 10,
          end: i * 10 + 5,
          codes: i === 5 ? [codes[0]!, codes[1]!] : [codes[i % 3]!],
          values: { claimant: i % 3 === 0 ? sarraj : haftar, position: i % 2 ? 'supports' : 'rejects' },
        }),
      );
    const compare = async (filter: { codes?: string[] } = {}) => {
      const every = { documentIds: (await p.call('documents.list', {})).map((d) => d.id) };
      for (const aggregation of ['ignore', 'combine', 'subtract'] as const) {
        const fast = await p.call('analysis.network', { filter, network: { type: 'twoMode', aggregation } });
        const slow = await p.call('analysis.network', {
          filter: { ...filter, ...every },
          network: { type: 'twoMode', aggregation },
        });
        expect(fast).toEqual(slow);
      }
      for (const type of ['congruence', 'conflict', 'subtract'] as const)
        for (const normalization of ['none', 'average', 'jaccard', 'cosine'] as const) {
          const fast = await p.call('analysis.network', { filter, network: { type, normalization } });
          const slow = await p.call('analysis.network', {
            filter: { ...filter, ...every },
            network: { type, normalization },
          });
          expect(fast, `${type}, ${normalization}`).toEqual(slow);
        }
    };
    await compare();
    // the sums hold every claim of the project
    expect(claimRecordCache(p.store).totals.records).toBe(6);
    const before = await p.call('analysis.network', { network: { type: 'twoMode' } });

    await p.call('annotations.update', { id: made[0]!.id, values: { claimant: haftar, position: 'supports' } });
    await p.call('annotations.delete', { id: made[1]!.id, documentId: docs[1]!.id });
    await p.call('annotations.create', {
      documentId: docs[1]!.id,
      start: 200,
      end: 210,
      codes: [codes[2]!],
      values: { claimant: sarraj, position: 'rejects' },
    });
    const after = await p.call('analysis.network', { network: { type: 'twoMode' } });
    expect(after).not.toEqual(before);
    await compare();
    await compare({ codes: [codes[0]!] });
    expect(claimRecordCache(p.store).totals.records).toBe(6);

    // a document deleted: its claims leave the network
    await p.call('documents.delete', { id: docs[0]!.id });
    await compare();
    expect(claimRecordCache(p.store).totals.records).toBe(3);
  });
});
