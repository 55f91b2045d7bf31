/**
 * Mentions of known actors and places in a document's text, and the proposal of a claimant: the
 * actor mentioned nearest to a selected span.
 *
 * The text is folded as search folds it (offsets map back to code points of the original) and cut
 * into words. A mention is a run of words equal to a spelling of an entity (its names, its
 * aliases), the first word possibly carrying clitics (ولحفتر, للجيش). Two looser rules, each
 * documented in docs/claims.md, catch what news writing does to names:
 *
 * - **one slip in a long name**: a spelling of two words or more and 8 letters or more also
 *   matches a run of as many words that differs from it by one edit (a letter added, dropped,
 *   changed, or two swapped) while its first or its last word is exact. The sample article's
 *   أمانويل ماكرون is إيمانويل ماكرون with one ي fewer.
 * - **the family name of a person**: an actor of type `person` whose name has two words or more is
 *   also found by its last word alone (two for عبد الله, أبو بكر, بن علي), when that word has four
 *   letters or more and no other entity ends with it or is called by it: الرئيس ماكرون, المشير
 *   حفتر, لحفتر. `familyNames: false` turns the rule off.
 *
 * Where rules compete for the same words the longer run wins, then an exact spelling, then a
 * slip, then a family name.
 */
import { normalize, originalSpan } from '../search/normalize';
import { editDistance, foldNames, tokensOf, withoutClitics } from './fold';
import { displayName, spellings, type Entity, type EntityKind } from './registry';

export type MentionRule = 'name' | 'alias' | 'slip' | 'familyName';

export interface Mention {
  entityId: string;
  kind: EntityKind;
  /** code points of the original text, end exclusive (the clitics in front are left out) */
  start: number;
  end: number;
  rule: MentionRule;
}

interface Pattern {
  entity: Entity;
  words: string[];
  rule: MentionRule;
}

const PRIORITY: Record<MentionRule, number> = { name: 3, alias: 3, slip: 2, familyName: 1 };
const SLIP_MIN_LETTERS = 8;
/** words that make a family name of two: عبد الله, أبو بكر, بن علي (folded) */
const NAME_PARTICLES = new Set(['عبد', 'ابو', 'ابي', 'ابن', 'بن', 'بنت', 'ام']);
const FAMILY_MIN_LETTERS = 4;

export interface MentionIndex {
  find(text: string): Mention[];
}

function push<K>(map: Map<K, Pattern[]>, key: K, p: Pattern): void {
  const list = map.get(key);
  if (list) list.push(p);
  else map.set(key, [p]);
}

function familyName(words: readonly string[]): string[] | null {
  if (words.length < 2) return null;
  const last = words[words.length - 1] as string;
  const before = words[words.length - 2] as string;
  if (NAME_PARTICLES.has(before) && words.length < 3) return null; // عبد الله is the whole name
  const family = NAME_PARTICLES.has(before) ? [before, last] : [last];
  if (family.join('').length < FAMILY_MIN_LETTERS || NAME_PARTICLES.has(last)) return null;
  return family;
}

