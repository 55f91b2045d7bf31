/**
 * The agreement report's one read of the annotations (agreement.ts): documents one at a time as
 * an export reads them, each placed on the continuum after the earlier ones, and what the figures
 * need of an annotation taken into typed arrays (its document, span, coder and codes numbered as
 * first met, each compared field's value numbered), so no later pass goes back to the annotation
 * objects (only the listed disagreements do). The annotations themselves are not read here: each
 * document's record (agreementRecords.ts, kept while the document's annotations are the same)
 * holds them with local numbers, which this read maps to the report's. A document not open in
 * the store is read from its file (store.peekDocument, not kept open) only when no record of it
 * is kept under its index entry.
 */
import type { ClaimField } from '@shared/claims/fields';
import type { ClaimValue } from '@shared/claims/values';
import type { DocumentFile, DocumentSummary, Annotation } from '@shared/model';
import type { Value } from '@shared/reliability/codingAlpha';
import { floatScratch, intScratch, SLOT } from '@shared/reliability/scratch';
import { cpLength } from '@shared/text/codepoints';
import { storedValueReader, type ReadAnnotations } from './agreementDisagreements';
import type { ServiceContext } from './context';
import {
  dropFileRecord,
  fileRecordOf,
  keepFileRecord,
  makeRecord,
  numberedCodes,
  numberedKeys,
  numberOfKey,
  numberedValues,
  storedIdsOf,
  recordOf,
  type DocumentRecord,
  type Who,
  type FileRecord,
} from './agreementRecords';

export interface ReadOptions {
  /** only these codes count (an annotation with none of them is left out); null: every code */
  chosenCodes: ReadonlySet<string> | null;
  /** the compared coders (the others' field values are not read); null: every coder */
  chosenCoders: ReadonlySet<string> | null;
  fields: readonly ClaimField[];
  keyOf: (a: Who) => string;
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
  /** each document's record (by document number), and each annotation read's place in it */
  records: DocumentRecord[];
  local: Int32Array;
  /**
   * per document d, each coder of its record (whoOf, local number p): whoSlot[whoFrom[d] + p], its
   * coder slot (−1: no name; −2: none of its annotations read)
   */
  whoSlot: Int32Array;
  whoFrom: Int32Array;
}

/** A scratch table with room for `need` entries: `a` itself, or a longer one. */
function room(a: Int32Array, need: number): Int32Array {
  return need <= a.length ? a : new Int32Array(Math.max(need, 2 * a.length));
}

/**
 * What the read has gathered so far. The per-document pass (readDocument) is a plain function
 * over this object's fields copied into locals, not a closure over reassigned variables, so its
 * loops' arrays and counters stay in registers. The arrays are as long as the documents'
 * annotations (the most that can be read).
 */
