/**
 * Coders, the coding plan and adjudication (issue #17): the shapes project and document files
 * hold. Every field is optional or defaulted, so a format-3 file written before them still reads.
 *
 * - A coder is a person coding the project: a stable id (made once, kept across laptops and merges)
 *   and the annotator name shown. An annotation's coder is its `coderId`, or, for annotations made
 *   before coder ids, its annotator name.
 * - A coder's layer is every annotation of that coder that is not adjudicated.
 * - The adjudicated layer is every annotation carrying `adjudication`: who settled it, when, how,
 *   and which coders' annotations it came from.
 */
import { z } from 'zod';
import { Id, IsoTime } from '../ids';

/** A coder id: letters, digits, `_` and `-`, as `c_8f3a…` made by the app. */
export const CoderId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'A coder id is 1 to 64 letters, digits, “_” or “-”.');
export type CoderId = z.infer<typeof CoderId>;

export const Coder = z.object({
  id: CoderId,
  name: z.string().min(1).max(200),
});
export type Coder = z.infer<typeof Coder>;

/** Which coders code which documents; `doubleCoded` are the documents every assigned coder codes. */
export const CodingPlan = z.object({
  assignments: z.array(z.object({ documentId: Id, coderIds: z.array(CoderId).max(50) })).max(1_000_000),
  doubleCoded: z.array(Id).max(1_000_000),
});
export type CodingPlan = z.infer<typeof CodingPlan>;
export const EMPTY_PLAN: CodingPlan = { assignments: [], doubleCoded: [] };

/** How an adjudicated annotation was settled from the coders' annotations it names in `from`. */
export const AdjudicationDecision = z.enum(['accept-a', 'accept-b', 'edited']);
export type AdjudicationDecision = z.infer<typeof AdjudicationDecision>;

export const Adjudication = z.object({
  /** the adjudicator's name and coder id */
  by: z.string().max(200),
  byId: z.string().max(64),
  at: IsoTime,
  decision: AdjudicationDecision,
  /** the coders' annotations this one settles */
  from: z.array(Id).max(50),
});
export type Adjudication = z.infer<typeof Adjudication>;
