/**
 * A colleague's documents matched to this project's. First by the sha256 of the canonical text
 * (the same text, whoever imported it; a repeated text prefers the same document id). Then, for a
 * document whose text the source carries (a folder, a bundle), as a near-duplicate: among this
 * project's documents of the same title (folded as search folds) or the same publication date,
 * the one whose 4-word shingle sets (src/main/import/nearDuplicate.ts) have a Jaccard similarity
 * of at least LAYER_NEAR_DUPLICATE_THRESHOLD, the most similar first; failing those, the project's
 * near-duplicate index (any title, its stricter 0.95). A near-duplicate's annotations are then
 * re-anchored by their quote, prefix and suffix; what cannot be anchored is an orphan.
 */
import { foldName } from '@shared/claims/fold';
import type { DocumentSummary } from '@shared/model';
import { jaccard, shingles } from '../import/nearDuplicate';
import type { SourceDocument } from './types';

export const LAYER_NEAR_DUPLICATE_THRESHOLD = 0.9;

export interface DocumentMatch {
  summary: DocumentSummary;
  match: 'sha256' | 'near_duplicate';
  similarity: number | null;
}

export interface DocumentLookup {
  summaries: readonly DocumentSummary[];
  text(id: string): Promise<string>;
  /** the project's near-duplicate index, when there is one */
  nearDuplicate?: (text: string) => Promise<{ documentId: string; similarity: number } | null>;
}

export function documentMatcher(lookup: DocumentLookup): (doc: SourceDocument) => Promise<DocumentMatch | null> {
  const bySha = new Map<string, DocumentSummary[]>();
  for (const d of lookup.summaries) bySha.set(d.sha256, [...(bySha.get(d.sha256) ?? []), d]);
  const byId = new Map(lookup.summaries.map((d) => [d.id, d]));
  const localShingles = new Map<string, Set<number>>();
  const shinglesOf = async (id: string) => {
    let set = localShingles.get(id);
    if (!set) localShingles.set(id, (set = shingles(await lookup.text(id))));
    return set;
  };
  return async (doc) => {
    const same = doc.sha256 ? bySha.get(doc.sha256) : undefined;
    if (same && same.length > 0) {
      const summary = same.find((d) => d.id === doc.sourceId) ?? (same[0] as DocumentSummary);
      return { summary, match: 'sha256', similarity: null };
    }
    if (doc.text === null) return null;
    const title = foldName(doc.title);
    const candidates = lookup.summaries.filter(
      (d) =>
        (title !== '' && foldName(d.title) === title) ||
        (doc.publishedAt !== null && d.publishedAt === doc.publishedAt),
    );
    const theirs = shingles(doc.text);
    let best: DocumentMatch | null = null;
    for (const d of candidates) {
      const similarity = jaccard(theirs, await shinglesOf(d.id));
      if (similarity >= LAYER_NEAR_DUPLICATE_THRESHOLD && (!best || similarity > (best.similarity ?? 0)))
        best = { summary: d, match: 'near_duplicate', similarity };
    }
    if (best || !lookup.nearDuplicate) return best;
    const found = await lookup.nearDuplicate(doc.text);
    const summary = found ? byId.get(found.documentId) : undefined;
    return found && summary ? { summary, match: 'near_duplicate', similarity: found.similarity } : null;
  };
}
