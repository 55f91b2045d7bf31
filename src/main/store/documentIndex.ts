/**
 * The document index: project.json's list of the project's documents (a summary of each: its
 * details and annotation count, without the text). The document files are the truth; the list
 * follows them and is rebuilt from them after a crash or a restored project.json.
 */
import { AppError } from '@shared/errors';
import type { DocumentSummary } from '@shared/model';
import type { DocumentFile, ProjectFile } from './schema';

export function summaryOf(file: DocumentFile): DocumentSummary {
  const { text: _text, ...summary } = file.document;
  return { ...summary, annotationCount: file.annotations.length };
}

export class DocumentIndex {
  /**
   * Where each id was in the list when it was last looked at: a tag-all over 440 documents of
   * 10,000 looks ids up a few thousand times, each a scan of the list. Trusted only for the same
   * array at the same length, and only when the entry there still has that id (the list is
   * replaced or grows whenever a document is added or removed; an entry replaced in place keeps
   * its id).
   */
  private positions: { list: DocumentSummary[]; length: number; at: Map<string, number> } | null = null;

  /**
   * Counts of the changes made through this index, for views kept beside it (documentPages.ts):
   * `shape` for anything but an annotation count (an entry added, removed, replaced or edited),
   * `counts` for annotation counts. A view also checks the list's identity and length.
   */
  readonly versions = { shape: 0, counts: 0 };

  /** `project` gives the project file in memory now (a refused save puts back the one on disk) */
  constructor(private readonly project: () => ProjectFile) {}

  all(): DocumentSummary[] {
    return this.project().documents;
  }

  find(id: string): DocumentSummary | undefined {
    const i = this.indexOf(id);
    return i === -1 ? undefined : this.project().documents[i];
  }

  private indexOf(id: string): number {
    const list = this.project().documents;
    let known = this.positions;
    if (!known || known.list !== list || known.length !== list.length) {
      // a loop, not new Map(list.map(…)): no pair array per document to throw away at 100,000
      const at = new Map<string, number>();
      for (let i = 0; i < list.length; i++) at.set((list[i] as DocumentSummary).id, i);
      known = { list, length: list.length, at };
      this.positions = known;
    }
    const i = known.at.get(id);
    if (i !== undefined && list[i]?.id === id) return i;
    // an id changed in place (never done by the store) or not in the list: look the slow way
    const found = list.findIndex((d) => d.id === id);
    if (found !== -1) this.positions = null;
    return found;
  }

  get(id: string): DocumentSummary {
    const found = this.find(id);
    if (!found) throw new AppError('not_found', 'That document is not in this project.');
    return found;
  }

  add(summary: DocumentSummary): void {
    this.versions.shape++;
    this.project().documents.push(summary);
  }

  /** Add or replace the entry of `summary.id`. */
  put(summary: DocumentSummary): void {
    const list = this.project().documents;
    const index = this.indexOf(summary.id);
    this.versions.shape++;
    if (index === -1) list.push(summary);
    else list[index] = summary;
  }

  remove(id: string): void {
    const data = this.project();
    this.versions.shape++;
    data.documents = data.documents.filter((d) => d.id !== id);
  }

  replaceAll(list: DocumentSummary[]): void {
    this.versions.shape++;
    this.project().documents = list;
  }

  /** Set a document's cached annotation count; true when it changed. */
  syncCount(id: string, count: number): boolean {
    const entry = this.find(id);
    if (!entry || entry.annotationCount === count) return false;
    entry.annotationCount = count;
    this.versions.counts++;
    return true;
  }

  /** Bring an entry in line with its file (the file is the truth); true when it changed. */
  syncSummary(id: string, file: DocumentFile): boolean {
    const list = this.project().documents;
    const index = this.indexOf(id);
    if (index === -1) return false;
    const next = summaryOf(file);
    const old = list[index] as DocumentSummary;
    if (JSON.stringify(next) === JSON.stringify(old)) return false;
    if (JSON.stringify({ ...next, annotationCount: 0 }) === JSON.stringify({ ...old, annotationCount: 0 }))
      this.versions.counts++;
    else this.versions.shape++;
    list[index] = next;
    return true;
  }

  /**
   * Rebuild the list from the document files found (`scanned`): entries are kept in index
   * order, files missing from the index are added, and entries whose file is gone are dropped,
   * with a notice (in the project's notices) unless the user deleted them (`deleted`) or one already names them.
   */
  reconcile(scanned: readonly DocumentSummary[], deleted: ReadonlySet<string>): boolean {
    const data = this.project();
    const before = JSON.stringify(data.documents);
    const found = new Map(scanned.map((s) => [s.id, s]));
    const next: DocumentSummary[] = [];
    for (const entry of data.documents) {
      const file = found.get(entry.id);
      if (file) {
        next.push(file);
        found.delete(entry.id);
      } else if (!deleted.has(entry.id) && !data.notices.some((n) => n.message.includes(entry.title))) {
        data.notices.push({
          code: 'document_missing',
          message: `The file of “${entry.title}” is missing from the documents folder; it was taken out of the list.`,
        });
      }
    }
    next.push(...found.values());
    data.documents = next;
    this.versions.shape++;
    return JSON.stringify(next) !== before;
  }
}
