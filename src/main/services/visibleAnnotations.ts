/**
 * Blind mode's one filter (issue 17). While `settings.blind` is on, every service that reads
 * annotations for display (annotations.list, the library's counts, stats.summary, search tagging,
 * analysis) reads them through here, so no view can show or count another coder's work; writes to
 * another coder's annotation are refused here too. Exports do not come through here: they stay whole.
 *
 * Mine = coderId is this copy's coder id, or, for an annotation made before coder ids (no
 * coderId), its annotator is this copy's annotator name.
 */
import { AppError } from '@shared/errors';
import type { Annotation, DocumentSummary, Settings } from '@shared/model';
import { addStats, emptyStats, statsOf, type DocStats } from '../codebook/usageIndex';
import type { ProjectStore } from '../store/projectStore';

type Owned = Pick<Annotation, 'coderId' | 'annotator'>;

/** Who is looking, when blind; null when every annotation is shown. */
export interface BlindViewer {
  coderId: string | null;
  name: string;
}

export function blindViewer(settings: Settings): BlindViewer | null {
  if (!settings.blind) return null;
  return { coderId: settings.coderId, name: settings.annotator ?? '' };
}

/** Is `a` this coder's own annotation? */
export function isOwn(a: Owned, viewer: BlindViewer): boolean {
  if (a.coderId !== undefined) return viewer.coderId !== null && a.coderId === viewer.coderId;
  return viewer.name !== '' && a.annotator === viewer.name;
}

/** The annotations this coder may see: all of them, or while blind only their own. */
export function visibleAnnotations<T extends Owned>(store: ProjectStore, list: readonly T[]): readonly T[] {
  const viewer = blindViewer(store.data.settings);
  return viewer ? list.filter((a) => isOwn(a, viewer)) : list;
}

/** Refuse a change to another coder's annotation while blind (403, with the reason). */
export function assertMayChange(store: ProjectStore, a: Owned): void {
  const viewer = blindViewer(store.data.settings);
  if (viewer && !isOwn(a, viewer))
    throw new AppError(
      'forbidden',
      'Blind coding is on: that annotation is another coder’s, and it cannot be changed or deleted until you reveal the other coders’ work.',
    );
}

/** What the page reads to say, in the interface language, that a blind import was refused. */
export const BLIND_IMPORT = 'blind_import';

/**
 * The one rule for imports while blind (import.annotations, import.qdpx, layers.import): an
 * import that would bring in another coder's annotations is refused (403, nothing written, a dry
 * run included, since its report shows that work); one that brings in only this coder's own
 * annotations (their own W3C export, say) goes ahead. `adding` are the annotations the import
 * would add (those already present do not count); an adjudicated one is never only one's own.
 */
export function assertImportsOnlyOwn(
  store: ProjectStore,
  adding: Iterable<Owned & Pick<Annotation, 'adjudication'>>,
): void {
  const viewer = blindViewer(store.data.settings);
  if (!viewer) return;
  for (const a of adding)
    if (a.adjudication !== undefined || !isOwn(a, viewer))
      throw new AppError(
        'forbidden',
        'Blind coding is on, and this file holds another coder’s annotations. Reveal other coders’ work before importing it (Coders ▸ Reveal). Nothing was imported.',
        { reason: BLIND_IMPORT },
      );
}

/** Refuse a view of every coder's work while blind (the agreement report). */
export function assertNotBlind(store: ProjectStore, what: string): void {
  if (store.data.settings.blind)
    throw new AppError(
      'forbidden',
      `Blind coding is on: ${what} shows the other coders’ work. Reveal it first (Coders ▸ Reveal).`,
    );
}

/**
 * While blind, the counts of this coder's own annotations in each of `documents`, by document
 * id; null when not blind (the index's counts stand). A document loaded in the store is counted
 * from memory; any other is read once and remembered with its index entry (the store replaces
 * the entry whenever it rewrites a file it has not loaded) and the viewer.
 */
const remembered = new WeakMap<DocumentSummary, { viewer: string; stats: DocStats }>();
export async function visibleStats(
  store: ProjectStore,
  documents: readonly DocumentSummary[],
): Promise<Map<string, DocStats> | null> {
  const viewer = blindViewer(store.data.settings);
  if (!viewer) return null;
  const key = JSON.stringify([viewer.coderId, viewer.name]);
  const loaded = new Map<string, readonly Annotation[]>();
  for (const db of store.loadedDocuments()) loaded.set(db.data.document.id, db.data.annotations);
  const out = new Map<string, DocStats>();
  for (const summary of documents) {
    const inMemory = loaded.get(summary.id);
    if (inMemory) {
      out.set(summary.id, statsOf(inMemory.filter((a) => isOwn(a, viewer))));
      remembered.delete(summary);
      continue;
    }
    const known = remembered.get(summary);
    if (known && known.viewer === key) {
      out.set(summary.id, known.stats);
      continue;
    }
    const file = await store.peekDocument(summary.id);
    const stats = statsOf(file.annotations.filter((a) => isOwn(a, viewer)));
    remembered.set(summary, { viewer: key, stats });
    out.set(summary.id, stats);
  }
  return out;
}

/** The document list as this coder may see it: while blind, each count is of their own annotations. */
export async function visibleSummaries(
  store: ProjectStore,
  documents: readonly DocumentSummary[],
): Promise<DocumentSummary[]> {
  const stats = await visibleStats(store, documents);
  if (!stats) return [...documents];
  return documents.map((d) => ({ ...d, annotationCount: stats.get(d.id)?.annotations ?? 0 }));
}

/** While blind, stats.summary's counts of this coder's own annotations (of one document or all); else null. */
export async function visibleTotals(store: ProjectStore, documentId?: string): Promise<DocStats | null> {
  const per = await visibleStats(store, documentId === undefined ? store.summaries() : [store.summary(documentId)]);
  if (!per) return null;
  const total = emptyStats();
  for (const s of per.values()) addStats(total, s);
  return total;
}
