/**
 * Search-only normalisation of Arabic (and Latin) text. The stored text never changes: this
 * builds a folded copy in which the different spellings of one word become equal (خليفة/خليفه,
 * اضطُرت/اضطرت, المقبلــة/المقبلة, ٢٠١٩/2019), together with a map from every UTF-16 unit of the
 * folded copy back to the code-point offset of the original character it came from, so a match
 * in the folded text becomes an exact span of the original (diacritics and tatweel included).
 *
 * Every rule can be switched off. The default turns all of them on.
 */

export interface NormalizeOptions {
  /** drop harakat and the other Arabic combining marks (U+0610–061A, U+064B–065F, U+0670, U+06D6–06ED) */
  ignoreDiacritics: boolean;
  /** drop tatweel (kashida, U+0640) */
  ignoreTatweel: boolean;
  /** أ إ آ ٱ (and the wavy-hamza alefs) → ا */
  foldAlef: boolean;
  /** alef maqsura ى (and Farsi yeh ی) → ي */
  foldYaa: boolean;
  /** taa marbuta ة → ه */
  foldTaaMarbuta: boolean;
  /** hamza carriers ؤ → و, ئ → ي */
  foldHamza: boolean;
  /** hamza seats ؤ ئ → ء, so مسؤول = مسئول (takes precedence over foldHamza; off by default) */
  foldHamzaSeat: boolean;
  /** Persian keheh ک → ك and Farsi yeh ی → ي (letters typed on Persian keyboards) */
  foldPersian: boolean;
  /** Arabic-Indic ٠–٩ and Eastern Arabic-Indic ۰–۹ → 0–9 */
  foldDigits: boolean;
  /** case-fold (Latin and other cased scripts) */
  ignoreCase: boolean;
  /** a run of white space counts as one space (a run holding a line break as one line break) */
  collapseWhitespace: boolean;
  /** drop invisible format characters: bidi controls and marks, zero-width (non-)joiners, BOM, soft hyphen */
  ignoreInvisibles: boolean;
  /** Arabic presentation forms (ﻻ, ﷲ, isolated/final glyph codes) → the letters they stand for */
  foldPresentationForms: boolean;
}

export const DEFAULT_NORMALIZE_OPTIONS: Readonly<NormalizeOptions> = Object.freeze({
  ignoreDiacritics: true,
  ignoreTatweel: true,
  foldAlef: true,
  foldYaa: true,
  foldTaaMarbuta: true,
  foldHamza: true,
  foldHamzaSeat: false,
  foldPersian: true,
  foldDigits: true,
  ignoreCase: true,
  collapseWhitespace: true,
  ignoreInvisibles: true,
  foldPresentationForms: true,
});

/**
 * Bump when the rules change: cached indexes built with another version are rebuilt.
 * 3: the index folds with INDEX_RULES (indexFold.ts), keeping ة ى ؤ ئ and the alef forms.
 */
export const NORMALIZER_VERSION = 3;

export interface NormalizedText {
  /** the folded text */
  text: string;
  /**
   * origin[i] = code-point offset in the original of the character that produced folded unit i;
   * origin has text.length + 1 entries, the last being the original's length in code points.
   */
  origin: Uint32Array;
  /** the original's length in code points */
  cpLength: number;
}

// table values other than a code unit
const REMOVE = -1;
const SPACE = -2;
/** needs the slow path: lower-casing to several units, or a compatibility decomposition */
const SLOW = -3;

/** An invisible format character: a bidi control or mark, a zero-width (non-)joiner, BOM, soft hyphen. */
export function isInvisible(c: number): boolean {
  return INVISIBLES.includes(c);
}

export function isArabicMark(c: number): boolean {
  return (
    (c >= 0x0610 && c <= 0x061a) ||
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e4) ||
    c === 0x06e7 ||
    c === 0x06e8 ||
    (c >= 0x06ea && c <= 0x06ed)
  );
}

