/**
 * The agreement report's per-document records (issue 17): what the report needs of one document's
 * annotations, read once into typed arrays with document-local numbering (its coders, its codes,
 * each value key's stored values as local tables), and kept while the document's annotation list
 * holds the same annotation objects. A report then maps local numbers to its own (tables of a few
 * entries per document) instead of going through 100,000 annotation objects on every call.
 *
 * What a record depends on is the annotations alone; everything that depends on the report's
 * input or on the project (the chosen codes, coders and fields, the coder naming, the codebook's
 * choices) is applied by the report on the local tables, so one record serves every report.
 *
 * Kept how: a WeakMap keyed on the document's annotation list (the array object of the document
 * file), so a record goes with its list (a document peeked from disk is a new list every time:
 * its record is made and let go). The store changes a list in place (annotations.ts: splice, an
 * element replaced, a sort) or replaces it (a filter, a recovery); an annotation object itself is
 * never changed, an edited annotation is a new object put in its place (annotations.update,
 * rewriteAnnotations.ts). So a record is current exactly when its list holds the same objects in
 * the same order as the copy of the list the record keeps: checked on every use, one identity
 * comparison per annotation (no annotation object is read), and a record that fails it is made
 * again from the list.
 */
import { isAdjudicated } from '@shared/coders/key';
import type { Annotation } from '@shared/model';

export interface DocumentRecord {
  /** the annotations the record was made from, in list order (a copy of the list's references) */
  readonly annotations: readonly Annotation[];
  /** per annotation: its coder's (coderId, annotator) pair, numbered locally; −1: the adjudicated layer */
  readonly who: Int32Array;
  /** per local pair: the first annotation with it (a coder key depends on coderId and annotator only) */
  readonly whoOf: readonly Annotation[];
  /** per annotation: its span */
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** per annotation: its codes as local numbers, codeList[codeFrom[y]] … codeList[codeFrom[y + 1] − 1] */
  readonly codeFrom: Int32Array;
  readonly codeList: Int32Array;
  /** the codes by local number */
  readonly codes: readonly string[];
  /** the keys of the annotations' own values, numbered locally (a Map: any key is a key) */
  readonly keys: ReadonlyMap<string, number>;
  /** per local key: each annotation's stored value under it as a local number (−1: none) */
  readonly valueOf: readonly Int32Array[];
  /** per local key: the stored values by local number (each distinct value once, as first met) */
  readonly stored: ReadonlyArray<readonly unknown[]>;
}

/** −0 is a stored value of its own (a Map takes it for 0): the key it is numbered under */
const NEGATIVE_ZERO = Symbol('-0');

/** One document's annotations read into a record. */
export function makeRecord(list: readonly Annotation[]): DocumentRecord {
  const n = list.length;
  const who = new Int32Array(n);
  const whoOf: Annotation[] = [];
  const pairs = new Map<string | undefined, Map<string, number>>();
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const codeFrom = new Int32Array(n + 1);
  let codeList = new Int32Array(n);
  let codeCount = 0;
  const codes: string[] = [];
  const codeOf = new Map<string, number>();
  const keys = new Map<string, number>();
  const valueOf: Int32Array[] = [];
  const stored: unknown[][] = [];
  const storedOf: Array<Map<unknown, number>> = [];
  for (let y = 0; y < n; y++) {
    const a = list[y] as Annotation;
    start[y] = a.start;
    end[y] = a.end;
    if (isAdjudicated(a)) who[y] = -1;
    else {
      let byName = pairs.get(a.coderId);
      if (byName === undefined) pairs.set(a.coderId, (byName = new Map()));
      let p = byName.get(a.annotator);
      if (p === undefined) byName.set(a.annotator, (p = whoOf.push(a) - 1));
      who[y] = p;
    }
    const these = a.codes;
    if (codeCount + these.length > codeList.length) {
      const grown = new Int32Array(Math.max(codeCount + these.length, 2 * codeList.length));
      grown.set(codeList);
      codeList = grown;
    }
    for (let x = 0; x < these.length; x++) {
      const code = these[x] as string;
      let k = codeOf.get(code);
      if (k === undefined) codeOf.set(code, (k = codes.push(code) - 1));
      codeList[codeCount++] = k;
    }
    codeFrom[y + 1] = codeCount;
    // the annotation's own values, as the report has always read them (for…in, own keys only)
    const values = a.values;
    for (const key in values) {
      if (!Object.hasOwn(values, key)) continue;
      let k = keys.get(key);
      if (k === undefined) {
        keys.set(key, (k = valueOf.length));
        valueOf.push(new Int32Array(n).fill(-1));
        stored.push([]);
        storedOf.push(new Map());
      }
      const value: unknown = values[key];
      const as = typeof value === 'number' && Object.is(value, -0) ? NEGATIVE_ZERO : value;
      const seen = storedOf[k] as Map<unknown, number>;
      let s = seen.get(as);
      if (s === undefined) seen.set(as, (s = (stored[k] as unknown[]).push(value) - 1));
      (valueOf[k] as Int32Array)[y] = s;
    }
  }
  return {
    annotations: list.slice(),
    who,
    whoOf,
    start,
    end,
    codeFrom,
    codeList: codeList.subarray(0, codeCount),
    codes,
    keys,
    valueOf,
    stored,
  };
}

/** Whether a record was made from exactly this list's annotations, in this order. */
function current(record: DocumentRecord, list: readonly Annotation[]): boolean {
  const kept = record.annotations;
  if (kept.length !== list.length) return false;
  for (let y = 0; y < kept.length; y++) if (kept[y] !== list[y]) return false;
  return true;
}

const records = new WeakMap<readonly Annotation[], DocumentRecord>();

/** The record of a document's annotation list: the one kept when it is current, else one made now (and kept). */
export function recordOf(list: readonly Annotation[]): DocumentRecord {
  const kept = records.get(list);
  if (kept !== undefined && current(kept, list)) return kept;
  const made = makeRecord(list);
  records.set(list, made);
  return made;
}
