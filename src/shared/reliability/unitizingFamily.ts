/**
 * Two members of the unitizing-alpha family of Krippendorff, Mathet, Bouvry & Widlöcher (2016,
 * "On the reliability of unitizing textual continua: further developments", Quality & Quantity
 * 50: 2347–2364; also Krippendorff 2019, §12.6), on a continuum of code points:
 *
 *  - |uα, boundary only: do the coders agree on which stretches are units at all, whatever their
 *    values?
 *  - cuα, coding given units: where two coders both marked a unit, do they give it the same value?
 *
 * Both rest on coincidences of LENGTHS rather than of values: each coder's continuum is a sequence
 * of sections, each with one value or none (∅, a gap), and for every ordered pair of coders (i, j)
 * the code points where i's section has value c and j's has value k add to l_ck, weighted
 * 1 / (m − 1). So l_·· = mL, and a boundary disagreement shows as a stretch where one coder has a
 * value and the other ∅.
 *
 * |uα (values: "unit" and ∅). Expected coincidences pair code points of different sections, a
 * gap counting as pieces of length 1 (a gap is not a unit):
 *   e_ck = l_·· (l_c· l_·k − [c = k] S_c) / (l_··² − S),  S_c = Σ l² over the sections of c (∅: Σ l),
 * and with the nominal δ,  |uα = 1 − Σ_{c≠k} l_ck / Σ_{c≠k} e_ck
 *                              = 1 − Σ_{c≠k} l_ck · (l_··² − S) / (l_·· (l_··² − Σ_c l_c·²)).
 *
 * cuα (values of units only; every coincidence that involves ∅ is left out): the coincidences
 * restricted to the code points two coders both coded, n = Σ_{c,k≠∅} l_ck, n_c its margins:
 *   cuα = 1 − (Σ_{c≠k} l_ck / n) / (Σ_{c≠k} n_c n_k / n²).
 * (Lengths are measures, not counts, so no (n − 1) small-sample term; this is our reading of the
 * paper's definitions, checked on the hand-worked examples in familyAndInterval.test.ts.)
 *
 * Hashiya's coders may mark overlapping passages with several codes, which the paper's model (one
 * value per stretch of one coder) does not know. So a coder's sections are built from the codes
 * that cover each code point: `valueOf` turns that set of codes into one value, or null for ∅.
 * The report uses: |uα overall "any code" vs ∅; |uα of code k "k" vs ∅; cuα overall the set of
 * codes itself (a combination is one value); cuα of code k "k" vs "another code".
 */
import { numberSections, pairLengths } from './sectionSweep';
import type { UnitizingStudy } from './unitizingAlpha';

export interface FamilyResult {
  /** null when undefined (no variation, or for cuα no stretch two coders both coded) */
  alpha: number | null;
  /** |uα: Σ_{c≠k} l_ck / l_··; cuα: the same over the coded coincidences */
  observed: number;
  expected: number;
  /** cuα: the length both coders coded, summed over ordered pairs of coders (n); |uα: l_·· */
  length: number;
}

export interface Section {
  start: number;
  end: number;
  value: string | null;
}

/** One coder's continuum cut where the set of its codes changes, each stretch valued by `valueOf` (given the live set: it must not keep it). */
export function coderSections(
  study: UnitizingStudy,
  coder: string,
  valueOf: (codes: ReadonlySet<string>) => string | null,
): Section[] {
  const from = study.begin;
  const to = study.begin + study.length;
  const positions: number[] = [];
  const steps: number[] = [];
  const categories: string[] = [];
  for (const u of study.units) {
    if (u.coder !== coder) continue;
    const s = Math.max(from, u.start);
    const e = Math.min(to, u.end);
    if (e <= s) continue;
    positions.push(s, e);
    steps.push(1, -1);
    categories.push(u.category, u.category);
  }
  const order = Array.from(positions, (_, i) => i).sort((x, y) => (positions[x] as number) - (positions[y] as number));
  // the codes active now (in the order they became active, as a Set built afresh would hold
  // them), valued again only when the set has changed since the last section
  const counts = new Map<string, number>();
  const active = new Set<string>();
  let value = valueOf(active);
  let changed = false;
  const out: Section[] = [];
  let at = from;
  const push = (end: number) => {
    if (end <= at) return;
    if (changed) value = valueOf(active);
    changed = false;
    const last = out[out.length - 1];
    if (last && last.value === value) last.end = end;
    else out.push({ start: at, end, value });
    at = end;
  };
  for (const i of order) {
    push(positions[i] as number);
    const category = categories[i] as string;
    const n = (counts.get(category) ?? 0) + (steps[i] as number);
    counts.set(category, n);
    if (n === 0) active.delete(category);
    else if (n === 1 && !active.has(category)) active.add(category);
    else continue;
    changed = true;
  }
  push(to);
  return out;
}

/** l_ck: the length where one coder has value c and another k (∅ = null) */
export type Coincidences = Map<string | null, Map<string | null, number>>;

/** l_ck over every ordered pair of coders (sectionSweep.ts: one merge of each pair's sorted sections). */
function lengthCoincidences(perCoder: ReadonlyArray<readonly Section[]>): Coincidences {
  const { values, numbered } = numberSections(perCoder);
  return coincidencesOfSums(values, pairLengths(numbered, values.length));
}

/** The non-zero cells of a V × V table of lengths over `values`, as Maps. */
export function coincidencesOfSums(values: ReadonlyArray<string | null>, sums: Float64Array): Coincidences {
  const V = values.length;
  const l: Coincidences = new Map();
  for (let c = 0; c < V; c++)
    for (let k = 0; k < V; k++) {
      const x = sums[c * V + k] as number;
      if (x <= 0) continue;
      let row = l.get(values[c] as string | null);
      if (!row) l.set(values[c] as string | null, (row = new Map()));
      row.set(values[k] as string | null, x);
    }
  return l;
}

