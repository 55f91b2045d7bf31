/**
 * annotations.createAcross and annotations.deleteAcross: annotations made or deleted in several
 * documents as one step ("tag all hits" of a project-wide search and its undo). Everything is
 * checked first, with nothing changed; then each touched document is changed in memory and
 * saved as one batch (ProjectStore.updateDocuments): from four documents on, one record of the
 * batch journal holding all of them is made durable before the call answers and the files are
 * rewritten in the background (docs/storage.md); fewer are written side by side, the documents
 * folder fsynced once for all of them.
 */
import type { Handlers, ParsedInput } from '@shared/api';
import type { AnnotationDraft, AcrossResult } from '@shared/api/annotations';
import { AppError } from '@shared/errors';
import type { Annotation } from '@shared/model';
import type { DocumentFile } from '../store/schema';
import type { OpenProject, ServiceContext } from './context';
import { ensureCoder } from './coders';
import { assertMayChange, visibleAnnotations } from './visibleAnnotations';

type AcrossHandlers = Pick<Handlers, 'annotations.createAcross' | 'annotations.deleteAcross'>;

/** What annotations.ts lends: how a draft becomes an annotation, and how a list stays in order. */
export interface AnnotationMaker {
  build(file: DocumentFile, draft: AnnotationDraft): Annotation;
  insertSorted(list: Annotation[], items: Annotation[]): void;
}

/** A batch kept by its requestId: what it made in each document. */
interface KeptBatch {
  fingerprint: string;
  documents: Array<{ documentId: string; ids: string[] }>;
  skipped: number;
}

/** Batches by requestId per open project, oldest first, bounded like the single creates' keys. */
const MAX_KEYS = 200;
const batchKeys = new WeakMap<OpenProject, Map<string, KeptBatch>>();
function keysOf(project: OpenProject): Map<string, KeptBatch> {
  let keys = batchKeys.get(project);
  if (!keys) {
    keys = new Map();
    batchKeys.set(project, keys);
  }
  return keys;
}

type Made = AcrossResult['documents'];

/**
 * Change each document in memory and write it, all writes side by side. A write that fails keeps
 * its change in memory (the store marks it unsaved and retries); the error then says so, with
 * every annotation as kept, as createMany's does, so a client shows them as pending.
 */
async function writeAll(
  ctx: ServiceContext,
  changes: ReadonlyArray<{ documentId: string; change: (file: DocumentFile) => void }>,
  kept: Made,
): Promise<void> {
  const results = await ctx.store.updateDocuments(
    changes.map(({ documentId, change }) => ({ id: documentId, change })),
  );
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
  if (failed.length === 0) return;
  const first = failed[0] as unknown;
  if (failed.every((err) => err instanceof AppError && err.code === 'storage')) {
    const message = (first as AppError).message;
    throw new AppError(
      'storage',
      failed.length === 1 ? message : `${failed.length} of ${changes.length} documents could not be saved. ${message}`,
      { unsaved: true, documents: kept },
    );
  }
  throw first;
}

