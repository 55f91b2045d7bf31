/**
 * The search index's view of a project store. A document's text comes from store.peekDocument
 * (the loaded copy, else the checked file, so a search never fills the store's cache with every
 * document), and is accepted only if its sha256 matches the document list; anything else is
 * loaded through the store, which knows how to handle a damaged file.
 */
import type { ProjectStore } from '../store/projectStore';
import { sha256 } from './indexFile';
import type { DocumentSource } from './searchIndex';

export function storeSource(store: ProjectStore): DocumentSource {
  return {
    dir: store.dir,
    summaries: () => store.summaries(),
    text: async (id) => {
      const expected = store.summaries().find((s) => s.id === id)?.sha256;
      const { text } = (await store.peekDocument(id, 'text')).document;
      if (sha256(text) === expected) return text;
      return (await store.document(id)).data.document.text;
    },
    notice: (message) => store.addNotice({ code: 'search_index_rebuilt', message }),
  };
}
