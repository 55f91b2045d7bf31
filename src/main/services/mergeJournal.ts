/**
 * What the last merges changed, so that each can be undone exactly: which annotations had which
 * codes (or claim values) before, and the codebook before and after. Kept in memory, one journal
 * per open project (services/context.ts); a merge can be undone while nothing it touched has
 * changed since.
 */
import type { ClaimValues } from '@shared/claims/values';
import type { RegistryUndo } from '@shared/claims/registryOps';
import type { Codebook, Registry } from '@shared/model';

/** One annotation a merge changed: its field before and after. */
export interface FieldChange<T> {
  documentId: string;
  id: string;
  before: T;
  after: T;
}

export type MergeRecord =
  | {
      kind: 'codes';
      codebookBefore: Codebook;
      codebookAfter: Codebook;
      changes: FieldChange<string[]>[];
    }
  | {
      /** an actor merge: the registry as the merge left it, what puts it back, and the claims moved */
      kind: 'entities';
      registryAfter: Registry;
      undo: RegistryUndo;
      changes: FieldChange<ClaimValues>[];
    }
  | {
      /** a field's values (or some of a choice field's items) cleared from every claim: fields.clearValues */
      kind: 'values';
      key: string;
      /** the items cleared, or undefined when the whole value was */
      choiceIds?: string[];
      changes: FieldChange<ClaimValues>[];
    };

/** how many merges can be undone at once (the oldest are forgotten first) */
export const JOURNAL_LIMIT = 20;

export class MergeJournal {
  private readonly records = new Map<string, MergeRecord>();

  constructor(private readonly limit = JOURNAL_LIMIT) {}

  add(id: string, record: MergeRecord): string {
    this.records.set(id, record);
    while (this.records.size > this.limit) {
      const oldest = this.records.keys().next().value;
      if (oldest === undefined) break;
      this.records.delete(oldest);
    }
    return id;
  }

  get(id: string): MergeRecord | undefined {
    return this.records.get(id);
  }

  delete(id: string): void {
    this.records.delete(id);
  }
}

/** Group changes by document, keeping the order in which documents first appear. */
export function byDocument<T>(changes: readonly FieldChange<T>[]): Map<string, Map<string, FieldChange<T>>> {
  const out = new Map<string, Map<string, FieldChange<T>>>();
  for (const c of changes) {
    let inDoc = out.get(c.documentId);
    if (!inDoc) out.set(c.documentId, (inDoc = new Map()));
    inDoc.set(c.id, c);
  }
  return out;
}
