import type { Handlers } from '@shared/api';
import type { ArticlePreview, DocumentTitle, DuplicateReport } from '@shared/api/documents';
import type { DocumentSummary, Warning } from '@shared/model';
import type { CodingPlan } from '@shared/coders/model';
import { AppError } from '@shared/errors';
import { importFile, importPlainText, type ImportedText } from '../import';
import { repeatsWithin } from '../import/nearDuplicate';
import { chooseArticles } from '../import/splitChoice';
import { importArticles } from '../import/splitImport';
import type { ServiceContext, Stages } from './context';
import { buildDocumentFile } from './documentFactory';
import { visibleSummaries } from './visibleAnnotations';

type DocumentHandlers = Pick<
  Handlers,
  | 'documents.list'
  | 'documents.page'
  | 'documents.titles'
  | 'documents.sources'
  | 'documents.get'
  | 'documents.preview'
  | 'documents.import'
  | 'documents.importText'
  | 'documents.update'
  | 'documents.delete'
>;

/** The project's document with the same text, or nearly the same (≥ 95% of shingles shared). */
async function duplicateOf(ctx: ServiceContext, text: string, sha: string): Promise<DuplicateReport | null> {
  const same = ctx.store.summaries().find((d) => d.sha256 === sha);
  if (same) return { documentId: same.id, title: same.title, similarity: 1, exact: true };
  const near = await ctx.project.nearDuplicates.find(text);
  return near ? { ...near, exact: false } : null;
}

const percent = (d: DuplicateReport) => `${Math.floor(d.similarity * 100)}%`;

function duplicateSentence(d: DuplicateReport): string {
  return d.exact
    ? `This text is already in the project as “${d.title}”. Import it again only if you mean to have two copies.`
    : `This text is ${percent(d)} the same as “${d.title}”, already in the project (only a few words differ, such as an “updated at” line). Import it only if you mean to have both.`;
}

function duplicateWarning(d: DuplicateReport): Warning {
  return d.exact
    ? { code: 'duplicate', message: `The same text is also in the project as “${d.title}”.` }
    : { code: 'near_duplicate', message: `The text is ${percent(d)} the same as “${d.title}”, also in the project.` };
}

/**
 * documents.import reads the file (in the import worker, for web pages and Word files) before
 * its turn in the services' queue, since reading touches nothing of the project; only adding the
 * document waits in the queue. It is added to the project open when reading has finished.
 */
export function documentStages(ctx: ServiceContext): Required<Pick<Stages, 'documents.import' | 'documents.preview'>> {
  return {
    'documents.preview': async ({ fileName, data }) => {
      const read = await importArticles(fileName, Buffer.from(data, 'base64'));
      return async () => {
        const articles: ArticlePreview[] = [];
        const repeats = repeatsWithin(read.articles.map((a) => a.text));
        for (const [i, imported] of read.articles.entries()) {
          const { document } = buildDocumentFile('preview', imported, ctx.now());
          articles.push({
            title: document.title,
            source: document.source,
            publishedAt: document.publishedAt,
            paragraphs: document.text.split('\n'),
            charCount: document.charCount,
            warnings: imported.warnings,
            duplicate: await duplicateOf(ctx, document.text, document.sha256),
            repeatOf: repeats[i] ?? null,
          });
        }
        return { kind: read.kind, articles };
      };
    },
    'documents.import': async ({ fileName, data, allowDuplicate, split, dropParagraphs }) => {
      const bytes = Buffer.from(data, 'base64');
      // the same bytes read again, never text from the page: the choice only picks and drops
      let read = await importArticles(fileName, bytes);
      if (split === 'none' && read.articles.length > 1)
        read = { kind: 'single', articles: [await importFile(fileName, bytes)] };
      const chosen = chooseArticles(fileName, read, split, dropParagraphs);
      return () => addImported(ctx, chosen, allowDuplicate);
    },
  };
}

/**
 * Add documents, all or none: every one is checked against the project first (same text, or
 * nearly the same), and a duplicate refuses the whole import unless allowDuplicate says to go on.
 */
