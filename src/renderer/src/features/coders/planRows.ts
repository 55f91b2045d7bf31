/** What the plan shows: each coder's documents, and the double-coded ones, by title. */
import type { Coder, CodingPlan } from '@shared/coders/model';

export interface CoderDocuments {
  coderId: string;
  name: string;
  /** the document ids assigned to this coder, in the plan's order */
  documentIds: string[];
}

/**
 * Per coder of the list (then any the plan names that the list lacks), the documents assigned
 * to them. Maps keyed by id only, so an id from data is never a property of a plain object.
 */
export function planByCoder(plan: CodingPlan, coders: readonly Coder[]): CoderDocuments[] {
  const rows = new Map<string, CoderDocuments>();
  for (const c of coders) rows.set(c.id, { coderId: c.id, name: c.name, documentIds: [] });
  for (const a of plan.assignments)
    for (const id of a.coderIds) {
      let row = rows.get(id);
      if (!row) rows.set(id, (row = { coderId: id, name: id, documentIds: [] }));
      row.documentIds.push(a.documentId);
    }
  return [...rows.values()].filter((r) => r.documentIds.length > 0);
}

/** The documents the plan assigns to `coderId` (an empty set without one). */
export function assignedTo(plan: CodingPlan, coderId: string | null): Set<string> {
  const out = new Set<string>();
  if (coderId === null) return out;
  for (const a of plan.assignments) if (a.coderIds.includes(coderId)) out.add(a.documentId);
  return out;
}

/**
 * The ids whose titles the plan view shows: the first `shown` of each coder's documents and of
 * the double-coded ones, once each, at most `max` (documents.titles takes that many).
 */
export function titledIds(rows: readonly CoderDocuments[], plan: CodingPlan, shown: number, max: number): string[] {
  const ids = new Set<string>();
  const add = (list: readonly string[]) => {
    for (const id of list.slice(0, shown)) if (ids.size < max) ids.add(id);
  };
  for (const r of rows) add(r.documentIds);
  add(plan.doubleCoded);
  return [...ids];
}
