/**
 * Names folded the way search folds text (src/shared/search/normalize.ts: hamza forms, ة/ه, ى/ي,
 * harakat, tatweel, digits, case), and the Arabic clitics a name may carry in running text:
 * و ف (and), ب ل ك (with, to, like), ال (the), and لل (ل + ال), as in ولحفتر, للجيش, بالأمم.
 */
import { normalizeQuery } from '../search/normalize';

/**
 * Folded names kept: every check of a new spelling against the registry folds every entity's
 * spellings again (an actor list of 1,200 names imported took 48 s, nearly all of it refolding the
 * same strings). Bounded, and emptied whole when full.
 */
const folded = new Map<string, string>();
const FOLDED_KEPT = 200_000;

/** A name as matching compares it. */
export function foldName(name: string): string {
  const kept = folded.get(name);
  if (kept !== undefined) return kept;
  const out = normalizeQuery(name);
  if (folded.size >= FOLDED_KEPT) folded.clear();
  folded.set(name, out);
  return out;
}

/**
 * Many names folded at once: one pass of the normaliser over all of them (a name holds no line
 * break, and a line break survives folding), several times faster than one call per name.
 */
export function foldNames(names: readonly string[]): string[] {
  if (names.length === 0) return [];
  const folded = normalizeQuery(names.join('\n')).split('\n');
  if (folded.length !== names.length) return names.map(foldName); // a name with a line break after all
  return folded.map((f) => f.trim());
}

export function tokensOf(folded: string): string[] {
  return folded.split(/\s+/).filter((t) => t.length > 0);
}

const CONJUNCTIONS = ['', 'و', 'ف'];
const PREPOSITIONS = ['', 'ب', 'ل', 'ك'];
const ARTICLES = ['', 'ال'];
/** what must remain of a word once its clitics are taken off */
const MIN_STEM = 2;
const CLITIC_START = new Set([0x0648, 0x0641, 0x0628, 0x0644, 0x0643, 0x0627]);

/**
 * The words `token` may be with clitics in front taken off (itself not included), longest first:
 * ولحفتر → لحفتر, حفتر; للجيش → لجيش, الجيش, جيش. A remainder shorter than two letters is not
 * offered.
 */
export function withoutClitics(token: string): string[] {
  // most words start with no clitic letter at all: و ف ب ل ك, or the ا of ال
  if (token.length <= MIN_STEM || !CLITIC_START.has(token.charCodeAt(0))) return [];
  const out = new Set<string>();
  for (const c of CONJUNCTIONS) {
    for (const p of PREPOSITIONS) {
      for (const a of ARTICLES) {
        const prefix = c + p + a;
        if (prefix === '' || !token.startsWith(prefix)) continue;
        const rest = token.slice(prefix.length);
        if (rest.length >= MIN_STEM) out.add(rest);
      }
    }
    // ل + ال is written لل: للجيش is ل + الجيش
    const ll = c + 'لل';
    if (token.startsWith(ll) && token.length - ll.length >= MIN_STEM) out.add('ال' + token.slice(ll.length));
  }
  out.delete(token);
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * Damerau–Levenshtein distance (adjacent transpositions count one), stopping early: answers
 * max + 1 as soon as the distance is known to be over `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (prev2[j - 2] as number) + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n] as number, max + 1);
}
