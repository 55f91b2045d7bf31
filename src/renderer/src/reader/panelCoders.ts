/**
 * The reader panel's coder filter (issue 17): annotations grouped by coder key (the coder id,
 * else the annotator name; src/shared/coders/naming.ts), each entry named by the coder's current
 * name, so a renamed coder is one entry; the adjudicated layer is an entry of its own.
 */
import { ADJUDICATED_LAYER } from '@shared/analysis/filter';
import { isAdjudicated } from '@shared/coders/key';
import { coderNaming, type CoderNaming } from '@shared/coders/naming';
import type { Annotation } from '@shared/model';

export { ADJUDICATED_LAYER };

/** Naming with no coder list yet: by coder id, else annotator name. */
export const NO_CODERS: CoderNaming = coderNaming([]);

/** Does `a` pass the panel's coder choice ('' any, a coder key, or the adjudicated layer)? */
export function onCoderLayer(
  a: Pick<Annotation, 'coderId' | 'annotator' | 'adjudication'>,
  choice: string,
  naming: CoderNaming,
): boolean {
  if (choice === '') return true;
  if (choice === ADJUDICATED_LAYER) return isAdjudicated(a);
  return !isAdjudicated(a) && naming.keyOf(a) === choice;
}

export interface CoderOption {
  value: string;
  label: string;
  count: number;
}

/**
 * The coders of these annotations, by key, in the order of their names, then the adjudicated
 * layer when there is one. A coder the list does not name yet takes the annotator name of their
 * latest annotation.
 */
export function coderOptions(
  annotations: readonly Pick<Annotation, 'coderId' | 'annotator' | 'adjudication' | 'updatedAt'>[],
  naming: CoderNaming,
  adjudicatedLabel: string,
): CoderOption[] {
  const byKey = new Map<string, { label: string; at: string; count: number }>();
  let adjudicated = 0;
  for (const a of annotations) {
    if (isAdjudicated(a)) {
      adjudicated++;
      continue;
    }
    const key = naming.keyOf(a);
    if (key === '') continue;
    const known = byKey.get(key);
    if (!known) byKey.set(key, { label: a.annotator, at: a.updatedAt, count: 1 });
    else {
      known.count++;
      if (a.updatedAt > known.at) Object.assign(known, { label: a.annotator, at: a.updatedAt });
    }
  }
  const out = [...byKey].map(([value, k]) => {
    const named = naming.nameOf(value);
    return { value, label: named !== value ? named : k.label || value, count: k.count };
  });
  out.sort((x, y) => x.label.localeCompare(y.label) || (x.value < y.value ? -1 : 1));
  if (adjudicated > 0) out.push({ value: ADJUDICATED_LAYER, label: adjudicatedLabel, count: adjudicated });
  return out;
}
