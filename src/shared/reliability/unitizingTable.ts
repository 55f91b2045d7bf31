/**
 * The agreement report's unitizing figures from one table of units (parallel typed arrays, codes
 * and coders numbered), with no object per unit or section: αU per code (unitizingAlpha.ts gives
 * the definitions; this computes the same sums in the same order, so the figures are equal), the
 * units bucketed once by coder and code (a counting sort that keeps their order, so units already
 * in reading order are not sorted again). The cut of each coder's continuum by the set of codes at
 * each code point, from which |uα and cuα are read, is codeSetTable.ts, from the same table.
 *
 * αU of a code cannot be read from that cut: the cut joins two touching units of one code (where
 * the set of codes does not change), which αU counts as two units.
 */
import type { CategoryAlpha, UnitizingResult, UnitizingStudy } from './unitizingAlpha';
import { pooledUnitizing } from './unitizingAlpha';
import { byteScratch, floatScratch, intScratch, SLOT } from './scratch';

export interface UnitTable {
  /** the continuum [begin, begin + length) */
  begin: number;
  length: number;
  /** the number of coders (coder indices 0 … coders − 1) */
  coders: number;
  /** the codes by index */
  categories: readonly string[];
  /** per unit: coder index, code index, span (code points, end exclusive) */
  coder: ArrayLike<number>;
  category: ArrayLike<number>;
  start: ArrayLike<number>;
  end: ArrayLike<number>;
}

/** A study's units as a table (coders in the order of study.coders; codes in `categories` order, then any others). */
export function unitTableOf(study: UnitizingStudy, categories: readonly string[]): UnitTable {
  const coderIndex = new Map(study.coders.map((c, i) => [c, i]));
  const codes = [...categories];
  const codeIndex = new Map(codes.map((c, i) => [c, i]));
  const units = study.units.filter((u) => coderIndex.has(u.coder));
  const category = units.map((u) => {
    let i = codeIndex.get(u.category);
    if (i === undefined) codeIndex.set(u.category, (i = codes.push(u.category) - 1));
    return i;
  });
  return {
    begin: study.begin,
    length: study.length,
    coders: study.coders.length,
    categories: codes,
    coder: units.map((u) => coderIndex.get(u.coder) as number),
    category,
    start: units.map((u) => u.start),
    end: units.map((u) => u.end),
  };
}

/** The units' indices grouped by coder, then code (counting sort: the order within a group is kept). */
function buckets(table: UnitTable): { order: Int32Array; from: Int32Array } {
  const C = table.categories.length;
  const n = table.coder.length;
  const from = new Int32Array(table.coders * C + 1);
  // (each pass over the units a function of its own: the second loop of a function called once
  // per report, reached first in an on-stack replacement compiled during the first, was taken
  // back to the interpreter on every call, measured with --trace-deopt)
  bucketSizes(table, from, C);
  for (let b = 1; b < from.length; b++) from[b] = (from[b] as number) + (from[b - 1] as number);
  const order = intScratch(SLOT.bucketOrder, n);
  bucketOrder(table, from.slice(0, -1), order, C);
  return { order, from };
}

/** How many units each (coder, code) bucket holds: from[coder · C + code + 1]. */
function bucketSizes(table: UnitTable, from: Int32Array, C: number): void {
  const n = table.coder.length;
  for (let u = 0; u < n; u++) {
    const key = (table.coder[u] as number) * C + (table.category[u] as number) + 1;
    from[key] = (from[key] as number) + 1;
  }
}

/** Each unit's index written at its bucket's next place (`next`: where each bucket's next goes). */
function bucketOrder(table: UnitTable, next: Int32Array, order: Int32Array, C: number): void {
  const n = table.coder.length;
  for (let u = 0; u < n; u++) {
    const key = (table.coder[u] as number) * C + (table.category[u] as number);
    order[next[key] as number] = u;
    next[key] = (next[key] as number) + 1;
  }
}