class Gathered {
  /** per annotation read: its place in its document's record */
  readonly local: Int32Array;
  readonly document: Int32Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly codeFrom: Int32Array;
  readonly codeList: Int32Array;
  readonly slotOf: Int32Array;
  readonly fieldIds: Int32Array[];
  readonly codeSlot = new Map<string, number>();
  readonly slotCode: string[] = [];
  readonly coderSlot = new Map<string, number>();
  /** per coder slot: 1 when the coder is compared (its values are read) */
  readonly comparedSlot: number[] = [];
  readonly givenOf: Value[][];
  /** per compared field: each value → its number (equal values, one number) */
  readonly idsOf: Array<Map<Value, number>>;
  /** per compared field: each stored value met → its value number (−1: no value), so each
   * stored value is read (storedValueReader) and numbered once per report: by its process-wide
   * number (storedIdsOf; −2: not yet met), a value with none (an array, an object) in the Map */
  readonly numberOfId: Int32Array[];
  readonly numberOf: Array<Map<unknown, number>>;
  /** scratch tables of one document's local numbers → the report's (reused document after document) */
  whoScratch: Int32Array = new Int32Array(8);
  codeScratch: Int32Array = new Int32Array(64);
  readonly valueScratch: Int32Array[];
  /** per process-wide code number (agreementRecords.ts): its number in the report (−1: not yet met) */
  readonly slotOfNumber: Int32Array;
  /**
   * per process-wide value key number (agreementRecords.ts): the first compared field of that key
   * (−1: none), and per field the next of the same key (−1: none), so a document's read goes
   * through the keys its record holds, not through every field
   */
  readonly fieldOfKey: Int32Array;
  readonly sameKey: Int32Array;
  /** per field: its ids written up to here (−1 filled in where a document had no value of its key) */
  readonly filledTo: Int32Array;
  /** per document, its record's coders' slots (ReadResult's whoSlot and whoFrom) */
  readonly whoSlot: Int32Array;
  readonly whoFrom: Int32Array;
  n = 0;
  codeCount = 0;
  unnamed = 0;
  constructor(annotations: number, codes: number, compared: readonly ClaimField[], records: readonly DocumentRecord[]) {
    const fields = compared.length;
    let whos = 0;
    for (const record of records) whos += record.whoOf.length;
    this.whoSlot = intScratch(SLOT.readWhoSlot, whos);
    this.whoFrom = new Int32Array(records.length + 1);
    // (scratch arrays reused from report to report, scratch.ts: each place written before it is read)
    this.local = intScratch(SLOT.readLocal, annotations);
    this.document = intScratch(SLOT.readDocument, annotations);
    this.start = floatScratch(SLOT.readStart, annotations);
    this.end = floatScratch(SLOT.readEnd, annotations);
    this.codeFrom = intScratch(SLOT.readCodeFrom, annotations + 1);
    this.codeFrom[0] = 0;
    this.codeList = intScratch(SLOT.readCodeList, codes);
    this.slotOf = intScratch(SLOT.readSlotOf, annotations);
    // (each document's part written by its read, or filled with −1 up to the next document
    // holding the field's key, and at the end: not filled beforehand)
    const ids = intScratch(SLOT.readFieldIds, fields * annotations);
    this.fieldIds = Array.from({ length: fields }, (_, f) => ids.subarray(f * annotations, (f + 1) * annotations));
    this.givenOf = Array.from({ length: fields }, valueList);
    this.idsOf = Array.from({ length: fields }, () => new Map());
    this.numberOf = Array.from({ length: fields }, () => new Map());
    this.numberOfId = compared.map((f) => {
      const key = numberOfKey(f.key);
      return new Int32Array(key === -1 ? 0 : numberedValues(key)).fill(-2);
    });
    this.valueScratch = Array.from({ length: fields }, () => new Int32Array(64));
    this.slotOfNumber = new Int32Array(numberedCodes()).fill(-1);
    this.fieldOfKey = new Int32Array(numberedKeys()).fill(-1);
    this.sameKey = new Int32Array(fields).fill(-1);
    this.filledTo = new Int32Array(fields);
    for (let fi = fields - 1; fi >= 0; fi--) {
      const number = numberOfKey((compared[fi] as ClaimField).key);
      if (number === -1) continue;
      this.sameKey[fi] = this.fieldOfKey[number] as number;
      this.fieldOfKey[number] = fi;
    }
  }
}

/**
 * An empty list of values whose array kind any value keeps: a list begun empty becomes a list
 * of numbers or of strings by its first value, and the report's code that takes the lists of
 * every field in turn met both kinds and was taken back to the interpreter on most calls
 * (--trace-deopt), so every list is of the kind that holds both from the start.
 */
function valueList(): Value[] {
  const list: Value[] = [''];
  list.pop();
  return list;
}

export interface ReadRecords {
  records: DocumentRecord[];
  documents: Array<{ id: string; title: string }>;
  offsets: number[];
  length: number;
  /** the records' annotations and codes, all told */
  annotations: number;
  codes: number;
}

/**
 * The chosen documents' records, in order, each placed on the continuum after the earlier ones
 * (read from their files where none is kept).
 */
export async function readRecords(ctx: ServiceContext, summaries: readonly DocumentSummary[]): Promise<ReadRecords> {
  // each document's record (agreementRecords.ts: kept while its annotations are the same)
  const records: DocumentRecord[] = [];
  const documents: Array<{ id: string; title: string }> = [];
  const offsets: number[] = [];
  let length = 0;
  let annotations = 0;
  let codes = 0;
  // the documents open now (their lists are the truth); any other is read from its file unless
  // its record was kept under its index entry (agreementRecords.ts)
  const open = openDocuments(ctx);
  const made: Array<[DocumentSummary, FileRecord]> = [];
  for (const summary of summaries) {
    let record: DocumentRecord;
    let title: string;
    let docLength: number;
    const loaded = open.get(summary.id);
    const kept = loaded !== undefined ? undefined : fileRecordOf(summary);
    if (kept !== undefined) ({ record, title, length: docLength } = kept);
    else {
      // an open document's file is its copy in memory, taken as store.peekDocument would give
      // it, with no await (a thousand awaits were a tenth of a report); any other is peeked
      const file = loaded ?? (await ctx.store.peekDocument(summary.id));
      title = file.document.title;
      if (open.has(summary.id)) {
        dropFileRecord(summary);
        record = recordOf(file.annotations, ctx.store.annotationRevision(file.annotations));
        docLength = lengthOf(file.document);
      } else {
        record = makeRecord(file.annotations);
        docLength = cpLength(file.document.text);
        made.push([summary, { record, title, length: docLength }]);
      }
    }
    records.push(record);
    documents.push({ id: summary.id, title });
    offsets.push(length);
    length += docLength;
    annotations += record.who.length;
    codes += record.codeList.length;
  }
  // kept only for documents still not open and still under the same entry (a file that did not
  // pass its check was opened by the read: store.peekDocument)
  if (made.length > 0) {
    const openNow = openIds(ctx);
    for (const [summary, kept] of made)
      if (!openNow.has(summary.id) && entryOf(ctx, summary.id) === summary) keepFileRecord(summary, kept);
  }
  return { records, documents, offsets, length, annotations, codes };
}

