import { describe, expect, it } from 'vitest';
import { buildNetwork, buildNetworkSeries, type Network, type NetworkType, type Normalization } from './network';
import type { ClaimRecord } from './records';
import { actor, claim } from './testRecords';

const weights = (n: Network): Record<string, number> =>
  Object.fromEntries(n.edges.map((e) => [`${e.source}|${e.target}`, e.weight]));

/*
 * The hand example. Actors A, B, C; concepts (codes) X, Y; positions:
 *   A: X +1, X +1, Y −1      a[A] = {X:+1 → 2, Y:−1 → 1}, c_A = 3
 *   B: X +1, Y +1            a[B] = {X:+1 → 1, Y:+1 → 1}, c_B = 2
 *   C: X −1, Y  0            a[C] = {X:−1 → 1, Y:0 → 1},  c_C = 2
 * DNA's integer qualifier, range 2: d(+1,+1) = 0, d(+1,−1) = 1, d(0,±1) = 0.5.
 * congruence = Σ_j Σ_q1 Σ_q2 a1·a2·(1 − d):
 *   A–B: X 2·1·1 = 2, Y (−1 vs +1) 0          → 2
 *   A–C: X (+1 vs −1) 0, Y (−1 vs 0) 1·1·0.5  → 0.5
 *   B–C: X 0, Y (+1 vs 0) 0.5                 → 0.5
 * conflict = Σ a1·a2·d:
 *   A–B: Y 1 → 1;  A–C: X 2·1·1 + Y 0.5 → 2.5;  B–C: X 1 + Y 0.5 → 1.5
 * subtract = congruence − conflict: A–B 1, A–C −2, B–C −1
 * normalisation of congruence:
 *   average (c1 + c2)/2:  A–B 2/2.5 = 0.8,  A–C 0.5/2.5 = 0.2,  B–C 0.5/2 = 0.25
 *   jaccard m10 + m01 + m11 over (code, position) cells:
 *     A–B: m10 = A's (Y,−1) = 1, m01 = B's (Y,+1) = 1, m11 = (X,+1) 2·1 = 2 → 2/4 = 0.5
 *     A–C: no shared cell: m10 = 3, m01 = 2 → 0.5/5 = 0.1
 *     B–C: m10 = 2, m01 = 2 → 0.5/4 = 0.125
 *   cosine c1·c2:  A–B 2/6 = 1/3,  A–C 0.5/6 = 1/12,  B–C 0.5/4 = 0.125
 * the same denominators for conflict and subtract, e.g. conflict A–C: average 2.5/2.5 = 1,
 *   jaccard 2.5/5 = 0.5, cosine 2.5/6; subtract A–B: average 1/2.5 = 0.4, jaccard 1/4, cosine 1/6
 */
function handExample(): ClaimRecord[] {
  return [
    claim('A', ['X'], 1),
    claim('A', ['X'], 1),
    claim('A', ['Y'], -1),
    claim('B', ['X', 'Y'], 1),
    claim('C', ['X'], -1),
    claim('C', ['Y'], 0),
  ];
}

const one = (type: NetworkType, normalization: Normalization = 'none') =>
  weights(buildNetwork(handExample(), { type, normalization }));