/**
 * Scratch space for αU of one code at a time, allocated once per table: each coder's joined
 * units of the code and its sections (joined units and the gaps between them) in typed arrays,
 * the coder's part starting at a fixed place (its first unit's place in the bucket order), so
 * no array is made per code or per unit.
 */
interface Scratch {
  /** joined units: [joinStart[x], joinEnd[x]) */
  joinStart: Float64Array;
  joinEnd: Float64Array;
  /** sections: [sectionStart[x], sectionEnd[x]), a unit when sectionUnit[x] is 1 */
  sectionStart: Float64Array;
  sectionEnd: Float64Array;
  sectionUnit: Uint8Array;
  /** per coder: where its sections begin in the scratch, and how many it has */
  sectionFrom: Int32Array;
  sectionCount: Int32Array;
  /**
   * lengths of every coder's units and gaps of the code, for the expected disagreement, written
   * by writeSections as it writes the sections (nu and ng of them so far), with the longest unit
   * and whether every length is whole
   */
  unitLengths: Float64Array;
  gapLengths: Float64Array;
  nu: number;
  ng: number;
  longest: number;
  integral: boolean;
}

function scratchOf(table: UnitTable): Scratch {
  const n = table.coder.length;
  const m = table.coders;
  // (the large ones reused from call to call, scratch.ts: each written before it is read)
  return {
    joinStart: floatScratch(SLOT.joinStart, n),
    joinEnd: floatScratch(SLOT.joinEnd, n),
    sectionStart: floatScratch(SLOT.sectionStart, 2 * n + m),
    sectionEnd: floatScratch(SLOT.sectionEnd, 2 * n + m),
    sectionUnit: byteScratch(SLOT.sectionUnit, 2 * n + m),
    sectionFrom: new Int32Array(m),
    sectionCount: new Int32Array(m),
    unitLengths: floatScratch(SLOT.unitLengths, n),
    gapLengths: floatScratch(SLOT.gapLengths, n + m),
    nu: 0,
    ng: 0,
    longest: 0,
    integral: true,
  };
}

/**
 * Span [s, e) joined to the joined spans from `lo` up to `joined` (spans coming by start): the
 * last one lengthened when the span begins inside it, else the span added. Returns where the
 * joined spans end now.
 */
function joinSpan(
  joinStart: Float64Array,
  joinEnd: Float64Array,
  lo: number,
  joined: number,
  s: number,
  e: number,
): number {
  if (joined > lo && s < (joinEnd[joined - 1] as number)) {
    joinEnd[joined - 1] = Math.max(joinEnd[joined - 1] as number, e);
    return joined;
  }
  joinStart[joined] = s;
  joinEnd[joined] = e;
  return joined + 1;
}

/**
 * One coder's units of one code (order[lo] … order[hi − 1]), clipped to the continuum, sorted,
 * overlaps joined, written to the scratch from `lo` on; returns how many joined units.
 */
function joinUnits(table: UnitTable, order: Int32Array, lo: number, hi: number, scratch: Scratch): number {
  const from = table.begin;
  const to = table.begin + table.length;
  const { joinStart, joinEnd } = scratch;
  const starts = table.start;
  const ends = table.end;
  // the clipped spans joined as they come while they come sorted (by start, then end: a report's
  // units, in reading order, mostly are); at the first out of order, clipped again and sorted
  let joined = lo;
  let lastStart = 0;
  let lastEnd = 0;
  let x = lo;
  for (; x < hi; x++) {
    const u = order[x] as number;
    const s = Math.max(from, starts[u] as number);
    const e = Math.min(to, ends[u] as number);
    if (e <= s) continue;
    if (joined > lo && (s < lastStart || (s === lastStart && e < lastEnd))) break;
    lastStart = s;
    lastEnd = e;
    joined = joinSpan(joinStart, joinEnd, lo, joined, s, e);
  }
  if (x === hi) return joined - lo;
  let n = lo;
  for (let x = lo; x < hi; x++) {
    const u = order[x] as number;
    const s = Math.max(from, starts[u] as number);
    const e = Math.min(to, ends[u] as number);
    if (e <= s) continue;
    joinStart[n] = s;
    joinEnd[n++] = e;
  }
  const idx = Array.from({ length: n - lo }, (_, i) => lo + i).sort(
    (a, b) => (joinStart[a] as number) - (joinStart[b] as number) || (joinEnd[a] as number) - (joinEnd[b] as number),
  );
  const sortedStarts = idx.map((i) => joinStart[i] as number);
  const sortedEnds = idx.map((i) => joinEnd[i] as number);
  joined = lo;
  for (let k = 0; k < idx.length; k++)
    joined = joinSpan(joinStart, joinEnd, lo, joined, sortedStarts[k] as number, sortedEnds[k] as number);
  return joined - lo;
}