export const INVISIBLES: readonly number[] = [
  0x00ad, 0x061c, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060,
  0x2066, 0x2067, 0x2068, 0x2069, 0xfeff,
];

function isWhite(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}
const isLineBreak = (c: number) => c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x85;

const isPresentationForm = (c: number) => (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);

function optionsKey(o: NormalizeOptions): string {
  return (Object.keys(DEFAULT_NORMALIZE_OPTIONS) as (keyof NormalizeOptions)[]).map((k) => (o[k] ? '1' : '0')).join('');
}

/** One lookup per BMP code unit: itself, a replacement unit, REMOVE, SPACE or SLOW. */
function buildTable(o: NormalizeOptions): Int32Array {
  const t = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = c;
  if (o.ignoreCase) {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      const lower = ch.toLowerCase();
      if (lower === ch) continue;
      t[c] = lower.length === 1 ? lower.charCodeAt(0) : SLOW;
    }
  }
  if (o.foldPresentationForms) {
    for (let c = 0xfb50; c <= 0xfefc; c++)
      if (isPresentationForm(c) && String.fromCharCode(c).normalize('NFKC') !== String.fromCharCode(c)) t[c] = SLOW;
  }
  if (o.ignoreDiacritics) for (let c = 0x0610; c <= 0x06ed; c++) if (isArabicMark(c)) t[c] = REMOVE;
  if (o.ignoreTatweel) t[0x0640] = REMOVE;
  if (o.foldAlef) for (const c of [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673]) t[c] = 0x0627;
  if (o.foldYaa) {
    t[0x0649] = 0x064a;
    t[0x06cc] = 0x064a;
  }
  if (o.foldTaaMarbuta) t[0x0629] = 0x0647;
  if (o.foldHamza) {
    t[0x0624] = 0x0648;
    t[0x0626] = 0x064a;
  }
  if (o.foldHamzaSeat) {
    t[0x0624] = 0x0621;
    t[0x0626] = 0x0621;
  }
  if (o.foldPersian) {
    t[0x06a9] = 0x0643;
    t[0x06cc] = 0x064a;
  }
  if (o.foldDigits) {
    for (let d = 0; d < 10; d++) {
      t[0x0660 + d] = 0x30 + d;
      t[0x06f0 + d] = 0x30 + d;
    }
  }
  if (o.ignoreInvisibles) for (const c of INVISIBLES) t[c] = REMOVE;
  if (o.collapseWhitespace) for (let c = 0; c < 0x3001; c++) if (isWhite(c)) t[c] = SPACE;
  return t;
}

const tables = new Map<string, Int32Array>();
function tableFor(o: NormalizeOptions): Int32Array {
  const key = optionsKey(o);
  let t = tables.get(key);
  if (!t) {
    t = buildTable(o);
    tables.set(key, t);
  }
  return t;
}

export function resolveOptions(partial?: Partial<NormalizeOptions>): NormalizeOptions {
  return { ...DEFAULT_NORMALIZE_OPTIONS, ...partial };
}

