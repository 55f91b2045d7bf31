import type { Handlers } from '@shared/api';
import { DEFAULT_SEARCH_LIMIT } from '@shared/api/search';
import { AppError } from '@shared/errors';
import { SearchIndex } from '../search/searchIndex';
import { storeSource } from '../search/storeSource';
import type { ProjectStore } from '../store/projectStore';
import type { ServiceContext } from './context';

/** One index per open project; a project switch gives a new store and so a new index. */
const indexes = new WeakMap<ProjectStore, SearchIndex>();

export function searchIndexOf(store: ProjectStore): SearchIndex {
  let index = indexes.get(store);
  if (!index) {
    index = new SearchIndex(storeSource(store));
    indexes.set(store, index);
  }
  return index;
}

export function searchHandlers(ctx: ServiceContext): Pick<Handlers, 'search' | 'search.rebuildIndex'> {
  return {
    search: async ({ query, documentId, options, limit }) => {
      if (documentId) ctx.store.summary(documentId);
      if (query.trim() === '') throw new AppError('invalid_input', 'Type something to search for.');
      return searchIndexOf(ctx.store).search(query, { documentId, options, limit: limit ?? DEFAULT_SEARCH_LIMIT });
    },
    'search.rebuildIndex': async () => {
      const started = performance.now();
      const documentCount = await searchIndexOf(ctx.store).rebuild();
      return { documentCount, ms: Math.round(performance.now() - started) };
    },
  };
}
