/**
 * Intercoder agreement (issue 17): how far the coders of a project agree, on where the units of
 * each code lie (Krippendorff's unitizing αU on code-point continua) and on the fields of the
 * claims they both marked. Coders are keyed by coder id; an annotation made before coder ids is
 * its annotator name's (that coder's, when exactly one coder of the project bears the name).
 * Refused (403) while blind coding is on.
 *
 * The continuum is the chosen documents' canonical texts laid end to end, in project order:
 * document k starts at the sum of the earlier documents' code-point lengths. An annotation with two
 * codes is a unit of each. Annotations with no annotator name are left out (and counted).
 *
 * Claims are matched between coders thus: for each pair of coders, their annotations in the same
 * document are paired greedily by the largest overlap, overlap = |intersection| / |union| of the
 * two code-point spans, taking only pairs whose overlap is at least `overlap` (default 0.5), each
 * annotation at most once per pair of coders. A matched set is a connected group of such pairs;
 * each matched set is one unit of the reliability data, a coder's value the field as that coder
 * filled it (missing when the coder has no annotation in the set or left the field empty). A set
 * that holds two annotations of one coder (only possible through a chain over three or more
 * coders) takes that coder's first one in reading order, and a warning says so.
 *
 * Per code, next to αU: |uα (boundaries only: the code's units against the gaps) and cuα (coding
 * given units: where two coders both marked a unit of any chosen code, do they agree on whether it
 * is this code), both of Krippendorff, Mathet, Bouvry & Widlöcher (2016); overall, |uα of any code
 * against the gaps and cuα of the set of codes (src/shared/reliability/unitizingFamily.ts).
 * Per field: α nominal for choices and names, interval for `position` (the stance's −1 / 0 / +1,
 * as analysis reads it), with a 95% percentile-bootstrap interval over the matched claims (1,000
 * draws, a fixed seed: src/shared/reliability/bootstrap.ts).
 *
 * Disagreements: every matched claim whose coders differ (a coder missing, other boundaries, other
 * codes, other field values) and every annotation no other coder's matched, in reading order,
 * the first MAX_DISAGREEMENTS of them listed.
 */
import { z } from 'zod';
import { Id } from '../model';
import { method } from './method';

export { DOMINANT_SHARE, FEW_UNITS } from '../reliability/warnings';

/**
 * The claim fields agreement can compare: by the codebook's field keys, of these types. Actors,
 * places, choices and yes/no are nominal; a number, and a choice whose items all carry numbers
 * (Position: −1, 0, +1), are interval.
 */
export const AGREEMENT_FIELD_TYPES = ['actor', 'place', 'choice', 'number', 'boolean'] as const;
export type AgreementField = string;

export const DEFAULT_OVERLAP = 0.5;
export const MAX_DISAGREEMENTS = 1000;

export const AgreementInput = z
  .object({
    /** absent: every document, in project order */
    documentIds: z.array(Id).min(1).max(100000).optional(),
    /** coder keys (agreement.coders: coder ids, else annotator names); absent: every coder with annotations in the chosen documents */
    coders: z.array(z.string().min(1).max(200)).min(2, 'Choose at least two coders.').max(100).optional(),
    /** code ids; absent: every code the chosen coders used in the chosen documents */
    codes: z.array(Id).min(1).max(1000).optional(),
    /** claim field keys to compare; absent: every field of the codebook of a type in AGREEMENT_FIELD_TYPES */
    fields: z
      .array(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'A field key is lower-case letters, digits and “_”.'))
      .min(1)
      .max(50)
      .optional(),
    /** least intersection / union of two coders' spans for their claims to match */
    overlap: z.number().gt(0).max(1).optional(),
  })
  .strict();
export type AgreementInput = z.infer<typeof AgreementInput>;

const Count = z.number().int().nonnegative();

/** Why a figure should not be trusted (src/shared/reliability/warnings.ts), for the view to say. */
export const Flag = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('noUnits') }),
  z.object({ kind: z.literal('fewUnits'), units: Count, least: Count }),
  z.object({ kind: z.literal('dominant'), value: z.string(), share: z.number() }),
  z.object({ kind: z.literal('undefined') }),
]);
export type Flag = z.infer<typeof Flag>;

/** A member of the 2016 family (|uα or cuα); alpha null when undefined. */
const FamilyAlpha = z.object({ alpha: z.number().nullable(), observed: z.number(), expected: z.number() });

export const CodeAgreement = z.object({
  codeId: Id,
  name: z.string(),
  /** Krippendorff's αU for this code; null when undefined (no expected disagreement) */
  alpha: z.number().nullable(),
  observed: z.number(),
  expected: z.number(),
  /** units of this code over all coders (a coder's overlapping units of one code joined) */
  units: Count,
  /** |uα: this code's units against the gaps, boundaries only */
  boundary: FamilyAlpha,
  /** cuα: within stretches two coders both coded, this code against the other codes */
  codingGivenUnits: FamilyAlpha,
  flags: z.array(Flag),
  warnings: z.array(z.string()),
});
export type CodeAgreement = z.infer<typeof CodeAgreement>;

