import { describe, expect, it } from 'vitest';
import { Annotation } from '../model';
import { applyFilter, ClaimFilter, codeScope } from './filter';
import { recordFromAnnotation, stancePosition } from './records';
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

describe('claim records from today’s annotations', () => {
  it('maps stances to positions: supports/proposes +1, rejects/denies −1, others 0, none null', () => {
    expect(
      ['supports', 'proposes', 'rejects', 'denies', 'conditions', 'reports', 'my own', ''].map(stancePosition),
    ).toEqual([1, 1, -1, -1, 0, 0, 0, null]);
  });
  it('makes the claimant an actor whose id is the folded name, so spelling variants are one actor', () => {
    const a = recordFromAnnotation(annotation({ claimant: 'خليفه حفتر', stance: 'rejects', annotator: 'Salma' }), doc);
    const b = recordFromAnnotation(annotation({ claimant: ' خليفة  حفتر ', stance: 'rejects' }), doc);
    expect(a.claimant?.id).toBe(b.claimant?.id);
    expect(a.claimant).toMatchObject({ name: 'خليفه حفتر', nameAr: 'خليفه حفتر' });
    expect(a).toMatchObject({
      documentId: 'd1',
      documentDate: '2019-05-22',
      claimDate: '2019-05-22',
      source: 'Al-Wasat',
      quote: 'وقف إطلاق النار',
      position: -1,
      coder: 'Salma',
      missing: [],
    });
  });
  it('marks a claim without claimant or stance as incomplete', () => {
    const r = recordFromAnnotation(annotation({}), doc);
    expect(r.claimant).toBeNull();
    expect(r.position).toBeNull();
    expect(r.missing).toEqual(['claimant', 'stance']);
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
    claim('sarraj', ['proposal'], 1, { documentDate: '2019-05-01', coder: 'Omar' }),
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
