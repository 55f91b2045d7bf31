/**
 * The agreement report's per-document records (issue 17): what the report needs of one document's
 * annotations, read once into typed arrays with document-local numbering (its coders, its codes,
 * each value key's stored values as local tables), and kept while the document's annotation list
 * is unchanged (the same list at the same revision). A report then maps local numbers to its own
 * (tables of a few entries per document) instead of going through 100,000 annotation objects on
 * every call.
 *
 * What a record depends on is the annotations alone; everything that depends on the report's
 * input or on the project (the chosen codes, coders and fields, the coder naming, the codebook's
 * choices) is applied by the report on the local tables, so one record serves every report.
 *
 * Kept how: a WeakMap keyed on the document's annotation list (the array object of the document
 * file), so a record goes with its list (a document peeked from disk is a new list every time:
 * its record is made and let go). The store changes a list in place (annotations.ts: splice, an
 * element replaced, a sort) or replaces it (a filter, a recovery), always through updateDocument
 * or updateDocuments, each of which gives the list a new revision (its change counter,
 * src/main/store/annotationRevisions.ts). So a record is current exactly when it was made from
 * this list at the revision the list has now: checked on every use, one look-up per document
 * (no annotation is read or compared), and a record that fails it is made again from the list.
 * (The record still holds its own copy of the list's references: a change made between the
 * report's read of the records and its figures leaves the record's annotations as they were read.)
 *
 * A document not open in the store (read from its file on every call, a new list each time) has
 * its record kept too (fileRecordOf), keyed on its entry in the document index, the summary
 * object: within one run a file whose document is not loaded is rewritten only by the store, and
 * only by replacing that entry (a restored backup puts a new summary; a delete removes it; every
 * other write loads the document first, and a loaded document goes through its list instead).
 * So a kept record is current while the entry is the very same object and the document is still
 * not loaded; a WeakMap keyed on the entry lets it go with the entry (a document gone from the
 * project, a replaced entry, another project).
 */
import { isAdjudicated } from '@shared/coders/key';
import type { Annotation, DocumentSummary } from '@shared/model';

/** A coder's (coderId, annotator) pair. */
export type Who = Pick<Annotation, 'coderId' | 'annotator'>;

export interface DocumentRecord {
  /** the annotations the record was made from, in list order (a copy of the list's references) */
  readonly annotations: readonly Annotation[];
  /** the list's revision when the record was made from it (recordOf; −1: made from a file) */
  readonly revision: number;
  /** per annotation: its coder's (coderId, annotator) pair, numbered locally; −1: the adjudicated layer */
  readonly who: Int32Array;
  /**
   * per local pair: its coderId and annotator (a coder key depends on those only), as objects of
   * one shape (the annotations' own shapes vary, and a key read from them was slow to look up)
   */
  readonly whoOf: ReadonlyArray<Who>;
  /** per annotation: its span */
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** per annotation: its codes as local numbers, codeList[codeFrom[y]] … codeList[codeFrom[y + 1] − 1] */
  readonly codeFrom: Int32Array;
  readonly codeList: Int32Array;
  /** the codes by local number */
  readonly codes: readonly string[];
  /** each local code's number among every code met by any record (codeNumber) */
  readonly codeNumbers: Int32Array;
  /** the keys of the annotations' own values, numbered locally (a Map: any key is a key) */
  readonly keys: ReadonlyMap<string, number>;
  /** each local key's number among every value key met by any record (keyNumber) */
  readonly keyNumbers: Int32Array;
  /** per local key: each annotation's stored value under it as a local number (−1: none) */
  readonly valueOf: readonly Int32Array[];
  /** per local key: the stored values by local number (each distinct value once, as first met) */
  readonly stored: ReadonlyArray<readonly unknown[]>;
  /**
   * per local key: its stored values' process-wide numbers (storedIdsOf, which alone writes it,
   * the first time a report compares that key), undefined until then
   */
  readonly storedIds: Array<Int32Array | undefined>;
  /**
   * the last matching of the record's claims (agreementMatches.ts, which alone reads and writes
   * it; checked against the claims of each report before use): kept on the record itself, so a
   * report reaches it with no look-up, and it goes with the record
   */
  matching: unknown;
}

/**
 * Every code id met in a record, numbered once for the process (a few per codebook), so a report
 * maps a record's codes to its own through an array instead of looking each up by its string.
 */
const codeNumbers = new Map<string, number>();
let codesNumbered = 0;

