/**
 * Near-duplicate texts: two saves of one article that differ in an "updated at" line, a
 * corrected word or a dropped sign-off. A text becomes the set of its 4-word shingles, taken on
 * the search normalisation (src/shared/search/normalize.ts: diacritics, hamza and alef forms,
 * digits folded) with every run of digits read as one digit, so a changed time or date costs
 * nothing, and without the paragraphs of fewer than 8 words, numbers not counted (an "updated at" line, a byline, a
 * time stamp) when the rest is long enough to compare. Two texts are near-duplicates when the Jaccard similarity of their shingle sets is at
 * least NEAR_DUPLICATE_THRESHOLD. A MinHash signature (SIGNATURE_SIZE minima) estimates that
 * similarity in a few microseconds, so a project of 10,000 documents is checked without reading
 * them; the few whose estimate comes close are then compared exactly.
 */
import { normalize } from '@shared/search/normalize';

export const NEAR_DUPLICATE_THRESHOLD = 0.95;
/** estimates at or above this are compared exactly (MinHash of 64 errs by ~±0.03 near 0.95) */
export const CANDIDATE_THRESHOLD = 0.8;
export const SIGNATURE_SIZE = 64;
const SHINGLE_WORDS = 4;
/** below this many shingles a text is too short to call a near-copy of another */
const MIN_SHINGLES = 8;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: a good 32-bit mix, one per signature position (seeded). */
function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

/** paragraphs shorter than this (a time stamp, an "updated at" line, a byline) are left out */
const SHORT_PARAGRAPH_WORDS = 8;

const wordsOf = (paragraph: string) => paragraph.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');

/** The hashed 4-word shingles of a text, short paragraphs left out when enough remains. */
export function shingles(text: string): Set<number> {
  const paragraphs = normalize(text).text.replace(/\d+/g, '0').split('\n').map(wordsOf);
  const long = paragraphs.filter((p) => p.filter((w) => w !== '0').length >= SHORT_PARAGRAPH_WORDS).flat();
  const words = long.length >= MIN_SHINGLES + SHINGLE_WORDS ? long : paragraphs.flat();
  const out = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let both = 0;
  for (const x of small) if (large.has(x)) both++;
  return both / (a.size + b.size - both);
}

/** The MinHash signature of a shingle set, or null for a text too short to compare. */
export function signature(set: ReadonlySet<number>): Uint32Array | null {
  if (set.size < MIN_SHINGLES) return null;
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(x ^ (SEEDS[i] as number));
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** The share of equal positions: an estimate of the Jaccard similarity of the two sets. */
export function estimate(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/**
 * For each text, the number of an earlier text of the same list that it repeats (the same, or a
 * near-duplicate), or null: a database export often holds one article twice.
 */
export function repeatsWithin(texts: readonly string[]): (number | null)[] {
  const sets = texts.map(shingles);
  const sigs = sets.map(signature);
  return texts.map((text, i) => {
    for (let j = 0; j < i; j++) {
      if (texts[j] === text) return j;
      const a = sigs[i];
      const b = sigs[j];
      if (!a || !b || estimate(a, b) < CANDIDATE_THRESHOLD) continue;
      if (jaccard(sets[i] as Set<number>, sets[j] as Set<number>) >= NEAR_DUPLICATE_THRESHOLD) return j;
    }
    return null;
  });
}
