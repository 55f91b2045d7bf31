import type { Handlers } from '@shared/api';
import { DEFAULT_SEARCH_LIMIT } from '@shared/api/search';
import { AppError } from '@shared/errors';
import type { ServiceContext } from './context';

export function searchHandlers(ctx: ServiceContext): Pick<Handlers, 'search' | 'search.rebuildIndex'> {
  return {
    search: async ({ query, documentId, options, limit }) => {
      if (documentId) ctx.store.summary(documentId);
      if (query.trim() === '') throw new AppError('invalid_input', 'Type something to search for.');
      return ctx.project.search.search(query, { documentId, options, limit: limit ?? DEFAULT_SEARCH_LIMIT });
    },
    'search.rebuildIndex': async () => {
      const started = performance.now();
      const documentCount = await ctx.project.search.rebuild();
      return { documentCount, ms: Math.round(performance.now() - started) };
    },
  };
}
