import { z } from 'zod';
import { Annotation, AnnotationFields, Id } from '../model';
import { method } from './method';

const Offset = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
/**
 * A client's idempotency key for a create: a retry with the same key (after a 5xx, a lost answer)
 * returns the annotation the first call made, saving it again if it is not on disk yet, never a
 * second one. Remembered for the session, for the last 1,000 keys.
 */
export const RequestId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'A requestId is 8 to 64 letters, digits, “_” or “-” (a UUID will do).');

export const AnnotationDraft = z
  .object({
    documentId: Id,
    start: Offset,
    end: Offset,
    codes: AnnotationFields.shape.codes,
    /** the claim record, field key → value (checked against the codebook's fields and the registry) */
    values: AnnotationFields.shape.values.optional(),
    requestId: RequestId.optional(),
  })
  .strict()
  .refine((d) => d.end > d.start, {
    message: 'An annotation ends after it starts (end > start).',
    path: ['end'],
  });
export type AnnotationDraft = z.infer<typeof AnnotationDraft>;

/** The most drafts one cross-document batch takes (all documents together), as createMany. */
export const MAX_ACROSS_DRAFTS = 5000;
/** The most documents one batch touches: one draft each at the most (a search answers ≤ 5,000 hits). */
const MAX_ACROSS_DOCUMENTS = MAX_ACROSS_DRAFTS;

const AcrossItem = z
  .object({ documentId: Id, drafts: z.array(AnnotationDraft).min(1).max(MAX_ACROSS_DRAFTS) })
  .strict();
const AcrossDeletion = z.object({ documentId: Id, ids: z.array(Id).min(1).max(MAX_ACROSS_DRAFTS) }).strict();

/** Each document named once, and no more than the batch limit of annotations in all of them. */
function batchLimits<T extends { documentId: string }>(count: (item: T) => number, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    for (const [i, item] of items.entries()) {
      if (seen.has(item.documentId))
        ctx.addIssue({ code: 'custom', path: [i, 'documentId'], message: 'A document is named once in a batch.' });
      seen.add(item.documentId);
    }
    const total = items.reduce((n, item) => n + count(item), 0);
    if (total > MAX_ACROSS_DRAFTS)
      ctx.addIssue({
        code: 'custom',
        message: `A batch takes at most ${MAX_ACROSS_DRAFTS} ${what} in all (this one has ${total}).`,
      });
  };
}

export const AcrossResult = z.object({
  documents: z.array(z.object({ documentId: Id, annotations: z.array(Annotation) })),
  /** drafts left out because their span already carries all their codes (`skipTagged`) */
  skipped: z.number().int().nonnegative(),
});
export type AcrossResult = z.infer<typeof AcrossResult>;

export const annotationsApi = {
  'annotations.list': method(z.object({ documentId: Id }).strict(), z.array(Annotation)),
  'annotations.create': method(AnnotationDraft, Annotation),
  /** Several annotations in one durable write (e.g. "tag all hits"). */
  'annotations.createMany': method(
    z
      .object({ documentId: Id, drafts: z.array(AnnotationDraft).min(1).max(5000), requestId: RequestId.optional() })
      .strict(),
    z.array(Annotation),
  ),
  /**
   * Annotations in several documents as one step (e.g. "tag all hits" of a project-wide search):
   * every draft is checked before anything changes (one bad draft refuses the whole batch), then
   * each touched document is written once. `skipTagged` leaves out a draft whose exact span
   * already carries all its codes. One requestId for the whole batch, as createMany.
   */
  'annotations.createAcross': method(
    z
      .object({
        items: z
          .array(AcrossItem)
          .min(1)
          .max(MAX_ACROSS_DOCUMENTS)
          .superRefine(batchLimits((item) => item.drafts.length, 'annotations')),
        skipTagged: z.boolean().optional(),
        requestId: RequestId.optional(),
      })
      .strict(),
    AcrossResult,
  ),
  /** Delete annotations of several documents as one step (the undo of createAcross). */
  'annotations.deleteAcross': method(
    z
      .object({
        items: z
          .array(AcrossDeletion)
          .min(1)
          .max(MAX_ACROSS_DOCUMENTS)
          .superRefine(batchLimits((item) => item.ids.length, 'annotations')),
      })
      .strict(),
    z.object({}).strict(),
  ),
  'annotations.update': method(
    z
      .object({ id: Id, documentId: Id.optional() })
      // `values` is the whole claim record: it replaces the stored one (a key left out is cleared)
      .extend(AnnotationFields.partial().shape)
      // move the span's edges (the server re-derives quote, prefix and suffix)
      .extend({ start: Offset.optional(), end: Offset.optional() })
      .strict(),
    Annotation,
  ),
  'annotations.delete': method(z.object({ id: Id, documentId: Id.optional() }).strict(), z.object({}).strict()),
  'annotations.deleteMany': method(
    z.object({ documentId: Id, ids: z.array(Id).min(1).max(5000) }).strict(),
    z.object({}).strict(),
  ),
  /**
   * Put back annotations exactly as they were (same ids and times): how undo of a delete works.
   * The server re-derives quote, prefix and suffix from the stored text.
   */
  'annotations.restore': method(
    z.object({ documentId: Id, annotations: z.array(Annotation).min(1).max(5000) }).strict(),
    z.array(Annotation),
  ),
};