describe('one-mode networks, by DNA’s definitions (hand example)', () => {
  it('congruence counts equal positions on a code, a neutral against a side half', () => {
    expect(one('congruence')).toEqual({ 'actor:A|actor:B': 2, 'actor:A|actor:C': 0.5, 'actor:B|actor:C': 0.5 });
  });
  it('conflict counts opposite positions', () => {
    expect(one('conflict')).toEqual({ 'actor:A|actor:B': 1, 'actor:A|actor:C': 2.5, 'actor:B|actor:C': 1.5 });
  });
  it('subtract is congruence minus conflict', () => {
    expect(one('subtract')).toEqual({ 'actor:A|actor:B': 1, 'actor:A|actor:C': -2, 'actor:B|actor:C': -1 });
  });
  it('average normalisation divides by the mean activity of the two actors', () => {
    const w = one('congruence', 'average');
    expect(w['actor:A|actor:B']).toBeCloseTo(0.8, 12);
    expect(w['actor:A|actor:C']).toBeCloseTo(0.2, 12);
    expect(w['actor:B|actor:C']).toBeCloseTo(0.25, 12);
  });
  it('Jaccard normalisation divides by m10 + m01 + m11', () => {
    const w = one('congruence', 'jaccard');
    expect(w['actor:A|actor:B']).toBeCloseTo(0.5, 12);
    expect(w['actor:A|actor:C']).toBeCloseTo(0.1, 12);
    expect(w['actor:B|actor:C']).toBeCloseTo(0.125, 12);
  });
  it('cosine normalisation divides by the product of the activities', () => {
    const w = one('congruence', 'cosine');
    expect(w['actor:A|actor:B']).toBeCloseTo(1 / 3, 12);
    expect(w['actor:A|actor:C']).toBeCloseTo(1 / 12, 12);
    expect(w['actor:B|actor:C']).toBeCloseTo(0.125, 12);
  });
  it('normalises conflict and subtract with the same denominators', () => {
    expect(one('conflict', 'average')['actor:A|actor:C']).toBeCloseTo(1, 12);
    expect(one('conflict', 'jaccard')['actor:A|actor:C']).toBeCloseTo(0.5, 12);
    expect(one('conflict', 'cosine')['actor:A|actor:C']).toBeCloseTo(2.5 / 6, 12);
    expect(one('subtract', 'average')['actor:A|actor:B']).toBeCloseTo(0.4, 12);
    expect(one('subtract', 'jaccard')['actor:A|actor:B']).toBeCloseTo(0.25, 12);
    expect(one('subtract', 'cosine')['actor:A|actor:B']).toBeCloseTo(1 / 6, 12);
  });
  it('leaves out claims without a claimant or a position, and codes outside the scope', () => {
    const records = [...handExample(), claim(null, ['X'], 1), claim('D', ['X'], null), claim('E', ['Z'], 1)];
    const n = buildNetwork(records, { type: 'congruence', codes: new Set(['X', 'Y']) });
    expect(n.nodes.map((x) => x.id)).toEqual(['actor:A', 'actor:B', 'actor:C']);
    expect(weights(n)).toEqual(one('congruence'));
    // with only X in scope, A–B agree on X twice over, and nothing else is shared with agreement
    expect(weights(buildNetwork(records, { type: 'congruence', codes: new Set(['X']) }))).toEqual({
      'actor:A|actor:B': 2,
    });
  });
});

/*
 * Two-mode, same claims:
 *   ignore (counts):  A–X 2, A–Y 1, B–X 1, B–Y 1, C–X 1, C–Y 1
 *   subtract (Σ positions): A–X +2, A–Y −1, B–X +1, B–Y +1, C–X −1, C–Y 0 (dropped: weight 0)
 *   combine: A–X agreement, A–Y disagreement, B–X/B–Y agreement, C–X disagreement, C–Y neutral
 */
describe('the two-mode actor × code network', () => {
  it('counts claims per actor and code (ignore), with the mean position', () => {
    const n = buildNetwork(handExample(), { type: 'twoMode' });
    expect(weights(n)).toEqual({
      'actor:A|code:X': 2,
      'actor:A|code:Y': 1,
      'actor:B|code:X': 1,
      'actor:B|code:Y': 1,
      'actor:C|code:X': 1,
      'actor:C|code:Y': 1,
    });
    expect(n.nodes.find((x) => x.id === 'code:X')?.claims).toBe(4);
    expect(n.edges.find((e) => e.source === 'actor:A' && e.target === 'code:Y')?.position).toBe(-1);
  });
  it('subtracts negative from positive positions', () => {
    expect(weights(buildNetwork(handExample(), { type: 'twoMode', aggregation: 'subtract' }))).toEqual({
      'actor:A|code:X': 2,
      'actor:A|code:Y': -1,
      'actor:B|code:X': 1,
      'actor:B|code:Y': 1,
      'actor:C|code:X': -1,
    });
  });
  it('combine says agreement, disagreement, neutral or mixed', () => {
    const records = [...handExample(), claim('A', ['X'], -1)];
    const n = buildNetwork(records, { type: 'twoMode', aggregation: 'combine' });
    const combo = Object.fromEntries(n.edges.map((e) => [`${e.source}|${e.target}`, e.combination]));
    expect(combo).toEqual({
      'actor:A|code:X': 'mixed',
      'actor:A|code:Y': 'disagreement',
      'actor:B|code:X': 'agreement',
      'actor:B|code:Y': 'agreement',
      'actor:C|code:X': 'disagreement',
      'actor:C|code:Y': 'neutral',
    });
  });
});

