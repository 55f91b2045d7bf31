/**
 * Krippendorff's unitizing alpha (αU: Krippendorff 1995, 2004 §12.4) on a continuum of code
 * points: how well several coders agree on where the units of each category begin and end.
 *
 * For one category c each coder's continuum is a sequence of sections: the units that coder
 * gave c, and the gaps between them. Two coders' overlapping sections g and h differ by
 *   δ² = (b_g − b_h)² + (e_g − e_h)²   when both are units of c,
 *   δ² = l_g²                           when g is a unit lying wholly inside h, a gap,
 *   δ² = 0                              otherwise (two gaps, or a unit only partly in a gap),
 * the observed disagreement is the sum over ordered pairs of coders, divided by m(m − 1)L², and
 * the expected disagreement is Krippendorff's closed form over every unit of c and every gap at
 * least as long (see expectedDisagreement). αU_c = 1 − D_o/D_e; the overall αU is 1 − the mean
 * observed over the mean expected disagreement of the categories.
 *
 * A coder's overlapping units of one category are joined into one first (the measure assumes a
 * coder does not mark the same stretch twice with one category).
 */

export interface Unit {
  coder: string;
  category: string;
  /** code points, end exclusive */
  start: number;
  end: number;
}

export interface UnitizingStudy {
  /** the continuum [begin, begin + length) */
  begin: number;
  length: number;
  coders: readonly string[];
  units: readonly Unit[];
}

interface Section {
  start: number;
  end: number;
  unit: boolean;
}

export interface CategoryAlpha {
  category: string;
  alpha: number | null;
  observed: number;
  expected: number;
  /** units of the category, over all coders (after joining overlaps) */
  units: number;
}

export interface UnitizingResult {
  alpha: number | null;
  categories: CategoryAlpha[];
}

/** The units of each coder and category (Maps: any coder name or code id is a key), in order. */
function unitsByCoderAndCategory(study: UnitizingStudy): Map<string, Map<string, Unit[]>> {
  const out = new Map<string, Map<string, Unit[]>>();
  for (const u of study.units) {
    let byCategory = out.get(u.coder);
    if (!byCategory) out.set(u.coder, (byCategory = new Map()));
    let list = byCategory.get(u.category);
    if (!list) byCategory.set(u.category, (list = []));
    list.push(u);
  }
  return out;
}

/** One coder's units of one category, sorted, overlaps joined, clipped to the continuum. */
function unitsOf(study: UnitizingStudy, units: readonly Unit[]): Array<[number, number]> {
  const from = study.begin;
  const to = study.begin + study.length;
  const spans = units
    .map((u): [number, number] => [Math.max(from, u.start), Math.min(to, u.end)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const joined: Array<[number, number]> = [];
  for (const [s, e] of spans) {
    const last = joined[joined.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else joined.push([s, e]);
  }
  return joined;
}

/** The units and the gaps between them, covering the continuum. */
function sectionsOf(study: UnitizingStudy, units: ReadonlyArray<[number, number]>): Section[] {
  const out: Section[] = [];
  let at = study.begin;
  for (const [s, e] of units) {
    if (s > at) out.push({ start: at, end: s, unit: false });
    out.push({ start: s, end: e, unit: true });
    at = e;
  }
  const end = study.begin + study.length;
  if (at < end) out.push({ start: at, end, unit: false });
  return out;
}

/** δ² of two overlapping sections of two coders (exported for the tests of the published distances). */
export function sectionDistance(g: Section, h: Section): number {
  if (g.unit && h.unit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.unit && !h.unit && h.start <= g.start && g.end <= h.end) return (g.end - g.start) ** 2;
  if (!g.unit && h.unit && g.start <= h.start && h.end <= g.end) return (h.end - h.start) ** 2;
  return 0;
}

/** Σ δ² over every overlapping pair of sections of two coders (a merge of the two sorted lists). */
function pairDisagreement(a: readonly Section[], b: readonly Section[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const g = a[i] as Section;
    const h = b[j] as Section;
    if (g.start < h.end && h.start < g.end) sum += sectionDistance(g, h);
    if (g.end <= h.end) i++;
    else j++;
  }
  return sum;
}

function expectedDisagreement(study: UnitizingStudy, perCoder: ReadonlyArray<Section[]>): number {
  const m = study.coders.length;
  const L = study.length;
  const units: number[] = [];
  const gapList: number[] = [];
  for (const sections of perCoder) for (const x of sections) (x.unit ? units : gapList).push(x.end - x.start);
  // longest first (a typed array's numeric sort, reversed)
  const gaps = Float64Array.from(gapList).sort().reverse();
  const nc = units.length;
  // Σ over the gaps at least l long of (g − l + 1) = Σ (g + 1) − l · their count: prefix sums over
  // the gaps (longest first) and a binary search per unit, not a pass over every gap per unit
  const below = new Float64Array(gaps.length + 1);
  for (let k = 0; k < gaps.length; k++) below[k + 1] = (below[k] as number) + (gaps[k] as number) + 1;
  let numerator = 0;
  let squared = 0;
  for (const l of units) {
    squared += l * (l - 1);
    let lo = 0;
    let hi = gaps.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((gaps[mid] as number) >= l) lo = mid + 1;
      else hi = mid;
    }
    const fits = (below[lo] as number) - l * lo;
    numerator += ((nc - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fits;
  }
  const denominator = m * L * (m * L - 1) - squared;
  return denominator <= 0 ? 0 : ((2 / L) * numerator) / denominator;
}

export function unitizingAlpha(study: UnitizingStudy, categories?: readonly string[]): UnitizingResult {
  if (study.length <= 0) throw new RangeError('The continuum is empty.');
  if (study.coders.length < 2) throw new RangeError('Agreement needs at least two coders.');
  const cats = categories ?? [...new Set(study.units.map((u) => u.category))].sort();
  const m = study.coders.length;
  const L = study.length;
  const results: CategoryAlpha[] = [];
  const buckets = unitsByCoderAndCategory(study);
  for (const category of cats) {
    const perCoder = study.coders.map((c) => sectionsOf(study, unitsOf(study, buckets.get(c)?.get(category) ?? [])));
    let sum = 0;
    for (let i = 0; i < m; i++)
      for (let j = i + 1; j < m; j++) sum += pairDisagreement(perCoder[i] as Section[], perCoder[j] as Section[]);
    const observed = (2 * sum) / (m * (m - 1) * L * L);
    const expected = expectedDisagreement(study, perCoder);
    const count = perCoder.reduce((n, s) => n + s.filter((x) => x.unit).length, 0);
    results.push({
      category,
      observed,
      expected,
      units: count,
      alpha: expected === 0 ? null : 1 - observed / expected,
    });
  }
  return pooledUnitizing(results);
}

/** The overall αU of per-category figures: observed and expected summed over the categories with any expected disagreement. */
export function pooledUnitizing(results: CategoryAlpha[]): UnitizingResult {
  const withExpected = results.filter((r) => r.expected > 0);
  const meanO = withExpected.reduce((s, r) => s + r.observed, 0);
  const meanE = withExpected.reduce((s, r) => s + r.expected, 0);
  return { alpha: meanE === 0 ? null : 1 - meanO / meanE, categories: results };
}
