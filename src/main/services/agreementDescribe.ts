/**
 * The listed disagreements' marks' value entries (agreementDisagreements.ts): how each compared
 * field's value of an annotation is shown, as the CSV export shows it (an actor or place by its
 * name, a choice by its item's name). The compared types' cells depend on the stored value alone,
 * so each stored value is described once per field and report, its entry shared by every mark that
 * shows it (the entries are read, never changed).
 *
 * The stored value is taken from the annotation's document record (agreementRecords.ts), which
 * holds each value key's stored values by local number: the value the annotation's own values
 * object holds under that key (own keys only, as valueOf reads it), so the annotation objects,
 * of as many shapes as there are sets of keys, are read only when a value is first described.
 */
import type { Disagreement } from '@shared/api/agreement';
import { claimCells, type EntityLookup } from '@shared/claims/claimCsv';
import type { ClaimField } from '@shared/claims/fields';
import type { Annotation } from '@shared/model';
import type { DocumentRecord } from './agreementRecords';

export type MarkValues = Disagreement['marks'][number]['values'];
type Entry = MarkValues[number];

/** A read annotation's mark entries, one per compared field in order (a new array per call). */
export type DescribeValues = (i: number) => MarkValues;

export interface DescribeInput {
  fields: readonly ClaimField[];
  /** each document's record (by document number), each read annotation's document and place in it */
  records: readonly DocumentRecord[];
  document: Int32Array;
  local: Int32Array;
  /** the registry's look-up, asked for when a value is first described */
  lookup: () => EntityLookup;
}

export function valueDescriber({ fields, records, document, local, lookup }: DescribeInput): DescribeValues {
  const F = fields.length;
  // per field: each stored value described → its entry (a Map: the stored value as valueOf gives it)
  const seen = fields.map(() => new Map<unknown, Entry>());
  let found: EntityLookup | null = null;
  const describe = (fi: number, stored: unknown, a: Annotation): Entry => {
    const described = seen[fi] as Map<unknown, Entry>;
    let entry = described.get(stored);
    if (entry === undefined) {
      const f = fields[fi] as ClaimField;
      found ??= lookup();
      entry = { field: f.key, value: String(claimCells([f], a.values, found)[0] ?? '') };
      described.set(stored, entry);
    }
    return entry;
  };
  // the last record met and, per field, the entries of its stored values by local number (filled
  // as met) and the entry of no value; a list's marks come document after document
  let last: DocumentRecord | null = null;
  const keyOf = new Int32Array(F);
  const byLocal: Array<Array<Entry | undefined>> = fields.map(() => []);
  const none: Array<Entry | undefined> = new Array<Entry | undefined>(F).fill(undefined);
  return (i) => {
    const record = records[document[i] as number] as DocumentRecord;
    if (record !== last) {
      for (let fi = 0; fi < F; fi++) {
        const k = record.keys.get((fields[fi] as ClaimField).key) ?? -1;
        keyOf[fi] = k;
        byLocal[fi] = k >= 0 ? new Array<Entry | undefined>((record.stored[k] as readonly unknown[]).length) : [];
      }
      last = record;
    }
    const y = local[i] as number;
    const a = record.annotations[y] as Annotation;
    const values: MarkValues = new Array(F);
    for (let fi = 0; fi < F; fi++) {
      const k = keyOf[fi] as number;
      const s = k >= 0 ? ((record.valueOf[k] as Int32Array)[y] as number) : -1;
      let entry: Entry | undefined;
      if (s < 0) {
        entry = none[fi];
        if (entry === undefined) none[fi] = entry = describe(fi, undefined, a);
      } else {
        const these = byLocal[fi] as Array<Entry | undefined>;
        entry = these[s];
        if (entry === undefined) these[s] = entry = describe(fi, (record.stored[k] as readonly unknown[])[s], a);
      }
      values[fi] = entry;
    }
    return values;
  };
}
