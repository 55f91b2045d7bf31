/**
 * Disagreements side by side and adjudication (issue 17). `agreement.differences` lists, for one
 * document and two coders, each difference between their layers (src/shared/reliability/differences.ts:
 * claims matched as agreement.report matches them), grouped in units; `adjudication.decide`
 * settles a unit on the adjudicated layer, and `adjudication.undo` takes the last decision back.
 *
 * Coders are coder keys (src/shared/coders/key.ts: the coder id, else the annotator name).
 * Deciding a unit: `accept-a` copies coder A's annotation to the adjudicated layer (span, codes,
 * values), `accept-b` coder B's, `edited` writes the span, codes and values given in `edit`.
 * Accepting the coder who marked nothing in a unit only one coder marked records "no claim here"
 * and makes no annotation. The adjudicated annotation records who decided (the annotator name
 * and coder id of this project copy), when, how, and the coders' annotations it settles (`from`).
 * Deciding a unit again replaces its earlier decision; undo puts back what the unit held before
 * the last decision in that document (the session's last 200 decisions can be undone).
 */
import { z } from 'zod';
import { Annotation, AnnotationFields, Id } from '../model';
import { AdjudicationDecision } from '../coders/model';
import { NoClaim } from '../coders/noClaim';
import { DIFFERENCE_KINDS } from '../reliability/differences';
import { DEFAULT_OVERLAP } from './agreement';
import { method } from './method';

export { DEFAULT_OVERLAP };

const Coder = z.string().min(1).max(200);
const Coders = z.tuple([Coder, Coder]).refine(([a, b]) => a !== b, { message: 'Choose two different coders.' });
const Count = z.number().int().nonnegative();

const Pair = {
  documentId: Id,
  /** coder A and coder B, by coder key */
  coders: Coders,
  /** least intersection / union for two claims to match (agreement.report's), default 0.5 */
  overlap: z.number().gt(0).max(1).optional(),
};

export const DifferencesInput = z.object(Pair).strict();

export const DifferenceItem = z.object({
  id: z.string(),
  unit: z.string(),
  kind: z.enum(DIFFERENCE_KINDS),
  /** the claim field whose values differ (kind `values`) */
  field: z.string().nullable(),
});
export type DifferenceItem = z.infer<typeof DifferenceItem>;

/** How a unit was settled: an adjudicated annotation, or "no claim here". */
export const Settled = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('annotation'), annotation: Annotation }),
  z.object({ kind: z.literal('noClaim'), noClaim: NoClaim }),
]);
export type Settled = z.infer<typeof Settled>;

/** A unit where the coders differ: their annotations (one may be missing) and what differs. */
export const DifferenceUnit = z.object({
  unit: z.string(),
  from: z.array(Id),
  a: Annotation.nullable(),
  b: Annotation.nullable(),
  /** the span covering both */
  start: Count,
  end: Count,
  differences: z.array(DifferenceItem),
  settled: Settled.nullable(),
});
export type DifferenceUnit = z.infer<typeof DifferenceUnit>;

export const DifferencesOutput = z.object({
  documentId: Id,
  coders: z.array(z.object({ key: z.string(), name: z.string() })),
  /** every difference, in reading order */
  differences: z.array(DifferenceItem),
  /** the units they fall in, in reading order */
  units: z.array(DifferenceUnit),
  decided: Count,
});
export type DifferencesOutput = z.infer<typeof DifferencesOutput>;

export const DecideInput = z
  .object({
    ...Pair,
    /** the unit's key, as agreement.differences gives it */
    unit: z.string().min(1).max(200),
    decision: AdjudicationDecision,
    /** for `edited`: the settled span, codes and values */
    edit: z
      .object({
        start: Count,
        end: Count,
        codes: AnnotationFields.shape.codes,
        values: AnnotationFields.shape.values.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((d) => (d.decision === 'edited') === (d.edit !== undefined), {
    message: 'An edited decision gives the span and codes in “edit”; accepting a coder gives none.',
    path: ['edit'],
  });

export const DecideOutput = z.object({
  unit: z.string(),
  settled: Settled,
  /** the decision it replaced, if the unit had one */
  replaced: Settled.nullable(),
});

export const UndoInput = z.object({ documentId: Id }).strict();
export const UndoOutput = z.object({
  /** the unit whose last decision was taken back */
  unit: z.string(),
  /** what the unit holds again (null: undecided) */
  settled: Settled.nullable(),
});

export const adjudicationApi = {
  'agreement.differences': method(DifferencesInput, DifferencesOutput),
  'adjudication.decide': method(DecideInput, DecideOutput),
  'adjudication.undo': method(UndoInput, UndoOutput),
};