describe('directed networks from the claim fields', () => {
  it('claimant → addressee: one edge per ordered pair, weight = claims', () => {
    const un = actor('UN', { nameAr: 'الأمم المتحدة', type: 'international organisation' });
    const records = [
      claim('Haftar', ['X', 'Y'], 1, { addressee: un }),
      claim('Haftar', ['X'], -1, { addressee: un }),
      claim('UN', ['X'], 1, { addressee: actor('Haftar') }),
      claim('Sarraj', ['X'], 1),
    ];
    const n = buildNetwork(records, { type: 'addressee' });
    expect(n.directed).toBe(true);
    expect(weights(n)).toEqual({ 'actor:Haftar|actor:UN': 2, 'actor:UN|actor:Haftar': 1 });
    expect(n.edges[0]?.position).toBe(0);
    expect(n.nodes.find((x) => x.id === 'actor:UN')?.nameAr).toBe('الأمم المتحدة');
    expect(buildNetwork(records, { type: 'objectActor' }).edges).toEqual([]);
  });
});

describe('time windows', () => {
  const dated = [
    claim('A', ['X'], 1, { documentDate: '2019-04-01' }),
    claim('B', ['X'], 1, { documentDate: '2019-04-03' }),
    claim('C', ['X'], 1, { documentDate: '2019-04-10' }),
    claim('A', ['X'], 1, { documentDate: null }),
  ];
  it('a window from–to keeps the claims dated inside it (inclusive)', () => {
    expect(weights(buildNetwork(dated, { type: 'congruence', from: '2019-04-01', to: '2019-04-03' }))).toEqual({
      'actor:A|actor:B': 1,
    });
  });
  it('sliding windows of 7 days moved by 3', () => {
    const series = buildNetworkSeries(dated, { type: 'congruence' }, { size: 7, step: 3 });
    expect(series.map((n) => [n.from, n.to, n.edges.length])).toEqual([
      ['2019-04-01', '2019-04-07', 1],
      ['2019-04-04', '2019-04-10', 0],
      ['2019-04-07', '2019-04-13', 0],
      ['2019-04-10', '2019-04-16', 0],
    ]);
    expect(weights(series[0]!)).toEqual({ 'actor:A|actor:B': 1 });
  });
});

/*
 * Brute force: DNA's loops written out over a dense actor × concept × level array, for every
 * ordered pair, compared with the implementation on a generated project with overlapping
 * positions (several actors on each code, every position, repeated claims, claims with two codes).
 */
