/**
 * The claim record every analysis works on (issue 16): one annotation with its document's date
 * and source, its codes, the actors it names and a numeric position. Today's annotations map to
 * it here (claimantRecord); the structured claims of issue 15 map to the same shape, so the
 * filter, the networks, the timeline and the exports do not change when the claim model does.
 */
import type { Annotation, DocumentSummary } from '../model';
import { normalizeQuery } from '../search/normalize';

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
  /** the claim's date; today's annotations have none, so it is the document's date */
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
  /** the stance as written (today's field; issue 15's position choice) */
  stance: string;
  certainty: string;
  /** the claim's form (statement, interview, decision, …); today's annotations have none */
  form: string;
  note: string;
  coder: string;
  /** names of the required fields left empty; a claim with any is incomplete */
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

/** Today's annotation as a claim record. Claimant and stance are the fields a claim needs. */
export function recordFromAnnotation(
  a: Annotation,
  doc: Pick<DocumentSummary, 'id' | 'title' | 'source' | 'publishedAt'>,
): ClaimRecord {
  const claimant = actorFromName(a.claimant);
  const position = stancePosition(a.stance);
  const missing: string[] = [];
  if (!claimant) missing.push('claimant');
  if (a.stance.trim() === '') missing.push('stance');
  if (a.codes.length === 0) missing.push('codes');
  return {
    annotationId: a.id,
    documentId: doc.id,
    title: doc.title,
    source: doc.source,
    documentDate: doc.publishedAt,
    claimDate: doc.publishedAt,
    quote: a.quote,
    start: a.start,
    end: a.end,
    codes: [...a.codes],
    claimant,
    addressee: null,
    objectActor: null,
    position,
    stance: a.stance,
    certainty: a.certainty,
    form: '',
    note: a.note,
    coder: a.annotator,
    missing,
  };
}