/**
 * A coder's sections of one code from its joined units (at `lo`, `count` of them): the units and
 * the gaps between them; each one's length added to the scratch's unit or gap lengths (as the
 * expected disagreement reads them: coder after coder, in order), in the same pass.
 */
function writeSections(table: UnitTable, scratch: Scratch, coder: number, lo: number, count: number): void {
  const { joinStart, joinEnd, sectionStart, sectionEnd, sectionUnit, unitLengths, gapLengths } = scratch;
  let { nu, ng, longest, integral } = scratch;
  // a coder's sections start after the earlier coders' room (2 per unit, 1 more each)
  const first = 2 * lo + coder;
  let x = first;
  let at = table.begin;
  for (let j = lo; j < lo + count; j++) {
    const s = joinStart[j] as number;
    const e = joinEnd[j] as number;
    if (s > at) {
      sectionStart[x] = at;
      sectionEnd[x] = s;
      sectionUnit[x++] = 0;
      const gap = s - at;
      gapLengths[ng++] = gap;
      if (!Number.isInteger(gap)) integral = false;
    }
    sectionStart[x] = s;
    sectionEnd[x] = e;
    sectionUnit[x++] = 1;
    const length = e - s;
    unitLengths[nu++] = length;
    if (length > longest) longest = length;
    if (!Number.isInteger(length)) integral = false;
    at = e;
  }
  const end = table.begin + table.length;
  if (at < end) {
    sectionStart[x] = at;
    sectionEnd[x] = end;
    sectionUnit[x++] = 0;
    const gap = end - at;
    gapLengths[ng++] = gap;
    if (!Number.isInteger(gap)) integral = false;
  }
  scratch.sectionFrom[coder] = first;
  scratch.sectionCount[coder] = x - first;
  scratch.nu = nu;
  scratch.ng = ng;
  scratch.longest = longest;
  scratch.integral = integral;
}

/** Σ δ² over every overlapping pair of two coders' sections (sectionDistance of unitizingAlpha.ts). */
function pairDisagreement(scratch: Scratch, a: number, b: number): number {
  const { sectionStart, sectionEnd, sectionUnit } = scratch;
  let sum = 0;
  let i = scratch.sectionFrom[a] as number;
  let j = scratch.sectionFrom[b] as number;
  const iEnd = i + (scratch.sectionCount[a] as number);
  const jEnd = j + (scratch.sectionCount[b] as number);
  while (i < iEnd && j < jEnd) {
    const gs = sectionStart[i] as number;
    const ge = sectionEnd[i] as number;
    const hs = sectionStart[j] as number;
    const he = sectionEnd[j] as number;
    if (gs < he && hs < ge) {
      const gu = sectionUnit[i] === 1;
      const hu = sectionUnit[j] === 1;
      if (gu && hu) sum += (gs - hs) ** 2 + (ge - he) ** 2;
      else if (gu && !hu && hs <= gs && ge <= he) sum += (ge - gs) ** 2;
      else if (!gu && hu && gs <= hs && he <= ge) sum += (he - hs) ** 2;
    }
    if (ge <= he) i++;
    else j++;
  }
  return sum;
}

/**
 * Krippendorff's closed form of the expected disagreement (expectedDisagreement of unitizingAlpha.ts),
 * from the unit and gap lengths writeSections gathered.
 */
