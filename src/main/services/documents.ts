import type { Handlers } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { importFile, importPlainText, type ImportedText } from '../import';
import type { ServiceContext, Stages } from './context';
import { searchIndexOf } from './search';
import { buildDocumentFile } from './documentFactory';

type DocumentHandlers = Pick<
  Handlers,
  'documents.list' | 'documents.get' | 'documents.import' | 'documents.importText' | 'documents.update' | 'documents.delete'
>;

/**
 * documents.import reads the file (in the import worker, for web pages and Word files) before
 * its turn in the services' queue, since reading touches nothing of the project; only adding the
 * document waits in the queue. It is added to the project open when reading has finished.
 */
export function documentStages(ctx: ServiceContext): Required<Pick<Stages, 'documents.import'>> {
  return {
    'documents.import': async ({ fileName, data, allowDuplicate }) => {
      const imported = await importFile(fileName, Buffer.from(data, 'base64'));
      return () => addImported(ctx, imported, allowDuplicate);
    },
  };
}

async function addImported(ctx: ServiceContext, imported: ImportedText, allowDuplicate: boolean | undefined, fallbackTitle?: string) {
  const file = buildDocumentFile(ctx.newId(), imported, ctx.now());
  if (!imported.title && fallbackTitle) file.document.title = fallbackTitle;
  const same = ctx.store.summaries().find((d) => d.sha256 === file.document.sha256);
  if (same && !allowDuplicate) {
    throw new AppError('conflict', `This text is already in the project as “${same.title}”. Import it again only if you mean to have two copies.`, {
      duplicateOf: same.id,
    });
  }
  const document = await ctx.store.addDocument(file);
  // build its search index now (DESIGN: the normalised index is made at import), not at the
  // first search; a failure here only means the first search builds it
  await searchIndexOf(ctx.store)
    .sync()
    .catch(() => undefined);
  const warnings = [...imported.warnings];
  if (same) warnings.push({ code: 'duplicate', message: `The same text is also in the project as “${same.title}”.` });
  return { document, warnings };
}

export function documentHandlers(ctx: ServiceContext): DocumentHandlers {
  return {
    'documents.list': async () => ctx.store.summaries(),
    'documents.get': async ({ id }) => {
      const db = await ctx.store.document(id);
      return { ...ctx.store.summary(id), text: db.data.document.text };
    },
    // called directly (not through dispatch): read, then add, in one go
    'documents.import': async (input) => (await documentStages(ctx)['documents.import'](input))(),
    'documents.importText': async ({ text, title, allowDuplicate }) => {
      return addImported(ctx, importPlainText(text), allowDuplicate, title?.trim() || undefined);
    },
    'documents.update': async ({ id, ...patch }) => {
      const summary = ctx.store.summary(id);
      const db = await ctx.store.document(id);
      Object.assign(db.data.document, patch);
      // a date set in Details replaces one an older project kept as written
      if (patch.publishedAt !== undefined) delete db.data.document.publishedAtText;
      await ctx.store.saveDocument(id);
      Object.assign(summary, patch);
      if (patch.publishedAt !== undefined) delete summary.publishedAtText;
      await ctx.store.saveProject();
      return summary;
    },
    'documents.delete': async ({ id }) => {
      await ctx.store.deleteDocument(id);
      return {};
    },
  };
}