const Kappa = z.object({
  kappa: z.number().nullable(),
  units: Count,
  observedAgreement: z.number(),
  expectedAgreement: z.number(),
});

export const FieldAgreement = z.object({
  field: z.string(),
  metric: z.enum(['nominal', 'interval']),
  /** matched claims (units) considered */
  units: Count,
  /** Krippendorff's α (`metric`); its `units` are the matched claims with at least two values */
  alpha: z.object({
    alpha: z.number().nullable(),
    units: Count,
    values: Count,
    observed: z.number(),
    expected: z.number(),
  }),
  /** 95% interval of α: percentile bootstrap over the matched claims, seeded (reproducible) */
  interval: z.object({
    low: z.number().nullable(),
    high: z.number().nullable(),
    replicates: Count,
    defined: Count,
    seed: z.number(),
    method: z.literal('percentile bootstrap over units'),
  }),
  /** exactly two coders: Cohen's κ over the claims both filled; otherwise null */
  cohenKappa: Kappa.nullable(),
  /** three or more coders: Fleiss' κ over the claims every coder filled; otherwise null */
  fleissKappa: Kappa.nullable(),
  /** share of the claims every coder filled on which all gave the same value */
  percentAgreement: z.object({ agreement: z.number().nullable(), units: Count }),
  flags: z.array(Flag),
  warnings: z.array(z.string()),
});
export type FieldAgreement = z.infer<typeof FieldAgreement>;

export const CoderClaims = z.object({
  /** the coder's key: the coder id, else (annotations made before coder ids) the annotator name */
  coder: z.string(),
  /** the coder's name as shown */
  name: z.string(),
  /** the coder's annotations that entered the report */
  annotations: Count,
  matched: Count,
  unmatched: Count,
});

/** One coder's annotation in a disagreement. */
export const DisagreementMark = z.object({
  coder: z.string(),
  name: z.string(),
  annotationId: Id,
  start: Count,
  end: Count,
  quote: z.string(),
  codes: z.array(Id),
  /** the compared fields (by key) as this coder filled them, named as the CSV names them ('' when empty) */
  values: z.array(z.object({ field: z.string(), value: z.string() })),
});

export const Disagreement = z.object({
  documentId: Id,
  documentTitle: z.string(),
  /** what differs: only one coder marked it, a chosen coder has no claim here, the boundaries, the codes, field values */
  differences: z.array(z.enum(['onlyOne', 'missing', 'boundaries', 'codes', 'values'])),
  /** the keys of the fields whose values differ */
  fields: z.array(z.string()),
  /** one per coder who marked it, in the order of `coders` */
  marks: z.array(DisagreementMark),
});
export type Disagreement = z.infer<typeof Disagreement>;

/** Notes on the report as a whole, for the view to say (the same as the first `warnings`). */
export const ReportNote = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('unnamed'), count: Count }),
  z.object({ kind: z.literal('coderWithout'), coder: z.string() }),
  z.object({ kind: z.literal('doubled'), count: Count }),
]);
export type ReportNote = z.infer<typeof ReportNote>;

export const AgreementReport = z.object({
  /** the coders compared, in the order of the reliability data (sorted by name unless chosen) */
  coders: z.array(z.string()),
  /** the coders' names as shown, in the order of `coders` */
  names: z.array(z.string()),
  documentCount: Count,
  /** length of the continuum in code points */
  length: Count,
  overlap: z.number(),
  unitizing: z.object({
    /** αU over all the codes: 1 − mean observed / mean expected disagreement of the codes */
    alpha: z.number().nullable(),
    observed: z.number(),
    expected: z.number(),
    units: Count,
    /** |uα of any chosen code against the gaps */
    boundary: FamilyAlpha,
    /** cuα of the set of chosen codes on each stretch two coders both coded */
    codingGivenUnits: FamilyAlpha,
    codes: z.array(CodeAgreement),
  }),
  claims: z.object({
    /** matched sets (units of the reliability data) */
    matched: Count,
    /** annotations matched with no other coder's */
    unmatched: Count,
    perCoder: z.array(CoderClaims),
    fields: z.array(FieldAgreement),
  }),
  /** the units where the coders differ, in document and reading order (the first MAX_DISAGREEMENTS) */
  disagreements: z.array(Disagreement),
  disagreementCount: Count,
  notes: z.array(ReportNote),
  /** warnings about the report as a whole, as sentences (each code's and field's are also there) */
  warnings: z.array(z.string()),
});
export type AgreementReport = z.infer<typeof AgreementReport>;

/** The coders (keys, with their names) of the chosen documents, with their annotation counts, by name. */
export const CodersInput = z.object({ documentIds: z.array(Id).min(1).max(100000).optional() }).strict();
export const CoderCount = z.object({ coder: z.string(), name: z.string(), annotations: Count });

export const agreementApi = {
  'agreement.report': method(AgreementInput, AgreementReport),
  'agreement.coders': method(CodersInput, z.array(CoderCount)),
};
