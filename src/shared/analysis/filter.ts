/**
 * The one filter of the claims view (issue 16): the table, the timeline, the networks and every
 * export apply this same object with this same function, so what is seen is what is exported.
 * Each field left out (or empty) filters nothing; the fields that are given must all hold.
 */
import { z } from 'zod';
import { Id, IsoDate } from '../model';
import type { ClaimRecord } from './records';

/** The coder filter's entry for the adjudicated layer (a coder id cannot hold “:”). */
export const ADJUDICATED_LAYER = ':adjudicated';

export const DATE_FIELDS = ['document', 'claim'] as const;
export type DateField = (typeof DATE_FIELDS)[number];

const FilterFields = z.object({
  documentIds: z.array(Id).min(1).max(100000).optional(),
  /** code ids; a claim passes with any of them (or, with includeChildren, any of their sub-codes) */
  codes: z.array(Id).max(1000).optional(),
  /** default true: choosing a code chooses its children too */
  includeChildren: z.boolean().optional(),
  /**
   * actor ids; a claim passes when its claimant, addressee or object actor is one of them or is
   * affiliated with one of them (choosing الجيش الوطني الليبي finds Haftar's claims too)
   */
  actors: z.array(z.string().min(1).max(500)).max(10000).optional(),
  /** positions −1, 0, +1, and null for claims without one */
  positions: z
    .array(z.union([z.literal(-1), z.literal(0), z.literal(1), z.null()]))
    .max(4)
    .optional(),
  forms: z.array(z.string().max(500)).max(1000).optional(),
  stances: z.array(z.string().max(500)).max(1000).optional(),
  /** inclusive; by dateField; a claim without a date fails a date range */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  dateField: z.enum(DATE_FIELDS).optional(),
  sources: z.array(z.string().max(2000)).max(10000).optional(),
  /**
   * coder keys (the coder id, else the annotator name), or ADJUDICATED_LAYER for the adjudicated
   * layer; a name (a filter saved before coder ids) finds the annotations carrying it and those
   * of the coder who bears that name now
   */
  coders: z.array(z.string().max(200)).max(1000).optional(),
  /** true: only incomplete claims (a needed field empty); false: only complete ones */
  incomplete: z.boolean().optional(),
});
const FILTER_KEYS: ReadonlySet<string> = new Set(Object.keys(FilterFields.shape));

/**
 * A field the filter does not know is refused (a misspelt field would otherwise filter nothing,
 * silently). Only the object's own keys count, as they do once the object has crossed the wire:
 * zod's strict mode would also refuse inherited ones, which JSON cannot carry.
 */
const OwnKeysKnown = z.unknown().superRefine((value, ctx) => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return; // the object schema says what is wrong
  for (const key of Object.keys(value))
    if (!FILTER_KEYS.has(key))
      ctx.addIssue({ code: 'custom', message: `A filter has no field “${key.slice(0, 40)}”`, path: [key] });
});

type FilterOut = z.output<typeof FilterFields>;
export const ClaimFilter = OwnKeysKnown.pipe(FilterFields).refine((f) => !f.from || !f.to || f.from <= f.to, {
  message: 'The start of the date range must not be after its end.',
  path: ['from'],
}) as unknown as z.ZodType<FilterOut, z.input<typeof FilterFields>>;
export type ClaimFilter = FilterOut;

export interface CodeNode {
  id: string;
  parentId: string | null;
}

/** The chosen codes and, when asked, every code below them; null when no code is chosen. */
export function codeScope(filter: ClaimFilter, codebook: readonly CodeNode[]): Set<string> | null {
  if (!filter.codes || filter.codes.length === 0) return null;
  const scope = new Set(filter.codes);
  if (filter.includeChildren === false) return scope;
  const children = new Map<string, string[]>();
  for (const c of codebook) {
    if (c.parentId === null) continue;
    const list = children.get(c.parentId);
    if (list) list.push(c.id);
    else children.set(c.parentId, [c.id]);
  }
  const stack = [...scope];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const child of children.get(id) ?? []) {
      if (scope.has(child)) continue;
      scope.add(child);
      stack.push(child);
    }
  }
  return scope;
}

/** The date of a claim by the chosen field (the claim's own date falls back to its document's). */
export function claimDateOf(r: ClaimRecord, field: DateField = 'document'): string | null {
  return field === 'claim' ? (r.claimDate ?? r.documentDate) : r.documentDate;
}

function actorMatches(actors: ReadonlySet<string>, r: ClaimRecord): boolean {
  for (const a of [r.claimant, r.addressee, r.objectActor]) {
    if (!a) continue;
    if (actors.has(a.id)) return true;
    if (a.affiliation && actors.has(a.affiliation.id)) return true;
  }
  return false;
}

/**
 * The chosen coders as keys: each value as given (a coder id, an annotator name, the adjudicated
 * layer), and for a value that is a coder's current name that coder's id too.
 */
function chosenCoders(
  values: readonly string[] | undefined,
  coders: readonly { id: string; name: string }[],
): Set<string> | null {
  if (!values || values.length === 0) return null;
  const out = new Set(values);
  for (const c of coders) if (out.has(c.name)) out.add(c.id);
  return out;
}

/** A coder's layer holds their own claims, never adjudicated ones; the adjudicated layer is its own entry. */
function coderMatches(coders: ReadonlySet<string>, r: ClaimRecord): boolean {
  if (r.adjudicated) return coders.has(ADJUDICATED_LAYER);
  return coders.has(r.coderKey) || coders.has(r.annotator);
}

const chosen = <T>(list: readonly T[] | undefined): Set<T> | null => (list && list.length > 0 ? new Set(list) : null);

/**
 * A predicate for the filter, built once (sets, the code scope) and applied to each record.
 * `coders` are the project's coders, so a coder chosen by name finds their renamed work too.
 */
export function claimPredicate(
  filter: ClaimFilter,
  codebook: readonly CodeNode[],
  coderList: readonly { id: string; name: string }[] = [],
): (r: ClaimRecord) => boolean {
  const codes = codeScope(filter, codebook);
  const documents = chosen(filter.documentIds);
  const actors = chosen(filter.actors);
  const positions = chosen(filter.positions);
  const forms = chosen(filter.forms);
  const stances = chosen(filter.stances);
  const sources = chosen(filter.sources);
  const coders = chosenCoders(filter.coders, coderList);
  const field = filter.dateField ?? 'document';
  return (r) => {
    if (documents && !documents.has(r.documentId)) return false;
    if (codes && !r.codes.some((c) => codes.has(c))) return false;
    if (actors && !actorMatches(actors, r)) return false;
    if (positions && !positions.has(r.position as -1 | 0 | 1 | null)) return false;
    if (forms && !forms.has(r.form)) return false;
    if (stances && !stances.has(r.stance)) return false;
    if (sources && !sources.has(r.source)) return false;
    if (coders && !coderMatches(coders, r)) return false;
    if (filter.incomplete !== undefined && filter.incomplete !== r.missing.length > 0) return false;
    if (filter.from || filter.to) {
      const date = claimDateOf(r, field);
      if (date === null) return false;
      if (filter.from && date < filter.from) return false;
      if (filter.to && date > filter.to) return false;
    }
    return true;
  };
}

/** The records the filter lets through, in their order. */
export function applyFilter(
  records: readonly ClaimRecord[],
  filter: ClaimFilter,
  codebook: readonly CodeNode[],
  coders: readonly { id: string; name: string }[] = [],
): ClaimRecord[] {
  const keep = claimPredicate(filter, codebook, coders);
  return records.filter(keep);
}
