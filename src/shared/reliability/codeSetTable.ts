/**
 * The cut of each coder's continuum by the set of codes at each code point (coderSections with
 * codeSet, unitizingFamily.ts) from the report's table of units (unitizingTable.ts), as the
 * numbered sections of a SectionTable (sectionTable.ts), from which |uα and cuα overall and per
 * code are read. One sweep per coder over its units in order of their starts, the units begun and
 * not yet ended kept in a binary heap by their ends; the sweep's state lives in local variables
 * (no closure over it), so its loop runs at the speed of its arithmetic from its first calls.
 * The table's sections, lengths and units laid out are scratch arrays (scratch.ts), reused by
 * the next call: a caller reads the table before it asks for another.
 */
import { pairLengths, type NumberedSections } from './sectionSweep';
import type { SectionTable } from './sectionTable';
import type { UnitTable } from './unitizingTable';
import { CODE_SEPARATOR } from './unitizingFamily';
import { coderTableOf, isCoderTable, sortStarts, startsInOrder } from './coderTable';
import { floatScratch, intScratch, SLOT } from './scratch';

/** Up to this many codes, a set of codes is numbered through a table of 2^codes entries (64 KiB at most). */
const DIRECT_CODES = 14;

/**
 * The stretch from…to holding the set `set`, added to a coder's sections (start, end, value: the
 * coder's from `first` on, up to `sections` so far): the last one lengthened when it holds the
 * same set, else a new one. Returns where the coder's sections end now.
 */
function addSection(
  start: Float64Array,
  end: Float64Array,
  value: Int32Array,
  first: number,
  sections: number,
  from: number,
  to: number,
  set: number,
): number {
  if (sections > first && value[sections - 1] === set) {
    end[sections - 1] = to;
    return sections;
  }
  start[sections] = from;
  end[sections] = to;
  value[sections] = set;
  return sections + 1;
}

/** The heap's top (heap[0]) taken off, the heap of `size` − 1 remaining kept ordered by `ends`. */
function heapPop(heap: Int32Array, size: number, ends: Float64Array): number {
  const top = heap[0] as number;
  const last = heap[size - 1] as number;
  const lastEnd = ends[last] as number;
  const left = size - 1;
  let h = 0;
  for (;;) {
    const l = 2 * h + 1;
    if (l >= left) break;
    const r = l + 1;
    const child = r < left && (ends[heap[r] as number] as number) < (ends[heap[l] as number] as number) ? r : l;
    if ((ends[heap[child] as number] as number) >= lastEnd) break;
    heap[h] = heap[child] as number;
    h = child;
  }
  heap[h] = last;
  return top;
}

