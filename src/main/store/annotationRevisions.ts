/**
 * A change counter on each document's annotation list (issue 17): a number that is another one
 * after every change the store makes to a loaded document (updateDocument, updateDocuments), so
 * what a reader keeps of a list (the agreement report's per-document records) is current exactly
 * while the list is the same object with the same revision: one look-up per document instead of a
 * comparison of every annotation. Every change to a loaded document's annotations goes through
 * those two methods (the services change a list only inside their `change`); a document read
 * again from its file is a new list (revision 0 until it is changed).
 *
 * The counter is one for the store, so a revision is never given twice: the list a document held
 * before a change and the one it holds after (the same list changed in place, or a new one put in
 * its place) both take the new number, and neither can be mistaken for a state seen before.
 */
import type { Annotation } from '@shared/model';

export class AnnotationRevisions {
  private readonly revisions = new WeakMap<readonly Annotation[], number>();
  private changes = 0;

  /** The list's revision: 0 until the store first changes it. */
  of(list: readonly Annotation[]): number {
    return this.revisions.get(list) ?? 0;
  }

  /** A change made to a document whose list was `before` and is now `after` (the same list, or a new one). */
  changed(before: readonly Annotation[], after: readonly Annotation[]): void {
    const revision = ++this.changes;
    this.revisions.set(before, revision);
    this.revisions.set(after, revision);
  }
}
