/**
 * Reading documents one at a time for an export, without keeping them (store.peekDocument): a
 * document already open in the store is used as it is (it may hold changes not yet on disk); any
 * other is read from its file, validated, used and let go, so exporting a large project never
 * holds the whole corpus in memory.
 */
import { AppError } from '@shared/errors';
import type { DocumentSummary } from '@shared/model';
import type { ProjectStore } from '../store/projectStore';
import type { DocumentFile } from '../store/schema';

/** The documents an export covers, in project order; unknown ids are an error before any work. */
export function selectDocuments(store: ProjectStore, documentIds: readonly string[] | undefined): DocumentSummary[] {
  const all = store.summaries();
  if (!documentIds) return [...all];
  const wanted = new Set(documentIds);
  const known = new Set(all.map((d) => d.id));
  const missing = [...wanted].filter((id) => !known.has(id));
  if (missing.length > 0) {
    throw new AppError(
      'not_found',
      missing.length === 1
        ? 'One of the chosen documents is not in this project.'
        : `${missing.length} of the chosen documents are not in this project.`,
    );
  }
  return all.filter((d) => wanted.has(d.id));
}

/** Visit each selected document in turn; only one is held at a time (besides those already open). */
export async function forEachDocument(
  store: ProjectStore,
  documents: readonly DocumentSummary[],
  visit: (file: DocumentFile) => void | Promise<void>,
): Promise<void> {
  for (const summary of documents) await visit(await store.peekDocument(summary.id));
}
