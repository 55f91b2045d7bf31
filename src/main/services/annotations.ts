import type { Low } from 'lowdb';
import type { AnnotationDraft } from '@shared/api/annotations';
import type { Handlers } from '@shared/api';
import { AppError } from '@shared/errors';
import type { Annotation } from '@shared/model';
import { checkClaimValues, type ClaimValues } from '@shared/claims/values';
import { anchorSpan, isGraphemeBoundary } from '@shared/text/anchor';
import { createOffsetMap, type OffsetMap } from '@shared/text/codepoints';
import type { DocumentFile } from '../store/schema';
import { acrossHandlers } from './annotationsAcross';
import type { ServiceContext } from './context';
import { ensureCoder, registerCoders } from './coders';
import { assertMayChange, visibleAnnotations } from './visibleAnnotations';

type AnnotationHandlers = Pick<
  Handlers,
  | 'annotations.list'
  | 'annotations.create'
  | 'annotations.createMany'
  | 'annotations.createAcross'
  | 'annotations.deleteAcross'
  | 'annotations.update'
  | 'annotations.delete'
  | 'annotations.deleteMany'
  | 'annotations.restore'
>;

const maps = new WeakMap<object, OffsetMap>();
function offsetMap(file: DocumentFile): OffsetMap {
  let map = maps.get(file.document);
  if (!map) {
    map = createOffsetMap(file.document.text);
    maps.set(file.document, map);
  }
  return map;
}

/** Check a span against the text and return its anchor; throws a readable 400 otherwise. */
export function checkedAnchor(file: DocumentFile, start: number, end: number) {
  const map = offsetMap(file);
  if (end <= start) throw new AppError('invalid_input', 'An annotation must end after it starts.');
  if (end > map.cpLength) {
    throw new AppError(
      'invalid_input',
      `The span ends at ${end}, past the end of the text (${map.cpLength} characters).`,
    );
  }
  const text = file.document.text;
  if (!isGraphemeBoundary(text, map.toUtf16(start)) || !isGraphemeBoundary(text, map.toUtf16(end))) {
    throw new AppError('invalid_input', 'The span would split a character from its marks; select whole characters.');
  }
  const anchor = anchorSpan(map, start, end);
  if (anchor.quote.trim() === '') throw new AppError('invalid_input', 'The span holds only white space.');
  return anchor;
}

export function checkCodes(ctx: ServiceContext, codes: readonly string[]): string[] {
  const known = new Set(ctx.store.data.codebook.codes.map((c) => c.id));
  const unique = [...new Set(codes)];
  const unknown = unique.filter((c) => !known.has(c));
  if (unknown.length > 0) throw new AppError('invalid_input', `Unknown code: ${unknown.join(', ')}.`);
  return unique;
}

/** A claim record as the codebook's fields and the registry accept it; else a 400 with every sentence. */
export function checkValues(
  ctx: ServiceContext,
  input: Readonly<Record<string, unknown>>,
  codes: readonly string[],
): ClaimValues {
  const { codebook, registry } = ctx.store.data;
  const kinds = new Map(registry.entities.map((e) => [e.id, e.kind]));
  const checked = checkClaimValues(codebook.fields, input, {
    codes,
    hasEntity: (kind, id) => kinds.get(id) === kind,
  });
  if (!checked.ok)
    throw new AppError('invalid_input', checked.problems.map((p) => p.message).join(' '), {
      problems: checked.problems,
    });
  return checked.values;
}

/**
 * Creates by client key (requestId) are kept per open project (ctx.project.createKeys): what the
 * first call made, so that a retry returns it instead of adding a second one. Bounded: the
 * oldest keys are forgotten first.
 */
const MAX_KEYS = 1000;
const fingerprint = (drafts: readonly AnnotationDraft[]) =>
  JSON.stringify(
    drafts.map(({ requestId: _key, documentId, start, end, codes, values }) => [documentId, start, end, codes, values]),
  );

/**
 * Change a document's annotations and save it (`change` checks first, then changes, and returns
 * the annotations it made or changed). A write that fails keeps the change in memory (the store
 * marks it unsaved and retries), and the error says so in its details, with the annotations as
 * kept, so a client shows them as pending instead of dropping them or creating them again.
 */