/** Unit u put in the heap of `size` (ordered by `ends`), at its place. */
function heapPush(heap: Int32Array, size: number, ends: Float64Array, u: number): void {
  const e = ends[u] as number;
  let h = size;
  while (h > 0) {
    const up = (h - 1) >> 1;
    if ((ends[heap[up] as number] as number) <= e) break;
    heap[h] = heap[up] as number;
    h = up;
  }
  heap[h] = u;
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
  // a set of codes as a number (a bit per code) while that is exact, else as a string of indices
  const small = C <= 52;
  // each code's bit, computed once (a power per step costs more than the rest of the step)
  const bit = Float64Array.from({ length: small ? C : 0 }, (_, c) => 2 ** c);
  const counts = new Int32Array(C);
  const idOf = new Map<number | string, number>();
  // while the codes are few, the sets' numbers by mask in a typed array: a set is looked up at
  // every change of the set, and that look-up in the Map was a quarter of the sweep's time
  const direct = C <= DIRECT_CODES ? new Int32Array(2 ** C).fill(-1) : null;
  const values: Array<string | null> = [];
  // the number of the set of codes now counted (`mask` its bits while the codes are few)
  const setNow = (mask: number): number => {
    if (direct !== null) {
      const known = direct[mask] as number;
      if (known >= 0) return known;
    }
    let key: number | string = mask;
    if (!small) {
      const on: number[] = [];
      for (let c = 0; c < C; c++) if ((counts[c] as number) > 0) on.push(c);
      key = on.join(',');
    }
    let id = idOf.get(key);
    if (id === undefined) {
      const members: string[] = [];
      for (let c = 0; c < C; c++) if ((counts[c] as number) > 0) members.push(table.categories[c] as string);
      id = values.push(members.length === 0 ? null : members.sort().join(CODE_SEPARATOR)) - 1;
      idOf.set(key, id);
    }
    if (direct !== null) direct[mask] = id;
    return id;
  };
  // each coder's units within the continuum, clipped, laid out coder after coder in table order
  // (coderTable.ts: the report's table is so already), so the sweep reads them in sequence; in
  // order of their starts, then of their places: already so when the units come in reading
  // order, else sorted (in a copy of the units: a table given is left as it is)
  let laid = isCoderTable(table) ? table : coderTableOf(table);
  if (!startsInOrder(laid)) {
    if (laid === table) laid = coderTableOf(table);
    sortStarts(laid);
  }
  const { start: starts, end: ends, category, coderFrom: unitsFrom } = laid;
  const placed = unitsFrom[table.coders] as number;
  const heap = intScratch(SLOT.heap, placed);
  // the sections, coder i's from 2 · unitsFrom[i] + i on (it has 2k + 1 at most, k its units), in
  // scratch arrays (scratch.ts) the table's are views of: valid until the next call
  const room = 2 * placed + table.coders;
  const start = floatScratch(SLOT.setSectionStart, room);
  const end = floatScratch(SLOT.setSectionEnd, room);
  const value = intScratch(SLOT.setSectionValue, room);
  const length = floatScratch(SLOT.setSectionLength, room);
  const numbered: Int32Array[] = [];
  const lengths: Float64Array[] = [];
  const perCoder: NumberedSections[] = [];
  for (let i = 0; i < table.coders; i++) {
    const lo = unitsFrom[i] as number;
    const hi = unitsFrom[i + 1] as number;
    const first = 2 * lo + i;
    let sections = first;
    counts.fill(0);
    let mask = 0;
    let current = -1;
    let dirty = true;
    let at = from;
    let size = 0;
    let x = lo;
    // the events in order: a unit's end (the earliest of those begun) when it comes at or before
    // the next unit's start, else that start; after the last, the continuum's end. At each, the
    // section up to it is written with the set of codes so far, then the set changes. (The order
    // of events at one position does not matter: a section is written only where the position
    // moves on, with the set after every event before it.)
    for (;;) {
      // a unit that overlaps no other (none begun and not ended, the next begins at or after
      // its end): its section, after the gap before it, written at once, as the events of its
      // start and end would write them (the same sets asked for in the same order), with no
      // heap and no counts (most units of a report: claims seldom overlap)
      if (size === 0 && x < hi && (x + 1 >= hi || (ends[x] as number) <= (starts[x + 1] as number))) {
        const s = starts[x] as number;
        const e = ends[x] as number;
        const c = category[x] as number;
        x++;
        if (s > at) {
          if (dirty) current = setNow(mask);
          dirty = false;
          sections = addSection(start, end, value, first, sections, at, s, current);
          at = s;
        }
        // the set of this one code (the counts go to 1 and back to 0)
        counts[c] = 1;
        const only = small ? (bit[c] as number) : 0;
        const unit = setNow(only);
        counts[c] = 0;
        sections = addSection(start, end, value, first, sections, at, e, unit);
        at = e;
        current = unit;
        dirty = true;
        continue;
      }
      let position: number;
      let u = -1;
      let by = 0;
      if (size > 0 && (x >= hi || (ends[heap[0] as number] as number) <= (starts[x] as number))) {
        u = heapPop(heap, size--, ends);
        position = ends[u] as number;
        by = -1;
      } else if (x < hi) {
        u = x++;
        position = starts[u] as number;
        by = 1;
      } else position = to;
      if (position > at) {
        if (dirty) current = setNow(mask);
        dirty = false;
        sections = addSection(start, end, value, first, sections, at, position, current);
        at = position;
      }
      if (u === -1) break;
      const c = category[u] as number;
      const before = counts[c] as number;
      const after = before + by;
      counts[c] = after;
      if (before === 0 && after > 0) {
        if (small) mask += bit[c] as number;
        dirty = true;
      } else if (before > 0 && after === 0) {
        if (small) mask -= bit[c] as number;
        dirty = true;
      }
      if (by === 1) heapPush(heap, size++, ends, u);
    }
    for (let x = first; x < sections; x++) length[x] = (end[x] as number) - (start[x] as number);
    const these = value.subarray(first, sections);
    numbered.push(these);
    lengths.push(length.subarray(first, sections));
    perCoder.push({ start: start.subarray(first, sections), end: end.subarray(first, sections), value: these });
  }
  return { values, numbered, lengths, pairs: pairLengths(perCoder, values.length) };
}
