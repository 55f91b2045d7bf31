/**
 * Which coder an annotation belongs to, and which layer it is on (src/shared/coders/model.ts).
 * Every view, statistic and export that groups annotations by coder uses these two functions.
 */
import type { Annotation } from '../model';

/** the coder's stable id, or for annotations made before coder ids the annotator name */
export function coderKey(a: Pick<Annotation, 'coderId' | 'annotator'>): string {
  return a.coderId ?? a.annotator;
}

/** true for the adjudicated layer's annotations */
export function isAdjudicated(a: Pick<Annotation, 'adjudication'>): boolean {
  return a.adjudication !== undefined;
}