/** The process-wide number of a code id (given when first met). */
function codeNumber(code: string): number {
  let k = codeNumbers.get(code);
  if (k === undefined) codeNumbers.set(code, (k = codesNumbered++));
  return k;
}

/** How many code ids have a number (codeNumber gives 0 … this − 1). */
export function numberedCodes(): number {
  return codesNumbered;
}

/**
 * Every value key met in a record, numbered once for the process (a codebook's field keys, and
 * any other key an annotation's values hold), so a report finds a record's keys among its
 * compared fields through an array instead of looking each field's key up in each record.
 */
const keyNumbers = new Map<string, number>();
let keysNumbered = 0;

/** The process-wide number of a value key (given when first met). */
function keyNumber(key: string): number {
  let k = keyNumbers.get(key);
  if (k === undefined) keyNumbers.set(key, (k = keysNumbered++));
  return k;
}

/** The process-wide number of a value key, or −1 when no record has met it. */
export function numberOfKey(key: string): number {
  return keyNumbers.get(key) ?? -1;
}

/** How many value keys have a number (keyNumber gives 0 … this − 1). */
export function numberedKeys(): number {
  return keysNumbered;
}

/**
 * Per value key number: each string, number or boolean stored under that key in any record whose
 * key a report compared, numbered once for the process (a Map's equality: −0 is 0, NaN is NaN, as
 * the report's own look-up of a stored value had it), so a report numbers a record's stored values
 * through an array instead of a Map look-up per value and document. Other values (an array, an
 * object) have no number (−1): a report looks them up itself, and none is kept here.
 */
const valueIds = new Map<number, Map<unknown, number>>();

/** How many stored values of the key numbered `key` have a process-wide number (storedIdsOf). */
export function numberedValues(key: number): number {
  return valueIds.get(key)?.size ?? 0;
}

/** The process-wide numbers of a record's stored values under its local key `k` (made once per record and key). */
export function storedIdsOf(record: DocumentRecord, k: number): Int32Array {
  const kept = record.storedIds[k];
  if (kept !== undefined) return kept;
  const key = record.keyNumbers[k] as number;
  let numbers = valueIds.get(key);
  if (numbers === undefined) valueIds.set(key, (numbers = new Map()));
  const stored = record.stored[k] as readonly unknown[];
  const ids = new Int32Array(stored.length);
  for (let s = 0; s < stored.length; s++) {
    const value = stored[s];
    const kind = typeof value;
    if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') {
      ids[s] = -1;
      continue;
    }
    let id = numbers.get(value);
    if (id === undefined) numbers.set(value, (id = numbers.size));
    ids[s] = id;
  }
  record.storedIds[k] = ids;
  return ids;
}

/** −0 is a stored value of its own (a Map takes it for 0): the key it is numbered under */
const NEGATIVE_ZERO = Symbol('-0');

/**
 * A key's distinct stored values are looked for one by one up to this many (Object.is: NaN is
 * NaN, −0 is not 0), then through a Map (−0 under NEGATIVE_ZERO): a document has few coders,
 * codes and keys, and most keys few values, and ten thousand small Maps per report made (one
 * per document and thing numbered) cost more than the scans, in their making and their garbage.
 */
const SCAN = 16;

/** The local number of `value` among a key's stored values (added when new). */
function storedNumber(stored: unknown[], large: Map<unknown, number> | undefined, value: unknown): number {
  if (large !== undefined) {
    const as = typeof value === 'number' && Object.is(value, -0) ? NEGATIVE_ZERO : value;
    let s = large.get(as);
    if (s === undefined) large.set(as, (s = stored.push(value) - 1));
    return s;
  }
  for (let s = 0; s < stored.length; s++) if (Object.is(stored[s], value)) return s;
  return stored.push(value) - 1;
}

/** The values' local numbers while a record is made, key after key (n each): reused record after record. */
let valueScratch = new Int32Array(4096);

/**
 * One document's annotations read into a record. Its numbers are views of two arrays (a typed
 * array each costs an allocation of its own memory: nine per document were most of a record's
 * making, measured), the values' numbers copied into a third once the keys are known.
 */
