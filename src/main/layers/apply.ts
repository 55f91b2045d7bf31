/**
 * The real run of a layer import, as one step: project.json once (the codes, actors and coders the
 * layer needs, so no saved annotation names a missing code), then every touched document written
 * side by side. What it did is kept in a journal per open project (the last JOURNAL_LIMIT imports),
 * so layers.undoImport takes it back exactly: the annotations it added (those still there), and
 * the codebook, registry and coders list as they were, when nothing has changed them since.
 */
import { AppError } from '@shared/errors';
import type { Coder } from '@shared/coders/model';
import type { Annotation, Codebook, Registry } from '@shared/model';
import type { ProjectStore } from '../store/projectStore';
import type { LayerPlan } from './plan';

export const JOURNAL_LIMIT = 20;

interface ProjectParts {
  codebook: Codebook;
  registry: Registry;
  coders: Coder[];
}

export interface LayerUndo {
  documents: Array<{ documentId: string; ids: string[] }>;
  before: ProjectParts;
  after: ProjectParts;
}

const journals = new WeakMap<object, Map<string, LayerUndo>>();

function journalOf(project: object): Map<string, LayerUndo> {
  let j = journals.get(project);
  if (!j) journals.set(project, (j = new Map()));
  return j;
}

const partsOf = (store: ProjectStore): ProjectParts => ({
  codebook: store.data.codebook,
  registry: store.data.registry,
  coders: store.data.coders,
});

const sortAnnotations = (list: Annotation[]) =>
  list.sort((a, b) => a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt));

async function writeDocuments(
  store: ProjectStore,
  changes: ReadonlyArray<{ documentId: string; change: (list: Annotation[]) => Annotation[] }>,
): Promise<void> {
  const results = await Promise.allSettled(
    changes.map(({ documentId, change }) =>
      store.updateDocument(documentId, (file) => {
        file.annotations = change(file.annotations);
      }),
    ),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Write the plan; returns its undo id (null when there was nothing to write). */
export async function applyPlan(
  store: ProjectStore,
  journalKey: object,
  plan: LayerPlan,
  undoId: string,
): Promise<string | null> {
  if (plan.additions.length === 0 && !plan.codebook && !plan.registry && !plan.coders) return null;
  const before = partsOf(store);
  if (plan.codebook || plan.registry || plan.coders)
    await store.updateProject((data) => {
      if (plan.codebook) data.codebook = plan.codebook;
      if (plan.registry) data.registry = plan.registry;
      if (plan.coders) data.coders = plan.coders;
    });
  const record: LayerUndo = {
    documents: plan.additions.map((d) => ({ documentId: d.documentId, ids: d.annotations.map((a) => a.id) })),
    before,
    after: partsOf(store),
  };
  const journal = journalOf(journalKey);
  journal.set(undoId, record);
  while (journal.size > JOURNAL_LIMIT) journal.delete(journal.keys().next().value as string);
  await writeDocuments(
    store,
    plan.additions.map(({ documentId, annotations }) => ({
      documentId,
      change: (list) => sortAnnotations([...list, ...annotations]),
    })),
  );
  return undoId;
}

export async function undoLayer(
  store: ProjectStore,
  journalKey: object,
  undoId: string,
): Promise<{ removed: number; documentIds: string[]; projectRestored: boolean }> {
  const journal = journalOf(journalKey);
  const record = journal.get(undoId);
  if (!record)
    throw new AppError(
      'not_found',
      'That import cannot be undone any more (it was undone already, or the project was opened again since).',
    );
  journal.delete(undoId);
  let removed = 0;
  const touched = new Set(store.summaries().map((s) => s.id));
  const documents = record.documents.filter((d) => touched.has(d.documentId));
  await writeDocuments(
    store,
    documents.map(({ documentId, ids }) => {
      const drop = new Set(ids);
      return {
        documentId,
        change: (list) => {
          const kept = list.filter((a) => !drop.has(a.id));
          removed += list.length - kept.length;
          return kept;
        },
      };
    }),
  );
  const now = partsOf(store);
  const same = (k: keyof ProjectParts) => JSON.stringify(now[k]) === JSON.stringify(record.after[k]);
  const changed = (k: keyof ProjectParts) => JSON.stringify(record.before[k]) !== JSON.stringify(record.after[k]);
  const parts = (['codebook', 'registry', 'coders'] as const).filter(changed);
  const projectRestored = parts.every(same);
  if (parts.length > 0 && projectRestored)
    await store.updateProject((data) => {
      if (parts.includes('codebook')) data.codebook = record.before.codebook;
      if (parts.includes('registry')) data.registry = record.before.registry;
      if (parts.includes('coders')) data.coders = record.before.coders;
    });
  return { removed, documentIds: documents.map((d) => d.documentId), projectRestored };
}
