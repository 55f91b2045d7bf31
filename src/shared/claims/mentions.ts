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
  /** the words joined by one space (what a slip is measured on) */
  joined: string;
  /** order of making: where rules tie, the pattern made first wins */
  seq: number;
}

/**
 * Slip patterns bucketed so a run is compared with few of them: by the word that must be exact (the
 * first, or the last), the word count, the length L of the rest (the words after the first, or
 * before the last, joined), and the rest's first a or last b letters, a + b = L − 2: one edit (a
 * letter added, dropped, changed, or two swapped) leaves one of the two untouched.
 */
type SlipBuckets = Map<string, Map<number, SlipBucket>>;
interface SlipBucket {
  short: Pattern[];
  heads: Map<string, Pattern[]>;
  tails: Map<string, Pattern[]>;
}

const shapeKey = (count: number, length: number) => count * 4096 + length;
const headLength = (length: number) => (length - 2) >> 1;
const tailLength = (length: number) => length - 2 - headLength(length);

function pushSlip(map: SlipBuckets, word: string, rest: string, p: Pattern): void {
  let shapes = map.get(word);
  if (!shapes) map.set(word, (shapes = new Map()));
  const key = shapeKey(p.words.length, rest.length);
  let bucket = shapes.get(key);
  if (!bucket) shapes.set(key, (bucket = { short: [], heads: new Map(), tails: new Map() }));
  if (rest.length < 4) return void bucket.short.push(p);
  push(bucket.heads, rest.slice(0, headLength(rest.length)), p);
  push(bucket.tails, rest.slice(rest.length - tailLength(rest.length)), p);
}

/** The slip patterns one slip from `run` (its exact word's buckets, `rest` as they read it), into `out`. */
function slipsOf(shapes: Map<number, SlipBucket>, count: number, rest: string, run: string, out: Set<Pattern>): void {
  for (let len = rest.length - 1; len <= rest.length + 1; len++) {
    const bucket = shapes.get(shapeKey(count, len));
    if (!bucket) continue;
    const lists =
      len < 4
        ? [bucket.short]
        : [
            bucket.heads.get(rest.slice(0, headLength(len))),
            bucket.tails.get(rest.slice(Math.max(0, rest.length - tailLength(len)))),
          ];
    for (const list of lists)
      for (const p of list ?? []) if (!out.has(p) && editDistance(run, p.joined, 1) <= 1) out.add(p);
  }
}

const bySeq = (a: Pattern, b: Pattern) => a.seq - b.seq;

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
  const slipByFirst: SlipBuckets = new Map();
  const slipByLast: SlipBuckets = new Map();
  let seq = 0;
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
    const p: Pattern = { entity, words, rule: s.isName ? 'name' : 'alias', joined: words.join(' '), seq: seq++ };
    push(exact, words[0] as string, p);
    longest = Math.max(longest, words.length);
    if (words.length >= 2 && words.join('').length >= SLIP_MIN_LETTERS) {
      const slip: Pattern = { ...p, rule: 'slip', seq: seq++ };
      pushSlip(slipByFirst, words[0] as string, words.slice(1).join(' '), slip);
      pushSlip(slipByLast, words[words.length - 1] as string, words.slice(0, -1).join(' '), slip);
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
      push(exact, f.words[0] as string, {
        ...{ entity: f.entity, words: f.words, rule: 'familyName' },
        ...{ joined: f.words.join(' '), seq: seq++ },
      });
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
        // the words after this one, joined: tails[n] is words i+1 … i+n-1 (n words in all)
        const tails: string[] = [''];
        for (let n = 2; n <= longest && i + n - 1 < words.length; n++)
          tails[n] = n === 2 ? (at(1) as string) : `${tails[n - 1] as string} ${at(n - 1) as string}`;
        const found = new Set<Pattern>();
        for (const stem of stems) {
          for (const p of exact.get(stem) ?? []) {
            if (p.words.every((w, k) => k === 0 || at(k) === w)) better(p, stem);
          }
          // a slip with the first word exact
          const shapes = slipByFirst.get(stem);
          if (!shapes) continue;
          found.clear();
          for (let n = 2; n < tails.length; n++) {
            const rest = tails[n] as string;
            slipsOf(shapes, n, rest, `${stem} ${rest}`, found);
          }
          for (const p of [...found].sort(bySeq)) better(p, stem);
        }
        for (let k = 2; k < tails.length; k++) {
          // a slip with the last word exact (the first may be a stem of it)
          const shapes = slipByLast.get(at(k - 1) as string);
          if (!shapes) continue;
          const last = at(k - 1) as string;
          const stemOf = new Map<Pattern, string>();
          for (const stem of stems) {
            const rest = k === 2 ? stem : `${stem} ${tails[k - 1] as string}`;
            found.clear();
            slipsOf(shapes, k, rest, `${rest} ${last}`, found);
            for (const p of found) if (!stemOf.has(p)) stemOf.set(p, stem);
          }
          for (const p of [...stemOf.keys()].sort(bySeq)) better(p, stemOf.get(p) as string);
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
