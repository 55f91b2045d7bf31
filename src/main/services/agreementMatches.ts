/**
 * The agreement report's matched claims (matchClaims.ts), document by document, with each
 * document's matching kept beside its record (agreementRecords.ts) for the next report: a
 * document's matching depends on its claims alone (each one's span, from the record, and coder)
 * and on the number of coders and the overlap asked for, so a document whose record, claims
 * (the same annotations of the record, in the same order, with the same coders), coder count
 * and overlap are those of the kept matching takes the kept sets; any other is matched again
 * (and its matching kept instead). Kept on the record (its `matching`): a changed document has a
 * new record, so its matching goes with the old one.
 *
 * The claims are those of the kept matching at no cost per claim when both are every annotation
 * of the record with each of its coders (whoOf) the same compared coder: a document's claims are
 * then its record's annotations in an order the record alone sets (reading order, or sorted by
 * span where they are not in it), each of its coder's. Otherwise they are compared one by one.
 */
import { SpanMatcher } from '@shared/reliability/matchClaims';
import { intScratch, SLOT } from '@shared/reliability/scratch';
import type { MatchedSets, ReadAnnotations } from './agreementDisagreements';
import type { DocumentRecord } from './agreementRecords';

/** One document's last matching: its claims (record positions and coders) and the sets found. */
interface KeptMatching {
  coders: number;
  overlap: number;
  /** per claim in reading order: its annotation's place in the record, and its coder */
  local: Int32Array;
  coder: Int32Array;
  /** set s: claims at positions (in reading order) members[from[s]] … members[from[s + 1] − 1] */
  members: Int32Array;
  from: Int32Array;
  /** whether the claims were every annotation of the record, and then its coders' compared coders (by local number) */
  every: boolean;
  whoCoder: Int32Array;
}

/** What the matching takes of the read annotations and their coders. */
export interface ClaimCoders {
  /** per annotation read: its place in its document's record, and its compared coder (−1: none) */
  local: Int32Array;
  coderOf: Int32Array;
  /** per document d, its record's coders' compared coders: whoCoder[whoFrom[d] + p] (−1: none) */
  whoCoder: Int32Array;
  whoFrom: Int32Array;
}

/** Whether a kept matching's coders (every annotation of its record claimed) are those of document d now. */
function sameCoders(k: KeptMatching, whoCoder: Int32Array, from: number, to: number): boolean {
  if (k.whoCoder.length !== to - from) return false;
  for (let p = from; p < to; p++) if (k.whoCoder[p - from] !== whoCoder[p]) return false;
  return true;
}

/** Whether a kept matching is that of claims lo … hi − 1 (annotation indices) now. */
function sameClaims(
  k: KeptMatching,
  claims: Int32Array,
  lo: number,
  hi: number,
  local: Int32Array,
  coderOf: Int32Array,
): boolean {
  if (k.local.length !== hi - lo) return false;
  for (let x = lo; x < hi; x++) {
    const i = claims[x] as number;
    if (k.local[x - lo] !== local[i] || k.coder[x - lo] !== coderOf[i]) return false;
  }
  return true;
}

