/**
 * The kept two-mode sums (networkAggregate.ts) against the network built from the records
 * (network.ts, itself checked against DNA's loops by brute force in network.test.ts): the same
 * nodes, edges, weights, positions and combinations, after records are counted in, taken out and
 * counted in again in another order, as edits make the cache do.
 */
import { describe, expect, it } from 'vitest';
import { applyFilter } from './filter';
import { buildNetwork, NORMALIZATIONS, ONE_MODE_TYPES, TWO_MODE_AGGREGATIONS, type CodeInfo } from './network';
import { TwoModeTotals } from './networkAggregate';
import type { ClaimRecord } from './records';
import { actor, claim } from './testRecords';

const CODEBOOK: CodeInfo[] = [
  { id: 'ceasefire', name: 'Ceasefire', nameAr: 'وقف إطلاق النار', parentId: null },
  { id: 'proposal', name: 'Ceasefire proposal', nameAr: 'اقتراح وقف إطلاق النار', parentId: 'ceasefire' },
  { id: 'embargo', name: 'Arms embargo', nameAr: 'حظر الأسلحة', parentId: null },
  { id: 'talks', name: 'Talks', nameAr: 'محادثات', parentId: null },
];

/** mulberry32, so a failure can be reproduced */
function generated(seed: number, n: number): ClaimRecord[] {
  let s = seed;
  const random = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const actors = [
    actor('haftar', { nameAr: 'خليفة حفتر', affiliation: { id: 'lna', name: 'الجيش الوطني الليبي' } }),
    actor('sarraj', { nameAr: 'فائز السراج', type: 'person' }),
    actor('un', { nameLatin: 'UN', country: 'intl' }),
    actor('egypt'),
    actor('turkey'),
  ];
  const codes = ['ceasefire', 'proposal', 'embargo', 'talks', 'not-in-codebook'];
  return Array.from({ length: n }, () => {
    const u = random();
    // one code, two codes, the same code twice, or none
    const codesOf =
      u < 0.6 ? [pick(codes)] : u < 0.85 ? [pick(codes), pick(codes)] : u < 0.95 ? ['talks', 'talks'] : [];
    return claim(random() < 0.08 ? null : pick(actors), codesOf, random() < 0.15 ? null : pick([-1, 0, 1]));
  });
}

const scopes: Array<ReadonlySet<string> | null> = [null, new Set(['ceasefire', 'proposal']), new Set(['talks'])];

/** What the service builds from the records for a filter on these codes. */
function direct(
  records: ClaimRecord[],
  scope: ReadonlySet<string> | null,
  aggregation: (typeof TWO_MODE_AGGREGATIONS)[number],
) {
  const kept = scope ? applyFilter(records, { codes: [...scope], includeChildren: false }, CODEBOOK) : records;
  const network = buildNetwork(kept, { type: 'twoMode', aggregation, codes: scope }, CODEBOOK);
  return { claims: kept.length, nodes: network.nodes, edges: network.edges };
}

function expectSame(totals: TwoModeTotals, records: ClaimRecord[]): void {
  for (const scope of scopes) {
    const where = scope ? [...scope].join('+') : 'every code';
    for (const aggregation of TWO_MODE_AGGREGATIONS) {
      const want = direct(records, scope, aggregation);
      const got = { claims: totals.claims(scope), ...totals.build(aggregation, scope, CODEBOOK) };
      expect(got, `${aggregation}, ${where}`).toEqual(want);
    }
    // the one-mode networks from the same sums, every normalisation, weights to the last bit
    const kept = scope ? applyFilter(records, { codes: [...scope], includeChildren: false }, CODEBOOK) : records;
    for (const type of ONE_MODE_TYPES)
      for (const normalization of NORMALIZATIONS) {
        const { nodes, edges } = buildNetwork(kept, { type, normalization, codes: scope }, CODEBOOK);
        expect(totals.oneMode(type, normalization, scope), `${type}, ${normalization}, ${where}`).toEqual({
          nodes,
          edges,
        });
      }
  }
}

describe('the kept two-mode sums', () => {
  it('give the network built from the records, for every aggregation and code scope', () => {
    const records = generated(16, 60);
    const totals = new TwoModeTotals();
    totals.add(records, 1);
    expect(totals.exact).toBe(true);
    expect(totals.records).toBe(60);
    const built = totals.build('combine', null, CODEBOOK);
    // the generated project has what the comparison needs: several combinations, subtract weights of 0
    expect(new Set(built.edges.map((e) => e.combination)).size).toBeGreaterThan(2);
    expect(totals.build('subtract', null, CODEBOOK).edges.length).toBeLessThan(built.edges.length);
    // and one-mode weights that are not whole numbers (neutral against ±1, every normalisation but none)
    expect(totals.oneMode('congruence', 'jaccard', null).edges.some((e) => !Number.isInteger(e.weight))).toBe(true);
    expectSame(totals, records);
  });

  it('stay equal to the records after edits: claims taken out, changed and added between networks', () => {
    let records = generated(7, 300);
    const totals = new TwoModeTotals();
    totals.add(records, 1);
    for (let round = 0; round < 4; round++) {
      // a "document" of 40 claims changes: out go its old records, in come the new ones
      const start = round * 50;
      const old = records.slice(start, start + 40);
      const replaced = generated(100 + round, 30);
      totals.add(old, -1);
      totals.add(replaced, 1);
      records = [...records.slice(0, start), ...replaced, ...records.slice(start + 40)];
      expectSame(totals, records);
    }
    // every claim deleted: an empty network
    totals.add(records, -1);
    expect(totals.build('ignore', null, CODEBOOK)).toEqual({ nodes: [], edges: [] });
    expect(totals.oneMode('conflict', 'cosine', null)).toEqual({ nodes: [], edges: [] });
    expect(totals.claims(null)).toBe(0);
  });

  it('are not used while a position that is not a whole number is counted', () => {
    const totals = new TwoModeTotals();
    const odd = [claim('A', ['talks'], 0.5)];
    totals.add(odd, 1);
    expect(totals.exact).toBe(false);
    totals.add(odd, -1);
    expect(totals.exact).toBe(true);
  });
});
