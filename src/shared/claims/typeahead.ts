/**
 * Type-ahead over the registry: what an actor (or place) field offers as the researcher types.
 * Names and aliases are folded once, when the index is built; a keystroke folds the query, tries
 * it as typed and without the clitics in front (ولحفتر finds حفتر), and ranks every entity by its
 * best spelling: exact > prefix > word prefix > contains; at equal rank a name before an alias, a
 * query as typed before one with clitics taken off, a shorter spelling first, then the name.
 * A word starts after a space and after the article ال (سراج is a word prefix of فائز السراج).
 */
import { displayName, spellings, type Entity, type EntityKind } from './registry';
import { foldName, tokensOf, withoutClitics } from './fold';

export type MatchRank = 'exact' | 'prefix' | 'word' | 'contains';
const TIER: Record<MatchRank, number> = { exact: 4, prefix: 3, word: 2, contains: 1 };

export interface TypeaheadHit {
  entity: Entity;
  /** the spelling that matched, as written in the registry */
  matched: string;
  isName: boolean;
  rank: MatchRank;
}

interface Term {
  entity: number;
  folded: string;
  text: string;
  isName: boolean;
}

export interface ActorIndex {
  readonly size: number;
  search(query: string, options?: { kind?: EntityKind; limit?: number }): TypeaheadHit[];
}

function rankOf(term: string, q: string): MatchRank | null {
  const at = term.indexOf(q);
  if (at === -1) return null;
  if (at === 0) return term.length === q.length ? 'exact' : 'prefix';
  for (let i = at; i !== -1; i = term.indexOf(q, i + 1)) {
    if (term[i - 1] === ' ') return 'word';
    if (i >= 2 && term.startsWith('ال', i - 2) && (i === 2 || term[i - 3] === ' ')) return 'word';
  }
  return 'contains';
}

/** Build once per registry change; each search is one pass over the folded spellings. */
export function buildActorIndex(entities: readonly Entity[]): ActorIndex {
  const terms: Term[] = [];
  entities.forEach((e, i) => {
    for (const s of spellings(e)) {
      const folded = foldName(s.text);
      if (folded) terms.push({ entity: i, folded, text: s.text, isName: s.isName });
    }
  });
  return {
    size: entities.length,
    search(query, options = {}) {
      const q = foldName(query);
      if (!q) return [];
      const words = tokensOf(q);
      const first = words[0] ?? '';
      const rest = q.slice(first.length);
      const variants = [q, ...withoutClitics(first).map((w) => w + rest)];
      const best = new Map<number, { score: number; term: Term; rank: MatchRank }>();
      for (const term of terms) {
        const entity = entities[term.entity] as Entity;
        if (options.kind && entity.kind !== options.kind) continue;
        for (let v = 0; v < variants.length; v++) {
          const rank = rankOf(term.folded, variants[v] as string);
          if (!rank) continue;
          const score = TIER[rank] * 4 + (term.isName ? 2 : 0) + (v === 0 ? 1 : 0);
          const had = best.get(term.entity);
          if (!had || score > had.score || (score === had.score && term.folded.length < had.term.folded.length))
            best.set(term.entity, { score, term, rank });
        }
      }
      const ranked = [...best.entries()].sort(
        ([ia, a], [ib, b]) =>
          b.score - a.score ||
          a.term.folded.length - b.term.folded.length ||
          compare(displayName(entities[ia] as Entity), displayName(entities[ib] as Entity)) ||
          ia - ib,
      );
      return ranked.slice(0, options.limit ?? 20).map(([, b]) => ({
        entity: entities[b.term.entity] as Entity,
        matched: b.term.text,
        isName: b.term.isName,
        rank: b.rank,
      }));
    },
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