/** The matched claims of each document, in document and reading order. */
export function matchedSets(
  read: ReadAnnotations,
  records: readonly DocumentRecord[],
  coders: ClaimCoders,
  mine: Int32Array,
  m: number,
  overlap: number,
): MatchedSets {
  const { local, coderOf, whoCoder, whoFrom } = coders;
  // the claims in document order, each document's in reading order (a stable sort where they are
  // not), as parallel arrays the matcher reads range by range
  const n = mine.length;
  // (scratch reused by the next report, scratch.ts; the kept matchings are copies)
  const claims = intScratch(SLOT.claims, n);
  claims.set(mine);
  const starts = read.start;
  const ends = read.end;
  const documentOf = read.document;
  const startOf = (i: number) => starts[i] as number;
  const endOf = (i: number) => ends[i] as number;
  const byReading = (i: number, j: number) => startOf(i) - startOf(j) || endOf(i) - endOf(j);
  const bounds: number[] = [0];
  for (let lo = 0; lo < n;) {
    const document = documentOf[claims[lo] as number];
    let hi = lo + 1;
    let sorted = true;
    // (byReading of each claim and the one before, > 0: out of order)
    let start = starts[claims[lo] as number] as number;
    let end = ends[claims[lo] as number] as number;
    for (; hi < n; hi++) {
      const i = claims[hi] as number;
      if (documentOf[i] !== document) break;
      const s = starts[i] as number;
      const e = ends[i] as number;
      if ((start - s || end - e) > 0) sorted = false;
      start = s;
      end = e;
    }
    if (!sorted) claims.set(Array.from(claims.subarray(lo, hi)).sort(byReading), lo);
    bounds.push((lo = hi));
  }
  const D = bounds.length - 1;
  // each document's kept matching, when it is that of its claims now
  const found: Array<KeptMatching | undefined> = new Array<KeptMatching | undefined>(D);
  let missing = false;
  for (let d = 0; d < D; d++) {
    const lo = bounds[d] as number;
    const hi = bounds[d + 1] as number;
    const doc = read.document[claims[lo] as number] as number;
    const record = records[doc] as DocumentRecord;
    const k = record.matching as KeptMatching | undefined;
    if (
      k !== undefined &&
      k.coders === m &&
      k.overlap === overlap &&
      (k.every && hi - lo === record.who.length
        ? sameCoders(k, whoCoder, whoFrom[doc] as number, whoFrom[doc + 1] as number)
        : sameClaims(k, claims, lo, hi, local, coderOf))
    )
      found[d] = k;
    else missing = true;
  }
  // the matcher, for the documents matched again
  let matcher: SpanMatcher | null = null;
  if (missing) {
    const coder = new Int32Array(n);
    const start = new Float64Array(n);
    const end = new Float64Array(n);
    for (let x = 0; x < n; x++) {
      const i = claims[x] as number;
      coder[x] = coderOf[i] as number;
      start[x] = startOf(i);
      end[x] = endOf(i);
    }
    matcher = new SpanMatcher(coder, start, end, m, overlap);
  }
  // the sets' members as annotations, document after document (a set holds two claims at least)
  const members = intScratch(SLOT.members, n);
  const from = intScratch(SLOT.setFrom, Math.floor(n / 2) + 1);
  from[0] = 0;
  let memberCount = 0;
  let S = 0;
  for (let d = 0; d < D; d++) {
    const lo = bounds[d] as number;
    const hi = bounds[d + 1] as number;
    let k = found[d];
    if (k === undefined) {
      const m0 = matcher as SpanMatcher;
      const before = m0.sets().from.length - 1;
      m0.match(lo, hi);
      const now = m0.sets();
      const at = now.from[before] as number;
      const setFrom = now.from.slice(before).map((x) => x - at);
      const setMembers = now.members.slice(at).map((x) => x - lo);
      const claimLocal = new Int32Array(hi - lo);
      const claimCoder = new Int32Array(hi - lo);
      for (let x = lo; x < hi; x++) {
        claimLocal[x - lo] = local[claims[x] as number] as number;
        claimCoder[x - lo] = coderOf[claims[x] as number] as number;
      }
      const doc = read.document[claims[lo] as number] as number;
      const record = records[doc] as DocumentRecord;
      k = {
        coders: m,
        overlap,
        local: claimLocal,
        coder: claimCoder,
        members: setMembers,
        from: setFrom,
        every: hi - lo === record.who.length,
        whoCoder: whoCoder.slice(whoFrom[doc] as number, whoFrom[doc + 1] as number),
      };
      record.matching = k;
    }
    for (let s = 0; s + 1 < k.from.length; s++) {
      for (let x = k.from[s] as number; x < (k.from[s + 1] as number); x++)
        members[memberCount++] = claims[lo + (k.members[x] as number)] as number;
      from[++S] = memberCount;
    }
  }
  // each coder's first annotation in each set
  const first = intScratch(SLOT.firsts, S * m).fill(-1);
  for (let g = 0; g < S; g++)
    for (let x = from[g] as number; x < (from[g + 1] as number); x++) {
      const i = members[x] as number;
      const at = g * m + (coderOf[i] as number);
      if (first[at] === -1) first[at] = i;
    }
  return { members: members.subarray(0, memberCount), from: from.subarray(0, S + 1), first };
}
