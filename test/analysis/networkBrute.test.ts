/**
 * Every network of src/shared/analysis/network.ts against the most literal reading of its
 * definition (DNA's, as docs/analysis.md states them), on a generated project: several hundred
 * claims with overlapping positions, several codes (with sub-codes), actors with affiliations,
 * dates spread over months. The brute force below shares no code with the implementation: it
 * turns claims into statements and loops over actor pairs and statement pairs, and its dates are
 * JavaScript Dates. Every edge, every weight, every absent edge and every node is compared, for
 * each network type × each normalisation (or aggregation) × with and without a time window,
 * and over sliding windows.
 */
import { describe, expect, it } from 'vitest';
import { applyFilter, codeScope, type ClaimFilter } from '@shared/analysis/filter';
import {
  buildNetwork,
  buildNetworkSeries,
  type Network,
  type NetworkOptions,
  type NetworkType,
  type Normalization,
  type TwoModeAggregation,
} from '@shared/analysis/network';
import type { ActorRef, ClaimRecord } from '@shared/analysis/records';

// ---------------------------------------------------------------- the generated project

/** mulberry32: a small seeded generator, so every run tests the same project */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CODEBOOK = [
  { id: 'ceasefire', name: 'Ceasefire proposal', nameAr: 'مقترح وقف إطلاق النار', parentId: null },
  { id: 'ceasefire-un', name: 'UN ceasefire', nameAr: 'وقف أممي', parentId: 'ceasefire' },
  { id: 'ceasefire-local', name: 'Local truce', nameAr: 'هدنة محلية', parentId: 'ceasefire' },
  { id: 'embargo', name: 'Arms embargo', nameAr: 'حظر السلاح', parentId: null },
  { id: 'talks', name: 'Talks', nameAr: 'محادثات', parentId: null },
  { id: 'elections', name: 'Elections', nameAr: 'انتخابات', parentId: null },
];

function generateProject(seed: number, claims: number): ClaimRecord[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const groups: ActorRef[] = ['lna', 'gna', 'un'].map((id) => ({ id, name: `مجموعة ${id}`, type: 'organisation' }));
  const actors: ActorRef[] = [...groups];
  for (let i = 0; i < 24; i++) {
    const a: ActorRef = { id: `p${i}`, name: `فاعل ${i}`, nameLatin: `Actor ${i}`, type: i % 3 ? 'person' : 'party' };
    if (i % 2 === 0) a.affiliation = { id: groups[i % 3]!.id, name: groups[i % 3]!.name };
    actors.push(a);
  }
  const sources = ['Al-Wasat', 'Libya Observer', 'Al-Jazeera'];
  const out: ClaimRecord[] = [];
  for (let n = 0; n < claims; n++) {
    // dates over eight months, one in twenty articles undated
    const day = Math.floor(rnd() * 240);
    const date = rnd() < 0.05 ? null : new Date(Date.UTC(2019, 0, 1 + day)).toISOString().slice(0, 10);
    const claimDate =
      date !== null && rnd() < 0.3
        ? new Date(Date.UTC(2019, 0, 1 + day - Math.floor(rnd() * 20))).toISOString().slice(0, 10)
        : date;
    const codes = new Set<string>();
    const count = rnd() < 0.1 ? 0 : rnd() < 0.6 ? 1 : rnd() < 0.8 ? 2 : 3;
    while (codes.size < count) codes.add(pick(CODEBOOK).id);
    // the first actors are busy: their positions overlap on every code
    const claimant = rnd() < 0.07 ? null : rnd() < 0.5 ? actors[Math.floor(rnd() * 8)]! : pick(actors);
    const r = rnd();
    const position = r < 0.35 ? 1 : r < 0.65 ? -1 : r < 0.85 ? 0 : null;
    out.push({
      annotationId: `c${String(n).padStart(4, '0')}`,
      documentId: `d${Math.floor(n / 4)}`,
      title: `Article ${Math.floor(n / 4)}`,
      source: pick(sources),
      documentDate: date,
      claimDate,
      quote: `quote ${n}`,
      start: 0,
      end: 5,
      codes: [...codes],
      claimant,
      addressee: rnd() < 0.5 ? pick(actors) : null,
      objectActor: rnd() < 0.4 ? pick(actors) : null,
      position,
      stance: '',
      certainty: '',
      form: pick(['statement', 'interview', 'decision']),
      note: '',
      ...((coder) => ({ coder, coderKey: coder, annotator: coder, adjudicated: false }))(pick(['amal', 'basim'])),
      missing: [],
    });
  }
  return out;
}

// ---------------------------------------------------------------- the brute force

