/**
 * The agreement report's passes over its annotations and matched claims (agreement.ts), each a
 * small function of typed arrays: in the report's one long function their loops were compiled
 * as on-stack replacements that a map check after them took back to the interpreter on most
 * calls (measured with --trace-deopt), so each runs here, optimised on its own. Their arrays are
 * the report's scratch (scratch.ts): valid until the report's synchronous part ends.
 */
import { byteScratch, intScratch, SLOT } from '@shared/reliability/scratch';
import type { MatchedSets, ReadAnnotations } from './agreementDisagreements';

/** Each read annotation's compared coder (−1: none) and the compared ones in reading order (`mine`). */
export function comparedAnnotations(
  slotOf: Int32Array,
  comparedOfSlot: Int32Array,
  N: number,
): { coderOf: Int32Array; mine: Int32Array } {
  const coderOf = intScratch(SLOT.coderOf, N);
  // (one loop per function: a function's second loop, reached first in an on-stack replacement
  // compiled during its first, was taken back to the interpreter on every call: --trace-deopt)
  const mine = intScratch(SLOT.compared, codersOf(slotOf, comparedOfSlot, coderOf));
  comparedOnes(coderOf, mine);
  return { coderOf, mine };
}

/** Each annotation's compared coder written to `coderOf`; how many have one. */
function codersOf(slotOf: Int32Array, comparedOfSlot: Int32Array, coderOf: Int32Array): number {
  let compared = 0;
  for (let i = 0; i < coderOf.length; i++)
    if ((coderOf[i] = comparedOfSlot[slotOf[i] as number] as number) >= 0) compared++;
  return compared;
}

/** The annotations of a compared coder, in order, written to `mine`. */
function comparedOnes(coderOf: Int32Array, mine: Int32Array): void {
  for (let i = 0, x = 0; i < coderOf.length; i++) if ((coderOf[i] as number) >= 0) mine[x++] = i;
}

/** Each document's record coders' compared coder (whoSlot mapped through comparedOfSlot; −1: none). */
export function comparedOfWho(whoSlot: Int32Array, comparedOfSlot: Int32Array): Int32Array {
  const whoCoder = intScratch(SLOT.whoCoder, whoSlot.length);
  for (let x = 0; x < whoSlot.length; x++) {
    const slot = whoSlot[x] as number;
    whoCoder[x] = slot < 0 ? -1 : (comparedOfSlot[slot] as number);
  }
  return whoCoder;
}

/** Which read code numbers (0 … codes − 1) the compared annotations hold: 1 each. */
export function usedCodes(read: ReadAnnotations, mine: Int32Array, codes: number): Uint8Array {
  const used = new Uint8Array(codes);
  const { codeFrom, codeList } = read;
  for (let y = 0; y < mine.length; y++) {
    const i = mine[y] as number;
    for (let x = codeFrom[i] as number; x < (codeFrom[i + 1] as number); x++) used[codeList[x] as number] = 1;
  }
  return used;
}

/** The matched sets holding two annotations of one coder. */
export function doubledSets(sets: MatchedSets, coderOf: Int32Array, m: number): number {
  const S = sets.from.length - 1;
  let doubled = 0;
  // (the coders seen in the set: the set's number, so nothing is cleared between sets)
  const seen = new Int32Array(m).fill(-1);
  for (let s = 0; s < S; s++) {
    for (let x = sets.from[s] as number; x < (sets.from[s + 1] as number); x++) {
      const c = coderOf[sets.members[x] as number] as number;
      if (seen[c] === s) {
        doubled++;
        break;
      }
      seen[c] = s;
    }
  }
  return doubled;
}

/** Per coder, its compared annotations and those matched; and the annotations in no set, in reading order. */
export function coderCounts(
  sets: MatchedSets,
  mine: Int32Array,
  coderOf: Int32Array,
  N: number,
  m: number,
): { counted: Float64Array; matchedOf: Float64Array; unmatched: number[] } {
  const matched = byteScratch(SLOT.matched, N).fill(0);
  markMatched(sets.members, matched);
  const counted = new Float64Array(m);
  const matchedOf = new Float64Array(m);
  const unmatched: number[] = [];
  countCoders(mine, coderOf, matched, counted, matchedOf, unmatched);
  return { counted, matchedOf, unmatched };
}

/** 1 in `matched` for each annotation in a set (a loop of its own: see comparedAnnotations). */
function markMatched(members: Int32Array, matched: Uint8Array): void {
  for (let x = 0; x < members.length; x++) matched[members[x] as number] = 1;
}

/** coderCounts' tallies and its list of the annotations in no set. */
function countCoders(
  mine: Int32Array,
  coderOf: Int32Array,
  matched: Uint8Array,
  counted: Float64Array,
  matchedOf: Float64Array,
  unmatched: number[],
): void {
  for (let y = 0; y < mine.length; y++) {
    const i = mine[y] as number;
    const c = coderOf[i] as number;
    if (matched[i] === 0) unmatched.push(i);
    counted[c] = (counted[c] as number) + 1;
    if (matched[i] === 1) matchedOf[c] = (matchedOf[c] as number) + 1;
  }
}

/**
 * Per coder, per matched claim: the value (number) of that coder's first annotation in it, or −1;
 * and whether any is given. `rowLength` 0: rows of no units (a field no compared claim has a
 * value of, as most in a large codebook, has nothing to look for).
 */
export function fieldRows(
  sets: MatchedSets,
  ids: Int32Array,
  m: number,
  rowLength: number,
): { rows: Int32Array[]; given: boolean } {
  let given = false;
  const scratch = intScratch(SLOT.fieldRows, m * rowLength);
  const rows: Int32Array[] = [];
  const first = sets.first;
  for (let c = 0; c < m; c++) {
    const row = scratch.subarray(c * rowLength, (c + 1) * rowLength);
    for (let s = 0; s < rowLength; s++) {
      const i = first[s * m + c] as number;
      if ((row[s] = i < 0 ? -1 : (ids[i] as number)) >= 0) given = true;
    }
    rows.push(row);
  }
  return { rows, given };
}
