/** Small pure helpers over annotations: their fields, reading order, provisional stand-ins. */
import type { Annotation, AnnotationFields } from '@shared/model';
import type { Span } from './types';

/** What a researcher sets on an annotation (every field of AnnotationFields; checked below). */
export const FIELD_NAMES = ['codes', 'values'] as const satisfies ReadonlyArray<keyof AnnotationFields>;
// a field added to AnnotationFields and not listed above fails to compile here
const allFieldsListed: Exclude<keyof AnnotationFields, (typeof FIELD_NAMES)[number]> extends never ? true : never =
  true;
void allFieldsListed;

export function pickFields(a: Annotation): AnnotationFields {
  const out: Record<string, unknown> = {};
  for (const k of FIELD_NAMES) out[k] = a[k];
  return out as AnnotationFields;
}

/** The fields of `patch` as `a` has them now. */
export function fieldsOf(a: Annotation, patch: Partial<AnnotationFields>): Partial<AnnotationFields> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(patch) as (keyof AnnotationFields)[]) out[k] = a[k];
  return out as Partial<AnnotationFields>;
}

/** Whether `a` shows every field of `patch` with the patch's value. */
export function shows(a: Annotation, patch: Partial<AnnotationFields>): boolean {
  return (Object.keys(patch) as (keyof AnnotationFields)[]).every(
    (k) => JSON.stringify(a[k]) === JSON.stringify(patch[k]),
  );
}

const readingOrder = (a: Annotation, b: Annotation): number =>
  a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt);

/** Reading order: by start, then end, then creation. Sorts a copy. */
export function inReadingOrder(list: readonly Annotation[]): Annotation[] {
  return [...list].sort(readingOrder);
}

/**
 * `sorted` (in reading order) without the annotations of `drop` (objects of `sorted`), with
 * `changed` put in their places: the same list as inReadingOrder([...kept, ...changed]), found by
 * binary search instead of sorting (or filtering) 5,000 annotations again for one tag.
 */
export function replacedInReadingOrder(
  sorted: readonly Annotation[],
  changed: readonly Annotation[],
  drop: readonly Annotation[],
): Annotation[] {
  const list = sorted.slice();
  for (const d of drop) {
    // the first annotation that sorts equal to it, then the one that is it
    let i = firstAfter(list, d, (x) => x < 0);
    while (i < list.length && list[i] !== d) i++;
    if (i < list.length) list.splice(i, 1);
  }
  // after every annotation that sorts equal to it, as a stable sort would put it
  for (const c of inReadingOrder(changed))
    list.splice(
      firstAfter(list, c, (x) => x <= 0),
      0,
      c,
    );
  return list;
}

/** The first index of `list` (in reading order) whose order against `a` is not `before`. */
function firstAfter(list: readonly Annotation[], a: Annotation, before: (order: number) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(readingOrder(list[mid] as Annotation, a))) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How many annotations carry each code (codes carried by none are absent). */
export function codeCounts(list: readonly Annotation[]): Map<string, number> {
  return recounted(new Map(), [], list);
}

/** `counts` (copied) without the codes of `removed` and with those of `added`. */
export function recounted(
  counts: ReadonlyMap<string, number>,
  removed: readonly Annotation[],
  added: readonly Annotation[],
): Map<string, number> {
  const next = new Map(counts);
  for (const a of removed)
    for (const c of a.codes) {
      const n = (next.get(c) ?? 0) - 1;
      if (n > 0) next.set(c, n);
      else next.delete(c);
    }
  for (const a of added) for (const c of a.codes) next.set(c, (next.get(c) ?? 0) + 1);
  return next;
}

let provisionalCounter = 0;
const PROVISIONAL = 'pending-';

/** Whether an id is a provisional stand-in's (see provisionalAnnotations). */
export function isProvisionalId(id: string): boolean {
  return id.startsWith(PROVISIONAL);
}

/** Local stand-ins for annotations being created (`pending-N`), shown until the server answers. */
export function provisionalAnnotations(
  documentId: string,
  spans: readonly Span[],
  codes: readonly string[],
  annotator: string,
  quote: (start: number, end: number) => string,
): Annotation[] {
  const now = new Date().toISOString();
  return spans.map((s) => ({
    documentId,
    start: s.start,
    end: s.end,
    codes: [...codes],
    id: `${PROVISIONAL}${++provisionalCounter}`,
    quote: quote(s.start, s.end),
    prefix: '',
    suffix: '',
    values: {},
    annotator,
    createdAt: now,
    updatedAt: now,
  }));
}
