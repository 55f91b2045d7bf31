/**
 * Analysis of the claims (issue 16): networks as DNA defines them, the timeline, and the exports
 * of both, each over the claims the one claims filter lets through (src/shared/analysis/filter.ts),
 * so a script calling browser mode gets the numbers the claims view shows. The definitions of
 * each network and normalisation are written out in src/shared/analysis/network.ts.
 */
import { z } from 'zod';
import { ClaimFilter, DATE_FIELDS } from '../analysis/filter';
import { NETWORK_TYPES, NORMALIZATIONS, ONE_MODE_TYPES, TWO_MODE_AGGREGATIONS } from '../analysis/network';
import { INTERVALS, STACKS } from '../analysis/timeline';
import { IsoDate } from '../model';
import { method } from './method';

/** at most this many sliding windows in one call */
export const MAX_WINDOWS = 1000;
/** a window or a step of at most 100 years, in days */
const Days = z
  .number()
  .int('A window and its step are whole days.')
  .min(1, 'A window and its step are at least one day.')
  .max(36600);

export const NetworkSpec = z
  .object({
    type: z.enum(NETWORK_TYPES),
    /** one-mode networks only (congruence, conflict, subtract); default none */
    normalization: z.enum(NORMALIZATIONS).optional(),
    /** the two-mode network only; default ignore */
    aggregation: z.enum(TWO_MODE_AGGREGATIONS).optional(),
    /** the time window, inclusive, by the filter's dateField */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** sliding windows of `size` days, each `step` days after the one before, within from–to */
    window: z.object({ size: Days, step: Days }).strict().optional(),
  })
  .strict()
  .refine((n) => !n.from || !n.to || n.from <= n.to, {
    message: 'The time window must not end before it starts.',
    path: ['from'],
  })
  .refine((n) => !n.normalization || n.normalization === 'none' || ONE_MODE_TYPES.includes(n.type), {
    message: 'Normalisation applies to the one-mode networks only (congruence, conflict, subtract).',
    path: ['normalization'],
  })
  .refine((n) => !n.aggregation || n.type === 'twoMode', {
    message: 'Aggregation (ignore, combine, subtract) applies to the two-mode network only.',
    path: ['aggregation'],
  });
export type NetworkSpec = z.infer<typeof NetworkSpec>;

const Node = z.object({
  id: z.string(),
  kind: z.enum(['actor', 'code']),
  name: z.string(),
  nameAr: z.string(),
  nameLatin: z.string(),
  type: z.string(),
  affiliation: z.string(),
  country: z.string(),
  claims: z.number().int().nonnegative(),
});

const Edge = z.object({
  source: z.string(),
  target: z.string(),
  weight: z.number(),
  position: z.number().nullable(),
  combination: z.enum(['agreement', 'disagreement', 'neutral', 'mixed', 'none']).nullable(),
  claims: z.number().nonnegative(),
});

export const NetworkResult = z.object({
  type: z.enum(NETWORK_TYPES),
  directed: z.boolean(),
  normalization: z.enum(NORMALIZATIONS),
  aggregation: z.enum(TWO_MODE_AGGREGATIONS).nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  nodes: z.array(Node),
  edges: z.array(Edge),
});

export const NetworkInput = z.object({ filter: ClaimFilter.optional(), network: NetworkSpec }).strict();

export const NetworkOutput = z.object({
  /** claims the filter let through (before the time window) */
  claims: z.number().int().nonnegative(),
  /** the network over from–to (or every claim) */
  network: NetworkResult,
  /** with `window`: one network per sliding window, in time order; else empty */
  windows: z.array(NetworkResult),
});

export const TimelineInput = z
  .object({
    filter: ClaimFilter.optional(),
    interval: z.enum(INTERVALS).optional(),
    stackBy: z.enum(STACKS).optional(),
    /** the article's date or the claim's; default the filter's dateField, else the article's */
    dateField: z.enum(DATE_FIELDS).optional(),
  })
  .strict();

