/**
 * The agreement report's one read of the annotations (agreement.ts): documents one at a time as
 * an export reads them, each placed on the continuum after the earlier ones, and what the figures
 * need of an annotation taken in one pass into typed arrays (its document, span, coder and codes
 * numbered as first met, each compared field's value numbered), so no later pass goes back to the
 * annotation objects (only the listed disagreements do). The arrays are made as long as the
 * summaries' annotation counts, and grow (never one element at a time) if a file holds more.
 */
import type { ClaimField } from '@shared/claims/fields';
import { isAdjudicated } from '@shared/coders/key';
import type { DocumentSummary, Annotation } from '@shared/model';
import type { Value } from '@shared/reliability/codingAlpha';
import { cpLength } from '@shared/text/codepoints';
import { forEachDocument } from '../exchange/documentSource';
import { storedValueReader, type ReadAnnotations } from './agreementDisagreements';
import type { ServiceContext } from './context';

export interface ReadOptions {
  /** only these codes count (an annotation with none of them is left out); null: every code */
  chosenCodes: ReadonlySet<string> | null;
  /** the compared coders (the others' field values are not read); null: every coder */
  chosenCoders: ReadonlySet<string> | null;
  fields: readonly ClaimField[];
  keyOf: (a: Annotation) => string;
}

export interface ReadResult {
  read: ReadAnnotations;
  /** the annotations read (read's arrays hold `count` of them) */
  count: number;
  /** where each document begins on the continuum, and the continuum's length */
  offsets: number[];
  length: number;
  /** each annotation's coder numbered as first met (`coderSlot`: key → number) */
  slotOf: Int32Array;
  coderSlot: Map<string, number>;
  /** the codes numbered as first met: codeSlot (id → number), slotCode (number → id) */
  codeSlot: Map<string, number>;
  slotCode: string[];
  /** per compared field: each annotation's value number (−1: none), and the values by number */
  fieldIds: Int32Array[];
  givenOf: Value[][];
  /** annotations with no coder name, left out */
  unnamed: number;
}

/** A typed array with room for `need` elements: `a` itself, or a copy at least twice as long. */
function room<T extends Int32Array | Float64Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const grown = new (a.constructor as new (n: number) => T)(Math.max(need, 2 * a.length));
  grown.set(a);
  return grown;
}

/**
 * What the read has gathered so far. The per-document pass (readDocument) is a plain function
 * over this object's fields copied into locals, not a closure over reassigned variables, so its
 * loop's arrays and counters stay in registers; with each stored value read once (numberOf), the
 * read of the bench's 100,000 annotations takes about 15% less time (measured).
 */
class Gathered {
  annotation: Annotation[] = [];
  codesOf: string[][] | null;
  document: Int32Array;
  start: Float64Array;
  end: Float64Array;
  codeFrom: Int32Array;
  codeList: Int32Array;
  slotOf: Int32Array;
  fieldIds: Int32Array[];
  readonly codeSlot = new Map<string, number>();
  readonly slotCode: string[] = [];
  readonly coderSlot = new Map<string, number>();
  readonly givenOf: Value[][];
  /** per compared field: each value → its number (equal values, one number) */
  readonly idsOf: Array<Map<Value, number>>;
  /** per compared field: each stored value met → its value number (−1: no value), so each
   * stored value is read (storedValueReader) and numbered once per report */
  readonly numberOf: Array<Map<unknown, number>>;
  n = 0;
  codeCount = 0;
  unnamed = 0;
  constructor(expected: number, fields: number, chosenCodes: boolean) {
    this.codesOf = chosenCodes ? [] : null;
    this.document = new Int32Array(expected);
    this.start = new Float64Array(expected);
    this.end = new Float64Array(expected);
    this.codeFrom = new Int32Array(expected + 1);
    this.codeList = new Int32Array(expected);
    this.slotOf = new Int32Array(expected);
    this.fieldIds = Array.from({ length: fields }, () => new Int32Array(expected));
    this.givenOf = Array.from({ length: fields }, () => []);
    this.idsOf = Array.from({ length: fields }, () => new Map());
    this.numberOf = Array.from({ length: fields }, () => new Map());
  }
}

