/**
 * Apply one change to every annotation of some documents and save each document it changed: how
 * a code merge, an actor merge or a reassignment reaches every claim.
 */
import type { Annotation } from '@shared/model';
import type { ServiceContext } from './context';

/**
 * `change` answers the new annotation, or null to leave it as it is; `changed` hears of every
 * annotation changed, before and after.
 */
export async function rewriteAnnotations(
  ctx: ServiceContext,
  documentIds: readonly string[],
  change: (a: Annotation) => Annotation | null,
  changed?: (documentId: string, before: Annotation, after: Annotation) => void,
): Promise<{ affected: number; documents: number }> {
  let affected = 0;
  let documents = 0;
  for (const id of documentIds) {
    const { annotations } = (await ctx.store.document(id)).data;
    const after = annotations.map((a) => change(a));
    if (after.every((next) => next === null)) continue;
    documents++;
    await ctx.store.updateDocument(id, (file) => {
      file.annotations = file.annotations.map((a, i) => {
        const next = after[i];
        if (!next) return a;
        affected++;
        changed?.(id, a, next);
        return { ...next, updatedAt: ctx.now() };
      });
    });
  }
  return { affected, documents };
}
