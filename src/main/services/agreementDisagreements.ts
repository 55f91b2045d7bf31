/**
 * The units where coders differ, for the agreement report's list (rules in
 * src/shared/api/agreement.ts): a matched claim whose coders' annotations differ in coverage,
 * boundaries, codes or compared field values, and an annotation matched with no other coder's.
 * Every unit is checked (for the count); only the listed ones (the first MAX_DISAGREEMENTS in
 * document and reading order) are written out with their marks.
 */
import { MAX_DISAGREEMENTS, type Disagreement } from '@shared/api/agreement';
import type { ClaimField } from '@shared/claims/fields';
import { valueOf, type ClaimValue, type ClaimValues } from '@shared/claims/values';
import type { Annotation } from '@shared/model';
import type { Value } from '@shared/reliability/codingAlpha';
import type { DescribeValues } from './agreementDescribe';

/** The annotations the report reads, by index (parallel arrays: no record made per annotation). */
export interface ReadAnnotations {
  /** how many annotations were read, and each of them by index */
  count: number;
  annotation: (i: number) => Annotation;
  /** the annotation's codes (those chosen, when codes were chosen) */
  codes: (i: number) => string[];
  /** index of its document in `documents` */
  document: Int32Array;
  documents: Array<{ id: string; title: string }>;
  /** its span (code points in its document), read once */
  start: Float64Array;
  end: Float64Array;
  /** its codes numbered (equal codes, one number): codeList[codeFrom[i]] … codeList[codeFrom[i + 1] − 1] */
  codeFrom: Int32Array;
  codeList: Int32Array;
}

/** Matched claims: set s holds members[from[s]] … members[from[s + 1] − 1] (reading order). */
export interface MatchedSets {
  members: Int32Array;
  from: Int32Array;
  /** first[s · m + c]: coder c's first annotation in set s, or −1 */
  first: Int32Array;
}

/** Whether a field's values are compared as numbers: a number, or a choice whose items all carry one. */
export function fieldMetric(f: ClaimField): 'nominal' | 'interval' {
  const numbered = f.type === 'choice' && f.choices.length > 0 && f.choices.every((c) => c.value !== null);
  return f.type === 'number' || numbered ? 'interval' : 'nominal';
}

/** A coder's value of a field (not set: null); a numbered choice by its item's number. */
export function fieldValue(values: ClaimValues, f: ClaimField): Value | null {
  return fieldReader(f)(values);
}

/** fieldValue of one field, with what it needs of the field looked up once. */
export function fieldReader(f: ClaimField): (values: ClaimValues) => Value | null {
  const read = storedValueReader(f);
  return (values) => read(valueOf(values, f.key));
}

/** The compared value of one field from the value stored under its key (undefined: none). */
export function storedValueReader(f: ClaimField): (value: ClaimValue | undefined) => Value | null {
  const byChoice = fieldMetric(f) === 'interval' && f.type === 'choice' ? new Map<unknown, number | null>() : null;
  if (byChoice) for (const c of f.choices) if (!byChoice.has(c.id)) byChoice.set(c.id, c.value);
  return (value) => {
    if (value === undefined || value === '') return null;
    if (byChoice) return byChoice.get(value) ?? null;
    return typeof value === 'number' ? value : String(value);
  };
}

/** Two read annotations' codes alike, whatever their order (compared by their numbers, as multisets). */
function sameCodes(read: ReadAnnotations, i: number, j: number): boolean {
  const a = read.codeFrom[i] as number;
  const b = read.codeFrom[j] as number;
  const n = (read.codeFrom[i + 1] as number) - a;
  if (n !== (read.codeFrom[j + 1] as number) - b) return false;
  const list = read.codeList;
  if (n === 1) return list[a] === list[b];
  // each code as often in one as in the other (a claim has a few codes: no sort, no copy)
  for (let x = a; x < a + n; x++) {
    const code = list[x] as number;
    let times = 0;
    for (let y = 0; y < n; y++) times += (list[a + y] === code ? 1 : 0) - (list[b + y] === code ? 1 : 0);
    if (times !== 0) return false;
  }
  return true;
}

export interface DisagreementInput {
  coders: readonly string[];
  names: readonly string[];
  read: ReadAnnotations;
  /** the coder index of each read annotation (−1: not a compared coder) */
  coderOf: Int32Array;
  sets: MatchedSets;
  /** annotations in no set, in reading order within each document */
  unmatched: readonly number[];
  fields: readonly ClaimField[];
  /** fieldIds[f][a]: the numbered value of field f of annotation a (−1: none; equal values equal numbers) */
  fieldIds: readonly Int32Array[];
  /** the fields (indices, ascending) any annotation read has a value of: no other can differ */
  valued: readonly number[];
  /** a read annotation's mark entries of the compared fields (agreementDescribe.ts) */
  describe: DescribeValues;
}