async function addImported(
  ctx: ServiceContext,
  chosen: ImportedText[],
  allowDuplicate: boolean | undefined,
  fallbackTitle?: string,
) {
  const planned = [];
  for (const imported of chosen) {
    const file = buildDocumentFile(ctx.newId(), imported, ctx.now());
    if (!imported.title && fallbackTitle) file.document.title = fallbackTitle;
    planned.push({ file, imported, duplicate: await duplicateOf(ctx, file.document.text, file.document.sha256) });
  }
  const duplicates = planned.flatMap((p, article) => (p.duplicate ? [{ article, ...p.duplicate }] : []));
  const first = duplicates[0];
  if (first && !allowDuplicate) {
    const message =
      planned.length === 1
        ? duplicateSentence(first)
        : `${duplicates.length} of the ${planned.length} articles are already in the project: ${duplicates
            .map((d) => `article ${d.article + 1} ${d.exact ? 'as' : `is ${percent(d)} the same as`} “${d.title}”`)
            .join('; ')}. Import them anyway only if you mean to have both, or leave them out.`;
    throw new AppError('conflict', message, {
      duplicateOf: first.documentId,
      similarity: first.similarity,
      duplicates,
    });
  }
  const results = [];
  for (const { file, imported, duplicate } of planned) {
    const document = await ctx.store.addDocument(file);
    const warnings = [...imported.warnings];
    if (duplicate) warnings.push(duplicateWarning(duplicate));
    results.push({ document, warnings });
  }
  // build their search index now (DESIGN: the normalised index is made at import), not at the
  // first search; a failure here only means the first search builds it
  await ctx.project.search.sync().catch(() => undefined);
  await ctx.project.nearDuplicates.sync().catch(() => undefined);
  const head = results[0];
  if (!head) throw new AppError('invalid_input', 'No article was chosen to import.');
  return {
    document: head.document,
    warnings: results.flatMap((r) => r.warnings),
    documents: results.map((r) => r.document),
  };
}

/** The documents the plan assigns to `coderId` (none without one). */
function assignedSet(plan: CodingPlan, coderId: string | null): ReadonlySet<string> {
  const ids = new Set<string>();
  if (coderId !== null) for (const a of plan.assignments) if (a.coderIds.includes(coderId)) ids.add(a.documentId);
  return ids;
}

export function documentHandlers(ctx: ServiceContext): DocumentHandlers {
  return {
    // while blind, each count is of this coder's own annotations (visibleAnnotations.ts)
    'documents.list': async () => visibleSummaries(ctx.store, ctx.store.summaries()),
    // one window of the library; while blind the counts (and a sort by them) are this coder's own
    'documents.page': async ({ offset, limit, sort, query, assignedToMe, locale }) => {
      const { settings, plan } = ctx.store.data;
      const request = {
        offset,
        limit,
        sort: sort ?? null,
        query: query ?? '',
        locale: locale ?? settings.uiLanguage,
        only: assignedToMe ? assignedSet(plan, settings.coderId) : null,
      };
      if (!settings.blind) return ctx.store.libraryPage(request);
      if (sort?.key === 'annotationCount')
        return ctx.store.libraryPage(request, await visibleSummaries(ctx.store, ctx.store.summaries()));
      const page = ctx.store.libraryPage(request);
      return { ...page, rows: await visibleSummaries(ctx.store, page.rows) };
    },
    // one pass over the index, whatever the ids (an id not in the project costs nothing more)
    'documents.titles': async ({ ids }) => {
      const found = new Map<string, DocumentTitle>();
      const wanted = new Set(ids);
      for (const d of ctx.store.summaries())
        if (wanted.has(d.id)) found.set(d.id, { id: d.id, title: d.title, language: d.language });
      return [...wanted].flatMap((id) => found.get(id) ?? []);
    },
    // the names only: the claims view asked for every summary (35 MB at 100,000 documents) for them
    'documents.sources': async () => {
      const names = new Set<string>();
      for (const d of ctx.store.summaries()) if (d.source !== '') names.add(d.source);
      return [...names].sort();
    },
    'documents.get': async ({ id }) => {
      const db = await ctx.store.document(id);
      const [summary] = await visibleSummaries(ctx.store, [ctx.store.summary(id)]);
      return { ...(summary as DocumentSummary), text: db.data.document.text };
    },
    // called directly (not through dispatch): read, then add, in one go
    'documents.preview': async (input) => (await documentStages(ctx)['documents.preview'](input))(),
    'documents.import': async (input) => (await documentStages(ctx)['documents.import'](input))(),
    'documents.importText': async ({ text, title, allowDuplicate }) => {
      return addImported(ctx, [importPlainText(text)], allowDuplicate, title?.trim() || undefined);
    },
    'documents.update': async ({ id, ...patch }) => {
      ctx.store.summary(id);
      await ctx.store.updateDocument(id, ({ document }) => {
        Object.assign(document, patch);
        // a date set in Details replaces one an older project kept as written
        if (patch.publishedAt !== undefined) delete document.publishedAtText;
      });
      // the document list follows the file; saved now, since it shows the new details
      await ctx.store.saveProject();
      return ctx.store.summary(id);
    },
    'documents.delete': async ({ id }) => {
      await ctx.store.deleteDocument(id);
      return {};
    },
  };
}
