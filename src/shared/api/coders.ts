/**
 * Coders, the coding plan and blind mode (issue 17; the shapes are src/shared/coders/model.ts).
 *
 * - This project copy's coder is `settings.coderId`, made once when the annotator is first named
 *   (`c_` and 16 random hex digits) and kept when the name changes; every annotation made here
 *   carries it. `coders` lists every coder whose annotations the project holds, by id.
 * - A coding plan assigns each document to coders: `coders.plan.make` gives every document one
 *   coder in turn (round-robin over `coderIds`, in project order) and a double-coded sample to all
 *   of them: exactly round(share × documents) documents drawn with a seeded generator (the same
 *   seed and documents give the same sample), or the documents named in `documentIds`.
 * - Blind mode (`coders.blind`): every read for display shows and counts only this coder's
 *   annotations (coderId = mine, or, for annotations made before coder ids, annotator = my name);
 *   changing or deleting another coder's annotation is refused (403), and so is the agreement
 *   report. Exports stay whole. `coders.reveal` ends it.
 */
import { z } from 'zod';
import { Coder, CoderId, CodingPlan } from '../coders/model';
import { Id } from '../model';
import { method } from './method';

/** What the coders dialog shows: the coders, who I am, blind mode and the plan. */
export const CodersState = z.object({
  coders: z.array(Coder),
  /** this copy's coder; null until the annotator is named */
  me: Coder.nullable(),
  blind: z.boolean(),
  plan: CodingPlan,
});
export type CodersState = z.infer<typeof CodersState>;

const Name = z
  .string()
  .trim()
  .min(1, 'A coder’s name cannot be empty.')
  .max(200, 'A coder’s name is at most 200 characters.');

export const PlanMakeInput = z
  .object({
    /** the coders to assign, in turn (at least one; the double-coded documents go to all of them) */
    coderIds: z.array(CoderId).min(1, 'Choose at least one coder.').max(50),
    /** the share of the documents every chosen coder codes, 0 to 1 */
    share: z.number().min(0, 'The share is between 0 and 1.').max(1, 'The share is between 0 and 1.').optional(),
    /** the documents every chosen coder codes, instead of a share */
    documentIds: z.array(Id).max(1_000_000).optional(),
    /** the generator's seed for the sample (absent: a new one, returned) */
    seed: z.number().int().min(0).max(0xffffffff).optional(),
  })
  .strict();
export type PlanMakeInput = z.infer<typeof PlanMakeInput>;

export const codersApi = {
  'coders.list': method(z.object({}).strict(), CodersState),
  /** rename a coder (renaming me renames the annotator too); the id stays */
  'coders.rename': method(z.object({ id: CoderId, name: Name }).strict(), CodersState),
  'coders.plan.get': method(z.object({}).strict(), CodingPlan),
  /** the researcher's own plan: fields not sent stay as they are */
  'coders.plan.set': method(
    z
      .object({
        assignments: CodingPlan.shape.assignments.optional(),
        doubleCoded: CodingPlan.shape.doubleCoded.optional(),
      })
      .strict(),
    CodingPlan,
  ),
  'coders.plan.make': method(PlanMakeInput, z.object({ plan: CodingPlan, seed: z.number().int() })),
  'coders.blind': method(z.object({ on: z.boolean() }).strict(), CodersState),
  'coders.reveal': method(z.object({}).strict(), CodersState),
};