export const TimelineOutput = z.object({
  claims: z.number().int().nonnegative(),
  interval: z.enum(['day', 'week', 'month']),
  stackBy: z.enum(STACKS),
  dateField: z.enum(DATE_FIELDS),
  series: z.array(z.object({ key: z.string(), name: z.string() })),
  bins: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      label: z.string(),
      total: z.number().int().nonnegative(),
      counts: z.array(z.number().int().nonnegative()),
    }),
  ),
  undated: z.number().int().nonnegative(),
});

export const EXPORT_FORMATS = ['graphml', 'gexf', 'nodesCsv', 'edgesCsv', 'eventsCsv'] as const;

export const ExportInput = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    filter: ClaimFilter.optional(),
    /**
     * the network to export (graph formats; default the two-mode network); with `window`, only
     * edgesCsv: the edges of every window in one long table (a `window` column first)
     */
    network: NetworkSpec.optional(),
  })
  .strict();

export const ExportOutput = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  /** the file's text (CSV files begin with a byte-order mark) */
  text: z.string(),
  claims: z.number().int().nonnegative(),
});

/** the columns the claims table sorts by (analysis.claims) */
export const CLAIM_COLUMNS = [
  'title',
  'documentDate',
  'claimDate',
  'quote',
  'codes',
  'claimant',
  'addressee',
  'objectActor',
  'position',
  'form',
  'coder',
  'incomplete',
] as const;
export type ClaimColumn = (typeof CLAIM_COLUMNS)[number];
/** at most this many rows in one answer: a page fetches the window it shows, never all claims */
export const MAX_CLAIM_ROWS = 2000;

export const ClaimsInput = z
  .object({
    filter: ClaimFilter.optional(),
    /** default: by the article's date, oldest first; ties keep project order (document, then place) */
    sort: z
      .object({ column: z.enum(CLAIM_COLUMNS), dir: z.enum(['asc', 'desc']) })
      .strict()
      .optional(),
    offset: z.number().int('The offset is a whole number.').min(0, 'The offset is 0 or more.').max(100_000_000),
    limit: z
      .number()
      .int('The limit is a whole number.')
      .min(1, 'The limit is at least 1.')
      .max(MAX_CLAIM_ROWS, `At most ${MAX_CLAIM_ROWS} rows come in one call; page with offset.`),
  })
  .strict();

export const ClaimRow = z.object({
  annotationId: z.string(),
  documentId: z.string(),
  title: z.string(),
  documentDate: z.string().nullable(),
  claimDate: z.string().nullable(),
  quote: z.string(),
  /** code-point offsets of the passage in the document's text */
  start: z.number().int(),
  end: z.number().int(),
  codes: z.array(z.string()),
  claimant: z.string().nullable(),
  /** the claimant's actor id (what the filter's `actors` takes) */
  claimantId: z.string().nullable(),
  addressee: z.string().nullable(),
  objectActor: z.string().nullable(),
  position: z.number().nullable(),
  form: z.string(),
  coder: z.string(),
  incomplete: z.boolean(),
});
export type ClaimRow = z.infer<typeof ClaimRow>;

export const ClaimsOutput = z.object({
  /** every claim the filter lets through */
  total: z.number().int().nonnegative(),
  /** rows offset … offset + limit − 1 of them, in the sort's order */
  rows: z.array(ClaimRow),
});

/**
 * The claims view's table page and timeline in one call (what the view asks when its filter
 * changes): each part validated and answered exactly as analysis.claims and analysis.timeline
 * answer it, one after the other; a part refused refuses the call.
 */
export const ViewInput = z.object({ claims: ClaimsInput, timeline: TimelineInput }).strict();
export const ViewOutput = z.object({ claims: ClaimsOutput, timeline: TimelineOutput });

export const analysisApi = {
  'analysis.claims': method(ClaimsInput, ClaimsOutput),
  'analysis.network': method(NetworkInput, NetworkOutput),
  'analysis.timeline': method(TimelineInput, TimelineOutput),
  'analysis.view': method(ViewInput, ViewOutput),
  'analysis.export': method(ExportInput, ExportOutput),
};
