/**
 * The domain model: what a project, a document, an annotation and a codebook are. Every file on
 * disk and every value crossing the API is parsed with one of these schemas.
 */
import { z } from 'zod';
import { cleanLabel } from './text/canonical';
import { isIsoDate } from './text/dates';
import { Id, IsoTime } from './ids';
import { ClaimFields } from './claims/fields';
import { Registry } from './claims/registry';
import { ClaimValues } from './claims/values';
import { MAX_CODES, MAX_CODES_PER_ANNOTATION } from './limits';
import { Adjudication, Coder, CoderId, CodingPlan, EMPTY_PLAN } from './coders/model';
import { NoClaim } from './coders/noClaim';

export { Id, IsoTime } from './ids';

export const Direction = z.enum(['rtl', 'ltr']);
export type Direction = z.infer<typeof Direction>;

export const Warning = z.object({
  code: z.string(),
  message: z.string(),
  count: z.number().int().nonnegative().optional(),
});
export type Warning = z.infer<typeof Warning>;

// the limits of what a project file can hold live in limits.ts (the page reads them without zod)
export { MAX_CODES, MAX_CODES_PER_ANNOTATION } from './limits';

export const CodeKey = z.string().regex(/^[1-9]$/, 'A shortcut key is one digit from 1 to 9.');

export const Code = z.object({
  id: Id,
  name: z.string().trim().min(1).max(200),
  nameAr: z.string().max(200).default(''),
  description: z.string().max(5000).default(''),
  example: z.string().max(2000).default(''),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #RRGGBB.'),
  key: CodeKey.nullable().default(null),
  parentId: Id.nullable().default(null),
});
export type Code = z.infer<typeof Code>;

/**
 * The codebook: the codes, and the claim fields a claim of those codes records (docs/claims.md).
 * A field limited to some codes names codes the codebook has.
 */
export const Codebook = z
  .object({
    codes: z.array(Code).max(MAX_CODES),
    fields: ClaimFields,
  })
  .superRefine((codebook, ctx) => {
    const ids = new Set(codebook.codes.map((c) => c.id));
    codebook.fields.forEach((f, i) => {
      const unknown = f.codes?.find((id) => !ids.has(id));
      if (unknown !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'codes'],
          message: `The field “${f.label}” is limited to the code “${unknown}”, which the codebook does not have.`,
        });
    });
  });
export type Codebook = z.infer<typeof Codebook>;

/*
 * Patches are built from fields WITHOUT their defaults: `.partial()` keeps a field's `.default()`,
 * so a patch of one field would carry every other field's default and reset it.
 */
const SettingsFields = {
  annotator: z.string().max(200).nullable(),
  snapToWords: z.boolean(),
  uiLanguage: z.enum(['en', 'ar']),
  textSize: z.number().min(12).max(40),
  /** this project copy's coder (src/shared/coders/model.ts); made when the annotator is first named */
  coderId: CoderId.nullable(),
  /** blind coding: only this coder's annotations are shown and counted until revealed */
  blind: z.boolean(),
};

export const Settings = z.object({
  annotator: SettingsFields.annotator.default(null),
  snapToWords: SettingsFields.snapToWords.default(true),
  uiLanguage: SettingsFields.uiLanguage.default('en'),
  textSize: SettingsFields.textSize.default(20),
  coderId: SettingsFields.coderId.default(null),
  blind: SettingsFields.blind.default(false),
});
export type Settings = z.infer<typeof Settings>;

/** settings.update: only the fields the client sent. */
export const SettingsPatch = z.object(SettingsFields).partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** A calendar date, YYYY-MM-DD, of a real day: 2019-13-45 and 2019-02-30 are refused. */
export const IsoDate = z.string().refine(isIsoDate, 'A date must be a real day written YYYY-MM-DD, such as 2019-05-22');

/** A document's metadata fields as a patch takes them: no defaults (see SettingsFields). */
const MetaFields = {
  title: z.string().max(1000),
  direction: Direction,
  language: z.string().max(35),
  source: z.string().max(2000),
  url: z.string().max(2000),
  publishedAt: IsoDate.nullable(),
};
const Meta = {
  ...MetaFields,
  source: MetaFields.source.default(''),
  url: MetaFields.url.default(''),
  publishedAt: MetaFields.publishedAt.default(null),
  /**
   * A date from an older project that could not be read as a date, kept as it was written until
   * the researcher corrects it in Details (saving a date clears it). Never set for new documents.
   */
  publishedAtText: z.string().max(200).optional(),
};

export const DocumentSummary = z.object({
  id: Id,
  ...Meta,
  importedAt: IsoTime,
  charCount: z.number().int().nonnegative(),
  annotationCount: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

export const DocumentMetaPatch = z
  .object({
    title: MetaFields.title.transform(cleanLabel).pipe(z.string().min(1, 'A title cannot be empty.')),
    direction: Direction,
    language: MetaFields.language,
    source: MetaFields.source.transform(cleanLabel),
    url: MetaFields.url,
    // no default here: a patch without a date leaves the date alone
    publishedAt: MetaFields.publishedAt,
  })
  .partial()
  .strict();
export type DocumentMetaPatch = z.infer<typeof DocumentMetaPatch>;

export const Document = DocumentSummary.extend({
  /** Canonical text: paragraphs joined by exactly one "\n"; never changes after import. */
  text: z.string(),
});
export type Document = z.infer<typeof Document>;

export const Annotation = z.object({
  id: Id,
  documentId: Id,
  /** Code-point offsets into the document's canonical text, end exclusive. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  codes: z.array(Id).max(MAX_CODES_PER_ANNOTATION),
  /** the claim record: field key → value (checkClaimValues in src/shared/claims/values.ts) */
  values: ClaimValues.default({}),
  annotator: z.string().max(200).default(''),
  /** the coder who made it (absent before coder ids: the annotator name stands for the coder) */
  coderId: CoderId.optional(),
  /** set on the adjudicated layer's annotations only */
  adjudication: Adjudication.optional(),
  createdAt: IsoTime,
  updatedAt: IsoTime,
});
export type Annotation = z.infer<typeof Annotation>;

export const AnnotationFields = z.object({
  codes: z.array(Id).max(MAX_CODES_PER_ANNOTATION),
  values: ClaimValues,
});
export type AnnotationFields = z.infer<typeof AnnotationFields>;

export { Registry };

/** The on-disk formats of a project folder (DESIGN.md §4). 3: claims are records (docs/claims.md). */
export const SCHEMA_VERSION = 3;

export const ProjectFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  name: z.string(),
  createdAt: IsoTime,
  settings: Settings,
  codebook: Codebook,
  /** the actors and places claims name */
  registry: Registry,
  /** every coder whose annotations the project holds, and the coding plan */
  coders: z.array(Coder).max(1000).default([]),
  plan: CodingPlan.default(EMPTY_PLAN),
  /** The document index. annotationCount here is a cache; the document file is the truth. */
  documents: z.array(DocumentSummary),
  notices: z.array(Warning).default([]),
});
export type ProjectFile = z.infer<typeof ProjectFile>;

export const DocumentFile = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  document: Document,
  annotations: z.array(Annotation),
  /** units adjudicated as holding no claim (src/shared/coders/noClaim.ts); absent when none */
  noClaims: z.array(NoClaim).max(100_000).optional(),
});
export type DocumentFile = z.infer<typeof DocumentFile>;