function margins(l: Coincidences, keep: (v: string | null) => boolean): Map<string | null, number> {
  const out = new Map<string | null, number>();
  for (const [c, row] of l) {
    if (!keep(c)) continue;
    let sum = 0;
    for (const [k, x] of row) if (keep(k)) sum += x;
    out.set(c, sum);
  }
  return out;
}

function offDiagonal(l: Coincidences, keep: (v: string | null) => boolean): number {
  let sum = 0;
  for (const [c, row] of l) if (keep(c)) for (const [k, x] of row) if (k !== c && keep(k)) sum += x;
  return sum;
}

/** Every coder's sections (in the order of study.coders). */
export function sectionsOf(study: UnitizingStudy, valueOf: (codes: ReadonlySet<string>) => string | null): Section[][] {
  if (study.length <= 0) throw new RangeError('The continuum is empty.');
  if (study.coders.length < 2) throw new RangeError('Agreement needs at least two coders.');
  return study.coders.map((c) => coderSections(study, c, valueOf));
}

/**
 * Sections valued anew (`map` of each value; ∅ stays ∅), neighbours of one value joined: what
 * sectionsOf would give for the composed valuation, without cutting the continuum again.
 */
export function remapSections(
  perCoder: ReadonlyArray<readonly Section[]>,
  map: (value: string) => string | null,
): Section[][] {
  // few distinct values and many sections: each value is mapped once
  const mapped = new Map<string, string | null>();
  const valued = (v: string) => {
    let x = mapped.get(v);
    if (x === undefined && !mapped.has(v)) mapped.set(v, (x = map(v)));
    return x as string | null;
  };
  return perCoder.map((sections) => {
    const out: Section[] = [];
    for (const s of sections) {
      const value = s.value === null ? null : valued(s.value);
      const last = out[out.length - 1];
      if (last && last.value === value) last.end = s.end;
      else out.push({ start: s.start, end: s.end, value });
    }
    return out;
  });
}

/** |uα of the sections that `valueOf` gives (two values or more, ∅ among them). */
export function boundaryAlpha(
  study: UnitizingStudy,
  valueOf: (codes: ReadonlySet<string>) => string | null,
): FamilyResult {
  return boundaryOfSections(sectionsOf(study, valueOf));
}

export function boundaryOfSections(perCoder: ReadonlyArray<readonly Section[]>): FamilyResult {
  let squares = 0;
  for (const sections of perCoder)
    for (const s of sections) squares += s.value === null ? s.end - s.start : (s.end - s.start) ** 2;
  return boundaryOfCoincidences(lengthCoincidences(perCoder), squares);
}

/** |uα from the length coincidences and S (Σ l² over the sections of each value, ∅: Σ l). */
export function boundaryOfCoincidences(l: Coincidences, squares: number): FamilyResult {
  const all = () => true;
  const total = [...margins(l, all).values()].reduce((s, x) => s + x, 0);
  let marginSquares = 0;
  for (const x of margins(l, all).values()) marginSquares += x * x;
  const observed = offDiagonal(l, all);
  const expected = (total * (total * total - marginSquares)) / (total * total - squares);
  return {
    alpha: expected > 0 ? 1 - observed / expected : null,
    observed: observed / total,
    expected: expected / total,
    length: total,
  };
}

/** cuα of the values that `valueOf` gives to coded stretches (∅ left out). */
export function codingGivenUnitsAlpha(
  study: UnitizingStudy,
  valueOf: (codes: ReadonlySet<string>) => string | null,
): FamilyResult {
  return codingGivenUnitsOfSections(sectionsOf(study, valueOf));
}

export function codingGivenUnitsOfSections(perCoder: ReadonlyArray<readonly Section[]>): FamilyResult {
  return codingGivenUnitsOfCoincidences(lengthCoincidences(perCoder));
}

/** cuα from the length coincidences. */
export function codingGivenUnitsOfCoincidences(l: Coincidences): FamilyResult {
  const coded = (v: string | null) => v !== null;
  const n_c = [...margins(l, coded).values()];
  const n = n_c.reduce((s, x) => s + x, 0);
  if (n === 0) return { alpha: null, observed: 0, expected: 0, length: 0 };
  const observed = offDiagonal(l, coded) / n;
  let same = 0;
  for (const x of n_c) same += x * x;
  const expected = (n * n - same) / (n * n);
  return { alpha: expected > 0 ? 1 - observed / expected : null, observed, expected, length: n };
}

/** The valuations the report uses (see the header). */
export const anyCode = (codes: ReadonlySet<string>): string | null => (codes.size > 0 ? 'unit' : null);
export const codeOrGap =
  (code: string) =>
  (codes: ReadonlySet<string>): string | null =>
    codes.has(code) ? code : null;
export const CODE_SEPARATOR = '\u0000';
export const codeSet = (codes: ReadonlySet<string>): string | null =>
  codes.size === 0 ? null : [...codes].sort().join(CODE_SEPARATOR);
/** codeOrOther(code) for sections valued by codeSet (code ids hold no NUL) */
export const codeOrOtherOfSet =
  (code: string) =>
  (set: string): string =>
    set.split(CODE_SEPARATOR).includes(code) ? 'code' : 'other';
export const codeOrOther =
  (code: string) =>
  (codes: ReadonlySet<string>): string | null =>
    codes.size === 0 ? null : codes.has(code) ? 'code' : 'other';
