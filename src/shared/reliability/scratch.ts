/**
 * Typed arrays reused from one call to the next by the synchronous passes behind the agreement
 * report's figures (unitizingTable.ts, codeSetTable.ts, and the report's own read and tables in
 * src/main/services/agreement*.ts), so a report over 100,000 units
 * does not allocate (and zero, and leave to the collector) megabytes of scratch space on every
 * call: a fresh typed array's memory lies outside the heap, and each few megabytes of it made the
 * collector run once more (measured: one scavenge of 2–3 ms per report). Each slot keeps one
 * buffer, grown when a call needs more (kept at the largest size asked for, for the process's
 * life); a call takes a view of it, whose contents are whatever the last use left (every user
 * writes a place before it reads it). A slot serves one array of one pass at a time: a pass takes
 * only its own slots, holds none of them past its return, and returns none of them.
 */

const floats: Float64Array[] = [];
const ints: Int32Array[] = [];
const bytes: Uint8Array[] = [];

/** The slots, one per scratch array (each module's own). */
export const SLOT = {
  joinStart: 0,
  joinEnd: 1,
  sectionStart: 2,
  sectionEnd: 3,
  sectionUnit: 4,
  unitLengths: 5,
  gapLengths: 6,
  bucketOrder: 7,
  clippedStart: 8,
  clippedEnd: 9,
  byCoder: 10,
  heap: 11,
  // the agreement report's read and tables (src/main/services/agreement*.ts), taken in the
  // report's synchronous part only (after its last await), so two reports never share them
  readLocal: 12,
  readDocument: 13,
  readStart: 14,
  readEnd: 15,
  readCodeFrom: 16,
  readCodeList: 17,
  readSlotOf: 18,
  readFieldIds: 19,
  coderOf: 20,
  compared: 21,
  unitCoder: 22,
  unitCategory: 23,
  unitStart: 24,
  unitEnd: 25,
  matched: 26,
  fieldRows: 27,
  claims: 28,
  members: 29,
  setFrom: 30,
  firsts: 31,
  clippedCoder: 32,
  setSectionStart: 33,
  setSectionEnd: 34,
  setSectionValue: 35,
  setSectionLength: 36,
  readNoValue: 37,
  readWhoSlot: 38,
  whoCoder: 39,
} as const;

type Slot = (typeof SLOT)[keyof typeof SLOT];

function grown(length: number, need: number): number {
  return Math.max(need, 2 * length);
}

/** `n` doubles of slot `slot` (contents left from its last use). */
export function floatScratch(slot: Slot, n: number): Float64Array {
  let b = floats[slot];
  if (b === undefined || b.length < n) floats[slot] = b = new Float64Array(grown(b?.length ?? 0, n));
  return b.subarray(0, n);
}

/** `n` 32-bit integers of slot `slot` (contents left from its last use). */
export function intScratch(slot: Slot, n: number): Int32Array {
  let b = ints[slot];
  if (b === undefined || b.length < n) ints[slot] = b = new Int32Array(grown(b?.length ?? 0, n));
  return b.subarray(0, n);
}

/** `n` bytes of slot `slot` (contents left from its last use). */
export function byteScratch(slot: Slot, n: number): Uint8Array {
  let b = bytes[slot];
  if (b === undefined || b.length < n) bytes[slot] = b = new Uint8Array(grown(b?.length ?? 0, n));
  return b.subarray(0, n);
}
