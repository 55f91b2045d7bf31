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

export async function readAnnotations(
  ctx: ServiceContext,
  summaries: readonly DocumentSummary[],
  options: ReadOptions,
): Promise<ReadResult> {
  const { chosenCodes, chosenCoders, fields, keyOf } = options;
  // room for the annotations the summaries count (a hint: the arrays grow when a file holds more)
  const expected = summaries.reduce((sum, s) => sum + s.annotationCount, 0);
  const annotation: Annotation[] = [];
  const documents: Array<{ id: string; title: string }> = [];
  let document = new Int32Array(expected);
  let start = new Float64Array(expected);
  let end = new Float64Array(expected);
  let codeFrom = new Int32Array(expected + 1);
  let codeList = new Int32Array(expected);
  let slotOf = new Int32Array(expected);
  const fieldIds: Int32Array[] = fields.map(() => new Int32Array(expected));
  const codesOf: string[][] | null = chosenCodes ? [] : null;
  const offsets: number[] = [];
  const codeSlot = new Map<string, number>();
  const slotCode: string[] = [];
  const coderSlot = new Map<string, number>();
  const givenOf: Value[][] = fields.map(() => []);
  const idsOf = fields.map(() => new Map<Value, number>());
  const readers = fields.map(storedValueReader);
  // the compared fields of each key (a Map: any key is a key)
  const fieldsOf = new Map<string, number[]>();
  fields.forEach((f, fi) => {
    const those = fieldsOf.get(f.key);
    if (those) those.push(fi);
    else fieldsOf.set(f.key, [fi]);
  });
  const F = fields.length;
  let n = 0;
  let codeCount = 0;
  let length = 0;
  let unnamed = 0;
  await forEachDocument(ctx.store, summaries, (file) => {
    const d = documents.length;
    documents.push({ id: file.document.id, title: file.document.title });
    offsets.push(length);
    const annotations = file.annotations;
    const most = n + annotations.length;
    document = room(document, most);
    start = room(start, most);
    end = room(end, most);
    codeFrom = room(codeFrom, most + 1);
    slotOf = room(slotOf, most);
    // each compared field's value number, −1 until one is read
    for (let fi = 0; fi < F; fi++) {
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
        unnamed++;
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
      if (codeCount + codes.length > codeList.length) codeList = room(codeList, codeCount + codes.length);
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
          for (let z = 0; z < those.length; z++) {
            const fi = those[z] as number;
            const v = (readers[fi] as (typeof readers)[number])(values[key]);
            if (v === null) continue;
            const ids = idsOf[fi] as Map<Value, number>;
            let id = ids.get(v);
            if (id === undefined) ids.set(v, (id = (givenOf[fi] as Value[]).push(v) - 1));
            (fieldIds[fi] as Int32Array)[n] = id;
          }
        }
      }
      n++;
    }
    length += lengthOf(file.document);
  });
  const read: ReadAnnotations = {
    annotation,
    codes: codesOf ? (i) => codesOf[i] as string[] : (i) => (annotation[i] as Annotation).codes,
    document: document.subarray(0, n),
    documents,
    start: start.subarray(0, n),
    end: end.subarray(0, n),
    codeFrom: codeFrom.subarray(0, n + 1),
    codeList: codeList.subarray(0, codeCount),
  };
  return {
    read,
    count: n,
    offsets,
    length,
    slotOf: slotOf.subarray(0, n),
    coderSlot,
    codeSlot,
    slotCode,
    fieldIds: fieldIds.map((ids) => ids.subarray(0, n)),
    givenOf,
    unnamed,
  };
}

/** A document's length in code points, counted once per document record (its text never changes). */
const lengths = new WeakMap<object, number>();
function lengthOf(document: { text: string }): number {
  let l = lengths.get(document);
  if (l === undefined) lengths.set(document, (l = cpLength(document.text)));
  return l;
}
