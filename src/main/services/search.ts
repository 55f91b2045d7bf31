import type { Handlers } from '@shared/api';
import { DEFAULT_SEARCH_LIMIT } from '@shared/api/search';
import { AppError } from '@shared/errors';
import type { ServiceContext, Stages } from './context';

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

/**
 * A project-wide search first brings the index in step with the documents outside the queue
 * (building the index of a project that has none takes seconds: tags and saves are answered
 * meanwhile); in its turn it only has the documents changed since to index.
 */
export function searchStages(ctx: ServiceContext): Required<Pick<Stages, 'search'>> {
  const handlers = searchHandlers(ctx);
  return {
    search: async (input) => {
      const { search } = ctx.project;
      if (!input.documentId && input.query.trim() !== '') await search.sync().catch(() => undefined);
      return () => handlers.search(input);
    },
  };
}
