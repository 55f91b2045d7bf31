/**
 * The claim record every analysis works on (issue 16): one annotation with its document's date
 * and source, its codes, the actors it names and a numeric position. A format-3 annotation (its
 * claim values, issue 15) maps to it here (recordFromAnnotation): actor ids become the registry's
 * entities with their type and affiliation, the position is the chosen Position item's number,
 * the claim date, form, certainty and note are the fields of those keys.
 */
import type { Annotation, Codebook, DocumentSummary, Registry } from '../model';
import type { ClaimField } from '../claims/fields';
import { displayName, type Entity } from '../claims/registry';
import { missingRequired, valueOf } from '../claims/values';
import { normalizeQuery } from '../search/normalize';
import { isAdjudicated } from '../coders/key';
import { coderNaming, type CoderNaming } from '../coders/naming';

/** An actor as a claim names it. `affiliation` is another actor (حفتر → الجيش الوطني الليبي). */
export interface ActorRef {
  id: string;
  name: string;
  nameAr?: string;
  nameLatin?: string;
  type?: string;
  affiliation?: { id: string; name: string };
  country?: string;
}

export interface ClaimRecord {
  annotationId: string;
  documentId: string;
  title: string;
  source: string;
  /** the article's own date, YYYY-MM-DD, or null when it has none */
  documentDate: string | null;
  /** the claim's date (its claim_date field), else the document's date */
  claimDate: string | null;
  quote: string;
  start: number;
  end: number;
  codes: string[];
  claimant: ActorRef | null;
  addressee: ActorRef | null;
  objectActor: ActorRef | null;
  /** −1, 0 or +1; null when the claim has no position (networks round other numbers onto −1…+1) */
  position: number | null;
  /** the name of the chosen Position item (format 2's stance) */
  stance: string;
  certainty: string;
  /** the name of the chosen Form item (statement, interview, decision, …), or '' */
  form: string;
  note: string;
  /** the coder's name as shown now (coders.list), else the annotator name */
  coder: string;
  /** the coder the claim belongs to: the coder id, else the annotator name (src/shared/coders/naming.ts) */
  coderKey: string;
  /** the annotator name the annotation carries (an old filter by name still finds it) */
  annotator: string;
  /** on the adjudicated layer (no coder's layer) */
  adjudicated: boolean;
  /** keys of the required fields left empty ('codes' when it has no code); a claim with any is incomplete */
  missing: string[];
}

/** Today's stances as positions (issue 15's political-claims template uses the same values). */
export const STANCE_POSITIONS: ReadonlyMap<string, number> = new Map([
  ['supports', 1],
  ['proposes', 1],
  ['rejects', -1],
  ['denies', -1],
]);

/** A stance's position: +1 or −1 from the table, 0 for any other stance, null for none. */
export function stancePosition(stance: string): number | null {
  const s = stance.trim();
  if (s === '') return null;
  return STANCE_POSITIONS.get(s.toLowerCase()) ?? 0;
}

/**
 * The id of an actor known only by a name: the name folded as search folds Arabic (hamza forms,
 * ة/ه, ى/ي, harakat, tatweel, case), so خليفه حفتر and خليفة حفتر are one actor.
 */
export function actorIdFromName(name: string): string {
  return normalizeQuery(name).replace(/\s+/gu, ' ');
}

function hasArabic(s: string): boolean {
  return /[\u0600-\u06FF]/u.test(s);
}

/** An actor from a claimant string; null for an empty one. */
export function actorFromName(name: string): ActorRef | null {
  const trimmed = name.trim().replace(/\s+/gu, ' ');
  if (trimmed === '') return null;
  const id = actorIdFromName(trimmed);
  if (id === '') return null;
  return hasArabic(trimmed) ? { id, name: trimmed, nameAr: trimmed } : { id, name: trimmed, nameLatin: trimmed };
}

/** What turning claim values into records needs: the codebook's fields and the registry. */
export interface ClaimContext {
  fields: readonly ClaimField[];
  entities: ReadonlyMap<string, Entity>;
  types: ReadonlyMap<string, string>;
  /** how claims are grouped by coder and named: the project's coders (none: by coder id, else annotator) */
  coders: CoderNaming;
}

export function claimContext(project: {
  codebook: Pick<Codebook, 'fields'>;
  registry: Registry;
  coders?: readonly { id: string; name: string }[];
}): ClaimContext {
  return {
    coders: coderNaming(project.coders ?? []),
    fields: project.codebook.fields,
    entities: new Map(project.registry.entities.map((e) => [e.id, e])),
    types: new Map(project.registry.types.map((t) => [t.id, t.name])),
  };
}

/** An entity of the registry as a record names it (an id the registry lacks keeps the id as name). */
export function actorRef(id: string, ctx: ClaimContext): ActorRef {
  const e = ctx.entities.get(id);
  if (!e) return { id, name: id };
  const ref: ActorRef = { id, name: displayName(e) };
  if (e.nameAr) ref.nameAr = e.nameAr;
  if (e.nameLatin) ref.nameLatin = e.nameLatin;
  if (e.type !== null) ref.type = ctx.types.get(e.type) ?? e.type;
  if (e.affiliation !== null) {
    const aff = ctx.entities.get(e.affiliation);
    ref.affiliation = { id: e.affiliation, name: aff ? displayName(aff) : e.affiliation };
  }
  if (e.country) ref.country = e.country;
  return ref;
}

/** A format-3 annotation as a claim record. */
export function recordFromAnnotation(
  a: Annotation,
  doc: Pick<DocumentSummary, 'id' | 'title' | 'source' | 'publishedAt'>,
  ctx: ClaimContext,
): ClaimRecord {
  const field = (key: string) => ctx.fields.find((f) => f.key === key);
  const text = (key: string): string => {
    const v = valueOf(a.values, key);
    return typeof v === 'string' ? v : '';
  };
  const actor = (key: string): ActorRef | null => {
    const id = text(key);
    return id === '' ? null : actorRef(id, ctx);
  };
  const item = (key: string) => {
    const id = text(key);
    return id === '' ? undefined : (field(key)?.choices.find((c) => c.id === id) ?? { id, name: id, value: null });
  };
  const position = item('position');
  const claimDate = text('claim_date');
  const missing = missingRequired(ctx.fields, a.values, a.codes).map((f) => f.key);
  const key = ctx.coders.keyOf(a);
  if (a.codes.length === 0) missing.push('codes');
  return {
    annotationId: a.id,
    documentId: doc.id,
    title: doc.title,
    source: doc.source,
    documentDate: doc.publishedAt,
    claimDate: claimDate || doc.publishedAt,
    quote: a.quote,
    start: a.start,
    end: a.end,
    codes: [...a.codes],
    claimant: actor('claimant'),
    addressee: actor('addressee'),
    objectActor: actor('object_actor'),
    // a chosen item without a number stands between for and against (format 2's other stances)
    position: position === undefined ? null : (position.value ?? 0),
    stance: position?.name ?? '',
    certainty: item('certainty')?.name ?? '',
    form: item('form')?.name ?? '',
    note: text('note'),
    coder: ctx.coders.nameOf(key),
    coderKey: key,
    annotator: a.annotator,
    adjudicated: isAdjudicated(a),
    missing,
  };
}
