/**
 * The differences between two coders in one document (issue 17, adjudication): their layers (each
 * coder's annotations that are not adjudicated, src/shared/coders/key.ts) are matched as the
 * agreement report matches them (matchClaims.ts, the same overlap threshold), and each unit where
 * they differ is listed by what differs:
 *
 * - `onlyA` / `onlyB`: an annotation the other coder has no match for;
 * - `boundaries`: a matched claim whose spans differ;
 * - `codes`: a matched claim whose sets of codes differ;
 * - `values`: a matched claim whose value of one claim field differs (one difference per field key).
 *
 * A unit is the coders' annotations it concerns (`from`, coder A's first); deciding a unit settles
 * every difference it has. Differences come in reading order, then in the order of the list above.
 */
import type { Annotation } from '../model';
import { coderKey, isAdjudicated } from '../coders/key';
import { valueOf } from '../claims/values';
import { matchClaims } from './matchClaims';

export const DIFFERENCE_KINDS = ['onlyA', 'onlyB', 'boundaries', 'codes', 'values'] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

export interface Difference {
  /** stable while the coders' annotations stay: the unit, the kind and the field */
  id: string;
  /** the unit's key: the ids of `from` joined by "+" */
  unit: string;
  /** the coders' annotations of the unit, A's first */
  from: string[];
  kind: DifferenceKind;
  /** the claim field whose values differ (kind `values`), else null */
  field: string | null;
  a: Annotation | null;
  b: Annotation | null;
  /** the span covering both coders' annotations */
  start: number;
  end: number;
}

/** The key of a unit: its coders' annotation ids, as an adjudicated annotation's `from` names them. */
export const unitKey = (from: readonly string[]): string => [...from].sort().join('+');

const sameCodes = (a: Annotation, b: Annotation) =>
  a.codes.length === b.codes.length && [...a.codes].sort().join('\u0000') === [...b.codes].sort().join('\u0000');

/** Two claim values alike: absent and empty text are alike; lists in order. */
function sameValue(a: Annotation, b: Annotation, key: string): boolean {
  const x = valueOf(a.values, key);
  const y = valueOf(b.values, key);
  const blank = (v: unknown) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
  if (blank(x) && blank(y)) return true;
  return JSON.stringify(x) === JSON.stringify(y);
}

/** One coder's layer in a document, in reading order. */
export function layerOf(annotations: readonly Annotation[], coder: string): Annotation[] {
  return annotations
    .filter((a) => !isAdjudicated(a) && coderKey(a) === coder)
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * @param annotations one document's annotations (any layers: the two coders' are picked out)
 * @param coders the coder keys of A and B
 * @param fieldKeys the claim fields compared, in the codebook's order
 * @param overlap least intersection / union for two claims to match
 */
export function listDifferences(
  annotations: readonly Annotation[],
  coders: readonly [string, string],
  fieldKeys: readonly string[],
  overlap: number,
): Difference[] {
  const a = layerOf(annotations, coders[0]);
  const b = layerOf(annotations, coders[1]);
  const claims = [...a.map((x) => ({ coder: 0, x })), ...b.map((x) => ({ coder: 1, x }))].sort(
    (p, q) => p.x.start - q.x.start || p.x.end - q.x.end || p.coder - q.coder,
  );
  const groups = matchClaims(
    claims.map((c) => ({ coder: c.coder, start: c.x.start, end: c.x.end })),
    2,
    overlap,
  );
  const paired = new Set<number>();
  const units: Array<{ a: Annotation | null; b: Annotation | null }> = [];
  for (const group of groups) {
    // two coders: every matched set is one annotation of each
    const ofA = group.find((i) => claims[i]?.coder === 0);
    const ofB = group.find((i) => claims[i]?.coder === 1);
    if (ofA === undefined || ofB === undefined) continue;
    paired.add(ofA).add(ofB);
    units.push({ a: (claims[ofA] as { x: Annotation }).x, b: (claims[ofB] as { x: Annotation }).x });
  }
  claims.forEach((c, i) => {
    if (!paired.has(i)) units.push(c.coder === 0 ? { a: c.x, b: null } : { a: null, b: c.x });
  });
  const found: Difference[] = [];
  for (const u of units) {
    const from = [u.a, u.b].filter((x): x is Annotation => x !== null).map((x) => x.id);
    const unit = unitKey(from);
    const start = Math.min(u.a?.start ?? Infinity, u.b?.start ?? Infinity);
    const end = Math.max(u.a?.end ?? -Infinity, u.b?.end ?? -Infinity);
    const add = (kind: DifferenceKind, field: string | null = null) =>
      found.push({
        id: `${unit}:${kind}${field ? `:${field}` : ''}`,
        unit,
        from,
        kind,
        field,
        a: u.a,
        b: u.b,
        start,
        end,
      });
    if (!u.b) add('onlyA');
    else if (!u.a) add('onlyB');
    else {
      if (u.a.start !== u.b.start || u.a.end !== u.b.end) add('boundaries');
      if (!sameCodes(u.a, u.b)) add('codes');
      for (const key of fieldKeys) if (!sameValue(u.a, u.b, key)) add('values', key);
    }
  }
  const rank = (d: Difference) => DIFFERENCE_KINDS.indexOf(d.kind);
  return found.sort(
    (p, q) =>
      p.start - q.start || p.end - q.end || (p.unit < q.unit ? -1 : p.unit > q.unit ? 1 : 0) || rank(p) - rank(q),
  );
}