function expectedDisagreement(table: UnitTable, scratch: Scratch): number {
  const m = table.coders;
  const L = table.length;
  const { unitLengths, gapLengths, nu, ng, longest, integral } = scratch;
  // the units longest first, each unit's term added in that order (so the sums are the same
  // whichever way they are ordered); the gaps at least as long as a unit only grow in number from
  // one unit to the next, and their sum is a whole number however it is added up
  let numerator = 0;
  let squared = 0;
  const nc = nu;
  const term = (l: number, fits: number) => ((nc - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fits;
  if (integral && longest <= 1 << 16) {
    // whole lengths, none long: counted by length instead of sorted
    const units = new Float64Array(longest + 1);
    const shorter = new Float64Array(longest + 1);
    for (let x = 0; x < nu; x++) units[unitLengths[x] as number] = (units[unitLengths[x] as number] as number) + 1;
    // gaps as long as the longest unit fit every unit
    let gapSum = 0;
    let fitting = 0;
    for (let x = 0; x < ng; x++) {
      const g = gapLengths[x] as number;
      if (g >= longest) {
        gapSum += g + 1;
        fitting++;
      } else shorter[g] = (shorter[g] as number) + 1;
    }
    for (let l = longest; l >= 1; l--) {
      const k = shorter[l] as number;
      gapSum += k * (l + 1);
      fitting += k;
      const fits = gapSum - l * fitting;
      const count = units[l] as number;
      if (count === 0) continue;
      // the units of one length add the same terms, one by one (in the same order as before)
      const t = term(l, fits);
      const s = l * (l - 1);
      for (let c = count; c > 0; c--) {
        squared += s;
        numerator += t;
      }
    }
  } else {
    // gaps and units both longest first (read from the end of the ascending sort)
    const gaps = gapLengths.subarray(0, ng).sort();
    const lengths = unitLengths.subarray(0, nu).sort();
    let lo = ng - 1;
    let fitting = 0;
    let gapSum = 0;
    for (let x = nc - 1; x >= 0; x--) {
      const l = lengths[x] as number;
      squared += l * (l - 1);
      while (lo >= 0 && (gaps[lo] as number) >= l) {
        gapSum += (gaps[lo--] as number) + 1;
        fitting++;
      }
      numerator += term(l, gapSum - l * fitting);
    }
  }
  const denominator = m * L * (m * L - 1) - squared;
  return denominator <= 0 ? 0 : ((2 / L) * numerator) / denominator;
}

/** αU of the table's codes 0 … reported − 1 (unitizingAlpha(study, categories) of the same units). */
export function unitizingAlphaOfTable(table: UnitTable, reported: number): UnitizingResult {
  if (table.length <= 0) throw new RangeError('The continuum is empty.');
  if (table.coders < 2) throw new RangeError('Agreement needs at least two coders.');
  const m = table.coders;
  const L = table.length;
  const C = table.categories.length;
  const { order, from } = buckets(table);
  const scratch = scratchOf(table);
  const results: CategoryAlpha[] = [];
  for (let c = 0; c < reported; c++) {
    let count = 0;
    scratch.nu = 0;
    scratch.ng = 0;
    scratch.longest = 0;
    scratch.integral = true;
    for (let i = 0; i < m; i++) {
      const key = i * C + c;
      const lo = c < C ? (from[key] as number) : 0;
      const joined = c < C ? joinUnits(table, order, lo, from[key + 1] as number, scratch) : 0;
      writeSections(table, scratch, i, c < C ? lo : 0, joined);
      count += joined;
    }
    let sum = 0;
    for (let i = 0; i < m; i++) for (let j = i + 1; j < m; j++) sum += pairDisagreement(scratch, i, j);
    const observed = (2 * sum) / (m * (m - 1) * L * L);
    const expected = expectedDisagreement(table, scratch);
    results.push({
      category: table.categories[c] as string,
      observed,
      expected,
      units: count,
      alpha: expected === 0 ? null : 1 - observed / expected,
    });
  }
  return pooledUnitizing(results);
}