/**
 * What the report reads of the records' annotations (readDocument). Synchronous: its arrays are
 * scratch reused by the next report (scratch.ts), so the caller takes them after its last await
 * and holds none of them past its own synchronous part.
 */
export function gatherAnnotations(read: ReadRecords, options: ReadOptions): ReadResult {
  const { fields, chosenCodes } = options;
  const { records, documents, offsets, length, annotations, codes } = read;
  const g = new Gathered(annotations, codes, fields, records);
  const readers = fields.map(storedValueReader);
  for (let d = 0; d < records.length; d++) readDocument(g, records[d] as DocumentRecord, d, options, readers);
  const { local, n, codeCount } = g;
  // the fields' ids after the last document holding their key: −1 (a field no document holds
  // the key of: one array of −1 serves them all)
  let none: Int32Array | null = null;
  const fieldIds = g.fieldIds.map((ids, fi) => {
    const filled = g.filledTo[fi] as number;
    if (filled > 0) return ids.fill(-1, filled, n).subarray(0, n);
    return (none ??= intScratch(SLOT.readNoValue, n).fill(-1));
  });
  const document = g.document.subarray(0, n);
  const annotationOf = (i: number) =>
    (records[document[i] as number] as DocumentRecord).annotations[local[i] as number] as Annotation;
  const result: ReadAnnotations = {
    count: n,
    annotation: annotationOf,
    codes: chosenCodes ? (i) => annotationOf(i).codes.filter((c) => chosenCodes.has(c)) : (i) => annotationOf(i).codes,
    document,
    documents,
    start: g.start.subarray(0, n),
    end: g.end.subarray(0, n),
    codeFrom: g.codeFrom.subarray(0, n + 1),
    codeList: g.codeList.subarray(0, codeCount),
  };
  return {
    read: result,
    count: n,
    offsets,
    length,
    slotOf: g.slotOf.subarray(0, n),
    coderSlot: g.coderSlot,
    codeSlot: g.codeSlot,
    slotCode: g.slotCode,
    fieldIds,
    givenOf: g.givenOf,
    unnamed: g.unnamed,
    records,
    local: local.subarray(0, n),
    whoSlot: g.whoSlot,
    whoFrom: g.whoFrom,
  };
}

/**
 * One document's record read into `g` (document number d): which of its annotations are read,
 * then their spans, codes and each compared field's values, part by part, the record's local
 * numbers mapped to the report's (each the first time an annotation read needs it, so the
 * report's numbers are given in reading order, as when the annotations themselves were read).
 */
