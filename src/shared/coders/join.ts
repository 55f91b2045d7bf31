/**
 * The coders a set of annotations brings that a coder list lacks, named by their annotator (else
 * their id), each once: how the project's coder list comes to hold every coder whose annotations
 * it holds (annotations.restore, import.annotations).
 */
import type { Annotation } from '../model';
import type { Coder } from './model';

export function joiningCoders(
  known: readonly Coder[],
  annotations: ReadonlyArray<Pick<Annotation, 'coderId' | 'annotator'>>,
): Coder[] {
  const have = new Set(known.map((c) => c.id));
  const joining = new Map<string, string>();
  for (const a of annotations)
    if (a.coderId !== undefined && !have.has(a.coderId) && !joining.has(a.coderId))
      joining.set(a.coderId, a.annotator.trim().slice(0, 200) || a.coderId);
  return [...joining].map(([id, name]) => ({ id, name }));
}
