import { z } from 'zod';
import { Annotation, AnnotationFields, Id } from '../model';
import { method } from './method';

const Offset = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export const AnnotationDraft = z
  .object({
    documentId: Id,
    start: Offset,
    end: Offset,
    codes: AnnotationFields.shape.codes,
    claimant: AnnotationFields.shape.claimant.optional(),
    stance: AnnotationFields.shape.stance.optional(),
    certainty: AnnotationFields.shape.certainty.optional(),
    note: AnnotationFields.shape.note.optional(),
  })
  .strict()
  .refine((d) => d.end > d.start, {
    message: 'An annotation ends after it starts (end > start).',
    path: ['end'],
  });
export type AnnotationDraft = z.infer<typeof AnnotationDraft>;

export const annotationsApi = {
  'annotations.list': method(z.object({ documentId: Id }).strict(), z.array(Annotation)),
  'annotations.create': method(AnnotationDraft, Annotation),
  /** Several annotations in one durable write (e.g. "tag all hits"). */
  'annotations.createMany': method(
    z.object({ documentId: Id, drafts: z.array(AnnotationDraft).min(1).max(5000) }).strict(),
    z.array(Annotation),
  ),
  'annotations.update': method(
    z
      .object({ id: Id, documentId: Id.optional() })
      .extend(AnnotationFields.partial().shape)
      .strict(),
    Annotation,
  ),
  'annotations.delete': method(
    z.object({ id: Id, documentId: Id.optional() }).strict(),
    z.object({}).strict(),
  ),
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
  /** Earlier claimants of the project, most used first, for suggestions. */
  'claimants.list': method(
    z.object({}).strict(),
    z.array(z.object({ name: z.string(), count: z.number().int() })),
  ),
};