export function buildMentionIndex(
  entities: readonly Entity[],
  options: { familyNames?: boolean; personType?: string } = {},
): MentionIndex {
  const exact = new Map<string, Pattern[]>();
  const slipByFirst = new Map<string, Pattern[]>();
  const slipByLast = new Map<string, Pattern[]>();
  let longest = 1;
  /** which entities a final word (or a one-word spelling) belongs to, for the family-name rule */
  const endings = new Map<string, Set<string>>();
  const families: { entity: Entity; words: string[] }[] = [];
  const all = entities.flatMap((entity) => spellings(entity).map((s) => ({ entity, s })));
  const foldedAll = foldNames(all.map((x) => x.s.text));
  for (let n = 0; n < all.length; n++) {
    const { entity, s } = all[n] as (typeof all)[number];
    const words = tokensOf(foldedAll[n] as string);
    if (words.length === 0) continue;
    const p: Pattern = { entity, words, rule: s.isName ? 'name' : 'alias' };
    push(exact, words[0] as string, p);
    longest = Math.max(longest, words.length);
    if (words.length >= 2 && words.join('').length >= SLIP_MIN_LETTERS) {
      const slip: Pattern = { ...p, rule: 'slip' };
      push(slipByFirst, words[0] as string, slip);
      push(slipByLast, words[words.length - 1] as string, slip);
    }
    const end = words.slice(-1).join(' ');
    const owners = endings.get(end) ?? new Set<string>();
    owners.add(entity.id);
    endings.set(end, owners);
    if (s.isName && entity.kind === 'actor' && entity.type === (options.personType ?? 'person')) {
      const family = familyName(words);
      if (family) families.push({ entity, words: family });
    }
  }
  if (options.familyNames !== false) {
    const seen = new Set<string>();
    for (const f of families) {
      const key = `${f.entity.id}\u0000${f.words.join(' ')}`;
      const owners = endings.get(f.words[f.words.length - 1] as string);
      if (seen.has(key) || !owners || owners.size > 1) continue;
      seen.add(key);
      push(exact, f.words[0] as string, { entity: f.entity, words: f.words, rule: 'familyName' });
    }
  }

  return {
    find(text) {
      const folded = normalize(text);
      const words: { text: string; start: number; end: number }[] = [];
      for (const m of folded.text.matchAll(/[\p{L}\p{N}\p{M}]+/gu))
        words.push({ text: m[0], start: m.index, end: m.index + m[0].length });
      const out: Mention[] = [];
      for (let i = 0; i < words.length;) {
        const first = words[i] as (typeof words)[number];
        const stems = [first.text, ...withoutClitics(first.text)];
        let best: { pattern: Pattern; stem: string } | null = null;
        const better = (pattern: Pattern, stem: string) => {
          if (
            !best ||
            pattern.words.length > best.pattern.words.length ||
            (pattern.words.length === best.pattern.words.length && PRIORITY[pattern.rule] > PRIORITY[best.pattern.rule])
          )
            best = { pattern, stem };
        };
        const at = (k: number) => words[i + k]?.text;
        for (const stem of stems) {
          for (const p of exact.get(stem) ?? []) {
            if (p.words.every((w, k) => k === 0 || at(k) === w)) better(p, stem);
          }
          for (const p of slipByFirst.get(stem) ?? []) {
            const run = [stem, ...p.words.slice(1).map((_, k) => at(k + 1))];
            if (run.every((w) => w !== undefined) && editDistance(run.join(' '), p.words.join(' '), 1) <= 1)
              better(p, stem);
          }
        }
        for (let k = 2; k <= longest && i + k - 1 < words.length; k++) {
          for (const p of slipByLast.get(at(k - 1) as string) ?? []) {
            if (p.words.length !== k) continue;
            const tail = p.words.slice(1).map((_, j) => at(j + 1) as string);
            for (const stem of stems) {
              if (editDistance([stem, ...tail].join(' '), p.words.join(' '), 1) <= 1) {
                better(p, stem);
                break;
              }
            }
          }
        }
        if (!best) {
          i++;
          continue;
        }
        const { pattern, stem } = best as { pattern: Pattern; stem: string };
        const last = words[i + pattern.words.length - 1] as (typeof words)[number];
        // the clitics in front are not part of the name (لل of للجيش: الجيش's ال is written ل)
        const clitics = first.text.endsWith(stem)
          ? first.text.length - stem.length
          : first.text.length - stem.length + 1;
        const span = originalSpan(folded, first.start + Math.max(0, clitics), last.end);
        out.push({
          entityId: pattern.entity.id,
          kind: pattern.entity.kind,
          start: span.start,
          end: span.end,
          rule: pattern.rule,
        });
        i += pattern.words.length;
      }
      return out;
    },
  };
}

/**
 * The mention to propose for a span: one inside (or overlapping) the span, the first such; else
 * the nearest one outside it within `maxGap` code points, the one before the span when two are
 * as near. Null when there is none.
 */
export function nearestMention(
  mentions: readonly Mention[],
  span: { start: number; end: number },
  options: { kind?: EntityKind; maxGap?: number } = {},
): Mention | null {
  const maxGap = options.maxGap ?? 1000;
  let best: { m: Mention; gap: number; before: boolean } | null = null;
  for (const m of mentions) {
    if (options.kind && m.kind !== options.kind) continue;
    const inside = m.start < span.end && m.end > span.start;
    const before = m.end <= span.start;
    const gap = inside ? -1 : before ? span.start - m.end : m.start - span.end;
    if (gap > maxGap) continue;
    if (
      !best ||
      gap < best.gap ||
      (gap === best.gap && gap >= 0 && before && !best.before) ||
      (gap === -1 && best.gap === -1 && m.start < best.m.start)
    )
      best = { m, gap, before };
  }
  return best?.m ?? null;
}

/** The names of the entities mentioned, for a reader's legend: id → display name. */
export function mentionedNames(mentions: readonly Mention[], entities: readonly Entity[]): Map<string, string> {
  const ids = new Set(mentions.map((m) => m.entityId));
  return new Map(entities.filter((e) => ids.has(e.id)).map((e) => [e.id, displayName(e)]));
}
