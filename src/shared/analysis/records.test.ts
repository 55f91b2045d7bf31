import { describe, expect, it } from 'vitest';
import { Annotation } from '../model';
import { applyFilter, ClaimFilter, codeScope } from './filter';
import { claimContext, recordFromAnnotation } from './records';
import { politicalClaimsTemplate } from '../claims/template';
import { Entity, emptyRegistry } from '../claims/registry';
import { actor, claim } from './testRecords';

const doc = { id: 'd1', title: 'Haftar in Paris', source: 'Al-Wasat', publishedAt: '2019-05-22' };
const annotation = (fields: Partial<Annotation>) =>
  Annotation.parse({
    id: 'a1',
    documentId: 'd1',
    start: 3,
    end: 9,
    quote: 'وقف إطلاق النار',
    prefix: '',
    suffix: '',
    codes: ['ceasefire'],
    createdAt: '2019-05-22T10:00:00Z',
    updatedAt: '2019-05-22T10:00:00Z',
    ...fields,
  });

describe('claim records from format-3 annotations', () => {
  const fields = politicalClaimsTemplate();
  const registry = {
    ...emptyRegistry(),
    entities: [
      Entity.parse({ id: 'lna', kind: 'actor', nameAr: 'الجيش الوطني الليبي', type: 'armed-group' }),
      Entity.parse({
        id: 'haftar',
        kind: 'actor',
        nameAr: 'خليفة حفتر',
        nameLatin: 'Khalifa Haftar',
        type: 'person',
        affiliation: 'lna',
      }),
      Entity.parse({ id: 'un', kind: 'actor', nameLatin: 'United Nations' }),
    ],
  };
  const ctx = claimContext({ codebook: { fields }, registry });

  it('names the registry’s actors with their type and affiliation, and takes the position from the choice’s number', () => {
    const r = recordFromAnnotation(
      annotation({
        values: {
          claimant: 'haftar',
          addressee: 'un',
          position: 'rejects',
          form: 'statement',
          certainty: 'alleged',
          note: 'n',
        },
        annotator: 'Salma',
      }),
      doc,
      ctx,
    );
    expect(r.claimant).toEqual({
      id: 'haftar',
      name: 'خليفة حفتر',
      nameAr: 'خليفة حفتر',
      nameLatin: 'Khalifa Haftar',
      type: 'Person',
      affiliation: { id: 'lna', name: 'الجيش الوطني الليبي' },
    });
    expect(r.addressee).toMatchObject({ id: 'un', name: 'United Nations' });
    expect(r).toMatchObject({
      documentDate: '2019-05-22',
      claimDate: '2019-05-22',
      position: -1,
      stance: 'rejects',
      certainty: 'alleged',
      form: 'statement',
      note: 'n',
      coder: 'Salma',
      missing: [],
    });
  });
  it('takes the claim date of the record over the document’s, and 0 for a choice without a number', () => {
    const withOwn = {
      ...fields.find((f) => f.key === 'position')!,
      choices: [{ id: 'wavers', name: 'wavers', nameAr: '', value: null }],
    };
    const own = claimContext({
      codebook: { fields: [...fields.filter((f) => f.key !== 'position'), withOwn] },
      registry,
    });
    const r = recordFromAnnotation(
      annotation({ values: { claimant: 'un', position: 'wavers', claim_date: '2019-05-20' } }),
      doc,
      own,
    );
    expect(r.claimDate).toBe('2019-05-20');
    expect(r.position).toBe(0);
  });
  it('marks a claim without its required claimant as incomplete', () => {
    const r = recordFromAnnotation(annotation({}), doc, ctx);
    expect(r.claimant).toBeNull();
    expect(r.position).toBeNull();
    expect(r.missing).toEqual(['claimant']);
  });
});

const codebook = [
  { id: 'ceasefire', parentId: null },
  { id: 'proposal', parentId: 'ceasefire' },
  { id: 'condition', parentId: 'proposal' },
  { id: 'embargo', parentId: null },
];

describe('the claims filter', () => {
  const lna = { id: 'lna', name: 'الجيش الوطني الليبي' };
  const records = [
    claim(actor('haftar', { affiliation: lna }), ['condition'], -1, { documentDate: '2019-04-05', source: 'Al-Wasat' }),
    claim('sarraj', ['proposal'], 1, {
      documentDate: '2019-05-01',
      coder: 'Omar',
      coderKey: 'Omar',
      annotator: 'Omar',
    }),
    claim('macron', ['embargo'], 0, { documentDate: null, missing: ['stance'] }),
    claim('un', ['ceasefire'], null, {
      addressee: actor('haftar'),
      documentDate: '2019-06-30',
      claimDate: '2019-06-01',
    }),
  ];
  const ids = (f: unknown) => applyFilter(records, ClaimFilter.parse(f), codebook).map((r) => r.claimant!.id);

  it('a code takes its children and grandchildren unless told not to', () => {
    expect([...codeScope(ClaimFilter.parse({ codes: ['ceasefire'] }), codebook)!].sort()).toEqual([
      'ceasefire',
      'condition',
      'proposal',
    ]);
    expect(ids({ codes: ['ceasefire'] })).toEqual(['haftar', 'sarraj', 'un']);
    expect(ids({ codes: ['ceasefire'], includeChildren: false })).toEqual(['un']);
  });
  it('an actor finds its claims as claimant or addressee, and its affiliates’ claims', () => {
    expect(ids({ actors: ['haftar'] })).toEqual(['haftar', 'un']);
    expect(ids({ actors: ['lna'] })).toEqual(['haftar']);
  });
  it('positions (null included), coders, sources, incomplete', () => {
    expect(ids({ positions: [-1, null] })).toEqual(['haftar', 'un']);
    expect(ids({ coders: ['Omar'] })).toEqual(['sarraj']);
    expect(ids({ sources: ['Al-Wasat'], positions: [-1] })).toEqual(['haftar']);
    expect(ids({ incomplete: true })).toEqual(['macron']);
    expect(ids({ incomplete: false })).toEqual(['haftar', 'sarraj', 'un']);
  });
  it('a date range is inclusive, by the article’s date or the claim’s; undated claims fall out', () => {
    expect(ids({ from: '2019-04-05', to: '2019-05-01' })).toEqual(['haftar', 'sarraj']);
    expect(ids({ from: '2019-06-01', to: '2019-06-01' })).toEqual([]);
    expect(ids({ from: '2019-06-01', to: '2019-06-01', dateField: 'claim' })).toEqual(['un']);
  });
  it('refuses a range that ends before it starts, and fields it does not know', () => {
    expect(ClaimFilter.safeParse({ from: '2019-06-02', to: '2019-06-01' }).success).toBe(false);
    expect(ClaimFilter.safeParse({ code: ['x'] }).success).toBe(false);
    expect(ClaimFilter.safeParse({ positions: [2] }).success).toBe(false);
  });
});