export async function readAnnotations(
  ctx: ServiceContext,
  summaries: readonly DocumentSummary[],
  options: ReadOptions,
): Promise<ReadResult> {
  const { fields } = options;
  // room for the annotations the summaries count (a hint: the arrays grow when a file holds more)
  const expected = summaries.reduce((sum, s) => sum + s.annotationCount, 0);
  const g = new Gathered(expected, fields.length, options.chosenCodes !== null);
  const documents: Array<{ id: string; title: string }> = [];
  const offsets: number[] = [];
  const readers = fields.map(storedValueReader);
  // the compared fields of each key (a Map: any key is a key)
  const fieldsOf = new Map<string, number[]>();
  fields.forEach((f, fi) => {
    const those = fieldsOf.get(f.key);
    if (those) those.push(fi);
    else fieldsOf.set(f.key, [fi]);
  });
  let length = 0;
  await forEachDocument(ctx.store, summaries, (file) => {
    const d = documents.length;
    documents.push({ id: file.document.id, title: file.document.title });
    offsets.push(length);
    readDocument(g, file.annotations, d, options, fieldsOf, readers);
    length += lengthOf(file.document);
  });
  const { annotation, codesOf, n, codeCount } = g;
  const read: ReadAnnotations = {
    annotation,
    codes: codesOf ? (i) => codesOf[i] as string[] : (i) => (annotation[i] as Annotation).codes,
    document: g.document.subarray(0, n),
    documents,
    start: g.start.subarray(0, n),
    end: g.end.subarray(0, n),
    codeFrom: g.codeFrom.subarray(0, n + 1),
    codeList: g.codeList.subarray(0, codeCount),
  };
  return {
    read,
    count: n,
    offsets,
    length,
    slotOf: g.slotOf.subarray(0, n),
    coderSlot: g.coderSlot,
    codeSlot: g.codeSlot,
    slotCode: g.slotCode,
    fieldIds: g.fieldIds.map((ids) => ids.subarray(0, n)),
    givenOf: g.givenOf,
    unnamed: g.unnamed,
  };
}

/** One document's annotations read into `g` (document number d). */
function readDocument(
  g: Gathered,
  annotations: readonly Annotation[],
  d: number,
  options: ReadOptions,
  fieldsOf: ReadonlyMap<string, readonly number[]>,
  readers: ReadonlyArray<ReturnType<typeof storedValueReader>>,
): void {
  const { chosenCodes, chosenCoders, keyOf } = options;
  const { annotation, codesOf, codeSlot, slotCode, coderSlot, givenOf, idsOf, numberOf } = g;
  let n = g.n;
  let codeCount = g.codeCount;
  const most = n + annotations.length;
  const document = (g.document = room(g.document, most));
  const start = (g.start = room(g.start, most));
  const end = (g.end = room(g.end, most));
  const codeFrom = (g.codeFrom = room(g.codeFrom, most + 1));
  const slotOf = (g.slotOf = room(g.slotOf, most));
  let codeList = g.codeList;
  // each compared field's value number, −1 until one is read
  const fieldIds = g.fieldIds;
  for (let fi = 0; fi < fieldIds.length; fi++) {
    const ids = room(fieldIds[fi] as Int32Array, most);
    ids.fill(-1, n, most);
    fieldIds[fi] = ids;
  }
  // one pass over the document's annotations: each annotation's own fields, its codes and its
  // values read together (one pass lets the loads of the annotation's parts, separate objects in
  // memory, overlap; a pass per part costs more, measured)
  for (let y = 0; y < annotations.length; y++) {
    const a = annotations[y] as Annotation;
    // the coders' layers only: the adjudicated layer is no coder's
    if (isAdjudicated(a)) continue;
    let codes = a.codes;
    if (chosenCodes) {
      codes = codes.filter((c) => chosenCodes.has(c));
      if (codes.length === 0) continue;
    }
    const coder = keyOf(a);
    if (coder === '') {
      g.unnamed++;
      continue;
    }
    annotation.push(a);
    if (codesOf) codesOf.push(codes);
    document[n] = d;
    start[n] = a.start;
    end[n] = a.end;
    let slot = coderSlot.get(coder);
    if (slot === undefined) coderSlot.set(coder, (slot = coderSlot.size));
    slotOf[n] = slot;
    // its codes numbered as first met
    if (codeCount + codes.length > codeList.length) g.codeList = codeList = room(codeList, codeCount + codes.length);
    for (let x = 0; x < codes.length; x++) {
      const code = codes[x] as string;
      let k = codeSlot.get(code);
      if (k === undefined) codeSlot.set(code, (k = slotCode.push(code) - 1));
      codeList[codeCount++] = k;
    }
    codeFrom[n + 1] = codeCount;
    // each compared field's value numbered (equal values, one number), for the figures and the
    // list: the fields of the keys the claim has (most claims have few), the others none; the
    // compared coders' only
    if (chosenCoders === null || chosenCoders.has(coder)) {
      const values = a.values;
      for (const key in values) {
        if (!Object.hasOwn(values, key)) continue;
        const those = fieldsOf.get(key);
        if (those === undefined) continue;
        const stored = values[key];
        for (let z = 0; z < those.length; z++) {
          const fi = those[z] as number;
          const seen = numberOf[fi] as Map<unknown, number>;
          let id = seen.get(stored);
          if (id === undefined) {
            const v = (readers[fi] as (typeof readers)[number])(stored);
            id = -1;
            if (v !== null) {
              const ids = idsOf[fi] as Map<Value, number>;
              id = ids.get(v);
              if (id === undefined) ids.set(v, (id = (givenOf[fi] as Value[]).push(v) - 1));
            }
            seen.set(stored, id);
          }
          if (id >= 0) (fieldIds[fi] as Int32Array)[n] = id;
        }
      }
    }
    n++;
  }
  g.n = n;
  g.codeCount = codeCount;
}

/** A document's length in code points, counted once per document record (its text never changes). */
const lengths = new WeakMap<object, number>();
function lengthOf(document: { text: string }): number {
  let l = lengths.get(document);
  if (l === undefined) lengths.set(document, (l = cpLength(document.text)));
  return l;
}