export function listDisagreements(input: DisagreementInput): {
  disagreements: Disagreement[];
  disagreementCount: number;
} {
  const { coders, read, sets, unmatched, fields, fieldIds, coderOf, valued } = input;
  const valuedIds = valued.map((fi) => fieldIds[fi] as Int32Array);
  const m = coders.length;
  const { describe, names } = input;
  const mark = (i: number): Disagreement['marks'][number] => {
    const a = read.annotation(i);
    const c = coderOf[i] as number;
    return {
      coder: coders[c] as string,
      name: names[c] as string,
      annotationId: a.id,
      start: a.start,
      end: a.end,
      quote: a.quote,
      codes: read.codes(i),
      values: describe(i),
    };
  };
  const documentOf = (i: number) => read.documents[read.document[i] as number] as { id: string; title: string };
  // the coders' first annotations of set s (the head first), written to `firsts`; how many
  const firsts = new Int32Array(m);
  const firstsOf = (s: number): number => {
    let n = 0;
    for (let c = 0; c < m; c++) {
      const i = sets.first[s * m + c] as number;
      if (i >= 0) firsts[n++] = i;
    }
    return n;
  };
  // whether annotation i differs from the set's head in span, codes or a compared value
  const differsFrom = (i: number, head: number): boolean => {
    if (read.start[i] !== read.start[head] || read.end[i] !== read.end[head] || !sameCodes(read, i, head)) return true;
    for (let v = 0; v < valuedIds.length; v++) {
      const ids = valuedIds[v] as Int32Array;
      if (ids[i] !== ids[head]) return true;
    }
    return false;
  };
  // whether a matched set differs at all: checked for every set (for the count), with nothing made
  const differs = (s: number): boolean => {
    const n = firstsOf(s);
    if (n === 0) return false;
    if (n < m) return true;
    const head = firsts[0] as number;
    for (let x = 1; x < n; x++) if (differsFrom(firsts[x] as number, head)) return true;
    return false;
  };
  // how a differing set differs, for the sets listed
  const differencesOf = (s: number): { differences: Disagreement['differences']; fields: string[] } => {
    const n = firstsOf(s);
    const head = firsts[0] as number;
    const headStart = read.start[head] as number;
    const headEnd = read.end[head] as number;
    const differences: Disagreement['differences'] = [];
    if (n < m) differences.push('missing');
    let bounds = false;
    let codes = false;
    for (let x = 0; x < n; x++) {
      const i = firsts[x] as number;
      if (read.start[i] !== headStart || read.end[i] !== headEnd) bounds = true;
      if (!codes && i !== head && !sameCodes(read, i, head)) codes = true;
    }
    if (bounds) differences.push('boundaries');
    if (codes) differences.push('codes');
    const keys: string[] = [];
    for (let v = 0; v < valued.length; v++) {
      const fi = valued[v] as number;
      const ids = fieldIds[fi] as Int32Array;
      for (let x = 1; x < n; x++)
        if (ids[firsts[x] as number] !== ids[head]) {
          keys.push((fields[fi] as ClaimField).key);
          break;
        }
    }
    if (keys.length > 0) differences.push('values');
    return { differences, fields: keys };
  };
  // where a set begins: its coders' first annotations' earliest start
  const startOfSet = (s: number): number => {
    const n = firstsOf(s);
    let start = read.start[firsts[0] as number] as number;
    for (let x = 1; x < n; x++) start = Math.min(start, read.start[firsts[x] as number] as number);
    return start;
  };
  // the matched sets that differ, in document and reading order (as they were matched)
  const differing: number[] = [];
  const S = sets.from.length - 1;
  if (m === 2) {
    // (two coders, most reports: the set's two first annotations read straight from `first`, as
    // differs reads them: none, one (a coder missing), or both compared)
    const first = sets.first;
    for (let s = 0; s < S; s++) {
      const a = first[2 * s] as number;
      const b = first[2 * s + 1] as number;
      if (a < 0 ? b >= 0 : b < 0 || differsFrom(b, a)) differing.push(s);
    }
  } else for (let s = 0; s < S; s++) if (differs(s)) differing.push(s);
  // a set before an annotation of no set at the same place (the order of one stable sort of both)
  const alone = unmatched.slice();
  const at = (i: number) => read.start[i] as number;
  const before = (i: number, j: number) => (read.document[i] as number) - (read.document[j] as number) || at(i) - at(j);
  if (alone.some((i, x) => x > 0 && before(alone[x - 1] as number, i) > 0)) alone.sort(before);
  const total = differing.length + alone.length;
  const listed: Disagreement[] = [];
  let p = 0;
  let q = 0;
  while (listed.length < MAX_DISAGREEMENTS && (p < differing.length || q < alone.length)) {
    const d = differing[p];
    const u = alone[q];
    const setFirst = d !== undefined ? (sets.members[sets.from[d] as number] as number) : -1;
    const takeSet =
      d !== undefined &&
      (u === undefined ||
        (read.document[setFirst] as number) < (read.document[u] as number) ||
        (read.document[setFirst] === read.document[u] && startOfSet(d) <= at(u)));
    if (takeSet) {
      const lo = sets.from[d] as number;
      const hi = sets.from[d + 1] as number;
      const doc = documentOf(setFirst);
      const { differences, fields: keys } = differencesOf(d);
      // by coder, each coder's annotations in reading order
      const marks: Disagreement['marks'] = [];
      for (let c = 0; c < m; c++)
        for (let x = lo; x < hi; x++) {
          const i = sets.members[x] as number;
          if (coderOf[i] === c) marks.push(mark(i));
        }
      listed.push({
        documentId: doc.id,
        documentTitle: doc.title,
        differences,
        fields: keys,
        marks,
      });
      p++;
    } else {
      const i = u as number;
      const doc = documentOf(i);
      listed.push({
        documentId: doc.id,
        documentTitle: doc.title,
        differences: ['onlyOne'],
        fields: [],
        marks: [mark(i)],
      });
      q++;
    }
  }
  return { disagreements: listed, disagreementCount: total };
}
