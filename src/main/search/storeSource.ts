/**
 * The search index's view of a project store. A document's text is taken from the store when it
 * is already loaded, else read straight from its file and accepted only if its sha256 matches
 * the document list (so a search never fills the store's cache with every document); anything
 * else goes through the store, which knows how to handle a damaged or older file.
 */
import { readFile } from 'node:fs/promises';
import type { ProjectStore } from '../store/projectStore';
import { sha256 } from './indexFile';
import type { DocumentSource } from './searchIndex';

export function storeSource(store: ProjectStore): DocumentSource {
  return {
    dir: store.dir,
    summaries: () => store.summaries(),
    text: async (id) => {
      for (const db of store.loadedDocuments()) if (db.data.document.id === id) return db.data.document.text;
      const expected = store.summaries().find((s) => s.id === id)?.sha256;
      try {
        const parsed = JSON.parse(await readFile(store.documentPath(id), 'utf8')) as {
          document?: { id?: unknown; text?: unknown };
        };
        const text = parsed.document?.text;
        if (parsed.document?.id === id && typeof text === 'string' && sha256(text) === expected) return text;
      } catch {
        // fall through to the store
      }
      return (await store.document(id)).data.document.text;
    },
  };
}