export function acrossHandlers(ctx: ServiceContext, maker: AnnotationMaker): AcrossHandlers {
  /** A retry of a batch seen before: what it made, saved again where it is not on disk yet. */
  const again = async (earlier: KeptBatch): Promise<AcrossResult> => {
    const documents: Made = [];
    for (const { documentId, ids } of earlier.documents) {
      const list = (await ctx.store.document(documentId)).data.annotations;
      const byId = new Map(list.map((a) => [a.id, a]));
      const found = ids.map((id) => byId.get(id));
      if (found.some((a) => !a))
        throw new AppError('conflict', 'Some annotations made under that requestId have since been deleted.');
      documents.push({ documentId, annotations: found as Annotation[] });
    }
    const unsaved = new Set(ctx.store.unsavedFiles().map((f) => f.documentId));
    await writeAll(
      ctx,
      documents.filter((d) => unsaved.has(d.documentId)).map(({ documentId }) => ({ documentId, change: () => {} })),
      documents,
    );
    return { documents, skipped: earlier.skipped };
  };

  const createAcross = async ({
    items,
    skipTagged,
    requestId,
  }: ParsedInput<'annotations.createAcross'>): Promise<AcrossResult> => {
    for (const item of items) {
      if (item.drafts.some((d) => d.documentId !== item.documentId))
        throw new AppError(
          'invalid_input',
          'Every draft of an item belongs to that item’s document; nothing was made.',
        );
      if (item.drafts.some((d) => d.requestId !== undefined))
        throw new AppError('invalid_input', 'A batch takes one requestId for the whole batch, not one per draft.');
    }
    const keys = keysOf(ctx.project);
    const print = JSON.stringify([items, skipTagged ?? false]);
    if (requestId !== undefined) {
      const earlier = keys.get(requestId);
      if (ctx.project.createKeys.has(requestId) || (earlier && earlier.fingerprint !== print))
        throw new AppError(
          'conflict',
          'That requestId was already used for a different request; use a new key for a new batch.',
        );
      if (earlier) return again(earlier);
    }
    // every document read (side by side) and every draft checked before anything changes
    const files = await Promise.all(items.map((item) => ctx.store.document(item.documentId)));
    await ensureCoder(ctx.store);
    const plans: Array<{ documentId: string; created: Annotation[] }> = [];
    let skipped = 0;
    for (const [i, { documentId, drafts }] of items.entries()) {
      const file = (files[i] as (typeof files)[number]).data;
      const taken = new Map<string, Set<string>>();
      if (skipTagged)
        // while blind, a hit another coder tagged is not tagged for this coder
        for (const a of visibleAnnotations(ctx.store, file.annotations)) {
          const span = `${a.start}:${a.end}`;
          const codes = taken.get(span) ?? new Set<string>();
          for (const c of a.codes) codes.add(c);
          taken.set(span, codes);
        }
      const created: Annotation[] = [];
      for (const draft of drafts) {
        const span = `${draft.start}:${draft.end}`;
        const annotation = maker.build(file, draft);
        const codes = taken.get(span);
        if (skipTagged && codes && annotation.codes.every((c) => codes.has(c))) {
          skipped += 1;
          continue;
        }
        created.push(annotation);
        if (skipTagged) taken.set(span, new Set([...(codes ?? []), ...annotation.codes]));
      }
      if (created.length > 0) plans.push({ documentId, created });
    }
    if (requestId !== undefined) {
      keys.set(requestId, {
        fingerprint: print,
        documents: plans.map((p) => ({ documentId: p.documentId, ids: p.created.map((a) => a.id) })),
        skipped,
      });
      if (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value as string);
    }
    const documents: Made = plans.map((p) => ({ documentId: p.documentId, annotations: p.created }));
    await writeAll(
      ctx,
      plans.map(({ documentId, created }) => ({
        documentId,
        change: (file) => maker.insertSorted(file.annotations, created),
      })),
      documents,
    );
    return { documents, skipped };
  };

  const deleteAcross = async ({ items }: ParsedInput<'annotations.deleteAcross'>): Promise<Record<string, never>> => {
    let missing = 0;
    const files = await Promise.all(items.map((item) => ctx.store.document(item.documentId)));
    for (const [i, { ids }] of items.entries()) {
      const list = (files[i] as (typeof files)[number]).data.annotations;
      const present = new Set(list.map((a) => a.id));
      missing += ids.filter((id) => !present.has(id)).length;
      const drop = new Set(ids);
      for (const a of list) if (drop.has(a.id)) assertMayChange(ctx.store, a);
    }
    if (missing > 0)
      throw new AppError(
        'not_found',
        `${missing} of those annotations are not in their documents (deleted already?); nothing was deleted.`,
      );
    await writeAll(
      ctx,
      items.map(({ documentId, ids }) => {
        const drop = new Set(ids);
        return {
          documentId,
          change: (file) => {
            file.annotations = file.annotations.filter((a) => !drop.has(a.id));
          },
        };
      }),
      [],
    );
    return {};
  };

  return { 'annotations.createAcross': createAcross, 'annotations.deleteAcross': deleteAcross };
}
