/**
 * The agreement report's unitizing figures from one table of units (parallel typed arrays, codes
 * and coders numbered), with no object per unit or section:
 *
 *  - αU per code (unitizingAlpha.ts gives the definitions; this computes the same sums in the same
 *    order, so the figures are equal): the units bucketed once by coder and code (a counting
 *    sort that keeps their order, so units already in reading order are not sorted again);
 *  - the cut of each coder's continuum by the set of codes at each code point (coderSections with
 *    codeSet, unitizingFamily.ts), as the numbered sections of a SectionTable (sectionTable.ts),
 *    from which |uα and cuα overall and per code are read.
 *
 * αU of a code cannot be read from that cut: the cut joins two touching units of one code (where
 * the set of codes does not change), which αU counts as two units.
 */
import type { SectionTable } from './sectionTable';
import { tableOfNumbered } from './sectionTable';
import type { NumberedSections } from './sectionSweep';
import { CODE_SEPARATOR } from './unitizingFamily';
import type { CategoryAlpha, UnitizingResult, UnitizingStudy } from './unitizingAlpha';
import { pooledUnitizing } from './unitizingAlpha';

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
  for (let u = 0; u < n; u++) {
    const key = (table.coder[u] as number) * C + (table.category[u] as number) + 1;
    from[key] = (from[key] as number) + 1;
  }
  for (let b = 1; b < from.length; b++) from[b] = (from[b] as number) + (from[b - 1] as number);
  const next = from.slice(0, -1);
  const order = new Int32Array(n);
  for (let u = 0; u < n; u++) {
    const key = (table.coder[u] as number) * C + (table.category[u] as number);
    order[next[key] as number] = u;
    next[key] = (next[key] as number) + 1;
  }
  return { order, from };
}

/** One coder's units of one code, clipped to the continuum, sorted, overlaps joined: [s0, e0, s1, e1, …]. */
function joinedUnits(table: UnitTable, order: Int32Array, lo: number, hi: number): number[] {
  const from = table.begin;
  const to = table.begin + table.length;
  const spans: number[] = [];
  let sorted = true;
  for (let x = lo; x < hi; x++) {
    const u = order[x] as number;
    const s = Math.max(from, table.start[u] as number);
    const e = Math.min(to, table.end[u] as number);
    if (e <= s) continue;
    const n = spans.length;
    if (n > 0 && (s < (spans[n - 2] as number) || (s === spans[n - 2] && e < (spans[n - 1] as number)))) sorted = false;
    spans.push(s, e);
  }
  let pairs = spans;
  if (!sorted) {
    const idx = Array.from({ length: spans.length / 2 }, (_, i) => i).sort(
      (a, b) =>
        (spans[2 * a] as number) - (spans[2 * b] as number) ||
        (spans[2 * a + 1] as number) - (spans[2 * b + 1] as number),
    );
    pairs = idx.flatMap((i) => [spans[2 * i] as number, spans[2 * i + 1] as number]);
  }
  const joined: number[] = [];
  for (let x = 0; x < pairs.length; x += 2) {
    const s = pairs[x] as number;
    const e = pairs[x + 1] as number;
    const n = joined.length;
    if (n > 0 && s < (joined[n - 1] as number)) joined[n - 1] = Math.max(joined[n - 1] as number, e);
    else joined.push(s, e);
  }
  return joined;
}

/** A coder's sections of one code: the joined units and the gaps between them. */
interface Sections {
  start: number[];
  end: number[];
  unit: boolean[];
}

function sectionsOfJoined(table: UnitTable, joined: readonly number[]): Sections {
  const out: Sections = { start: [], end: [], unit: [] };
  const add = (s: number, e: number, unit: boolean) => {
    out.start.push(s);
    out.end.push(e);
    out.unit.push(unit);
  };
  let at = table.begin;
  for (let x = 0; x < joined.length; x += 2) {
    const s = joined[x] as number;
    const e = joined[x + 1] as number;
    if (s > at) add(at, s, false);
    add(s, e, true);
    at = e;
  }
  const end = table.begin + table.length;
  if (at < end) add(at, end, false);
  return out;
}