interface Statement {
  claim: string;
  actor: ActorRef;
  concept: string;
  q: number | null;
}

interface BruteEdge {
  weight: number;
  position: number | null;
  combination: string | null;
  claims: number;
}

interface Brute {
  nodes: Map<string, number>;
  edges: Map<string, BruteEdge>;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`).getTime();

/** the date of a claim by the field; the claim date falls back to the article's */
const dateOf = (r: ClaimRecord, field: 'document' | 'claim' | undefined) =>
  field === 'claim' ? (r.claimDate ?? r.documentDate) : r.documentDate;

function inTime(r: ClaimRecord, o: NetworkOptions): boolean {
  if (!o.from && !o.to) return true;
  const d = dateOf(r, o.dateField);
  if (d === null) return false;
  if (o.from && day(d) < day(o.from)) return false;
  if (o.to && day(d) > day(o.to)) return false;
  return true;
}

function statementsOf(records: readonly ClaimRecord[], o: NetworkOptions): Statement[] {
  const out: Statement[] = [];
  for (const r of records) {
    if (!inTime(r, o) || r.claimant === null) continue;
    const seen: string[] = [];
    for (const c of r.codes) {
      if (seen.includes(c)) continue;
      seen.push(c);
      if (o.codes && !o.codes.has(c)) continue;
      out.push({ claim: r.annotationId, actor: r.claimant, concept: c, q: r.position });
    }
  }
  return out;
}

const mean = (qs: Array<number | null>) => {
  const known = qs.filter((q): q is number => q !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
};

function nodeClaims(pairs: Array<[string, string]>): Map<string, number> {
  const sets = new Map<string, Set<string>>();
  for (const [node, claim] of pairs) {
    if (!sets.has(node)) sets.set(node, new Set());
    sets.get(node)!.add(claim);
  }
  return new Map([...sets].map(([k, v]) => [k, v.size]));
}

function bruteTwoMode(records: readonly ClaimRecord[], o: NetworkOptions, aggregation: TwoModeAggregation): Brute {
  const st = statementsOf(records, o);
  const actors = [...new Set(st.map((s) => s.actor.id))];
  const concepts = [...new Set(st.map((s) => s.concept))];
  const edges = new Map<string, BruteEdge>();
  for (const a of actors)
    for (const c of concepts) {
      const cell = st.filter((s) => s.actor.id === a && s.concept === c);
      if (cell.length === 0) continue;
      let weight = cell.length;
      if (aggregation === 'subtract') weight = cell.reduce((sum, s) => sum + (s.q ?? 0), 0);
      let combination: string | null = null;
      if (aggregation === 'combine') {
        const qs = new Set(cell.map((s) => s.q).filter((q) => q !== null));
        combination =
          qs.size === 0
            ? 'none'
            : qs.size > 1
              ? 'mixed'
              : qs.has(1)
                ? 'agreement'
                : qs.has(-1)
                  ? 'disagreement'
                  : 'neutral';
      }
      if (weight === 0 && aggregation !== 'combine') continue;
      edges.set(`actor:${a}|code:${c}`, {
        weight,
        position: mean(cell.map((s) => s.q)),
        combination,
        claims: cell.length,
      });
    }
  const nodes = nodeClaims(
    st.flatMap((s): Array<[string, string]> => [
      [`actor:${s.actor.id}`, s.claim],
      [`code:${s.concept}`, s.claim],
    ]),
  );
  return { nodes, edges };
}

function bruteOneMode(
  records: readonly ClaimRecord[],
  o: NetworkOptions,
  type: NetworkType,
  norm: Normalization,
): Brute {
  const st = statementsOf(records, o).filter((s) => s.q !== null);
  const actors = [...new Set(st.map((s) => s.actor.id))].sort();
  const edges = new Map<string, BruteEdge>();
  for (let x = 0; x < actors.length; x++)
    for (let y = x + 1; y < actors.length; y++) {
      const A = st.filter((s) => s.actor.id === actors[x]);
      const B = st.filter((s) => s.actor.id === actors[y]);
      let congruence = 0;
      let conflict = 0;
      for (const s1 of A)
        for (const s2 of B) {
          if (s1.concept !== s2.concept) continue;
          const q1 = Math.max(-1, Math.min(1, Math.round(s1.q!)));
          const q2 = Math.max(-1, Math.min(1, Math.round(s2.q!)));
          // the scale −1…+1 has range 2
          congruence += 1 - Math.abs(q1 - q2) / 2;
          conflict += Math.abs(q1 - q2) / 2;
        }
      const raw = type === 'congruence' ? congruence : type === 'conflict' ? conflict : congruence - conflict;
      let denominator = 1;
      if (norm === 'average') denominator = (A.length + B.length) / 2;
      if (norm === 'cosine') denominator = A.length * B.length;
      if (norm === 'jaccard') {
        const same = (s1: Statement, s2: Statement) => s1.concept === s2.concept && s1.q === s2.q;
        const m10 = A.filter((s1) => !B.some((s2) => same(s1, s2))).length;
        const m01 = B.filter((s2) => !A.some((s1) => same(s1, s2))).length;
        let m11 = 0;
        for (const s1 of A) for (const s2 of B) if (same(s1, s2)) m11++;
        denominator = m10 + m01 + m11;
      }
      const weight = denominator === 0 ? 0 : raw / denominator;
      if (weight === 0) continue;
      const sharedA = A.filter((s1) => B.some((s2) => s2.concept === s1.concept)).length;
      const sharedB = B.filter((s2) => A.some((s1) => s1.concept === s2.concept)).length;
      edges.set(`actor:${actors[x]}|actor:${actors[y]}`, {
        weight,
        position: null,
        combination: null,
        claims: sharedA + sharedB,
      });
    }
  const nodes = nodeClaims(st.map((s): [string, string] => [`actor:${s.actor.id}`, s.claim]));
  return { nodes, edges };
}

function bruteDirected(records: readonly ClaimRecord[], o: NetworkOptions, type: 'addressee' | 'objectActor'): Brute {
  const ties: Array<{ from: string; to: string; q: number | null; claim: string }> = [];
  for (const r of records) {
    const other = type === 'addressee' ? r.addressee : r.objectActor;
    if (!inTime(r, o) || r.claimant === null || other === null) continue;
    if (o.codes && !r.codes.some((c) => o.codes!.has(c))) continue;
    ties.push({ from: r.claimant.id, to: other.id, q: r.position, claim: r.annotationId });
  }
  const edges = new Map<string, BruteEdge>();
  const ends = new Set(ties.map((t) => `${t.from}\u0000${t.to}`));
  for (const key of ends) {
    const [from, to] = key.split('\u0000') as [string, string];
    const mine = ties.filter((t) => t.from === from && t.to === to);
    edges.set(`actor:${from}|actor:${to}`, {
      weight: mine.length,
      position: mean(mine.map((t) => t.q)),
      combination: null,
      claims: mine.length,
    });
  }
  const nodes = nodeClaims(
    ties.flatMap((t): Array<[string, string]> => [
      [`actor:${t.from}`, t.claim],
      [`actor:${t.to}`, t.claim],
    ]),
  );
  return { nodes, edges };
}

function brute(records: readonly ClaimRecord[], o: NetworkOptions): Brute {
  if (o.type === 'twoMode') return bruteTwoMode(records, o, o.aggregation ?? 'ignore');
  if (o.type === 'addressee' || o.type === 'objectActor') return bruteDirected(records, o, o.type);
  return bruteOneMode(records, o, o.type, o.normalization ?? 'none');
}

// ---------------------------------------------------------------- the comparison

function expectSame(built: Network, expected: Brute, what: string): void {
  const keys = built.edges.map((e) => `${e.source}\u0000${e.target}`);
  expect(keys, `${what}: edges in source, target order`).toEqual([...keys].sort());
  const got = new Map(built.edges.map((e) => [`${e.source}|${e.target}`, e]));
  expect([...got.keys()].sort(), `${what}: the edges`).toEqual([...expected.edges.keys()].sort());
  for (const [key, want] of expected.edges) {
    const e = got.get(key)!;
    expect(e.weight, `${what}: weight of ${key}`).toBeCloseTo(want.weight, 12);
    expect(e.claims, `${what}: claims of ${key}`).toBe(want.claims);
    expect(e.combination, `${what}: combination of ${key}`).toBe(want.combination);
    if (want.position === null) expect(e.position, `${what}: position of ${key}`).toBeNull();
    else expect(e.position, `${what}: position of ${key}`).toBeCloseTo(want.position, 12);
  }
  expect(new Map(built.nodes.map((n) => [n.id, n.claims])), `${what}: the nodes and their claims`).toEqual(
    expected.nodes,
  );
}

const records = generateProject(20190404, 600);

const VARIANTS: Array<Pick<NetworkOptions, 'type' | 'normalization' | 'aggregation'>> = [
  ...(['ignore', 'combine', 'subtract'] as const).map((aggregation) => ({ type: 'twoMode' as const, aggregation })),
  ...(['congruence', 'conflict', 'subtract'] as const).flatMap((type) =>
    (['none', 'average', 'jaccard', 'cosine'] as const).map((normalization) => ({ type, normalization })),
  ),
  { type: 'addressee' },
  { type: 'objectActor' },
];

const TIMES: Array<[string, Pick<NetworkOptions, 'from' | 'to' | 'dateField'>]> = [
  ['every claim', {}],
  ['April–May by article date', { from: '2019-04-01', to: '2019-05-31' }],
  ['from June by claim date', { from: '2019-06-01', dateField: 'claim' }],
];

const label = (v: (typeof VARIANTS)[number]) => `${v.type} ${v.normalization ?? v.aggregation ?? ''}`.trim();

describe('the generated project', () => {
  it('is big and mixed enough to test with', () => {
    const actors = new Set(records.map((r) => r.claimant?.id).filter(Boolean));
    const months = new Set(records.map((r) => r.documentDate?.slice(0, 7)).filter(Boolean));
    expect(records.length).toBe(600);
    expect(actors.size).toBeGreaterThan(20);
    expect(months.size).toBe(8);
    expect(records.some((r) => r.codes.length > 1)).toBe(true);
    // overlapping positions: some actor took both sides of one code
    const sides = new Map<string, Set<number | null>>();
    for (const r of records)
      for (const c of r.codes) {
        const key = `${r.claimant?.id}|${c}`;
        if (!sides.has(key)) sides.set(key, new Set());
        sides.get(key)!.add(r.position);
      }
    expect([...sides.values()].some((s) => s.has(1) && s.has(-1) && s.has(0))).toBe(true);
  });
});

describe('every network against the brute force', () => {
  for (const [when, time] of TIMES)
    for (const variant of VARIANTS)
      it(`${label(variant)}, ${when}`, () => {
        const options: NetworkOptions = { ...variant, ...time };
        const built = buildNetwork(records, options, CODEBOOK);
        const expected = brute(records, options);
        expect(expected.edges.size, 'the brute force finds edges to compare').toBeGreaterThan(0);
        expectSame(built, expected, `${label(variant)}, ${when}`);
      });
});

describe('under the view’s filter', () => {
  /** the literal reading of “a code and its sub-codes”: walk up from each code */
  const underChosen = (code: string, chosen: readonly string[]): boolean => {
    for (let c: string | null | undefined = code; c; c = CODEBOOK.find((x) => x.id === c)?.parentId)
      if (chosen.includes(c)) return true;
    return false;
  };
  const filter: ClaimFilter = { codes: ['ceasefire', 'talks'], positions: [1, -1, 0] };
  const filtered = applyFilter(records, filter, CODEBOOK);
  const scope = codeScope(filter, CODEBOOK);

  it('keeps exactly the claims with a chosen code (or a sub-code) and a chosen position', () => {
    const literal = records.filter((r) => r.codes.some((c) => underChosen(c, filter.codes!)) && r.position !== null);
    expect(filtered.map((r) => r.annotationId)).toEqual(literal.map((r) => r.annotationId));
    expect([...scope!].sort()).toEqual(
      CODEBOOK.map((c) => c.id)
        .filter((c) => underChosen(c, filter.codes!))
        .sort(),
    );
  });
  for (const variant of VARIANTS)
    it(`${label(variant)} counts only the chosen codes as concepts`, () => {
      const options: NetworkOptions = { ...variant, from: '2019-02-15', to: '2019-07-15', codes: scope };
      expectSame(buildNetwork(filtered, options, CODEBOOK), brute(filtered, options), label(variant));
    });
});

describe('sliding windows against the brute force', () => {
  /** windows of `size` days from the earliest dated claim, `step` days apart, until the latest */
  function windowsOf(size: number, step: number, field: 'document' | 'claim' | undefined) {
    const days = records
      .map((r) => dateOf(r, field))
      .filter((d): d is string => d !== null)
      .map(day);
    const first = Math.min(...days);
    const last = Math.max(...days);
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    const out: Array<{ from: string; to: string }> = [];
    for (let t = first; t <= last; t += step * 86_400_000)
      out.push({ from: iso(t), to: iso(t + (size - 1) * 86_400_000) });
    return out;
  }
  for (const variant of [VARIANTS[1]!, VARIANTS[5]!, VARIANTS[10]!, VARIANTS[15]!])
    it(`${label(variant)} over 30-day windows moved by 14`, () => {
      const base: NetworkOptions = { ...variant, dateField: 'claim' };
      const series = buildNetworkSeries(records, base, { size: 30, step: 14 }, CODEBOOK);
      const expected = windowsOf(30, 14, 'claim');
      expect(series.map((n) => ({ from: n.from, to: n.to }))).toEqual(expected);
      series.forEach((n, i) => expectSame(n, brute(records, { ...base, ...expected[i]! }), `window ${i}`));
    });
});
