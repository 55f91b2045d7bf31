/**
 * Reading documents one at a time for an export, without keeping them: a document already open
 * in the store is used as it is (it may hold changes not yet on disk); any other is read from its
 * file, validated, used and let go, so exporting a large project never holds the whole corpus in
 * memory. A file that cannot be read this way goes through the store, which quarantines it and
 * restores a backup (and reports it) exactly as when the document is opened.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '@shared/errors';
import type { DocumentSummary } from '@shared/model';
import { parseJsonFile } from '../store/jsonFile';
import { DOCUMENT_FORMAT } from '../store/migrations';
import type { ProjectStore } from '../store/projectStore';
import { DocumentFile } from '../store/schema';

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

export async function readDocumentForExport(
  store: ProjectStore,
  id: string,
  loaded?: ReadonlyMap<string, DocumentFile>,
): Promise<DocumentFile> {
  const open = loaded?.get(id);
  if (open) return open;
  for (const db of store.loadedDocuments()) if (db.data.document.id === id) return db.data;
  const filePath = store.documentPath(id);
  try {
    const data = parseJsonFile(filePath, await readFile(filePath, 'utf8'), DocumentFile, DOCUMENT_FORMAT);
    if (data.document.id === id) return data;
  } catch {
    // fall through: the store knows how to report, quarantine and restore
  }
  return (await store.document(id)).data;
}

/** Visit each selected document in turn; only one is held at a time (besides those already open). */
export async function forEachDocument(
  store: ProjectStore,
  documents: readonly DocumentSummary[],
  visit: (file: DocumentFile) => void | Promise<void>,
): Promise<void> {
  // the documents open at the start, by id (a scan of them per document is quadratic at 10,000)
  const loaded = new Map<string, DocumentFile>();
  for (const db of store.loadedDocuments()) loaded.set(db.data.document.id, db.data);
  for (const summary of documents) await visit(await readDocumentForExport(store, summary.id, loaded));
}