/** Fold `text` for searching; see NormalizedText for the offset map. */
export function normalize(text: string, partial?: Partial<NormalizeOptions>): NormalizedText {
  const options = resolveOptions(partial);
  const table = tableFor(options);
  let out = new Uint16Array(text.length + 16);
  let origin = new Uint32Array(text.length + 17);
  let n = 0;
  let cp = 0;
  /** index in out of the space that the current white-space run was folded into, or -1 */
  let run = -1;

  const push = (unit: number, at: number) => {
    if (n >= out.length) {
      const biggerOut = new Uint16Array(out.length * 2);
      biggerOut.set(out);
      out = biggerOut;
      const biggerOrigin = new Uint32Array(out.length + 1);
      biggerOrigin.set(origin);
      origin = biggerOrigin;
    }
    out[n] = unit;
    origin[n] = at;
    n++;
  };
  /** a BMP unit that already went through the table once (a slow-path expansion) */
  const pushFolded = (c: number, at: number) => {
    const v = table[c] as number;
    if (v === REMOVE) return;
    if (v === SPACE) {
      if (run === -1) {
        run = n;
        push(0x20, at);
      }
      return;
    }
    run = -1;
    push(v >= 0 ? v : c, at);
  };

  for (let i = 0; i < text.length; i++, cp++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        run = -1;
        push(c, cp);
        push(d, cp);
        i++;
        continue;
      }
    }
    const v = table[c] as number;
    if (v >= 0) {
      run = -1;
      push(v, cp);
    } else if (v === REMOVE) {
      continue;
    } else if (v === SPACE) {
      if (run === -1) {
        run = n;
        push(isLineBreak(c) ? 0x0a : 0x20, cp);
      } else if (isLineBreak(c)) {
        // a run that holds a line break stays a paragraph break, so no match crosses it
        out[run] = 0x0a;
      }
    } else {
      // SLOW: several units from one character; each maps back to the same original offset
      let s = String.fromCharCode(c);
      if (options.foldPresentationForms && isPresentationForm(c)) s = s.normalize('NFKC');
      if (options.ignoreCase) s = s.toLowerCase();
      for (let k = 0; k < s.length; k++) {
        const u = s.charCodeAt(k);
        if (u >= 0xd800 && u <= 0xdfff) {
          run = -1;
          push(u, cp);
        } else pushFolded(u, cp);
      }
    }
  }
  origin[n] = cp;
  let folded = '';
  const CHUNK = 8192;
  for (let k = 0; k < n; k += CHUNK) folded += String.fromCharCode(...out.subarray(k, Math.min(n, k + CHUNK)));
  return { text: folded, origin: origin.slice(0, n + 1), cpLength: cp };
}

/** Fold a query the way texts are folded (NFC first, surrounding white space trimmed). */
export function normalizeQuery(query: string, partial?: Partial<NormalizeOptions>): string {
  const options = resolveOptions(partial);
  const folded = normalize(query.normalize('NFC'), options).text;
  return options.collapseWhitespace ? folded.trim() : folded;
}

/**
 * The original code-point span of folded units [start, end): from the first character of the
 * match through the last one, plus whatever was dropped right after it (its diacritics, a
 * tatweel, an invisible mark), up to the next character that survived folding.
 */
export function originalSpan(n: NormalizedText, start: number, end: number): { start: number; end: number } {
  return originalSpanBy((i) => n.origin[i] as number, n.text.length, n.cpLength, start, end);
}

/** originalSpan with the offset map read through `origin` (a map that is not stored whole). */
export function originalSpanBy(
  origin: (i: number) => number,
  len: number,
  cpLength: number,
  start: number,
  end: number,
): { start: number; end: number } {
  const s = origin(Math.min(start, len));
  if (end <= start) return { start: s, end: s };
  const last = origin(end - 1);
  let j = end;
  while (j < len && origin(j) === last) j++;
  const e = j < len ? origin(j) : cpLength;
  return { start: s, end: e };
}

/** The offset map as runs [foldedIndex, delta, ...] with origin[i] = i + delta from that index on. */
export function encodeOrigin(origin: Uint32Array): number[] {
  const runs: number[] = [];
  let delta = Number.NaN;
  for (let i = 0; i < origin.length; i++) {
    const d = (origin[i] as number) - i;
    if (d !== delta) {
      runs.push(i, d);
      delta = d;
    }
  }
  return runs;
}

export function decodeOrigin(runs: readonly number[], length: number): Uint32Array {
  const origin = new Uint32Array(length);
  for (let r = 0; r < runs.length; r += 2) {
    const from = runs[r] as number;
    const delta = runs[r + 1] as number;
    const to = r + 2 < runs.length ? (runs[r + 2] as number) : length;
    for (let i = from; i < to && i < length; i++) origin[i] = i + delta;
  }
  return origin;
}