function readDocument(
  g: Gathered,
  record: DocumentRecord,
  d: number,
  options: ReadOptions,
  readers: ReadonlyArray<ReturnType<typeof storedValueReader>>,
): void {
  const { chosenCodes, chosenCoders, keyOf } = options;
  const { local, slotOf, codeFrom, codeList, coderSlot, comparedSlot } = g;
  const { who, whoOf, codes } = record;
  const first = g.n;
  const all = who.length;
  // the record's codes: their number in the report (−1: not yet met; −2: not chosen)
  const slotOfCode = (g.codeScratch = room(g.codeScratch, codes.length));
  for (let c = 0; c < codes.length; c++) slotOfCode[c] = chosenCodes && !chosenCodes.has(codes[c] as string) ? -2 : -1;
  const recordFrom = record.codeFrom;
  const recordList = record.codeList;
  // the record's coders: their slot (−2: not yet met; −1: no name)
  const slotOfWho = (g.whoScratch = room(g.whoScratch, whoOf.length));
  slotOfWho.fill(-2, 0, whoOf.length);
  let n = first;
  for (let y = 0; y < all; y++) {
    const p = who[y] as number;
    // the coders' layers only: the adjudicated layer is no coder's
    if (p < 0) continue;
    if (chosenCodes) {
      let any = false;
      for (let x = recordFrom[y] as number; x < (recordFrom[y + 1] as number); x++)
        if ((slotOfCode[recordList[x] as number] as number) !== -2) any = true;
      if (!any) continue;
    }
    let slot = slotOfWho[p] as number;
    if (slot === -2) {
      const coder = keyOf(whoOf[p] as Who);
      if (coder === '') slot = -1;
      else {
        let s = coderSlot.get(coder);
        if (s === undefined) {
          coderSlot.set(coder, (s = coderSlot.size));
          comparedSlot.push(chosenCoders === null || chosenCoders.has(coder) ? 1 : 0);
        }
        slot = s;
      }
      slotOfWho[p] = slot;
    }
    if (slot === -1) {
      g.unnamed++;
      continue;
    }
    local[n] = y;
    slotOf[n++] = slot;
  }
  const count = n - first;
  g.n = n;
  const whoAt = g.whoFrom[d] as number;
  for (let p = 0; p < whoOf.length; p++) g.whoSlot[whoAt + p] = slotOfWho[p] as number;
  g.whoFrom[d + 1] = whoAt + whoOf.length;
  g.document.fill(d, first, n);
  // spans: the record's own when every annotation is read
  if (count === all) {
    g.start.set(record.start, first);
    g.end.set(record.end, first);
  } else
    for (let x = first; x < n; x++) {
      const y = local[x] as number;
      g.start[x] = record.start[y] as number;
      g.end[x] = record.end[y] as number;
    }
  // codes (those chosen), numbered as first met
  const { codeSlot, slotCode } = g;
  const codeCount = g.codeCount;
  if (count === all && chosenCodes === null) {
    // every annotation read with all its codes: the record's codes are met in the record's order
    // (it numbered them as first met), so they are numbered in that order, and its code lists
    // copied through that table
    const numbers = record.codeNumbers;
    const slotOfNumber = g.slotOfNumber;
    for (let c = 0; c < codes.length; c++) {
      const number = numbers[c] as number;
      let known = slotOfNumber[number] as number;
      if (known === -1) {
        const code = codes[c] as string;
        known = codeSlot.get(code) ?? -1;
        if (known === -1) codeSlot.set(code, (known = slotCode.push(code) - 1));
        slotOfNumber[number] = known;
      }
      slotOfCode[c] = known;
    }
    for (let z = 0; z < recordList.length; z++) codeList[codeCount + z] = slotOfCode[recordList[z] as number] as number;
    for (let y = 1; y <= all; y++) codeFrom[first + y] = codeCount + (recordFrom[y] as number);
    g.codeCount = codeCount + recordList.length;
  } else {
    readCodes(g, record, slotOfCode, first, n);
  }
  // each compared field's value numbered (equal values, one number), for the figures and the
  // list; the compared coders' only
  // every annotation read and of a compared coder: the record's stored values are met in their
  // local order (the record numbered them as first met, over these same annotations), so each is
  // numbered once up front and the values copied through that table
  let everyCompared = count === all;
  for (let p = 0; p < whoOf.length && everyCompared; p++) {
    const slot = slotOfWho[p] as number;
    if (slot >= 0 && comparedSlot[slot] === 0) everyCompared = false;
  }
  // the record's keys that are compared fields' (a document holds a few of a codebook's fields)
  const { keyNumbers } = record;
  const { fieldOfKey, sameKey, filledTo } = g;
  for (let key = 0; key < keyNumbers.length; key++)
    for (let fi = fieldOfKey[keyNumbers[key] as number] as number; fi !== -1; fi = sameKey[fi] as number) {
      const ids = g.fieldIds[fi] as Int32Array;
      // the documents since the last holding this key have no value of it
      const filled = filledTo[fi] as number;
      if (filled < first) ids.fill(-1, filled, first);
      filledTo[fi] = n;
      const values = record.valueOf[key] as Int32Array;
      const stored = record.stored[key] as readonly unknown[];
      const storedIds = storedIdsOf(record, key);
      // the record's stored values: their number in the report (−2: not yet met)
      const idOf = ((g.valueScratch[fi] as Int32Array) = room(g.valueScratch[fi] as Int32Array, stored.length));
      if (everyCompared) {
        for (let s = 0; s < stored.length; s++)
          idOf[s] = valueNumber(g, fi, storedIds[s] as number, stored[s], readers);
        for (let y = 0; y < all; y++) {
          const s = values[y] as number;
          ids[first + y] = s < 0 ? -1 : (idOf[s] as number);
        }
        continue;
      }
      idOf.fill(-2, 0, stored.length);
      for (let x = first; x < n; x++) {
        const s = values[local[x] as number] as number;
        if (s < 0 || comparedSlot[slotOf[x] as number] === 0) {
          ids[x] = -1;
          continue;
        }
        let id = idOf[s] as number;
        if (id === -2) idOf[s] = id = valueNumber(g, fi, storedIds[s] as number, stored[s], readers);
        ids[x] = id;
      }
    }
}