/** Σ δ² over every overlapping pair of two coders' sections (sectionDistance of unitizingAlpha.ts). */
function pairDisagreement(a: Sections, b: Sections): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.start.length && j < b.start.length) {
    const gs = a.start[i] as number;
    const ge = a.end[i] as number;
    const hs = b.start[j] as number;
    const he = b.end[j] as number;
    if (gs < he && hs < ge) {
      const gu = a.unit[i] as boolean;
      const hu = b.unit[j] as boolean;
      if (gu && hu) sum += (gs - hs) ** 2 + (ge - he) ** 2;
      else if (gu && !hu && hs <= gs && ge <= he) sum += (ge - gs) ** 2;
      else if (!gu && hu && gs <= hs && he <= ge) sum += (he - hs) ** 2;
    }
    if (ge <= he) i++;
    else j++;
  }
  return sum;
}

/** Krippendorff's closed form of the expected disagreement (expectedDisagreement of unitizingAlpha.ts). */
function expectedDisagreement(table: UnitTable, perCoder: readonly Sections[]): number {
  const m = table.coders;
  const L = table.length;
  const units: number[] = [];
  const gapList: number[] = [];
  for (const sections of perCoder)
    for (let x = 0; x < sections.start.length; x++)
      (sections.unit[x] ? units : gapList).push((sections.end[x] as number) - (sections.start[x] as number));
  // gaps and units both longest first: the gaps at least as long as a unit are a prefix of the
  // gaps that only grows from one unit to the next (every term is a whole number, so the order
  // of the sums does not change them)
  const gaps = Float64Array.from(gapList).sort().reverse();
  const lengths = Float64Array.from(units).sort().reverse();
  const nc = lengths.length;
  let numerator = 0;
  let squared = 0;
  let lo = 0;
  let gapSum = 0;
  for (let x = 0; x < nc; x++) {
    const l = lengths[x] as number;
    squared += l * (l - 1);
    while (lo < gaps.length && (gaps[lo] as number) >= l) gapSum += (gaps[lo++] as number) + 1;
    const fits = gapSum - l * lo;
    numerator += ((nc - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * fits;
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
  const results: CategoryAlpha[] = [];
  for (let c = 0; c < reported; c++) {
    const perCoder: Sections[] = [];
    for (let i = 0; i < m; i++) {
      const key = i * C + c;
      const joined = c < C ? joinedUnits(table, order, from[key] as number, from[key + 1] as number) : [];
      perCoder.push(sectionsOfJoined(table, joined));
    }
    let sum = 0;
    for (let i = 0; i < m; i++)
      for (let j = i + 1; j < m; j++) sum += pairDisagreement(perCoder[i] as Sections, perCoder[j] as Sections);
    const observed = (2 * sum) / (m * (m - 1) * L * L);
    const expected = expectedDisagreement(table, perCoder);
    let count = 0;
    for (const s of perCoder) for (const unit of s.unit) if (unit) count++;
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

/**
 * Each coder's continuum cut where its set of codes changes, the sets numbered in order of first
 * appearance (coder after coder) and valued as codeSet values them (the code ids sorted, joined by
 * CODE_SEPARATOR; ∅ null): sectionTable(sectionsOf(study, codeSet)) of the same units.
 */
export function codeSetTable(table: UnitTable): SectionTable {
  if (table.length <= 0) throw new RangeError('The continuum is empty.');
  if (table.coders < 2) throw new RangeError('Agreement needs at least two coders.');
  const C = table.categories.length;
  const from = table.begin;
  const to = table.begin + table.length;
  const { order, from: bucket } = buckets(table);
  // a set of codes as a number (a bit per code) while that is exact, else as a string of indices
  const small = C <= 52;
  const counts = new Int32Array(C);
  const idOf = new Map<number | string, number>();
  const values: Array<string | null> = [];
  const valueOfKey = (key: number | string): number => {
    let id = idOf.get(key);
    if (id === undefined) {
      const members: string[] = [];
      for (let c = 0; c < C; c++) if ((counts[c] as number) > 0) members.push(table.categories[c] as string);
      id = values.push(members.length === 0 ? null : members.sort().join(CODE_SEPARATOR)) - 1;
      idOf.set(key, id);
    }
    return id;
  };
  const keyNow = (mask: number): number | string => {
    if (small) return mask;
    const on: number[] = [];
    for (let c = 0; c < C; c++) if ((counts[c] as number) > 0) on.push(c);
    return on.join(',');
  };
  const perCoder: NumberedSections[] = [];
  for (let i = 0; i < table.coders; i++) {
    // the coder's units (clipped) in order of their starts: as they come when already so
    const units: number[] = [];
    for (let x = bucket[i * C] as number; x < (bucket[(i + 1) * C] as number); x++) {
      const u = order[x] as number;
      if (Math.min(to, table.end[u] as number) > Math.max(from, table.start[u] as number)) units.push(u);
    }
    // the spans clipped once
    const clipped = new Float64Array(2 * table.coder.length);
    for (const u of units) {
      clipped[2 * u] = Math.max(from, table.start[u] as number);
      clipped[2 * u + 1] = Math.min(to, table.end[u] as number);
    }
    const startOf = (u: number) => clipped[2 * u] as number;
    const endOf = (u: number) => clipped[2 * u + 1] as number;
    if (units.some((u, x) => x > 0 && startOf(units[x - 1] as number) > startOf(u)))
      units.sort((p, q) => startOf(p) - startOf(q) || p - q);
    const k = units.length;
    const start = new Float64Array(2 * k + 1);
    const end = new Float64Array(2 * k + 1);
    const value = new Int32Array(2 * k + 1);
    let sections = 0;
    counts.fill(0);
    let mask = 0;
    let current = -1;
    let dirty = true;
    let at = from;
    const emit = (upTo: number) => {
      if (upTo <= at) return;
      if (dirty) current = valueOfKey(keyNow(mask));
      dirty = false;
      if (sections > 0 && value[sections - 1] === current) end[sections - 1] = upTo;
      else {
        start[sections] = at;
        end[sections] = upTo;
        value[sections++] = current;
      }
      at = upTo;
    };
    const step = (c: number, by: number) => {
      const before = counts[c] as number;
      const after = before + by;
      counts[c] = after;
      if (before === 0 && after > 0) {
        if (small) mask += 2 ** c;
        dirty = true;
      } else if (before > 0 && after === 0) {
        if (small) mask -= 2 ** c;
        dirty = true;
      }
    };
    // the units begun and not yet ended, as a binary heap by their ends
    const heap = new Int32Array(k);
    let size = 0;
    const endAt = (h: number) => endOf(heap[h] as number);
    const pop = () => {
      const top = heap[0] as number;
      const last = heap[--size] as number;
      let h = 0;
      for (;;) {
        const l = 2 * h + 1;
        if (l >= size) break;
        const r = l + 1;
        const child = r < size && endAt(r) < endAt(l) ? r : l;
        if (endAt(child) >= endOf(last)) break;
        heap[h] = heap[child] as number;
        h = child;
      }
      heap[h] = last;
      return top;
    };
    const push = (u: number) => {
      let h = size++;
      while (h > 0) {
        const up = (h - 1) >> 1;
        if (endAt(up) <= endOf(u)) break;
        heap[h] = heap[up] as number;
        h = up;
      }
      heap[h] = u;
    };
    for (const u of units) {
      const s = startOf(u);
      while (size > 0 && endAt(0) <= s) {
        const done = pop();
        emit(endOf(done));
        step(table.category[done] as number, -1);
      }
      emit(s);
      step(table.category[u] as number, 1);
      push(u);
    }
    while (size > 0) {
      const done = pop();
      emit(endOf(done));
      step(table.category[done] as number, -1);
    }
    emit(to);
    perCoder.push({
      start: start.subarray(0, sections),
      end: end.subarray(0, sections),
      value: value.subarray(0, sections),
    });
  }
  return tableOfNumbered(values, perCoder);
}