async function updateKept(
  ctx: ServiceContext,
  documentId: string,
  change: (file: DocumentFile) => Annotation[],
): Promise<Annotation[]> {
  let kept: Annotation[] | null = null;
  try {
    return await ctx.store.updateDocument(documentId, (file) => (kept = change(file)));
  } catch (err) {
    if (kept && err instanceof AppError && err.code === 'storage')
      throw new AppError('storage', err.message, { unsaved: true, annotations: kept });
    throw err;
  }
}

export function annotationHandlers(ctx: ServiceContext): AnnotationHandlers {
  const annotator = () => ctx.store.data.settings.annotator ?? '';
  /** this copy's coder id (made by ensureCoder before a create), when there is one */
  const coder = (): { coderId?: string } => {
    const id = ctx.store.data.settings.coderId;
    return id === null ? {} : { coderId: id };
  };

  const build = (file: DocumentFile, draft: AnnotationDraft): Annotation => {
    const now = ctx.now();
    const codes = checkCodes(ctx, draft.codes);
    return {
      id: ctx.newId(),
      documentId: file.document.id,
      start: draft.start,
      end: draft.end,
      ...checkedAnchor(file, draft.start, draft.end),
      codes,
      values: checkValues(ctx, draft.values ?? {}, codes),
      annotator: annotator(),
      ...coder(),
      createdAt: now,
      updatedAt: now,
    };
  };

  const insertSorted = (list: Annotation[], items: Annotation[]) => {
    list.push(...items);
    list.sort((a, b) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt));
  };

  /** The document an annotation lives in: the given one, else a search of loaded then all documents. */
  const locate = async (id: string, documentId?: string): Promise<{ db: Low<DocumentFile>; index: number }> => {
    if (documentId) {
      const db = await ctx.store.document(documentId);
      const index = db.data.annotations.findIndex((a) => a.id === id);
      if (index === -1) throw new AppError('not_found', 'That annotation is not in this document.');
      return { db, index };
    }
    for (const db of ctx.store.loadedDocuments()) {
      const index = db.data.annotations.findIndex((a) => a.id === id);
      if (index !== -1) return { db, index };
    }
    for (const summary of ctx.store.summaries()) {
      if (summary.annotationCount === 0) continue;
      const db = await ctx.store.document(summary.id);
      const index = db.data.annotations.findIndex((a) => a.id === id);
      if (index !== -1) return { db, index };
    }
    throw new AppError('not_found', 'That annotation does not exist (it may have been deleted).');
  };

  /** Create (or, for a key seen before, return and re-save what that key created). */
  const createKeyed = async (
    documentId: string,
    requestId: string | undefined,
    drafts: readonly AnnotationDraft[],
  ): Promise<Annotation[]> => {
    const db = await ctx.store.document(documentId);
    const keys = ctx.project.createKeys;
    const print = fingerprint(drafts);
    const earlier = requestId === undefined ? undefined : keys.get(requestId);
    if (earlier) {
      if (earlier.documentId !== documentId || earlier.fingerprint !== print) {
        throw new AppError(
          'conflict',
          'That requestId was already used for a different annotation; use a new key for a new annotation.',
        );
      }
      const found = earlier.ids.map((id) => db.data.annotations.find((a) => a.id === id));
      if (found.some((a) => !a))
        throw new AppError('conflict', 'The annotation made under that requestId has since been deleted.');
      const kept = found as Annotation[];
      // not on disk yet: save again (nothing changes)
      if (ctx.store.unsavedFiles().some((f) => f.documentId === documentId))
        await updateKept(ctx, documentId, () => kept);
      return kept;
    }
    await ensureCoder(ctx.store);
    const created = drafts.map((d) => build(db.data, d));
    if (requestId !== undefined) {
      keys.set(requestId, { documentId, fingerprint: print, ids: created.map((a) => a.id) });
      if (keys.size > MAX_KEYS) keys.delete(keys.keys().next().value as string);
    }
    return updateKept(ctx, documentId, (file) => {
      insertSorted(file.annotations, created);
      return created;
    });
  };

  return {
    ...acrossHandlers(ctx, { build, insertSorted }),
    'annotations.list': async ({ documentId }) =>
      visibleAnnotations(ctx.store, (await ctx.store.document(documentId)).data.annotations) as Annotation[],
    'annotations.create': async (draft) =>
      (await createKeyed(draft.documentId, draft.requestId, [draft]))[0] as Annotation,
    'annotations.createMany': async ({ documentId, drafts, requestId }) => {
      if (drafts.some((d) => d.documentId !== documentId)) {
        throw new AppError('invalid_input', 'Every annotation of a batch belongs to the same document.');
      }
      if (drafts.some((d) => d.requestId !== undefined)) {
        throw new AppError('invalid_input', 'A batch takes one requestId for the whole batch, not one per draft.');
      }
      return createKeyed(documentId, requestId, drafts);
    },
    'annotations.update': async ({ id, documentId, start, end, ...patch }) => {
      const { db, index } = await locate(id, documentId);
      const current = db.data.annotations[index] as Annotation;
      assertMayChange(ctx.store, current);
      const moved = start !== undefined || end !== undefined;
      const span = { start: start ?? current.start, end: end ?? current.end };
      const next: Annotation = {
        ...current,
        ...patch,
        // new edges: checked against the text (bounds, whole characters), quote and context re-derived
        ...(moved ? { ...span, ...checkedAnchor(db.data, span.start, span.end) } : {}),
        ...(patch.codes ? { codes: checkCodes(ctx, patch.codes) } : {}),
        updatedAt: ctx.now(),
      };
      // the values are checked against the codes the annotation will have (a field limited to a
      // code it loses is refused, not dropped in silence)
      if (patch.values !== undefined) next.values = checkValues(ctx, patch.values, next.codes);
      await updateKept(ctx, db.data.document.id, (file) => {
        file.annotations[index] = next;
        // a moved span keeps the list in reading order
        if (moved) insertSorted(file.annotations, file.annotations.splice(index, 1));
        return [next];
      });
      return next;
    },
    'annotations.delete': async ({ id, documentId }) => {
      const { db, index } = await locate(id, documentId);
      assertMayChange(ctx.store, db.data.annotations[index] as Annotation);
      await updateKept(ctx, db.data.document.id, (file) => {
        file.annotations.splice(index, 1);
        return [];
      });
      return {};
    },
    'annotations.deleteMany': async ({ documentId, ids }) => {
      const db = await ctx.store.document(documentId);
      const drop = new Set(ids);
      const missing = ids.filter((id) => !db.data.annotations.some((a) => a.id === id));
      if (missing.length > 0)
        throw new AppError('not_found', `${missing.length} of those annotations are not in this document.`);
      for (const a of db.data.annotations) if (drop.has(a.id)) assertMayChange(ctx.store, a);
      await updateKept(ctx, documentId, (file) => {
        file.annotations = file.annotations.filter((a) => !drop.has(a.id));
        return [];
      });
      return {};
    },
    'annotations.restore': async ({ documentId, annotations }) => {
      const db = await ctx.store.document(documentId);
      const existing = new Set(db.data.annotations.map((a) => a.id));
      // one annotation listed twice in a batch (e.g. an undo queued twice) is restored once;
      // two different annotations under one id are refused, never stored side by side
      const batch = new Map<string, Annotation>();
      for (const a of annotations) {
        if (a.documentId !== documentId)
          throw new AppError('invalid_input', 'An annotation to restore belongs to another document.');
        assertMayChange(ctx.store, a);
        const earlier = batch.get(a.id);
        if (earlier && JSON.stringify(earlier) !== JSON.stringify(a)) {
          throw new AppError(
            'invalid_input',
            'Two different annotations to restore have the same id; nothing was restored.',
            { id: a.id },
          );
        }
        batch.set(a.id, a);
      }
      const present = [...batch.keys()].filter((id) => existing.has(id));
      if (present.length > 0) {
        throw new AppError(
          'conflict',
          present.length === 1 && batch.size === 1
            ? 'That annotation is already in the document.'
            : `${present.length} of the annotations to restore are already in the document; nothing was restored.`,
          { ids: present },
        );
      }
      const restored = [...batch.values()].map((a) => ({
        ...a,
        ...checkedAnchor(db.data, a.start, a.end),
        codes: checkCodes(ctx, a.codes),
      }));
      const saved = await updateKept(ctx, documentId, (file) => {
        insertSorted(file.annotations, restored);
        return restored;
      });
      await registerCoders(ctx.store, restored);
      return saved;
    },
  };
}