/**
 * The report's number of a stored value of field fi (−1: no value), numbered when first met;
 * `id` its process-wide number (storedIdsOf; −1: none, looked up by the value itself).
 */
function valueNumber(
  g: Gathered,
  fi: number,
  id: number,
  value: unknown,
  readers: ReadonlyArray<ReturnType<typeof storedValueReader>>,
): number {
  if (id >= 0) {
    let table = g.numberOfId[fi] as Int32Array;
    if (id >= table.length) {
      // a value first numbered by this report's read (storedIdsOf), after the table was made
      const grown = new Int32Array(Math.max(id + 1, 2 * table.length)).fill(-2);
      grown.set(table);
      g.numberOfId[fi] = table = grown;
    }
    let known = table[id] as number;
    if (known === -2) table[id] = known = numberOfValue(g, fi, value, readers);
    return known;
  }
  const seen = g.numberOf[fi] as Map<unknown, number>;
  let known = seen.get(value);
  if (known === undefined) seen.set(value, (known = numberOfValue(g, fi, value, readers)));
  return known;
}

/** A stored value of field fi read (storedValueReader) and numbered as first met (−1: no value). */
function numberOfValue(
  g: Gathered,
  fi: number,
  value: unknown,
  readers: ReadonlyArray<ReturnType<typeof storedValueReader>>,
): number {
  const v = (readers[fi] as (typeof readers)[number])(value as ClaimValue);
  if (v === null) return -1;
  const byValue = g.idsOf[fi] as Map<Value, number>;
  let known = byValue.get(v);
  if (known === undefined) byValue.set(v, (known = (g.givenOf[fi] as Value[]).push(v) - 1));
  return known;
}

/** The codes (those chosen) of the annotations first … n − 1 read from `record`, numbered as first met. */
function readCodes(g: Gathered, record: DocumentRecord, slotOfCode: Int32Array, first: number, n: number): void {
  const { local, codeFrom, codeList, codeSlot, slotCode } = g;
  const { codes } = record;
  const recordFrom = record.codeFrom;
  const recordList = record.codeList;
  let codeCount = g.codeCount;
  for (let x = first; x < n; x++) {
    const y = local[x] as number;
    for (let z = recordFrom[y] as number; z < (recordFrom[y + 1] as number); z++) {
      const c = recordList[z] as number;
      let k = slotOfCode[c] as number;
      if (k === -2) continue;
      if (k === -1) {
        const code = codes[c] as string;
        let known = codeSlot.get(code);
        if (known === undefined) codeSlot.set(code, (known = slotCode.push(code) - 1));
        slotOfCode[c] = k = known;
      }
      codeList[codeCount++] = k;
    }
    codeFrom[x + 1] = codeCount;
  }
  g.codeCount = codeCount;
}

/** A document's length in code points, counted once per document record (its text never changes). */
const lengths = new WeakMap<object, number>();
function lengthOf(document: { text: string }): number {
  let l = lengths.get(document);
  if (l === undefined) lengths.set(document, (l = cpLength(document.text)));
  return l;
}

/** The ids of the documents open in the store now. */
function openIds(ctx: ServiceContext): Set<string> {
  const ids = new Set<string>();
  for (const db of ctx.store.loadedDocuments()) ids.add(db.data.document.id);
  return ids;
}

/** The documents open in the store now, by id: their files as kept in memory. */
function openDocuments(ctx: ServiceContext): Map<string, DocumentFile> {
  const files = new Map<string, DocumentFile>();
  for (const db of ctx.store.loadedDocuments()) files.set(db.data.document.id, db.data);
  return files;
}

/** The document index's entry for `id` now (undefined: none). */
function entryOf(ctx: ServiceContext, id: string): DocumentSummary | undefined {
  try {
    return ctx.store.summary(id);
  } catch {
    return undefined;
  }
}
