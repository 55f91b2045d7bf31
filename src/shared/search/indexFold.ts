/**
 * The folding the search index stores. It is the default folding (normalize.ts) with the letter
 * rules that researchers switch off most — alef forms, ى/ي, ة/ه, the hamza carriers ؤ ئ — left
 * undone, so the stored text still tells those letters apart. Any rule set that differs from the
 * default only in those rules (a "letter variant" of the default: ة ≠ ه, strict hamza, hamza
 * seats…) is then reached from the stored text by a one-for-one letter map, with the same offset
 * map: normalize(text, rules).text === foldKept(normalize(text, INDEX_RULES).text, map).
 * Other rule sets fold the original again (rare options: harakat kept, case kept…).
 */
import { DEFAULT_NORMALIZE_OPTIONS, resolveOptions, type NormalizeOptions } from './normalize';
import { squeezeUnit } from './squeeze';

/** The rules the index is built with. */
export const INDEX_RULES: Readonly<NormalizeOptions> = Object.freeze({
  ...DEFAULT_NORMALIZE_OPTIONS,
  foldAlef: false,
  foldYaa: false,
  foldTaaMarbuta: false,
  foldHamza: false,
  foldHamzaSeat: false,
});

/** The rules a letter variant may change. */
const LETTER_RULES = ['foldAlef', 'foldYaa', 'foldTaaMarbuta', 'foldHamza', 'foldHamzaSeat'] as const;

const ALEF = 0x0627;
const ALEF_FORMS = [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673];
const TAA_MARBUTA = 0x0629;
const HAA = 0x0647;
const ALEF_MAQSURA = 0x0649;
const YAA = 0x064a;
const WAW_HAMZA = 0x0624;
const YAA_HAMZA = 0x0626;
const WAW = 0x0648;
const HAMZA = 0x0621;

/** The letters INDEX_RULES keeps that some letter rule folds. */
export const KEPT_LETTERS: readonly number[] = [...ALEF_FORMS, TAA_MARBUTA, ALEF_MAQSURA, WAW_HAMZA, YAA_HAMZA];

/**
 * A one-for-one map of kept letters (from → to), from the index's text to the text folded by
 * `rules`; null when `rules` is not a letter variant of the default.
 */
export type KeptMap = ReadonlyMap<number, number>;

export function keptMapFor(partial?: Partial<NormalizeOptions>): KeptMap | null {
  const rules = resolveOptions(partial);
  for (const k of Object.keys(DEFAULT_NORMALIZE_OPTIONS) as (keyof NormalizeOptions)[]) {
    if ((LETTER_RULES as readonly string[]).includes(k)) continue;
    if (rules[k] !== DEFAULT_NORMALIZE_OPTIONS[k]) return null;
  }
  const map = new Map<number, number>();
  if (rules.foldAlef) for (const c of ALEF_FORMS) map.set(c, ALEF);
  if (rules.foldYaa) map.set(ALEF_MAQSURA, YAA);
  if (rules.foldTaaMarbuta) map.set(TAA_MARBUTA, HAA);
  if (rules.foldHamza) {
    map.set(WAW_HAMZA, WAW);
    map.set(YAA_HAMZA, YAA);
  }
  if (rules.foldHamzaSeat) {
    map.set(WAW_HAMZA, HAMZA);
    map.set(YAA_HAMZA, HAMZA);
  }
  return map;
}

/** The map from the index's text to the default folding. */
export const DEFAULT_KEPT_MAP = keptMapFor() as KeptMap;

/** A key naming a kept map (for caches). */
export function keptKey(map: KeptMap): string {
  return [...map].map(([a, b]) => `${a}>${b}`).join(',');
}

const FIRST_KEPT = Math.min(...KEPT_LETTERS);
const LAST_KEPT = Math.max(...KEPT_LETTERS);

/** The index's folded text as `map`'s rules fold it (the same length: the offset map still holds). */
export function foldKept(text: string, map: KeptMap): string {
  if (map.size === 0) return text;
  const table = new Uint16Array(LAST_KEPT - FIRST_KEPT + 1);
  for (let c = FIRST_KEPT; c <= LAST_KEPT; c++) table[c - FIRST_KEPT] = map.get(c) ?? c;
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    units[i] = c >= FIRST_KEPT && c <= LAST_KEPT ? (table[c - FIRST_KEPT] as number) : c;
  }
  // String.fromCharCode keeps a lone surrogate as it is (a decoder would replace it)
  let out = '';
  const CHUNK = 8192;
  for (let k = 0; k < units.length; k += CHUNK) out += String.fromCharCode(...units.subarray(k, k + CHUNK));
  return out;
}

/** The same map on squeezed units (squeeze.ts): a 256-entry table. */
export function squeezedTable(map: KeptMap): Uint8Array {
  const table = new Uint8Array(256);
  for (let b = 0; b < 256; b++) table[b] = b;
  for (const [from, to] of map) table[squeezeUnit(from)] = squeezeUnit(to);
  return table;
}

/**
 * For every squeezed unit of a query folded by `map`'s rules, the squeezed units of the index's
 * text that fold to it (itself, unless `map` folds it away).
 */
export function squeezedVariants(map: KeptMap): ReadonlyArray<readonly number[]> {
  const table = squeezedTable(map);
  const out: number[][] = Array.from({ length: 256 }, () => []);
  for (let b = 0; b < 256; b++) (out[table[b] as number] as number[]).push(b);
  return out;
}
