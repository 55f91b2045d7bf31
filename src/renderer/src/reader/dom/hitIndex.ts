/**
 * The annotations by paragraph, for hit-testing a point: a hover looks at the few spans of the
 * paragraph under the pointer (binary search by start), not at every annotation of the document.
 * Built once per annotations array (the session gives a new array on each change), on first use.
 */
import type { Annotation } from '@shared/model';
import { paragraphAt, type TextModel } from '../textModel';

interface HitIndex {
  model: TextModel;
  /** per paragraph, the annotations touching it, by start */
  byPara: Annotation[][];
}

const indexes = new WeakMap<readonly Annotation[], HitIndex>();

function indexFor(model: TextModel, annotations: readonly Annotation[]): HitIndex {
  const known = indexes.get(annotations);
  if (known && known.model === model) return known;
  const byPara: Annotation[][] = model.paragraphs.map(() => []);
  for (const a of annotations) {
    if (!(a.end > a.start)) continue;
    const first = paragraphAt(model, model.map.toUtf16(a.start));
    const last = paragraphAt(model, Math.max(0, model.map.toUtf16(a.end) - 1));
    for (let p = first; p <= last; p++) byPara[p]?.push(a);
  }
  for (const list of byPara) list.sort((x, y) => x.start - y.start);
  const index = { model, byPara };
  indexes.set(annotations, index);
  return index;
}

/** The annotations covering code point `cp` (in paragraph `para`), innermost (shortest) first. */
export function annotationsAtPoint(
  model: TextModel,
  annotations: readonly Annotation[],
  para: number,
  cp: number,
): Annotation[] {
  const list = indexFor(model, annotations).byPara[para];
  if (!list) return [];
  // the spans starting at or before cp: a prefix of the list
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Annotation).start <= cp) lo = mid + 1;
    else hi = mid;
  }
  const out: Annotation[] = [];
  for (let i = 0; i < lo; i++) if ((list[i] as Annotation).end > cp) out.push(list[i] as Annotation);
  return out.sort((a, b) => a.end - a.start - (b.end - b.start));
}