export function makeRecord(list: readonly Annotation[], revision = -1): DocumentRecord {
  const n = list.length;
  let total = 0;
  for (let y = 0; y < n; y++) total += (list[y] as Annotation).codes.length;
  const ints = new Int32Array(2 * n + 1 + total);
  const who = ints.subarray(0, n);
  const codeFrom = ints.subarray(n, 2 * n + 1);
  const codeList = ints.subarray(2 * n + 1);
  const spans = new Float64Array(2 * n);
  const start = spans.subarray(0, n);
  const end = spans.subarray(n);
  const whoOf: Who[] = [];
  let codeCount = 0;
  const codes: string[] = [];
  const keyList: string[] = [];
  const stored: unknown[][] = [];
  // per local key: its stored values' Map once they are more than SCAN
  const large: Array<Map<unknown, number> | undefined> = [];
  let scratch = valueScratch;
  for (let y = 0; y < n; y++) {
    const a = list[y] as Annotation;
    start[y] = a.start;
    end[y] = a.end;
    if (isAdjudicated(a)) who[y] = -1;
    else {
      // (a coder key depends on coderId and annotator alone)
      let p = 0;
      while (p < whoOf.length) {
        const w = whoOf[p] as Who;
        if (w.coderId === a.coderId && w.annotator === a.annotator) break;
        p++;
      }
      if (p === whoOf.length) whoOf.push({ coderId: a.coderId, annotator: a.annotator });
      who[y] = p;
    }
    const these = a.codes;
    for (let x = 0; x < these.length; x++) {
      const code = these[x] as string;
      let k = codes.indexOf(code);
      if (k === -1) k = codes.push(code) - 1;
      codeList[codeCount++] = k;
    }
    codeFrom[y + 1] = codeCount;
    // the annotation's own values, as the report has always read them (for…in, own keys only)
    const values = a.values;
    for (const key in values) {
      if (!Object.hasOwn(values, key)) continue;
      let k = keyList.indexOf(key);
      if (k === -1) {
        k = keyList.push(key) - 1;
        if ((k + 1) * n > scratch.length) {
          const grown = new Int32Array(Math.max(2 * scratch.length, (k + 1) * n));
          grown.set(scratch.subarray(0, k * n));
          valueScratch = scratch = grown;
        }
        scratch.fill(-1, k * n, (k + 1) * n);
        stored.push([]);
        large.push(undefined);
      }
      const these = stored[k] as unknown[];
      scratch[k * n + y] = storedNumber(these, large[k], values[key]);
      if (large[k] === undefined && these.length > SCAN)
        large[k] = new Map(these.map((v, s) => [typeof v === 'number' && Object.is(v, -0) ? NEGATIVE_ZERO : v, s]));
    }
  }
  const numbers = scratch.slice(0, keyList.length * n);
  return {
    annotations: list.slice(),
    revision,
    who,
    whoOf,
    start,
    end,
    codeFrom,
    codeList,
    codes,
    codeNumbers: Int32Array.from(codes, codeNumber),
    keys: new Map(keyList.map((key, k) => [key, k])),
    keyNumbers: Int32Array.from(keyList, keyNumber),
    valueOf: keyList.map((_, k) => numbers.subarray(k * n, (k + 1) * n)),
    stored,
    storedIds: keyList.map(() => undefined),
    matching: undefined,
  };
}

const records = new WeakMap<readonly Annotation[], DocumentRecord>();

/**
 * The record of a document's annotation list at `revision` (the store's annotationRevision of
 * the list now): the one kept when it was made at that revision, else one made now (and kept).
 */
export function recordOf(list: readonly Annotation[], revision: number): DocumentRecord {
  const kept = records.get(list);
  if (kept !== undefined && kept.revision === revision) return kept;
  const made = makeRecord(list, revision);
  records.set(list, made);
  return made;
}

/** What a report takes of a document read from its file, besides its annotations: kept with its record. */
export interface FileRecord {
  readonly record: DocumentRecord;
  readonly title: string;
  /** the text's length in code points */
  readonly length: number;
}

const fileRecords = new WeakMap<DocumentSummary, FileRecord>();

/**
 * The record kept for a document not open in the store, made from its file under the index entry
 * `summary` (undefined: none, or not since this entry). The caller asks only while the document
 * is not loaded, and keeps a record (keepFileRecord) only when the document was still not loaded
 * and `summary` still its entry after the file was read.
 */
export function fileRecordOf(summary: DocumentSummary): FileRecord | undefined {
  return fileRecords.get(summary);
}

/** Whether any file record was ever kept (none: nothing to let go, no look-up per open document). */
let keptAny = false;

export function keepFileRecord(summary: DocumentSummary, kept: FileRecord): void {
  keptAny = true;
  fileRecords.set(summary, kept);
}

/** A document open now: its list is the truth, a record kept from its file is let go. */
export function dropFileRecord(summary: DocumentSummary): void {
  if (keptAny) fileRecords.delete(summary);
}
