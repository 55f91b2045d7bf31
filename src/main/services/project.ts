import type { Handlers } from '../../shared/api';
import type { ServiceContext } from './context';

export function projectHandlers(ctx: ServiceContext): Pick<Handlers, 'project.info' | 'settings.update' | 'project.dismissNotices'> {
  return {
    'project.info': async () => {
      const data = ctx.store.data;
      return {
        name: data.name,
        path: ctx.store.dir,
        schemaVersion: data.schemaVersion,
        documentCount: data.documents.length,
        annotationCount: data.documents.reduce((n, d) => n + d.annotationCount, 0),
        settings: data.settings,
        notices: data.notices,
      };
    },
    'settings.update': async (patch) => {
      const data = ctx.store.data;
      data.settings = { ...data.settings, ...patch };
      await ctx.store.saveProject();
      return data.settings;
    },
    'project.dismissNotices': async () => {
      await ctx.store.clearNotices();
      return {};
    },
  };
}