function bruteForce(records: ClaimRecord[], type: NetworkType, normalization: Normalization) {
  const actors = [...new Set(records.filter((r) => r.claimant && r.position !== null).map((r) => r.claimant!.id))];
  const concepts = [...new Set(records.flatMap((r) => r.codes))];
  const levels = [-1, 0, 1];
  const a = actors.map(() => concepts.map(() => levels.map(() => 0)));
  for (const r of records) {
    if (!r.claimant || r.position === null) continue;
    for (const c of new Set(r.codes))
      a[actors.indexOf(r.claimant.id)]![concepts.indexOf(c)]![levels.indexOf(r.position)]!++;
  }
  const out: Record<string, number> = {};
  for (let i1 = 0; i1 < actors.length; i1++)
    for (let i2 = 0; i2 < actors.length; i2++) {
      if (i1 === i2) continue;
      let w = 0;
      for (let j = 0; j < concepts.length; j++)
        for (let k1 = 0; k1 < 3; k1++)
          for (let k2 = 0; k2 < 3; k2++) {
            const joint = a[i1]![j]![k1]! * a[i2]![j]![k2]!;
            const d = Math.abs(levels[k1]! - levels[k2]!) / 2;
            if (type === 'congruence') w += joint * (1 - d);
            else if (type === 'conflict') w += joint * d;
            else w += joint * (1 - d) - joint * d;
          }
      let c1 = 0;
      let c2 = 0;
      let m10 = 0;
      let m01 = 0;
      let m11 = 0;
      for (let j = 0; j < concepts.length; j++)
        for (let k = 0; k < 3; k++) {
          const x = a[i1]![j]![k]!;
          const y = a[i2]![j]![k]!;
          c1 += x;
          c2 += y;
          if (y === 0) m10 += x;
          if (x === 0) m01 += y;
          if (x > 0 && y > 0) m11 += x * y;
        }
      const norm =
        normalization === 'average'
          ? (c1 + c2) / 2
          : normalization === 'jaccard'
            ? m10 + m01 + m11
            : normalization === 'cosine'
              ? Math.sqrt(c1 * c1) * Math.sqrt(c2 * c2)
              : 1;
      const v = norm === 0 ? 0 : w / norm;
      if (v !== 0) out[`actor:${actors[i1]}|actor:${actors[i2]}`] = v;
    }
  return out;
}

/** A deterministic generator (mulberry32) so a failure can be reproduced. */
function generated(seed: number, n: number): ClaimRecord[] {
  let s = seed;
  const random = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const actors = ['حفتر', 'السراج', 'ماكرون', 'UN', 'Egypt', 'Turkey', 'LNA', 'GNA'];
  const codes = ['ceasefire', 'embargo', 'talks', 'casualties'];
  const out: ClaimRecord[] = [];
  for (let i = 0; i < n; i++) {
    const two = random() < 0.25;
    const first = pick(codes);
    const codesOf = two ? [...new Set([first, pick(codes)])] : [first];
    const day = 1 + Math.floor(random() * 28);
    out.push(
      claim(pick(actors), codesOf, random() < 0.1 ? null : pick([-1, 0, 1]), {
        documentDate: `2019-04-${String(day).padStart(2, '0')}`,
      }),
    );
  }
  return out;
}

describe('every one-mode network and normalisation against DNA’s loops, brute force', () => {
  const records = generated(2019, 300);
  const sym = (w: Record<string, number>) => {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(w)) {
      const [x, y] = k.split('|') as [string, string];
      out[`${x}|${y}`] = v;
      out[`${y}|${x}`] = v;
    }
    return out;
  };
  for (const type of ['congruence', 'conflict', 'subtract'] as const)
    for (const normalization of ['none', 'average', 'jaccard', 'cosine'] as const)
      it(`${type}, ${normalization}`, () => {
        const expected = bruteForce(records, type, normalization);
        const actual = sym(weights(buildNetwork(records, { type, normalization })));
        expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
        expect(Object.keys(expected).length).toBeGreaterThan(20);
        for (const [k, v] of Object.entries(expected)) expect(actual[k], k).toBeCloseTo(v, 9);
      });
  it('in a time window, equal to the brute force on the claims of that window', () => {
    const from = '2019-04-08';
    const to = '2019-04-14';
    const inside = records.filter((r) => r.documentDate! >= from && r.documentDate! <= to);
    for (const normalization of ['none', 'jaccard'] as const) {
      const expected = bruteForce(inside, 'subtract', normalization);
      const actual = sym(weights(buildNetwork(records, { type: 'subtract', normalization, from, to })));
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      for (const [k, v] of Object.entries(expected)) expect(actual[k], k).toBeCloseTo(v, 9);
    }
  });
  it('two-mode counts equal a plain count of claim × code per actor', () => {
    const expected: Record<string, number> = {};
    for (const r of records)
      for (const c of new Set(r.codes)) {
        const k = `actor:${r.claimant!.id}|code:${c}`;
        expected[k] = (expected[k] ?? 0) + 1;
      }
    expect(weights(buildNetwork(records, { type: 'twoMode' }))).toEqual(expected);
  });
});
