/**
 * Type-ahead over the registry: what an actor (or place) field offers as the researcher types.
 * Names and aliases are folded once, when the index is built; a keystroke folds the query, tries
 * it as typed and without the clitics in front (ولحفتر finds حفتر), and ranks every entity by its
 * best spelling: exact > prefix > word prefix > contains; at equal rank a name before an alias, a
 * query as typed before one with clitics taken off, a shorter spelling first, then the name.
 * A word starts after a space and after the article ال (سراج is a word prefix of فائز السراج).
 *
 * One keystroke is one pass over the folded spellings (indexOf each), a score per entity in a
 * typed array, and a bounded selection of the best `limit`: no sort of every hit, no allocation
 * per spelling (scripts/bench/actorTypeahead.mjs measures it on 10,000 actors).
 */
import { displayName, spellings, type Entity, type EntityKind } from './registry';
import { foldName, foldNames, tokensOf, withoutClitics } from './fold';

export type MatchRank = 'exact' | 'prefix' | 'word' | 'contains';
const RANKS: readonly MatchRank[] = ['contains', 'word', 'prefix', 'exact'];

export interface TypeaheadHit {
  entity: Entity;
  /** the spelling that matched, as written in the registry */
  matched: string;
  isName: boolean;
  rank: MatchRank;
}

export interface ActorIndex {
  readonly size: number;
  search(query: string, options?: { kind?: EntityKind; limit?: number }): TypeaheadHit[];
}

/** 4 exact, 3 prefix, 2 word prefix, 1 contains, 0 no match. */
function tierOf(term: string, q: string): number {
  let at = term.indexOf(q);
  if (at === -1) return 0;
  if (at === 0) return term.length === q.length ? 4 : 3;
  for (; at !== -1; at = term.indexOf(q, at + 1)) {
    const before = term.charCodeAt(at - 1);
    if (before === 0x20) return 2;
    // after ال at the start of a word
    if (
      before === 0x0644 &&
      at >= 2 &&
      term.charCodeAt(at - 2) === 0x0627 &&
      (at === 2 || term.charCodeAt(at - 3) === 0x20)
    )
      return 2;
  }
  return 1;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Build once per registry change; each search is one pass over the folded spellings. */
export function buildActorIndex(entities: readonly Entity[]): ActorIndex {
  const texts: string[] = [];
  const owner: number[] = [];
  const names: boolean[] = [];
  entities.forEach((e, i) => {
    for (const s of spellings(e)) {
      texts.push(s.text);
      owner.push(i);
      names.push(s.isName);
    }
  });
  const folded = foldNames(texts);
  const kinds = entities.map((e) => e.kind);
  const shown = entities.map(displayName);
  const score = new Int32Array(entities.length);
  const bestTerm = new Int32Array(entities.length);
  return {
    size: entities.length,
    search(query, options = {}) {
      const q = foldName(query);
      if (!q) return [];
      const first = tokensOf(q)[0] ?? '';
      const rest = q.slice(first.length);
      const variants = [q, ...withoutClitics(first).map((w) => w + rest)];
      const touched: number[] = [];
      for (let t = 0; t < folded.length; t++) {
        const e = owner[t] as number;
        if (options.kind && kinds[e] !== options.kind) continue;
        const term = folded[t] as string;
        let s = 0;
        for (let v = 0; v < variants.length; v++) {
          const tier = tierOf(term, variants[v] as string);
          if (tier === 0) continue;
          // tier first, then a name before an alias, then the query as typed
          const sv = tier * 4 + (names[t] ? 2 : 0) + (v === 0 ? 1 : 0);
          if (sv > s) s = sv;
        }
        if (s === 0) continue;
        const had = score[e] as number;
        if (had === 0) touched.push(e);
        if (s > had || (s === had && term.length < (folded[bestTerm[e] as number] as string).length)) {
          score[e] = s;
          bestTerm[e] = t;
        }
      }
      const better = (a: number, b: number) =>
        (score[a] as number) - (score[b] as number) ||
        (folded[bestTerm[b] as number] as string).length - (folded[bestTerm[a] as number] as string).length ||
        compare(shown[b] as string, shown[a] as string) ||
        b - a;
      // the best `limit`, kept in order by insertion: O(hits × limit) at worst, usually far less
      const limit = Math.max(1, options.limit ?? 20);
      const top: number[] = [];
      for (const e of touched) {
        if (top.length === limit && better(e, top[limit - 1] as number) <= 0) continue;
        let at = top.length === limit ? limit - 1 : top.length;
        while (at > 0 && better(e, top[at - 1] as number) > 0) at--;
        top.splice(at, 0, e);
        if (top.length > limit) top.pop();
      }
      const hits = top.map((e) => {
        const t = bestTerm[e] as number;
        return {
          entity: entities[e] as Entity,
          matched: texts[t] as string,
          isName: names[t] as boolean,
          rank: RANKS[((score[e] as number) >> 2) - 1] as MatchRank,
        };
      });
      for (const e of touched) score[e] = 0;
      return hits;
    },
  };
}
