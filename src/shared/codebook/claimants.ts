/**
 * Claimants spelled in more than one way (خليفه حفتر / خليفة حفتر, with or without diacritics,
 * hamza, tatweel or extra spaces): names that fold to the same search form are likely the same
 * actor. The most used spelling is suggested as the one to keep.
 */
import { normalizeQuery } from '../search/normalize';

export interface ClaimantCount {
  name: string;
  count: number;
}

export interface SpellingGroup {
  /** the spelling to keep: the most used (ties: the first in code-point order) */
  keep: ClaimantCount;
  /** the other spellings, to be renamed to `keep` */
  others: ClaimantCount[];
}

export function spellingGroups(claimants: readonly ClaimantCount[]): SpellingGroup[] {
  const groups = new Map<string, ClaimantCount[]>();
  for (const c of claimants) {
    const key = normalizeQuery(c.name);
    if (!key) continue;
    const list = groups.get(key) ?? [];
    list.push(c);
    groups.set(key, list);
  }
  const out: SpellingGroup[] = [];
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    out.push({ keep: sorted[0] as ClaimantCount, others: sorted.slice(1) });
  }
  return out.sort((a, b) => b.keep.count - a.keep.count);
}
