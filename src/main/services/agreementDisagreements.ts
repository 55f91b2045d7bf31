/**
 * The units where coders differ, for the agreement report's list (rules in
 * src/shared/api/agreement.ts): a matched claim whose coders' annotations differ in coverage,
 * boundaries, codes or compared field values, and an annotation matched with no other coder's.
 */
import { MAX_DISAGREEMENTS, type Disagreement } from '@shared/api/agreement';
import type { ClaimField } from '@shared/claims/fields';
import { valueOf, type ClaimValues } from '@shared/claims/values';
import type { Value } from '@shared/reliability/codingAlpha';

/** One annotation as the report reads it. */
export interface Coded {
  /** its place among the report's annotations (to mark it without a Set of objects) */
  index: number;
  id: string;
  /** index of the document among the chosen ones */
  document: number;
  documentId: string;
  documentTitle: string;
  /** offset of the document on the continuum */
  offset: number;
  start: number;
  end: number;
  quote: string;
  codes: string[];
  /** the coder's key (coderKeyIn in coders.ts: the coder id, else the annotator name) */
  coder: string;
  /** the coder's name as shown */
  coderName: string;
  values: ClaimValues;
  /** the compared fields' values (fieldValue, in the order of the report's fields), read once */
  compared: ReadonlyArray<Value | null>;
  /** the codes as one key (sorted, NUL-separated), to tell whether two coders gave the same codes */
  codeKey: string;
}

/** Whether a field's values are compared as numbers: a number, or a choice whose items all carry one. */
export function fieldMetric(f: ClaimField): 'nominal' | 'interval' {
  const numbered = f.type === 'choice' && f.choices.length > 0 && f.choices.every((c) => c.value !== null);
  return f.type === 'number' || numbered ? 'interval' : 'nominal';
}

/** A coder's value of a field (not set: null); a numbered choice by its item's number. */
export function fieldValue(values: ClaimValues, f: ClaimField): Value | null {
  const value = valueOf(values, f.key);
  if (value === undefined || value === '') return null;
  if (fieldMetric(f) === 'interval' && f.type === 'choice') return f.choices.find((x) => x.id === value)?.value ?? null;
  return typeof value === 'number' ? value : String(value);
}

/** How a value is shown: an actor or place by its name, a choice by its item's name. */
export type DescribeValue = (f: ClaimField, a: Coded) => string;

function mark(a: Coded, fields: readonly ClaimField[], describe: DescribeValue): Disagreement['marks'][number] {
  return {
    coder: a.coder,
    name: a.coderName,
    annotationId: a.id,
    start: a.start,
    end: a.end,
    quote: a.quote,
    codes: a.codes,
    values: fields.map((f) => ({ field: f.key, value: describe(f, a) })),
  };
}

export const codeKeyOf = (codes: readonly string[]) => [...codes].sort().join('\u0000');

/**
 * @param sets matched claims: per set, per coder (in the order of `coders`), that coder's annotations
 * @param unmatched annotations in no set
 */
export function listDisagreements(
  coders: readonly string[],
  sets: ReadonlyArray<ReadonlyArray<readonly Coded[]>>,
  unmatched: readonly Coded[],
  fields: readonly ClaimField[],
  describe: DescribeValue,
): { disagreements: Disagreement[]; disagreementCount: number } {
  // each disagreement is written out (its marks described) only if it is among the listed ones
  const found: Array<{ document: number; start: number; item: () => Disagreement }> = [];
  for (const set of sets) {
    const firsts = set.map((list) => list[0]).filter((a): a is Coded => a !== undefined);
    const head = firsts[0];
    if (!head) continue;
    const differences: Disagreement['differences'] = [];
    if (firsts.length < coders.length) differences.push('missing');
    if (firsts.some((a) => a.start !== head.start || a.end !== head.end)) differences.push('boundaries');
    if (firsts.some((a) => a.codeKey !== head.codeKey)) differences.push('codes');
    const differing = fields.filter((_, i) => firsts.some((a) => a.compared[i] !== head.compared[i])).map((f) => f.key);
    if (differing.length > 0) differences.push('values');
    if (differences.length === 0) continue;
    found.push({
      document: head.document,
      start: Math.min(...firsts.map((a) => a.start)),
      item: () => ({
        documentId: head.documentId,
        documentTitle: head.documentTitle,
        differences,
        fields: differing,
        marks: set.flatMap((list) => list.map((a) => mark(a, fields, describe))),
      }),
    });
  }
  for (const a of unmatched)
    found.push({
      document: a.document,
      start: a.start,
      item: () => ({
        documentId: a.documentId,
        documentTitle: a.documentTitle,
        differences: ['onlyOne'],
        fields: [],
        marks: [mark(a, fields, describe)],
      }),
    });
  found.sort((p, q) => p.document - q.document || p.start - q.start);
  return { disagreements: found.slice(0, MAX_DISAGREEMENTS).map((f) => f.item()), disagreementCount: found.length };
}
