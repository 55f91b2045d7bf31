/**
 * Which contract events a successful call causes (src/shared/api/events.ts). The services'
 * dispatch emits them once the call has answered, so every page hears of changes made by another
 * window, another tab or the HTTP API.
 *
 * Every method of the contract is listed, the read-only ones too (with no events): a new method
 * without an entry fails changeEvents.test.ts, so nobody forgets to say what it changes.
 */
import type { MethodName, Output, ParsedInput } from '@shared/api';
import type { AnnotationVersion, EventEnvelope } from '@shared/api/events';
import type { ProjectInfo } from '@shared/api/project';

/** What a rule may read besides the call's input and output. */
export interface ChangeContext {
  /** the open project's info as it is now (after the call) */
  projectInfo(): ProjectInfo;
}

type Rule<M extends MethodName> = (input: ParsedInput<M>, output: Output<M>, ctx: ChangeContext) => EventEnvelope[];

const none = (): EventEnvelope[] => [];

const annotations = (documentIds: string[] | null, changes?: AnnotationVersion[]): EventEnvelope => ({
  name: 'annotations.changed',
  data: changes && changes.length <= 5000 ? { documentIds, changes } : { documentIds },
});
const saved = (list: ReadonlyArray<{ id: string; updatedAt: string }>): AnnotationVersion[] =>
  list.map(({ id, updatedAt }) => ({ id, updatedAt }));
const deleted = (ids: readonly string[]): AnnotationVersion[] => ids.map((id) => ({ id, updatedAt: null }));
const documents = (documentIds: string[] | null): EventEnvelope => ({
  name: 'documents.changed',
  data: { documentIds },
});
const project = (info: ProjectInfo): EventEnvelope => ({ name: 'project.changed', data: { info } });
const unsaved = (info: ProjectInfo): EventEnvelope => ({ name: 'unsaved.changed', data: { unsaved: info.unsaved } });

/** The project's settings, notices, document count or codebook changed. */
const projectNow = (ctx: ChangeContext): EventEnvelope => project(ctx.projectInfo());
/** A call that answers the project's info: it changed, and that info says what is unsaved. */
const answeredInfo = (info: ProjectInfo): EventEnvelope[] => [project(info), unsaved(info)];
/**
 * Another project is open: everything the page holds is stale. The host announces the new
 * project itself (project.changed on switchTo), so only the rest is said here.
 */
const switched = (): EventEnvelope[] => [documents(null), annotations(null)];
/** A codebook-wide change (merge, delete, rename): annotations of any document, when it touched any. */
const codebookWide = (output: { affected: number }, ctx: ChangeContext, codebookChanged = true): EventEnvelope[] => [
  ...(codebookChanged ? [projectNow(ctx)] : []),
  ...(output.affected > 0 ? [annotations(null)] : []),
];
const importedIds = (output: Output<'documents.import'>): string[] =>
  (output.documents ?? [output.document]).map((d) => d.id);

export const changeRules: { [M in MethodName]: Rule<M> } = {
  // read-only: answering them changes nothing a page shows
  'project.info': none,
  'project.recent': none,
  'project.pickFolder': none,
  'backups.list': none,
  'page.settled': none,
  'documents.list': none,
  'documents.page': none,
  'documents.titles': none,
  'documents.sources': none,
  'documents.get': none,
  'documents.preview': none,
  'annotations.list': none,
  'registry.get': none,
  'registry.uses': none,
  'registry.exportCsv': none,
  'codebook.get': none,
  'codebook.usage': none,
  'codebook.export': none,
  'stats.summary': none,
  'export.csv': none,
  'export.texts': none,
  'export.bundle': none,
  'export.annotations': none,
  search: none,
  'analysis.claims': none,
  'analysis.network': none,
  'analysis.timeline': none,
  'analysis.view': none,
  'analysis.export': none,
  'search.rebuildIndex': none, // the index is rebuilt from the same texts: no hit changes
  'agreement.report': none,
  'agreement.coders': none,
  'agreement.differences': none,

  // the project
  'settings.update': (input, _out, ctx) =>
    input.blind === undefined ? [projectNow(ctx)] : [projectNow(ctx), documents(null), annotations(null)],
  'project.dismissNotices': (_in, _out, ctx) => [projectNow(ctx)],
  // what is unsaved is the host's to announce (it hears every change of the set), not the call's
  'project.save': (_in, out) => [project(out)],
  'project.open': () => switched(),
  'project.create': () => switched(),
  'backups.restore': (input, out) =>
    input.documentId === null
      ? // project.json: the document list and the codebook may both be older
        [...answeredInfo(out), ...switched()]
      : [...answeredInfo(out), documents([input.documentId]), annotations([input.documentId])],

  // documents
  'documents.import': (_in, out, ctx) => [documents(importedIds(out)), projectNow(ctx)],
  'documents.importText': (_in, out, ctx) => [documents(importedIds(out)), projectNow(ctx)],
  'documents.update': (input) => [documents([input.id])],
  'documents.delete': (input, _out, ctx) => [documents([input.id]), annotations([input.id]), projectNow(ctx)],

  // annotations
  'annotations.create': (_in, out) => [annotations([out.documentId], saved([out]))],
  'annotations.createMany': (input, out) => [annotations([input.documentId], saved(out))],
  // a batch whose every draft was tagged already made nothing
  'annotations.createAcross': (_in, out) =>
    out.documents.length === 0
      ? []
      : [
          annotations(
            out.documents.map((d) => d.documentId),
            saved(out.documents.flatMap((d) => d.annotations)),
          ),
        ],
  'annotations.deleteAcross': (input) => [
    annotations(
      input.items.map((d) => d.documentId),
      deleted(input.items.flatMap((d) => d.ids)),
    ),
  ],
  'annotations.update': (_in, out) => [annotations([out.documentId], saved([out]))],
  'annotations.delete': (input) => [annotations(input.documentId ? [input.documentId] : null, deleted([input.id]))],
  'annotations.deleteMany': (input) => [annotations([input.documentId], deleted(input.ids))],
  'annotations.restore': (input, out) => [annotations([input.documentId], saved(out))],
  // adjudication: the document's adjudicated layer changed (an annotation made, replaced or taken back)
  'adjudication.decide': (input) => [annotations([input.documentId])],
  'adjudication.undo': (input) => [annotations([input.documentId])],

  // the codebook
  'codebook.save': (_in, _out, ctx) => [projectNow(ctx)],
  'codebook.mergeCodes': (_in, out, ctx) => codebookWide(out, ctx),
  'codebook.undoMerge': (_in, out, ctx) => codebookWide(out, ctx),
  'codebook.deleteCode': (_in, out, ctx) => codebookWide(out, ctx),
  'codebook.import': (_in, out, ctx) => (out.applied ? [projectNow(ctx)] : []),

  // claim fields and the actor registry (in project.json); a merge or a delete that moved claims
  // changed annotations of any document
  'fields.addTemplate': (_in, _out, ctx) => [projectNow(ctx)],
  // values cleared from claims of any document; the codebook itself is unchanged
  'fields.clearValues': (_in, out, ctx) => codebookWide({ affected: out.cleared }, ctx, false),
  'registry.add': (_in, _out, ctx) => [projectNow(ctx)],
  'registry.update': (_in, _out, ctx) => [projectNow(ctx)],
  'registry.merge': (_in, out, ctx) => codebookWide({ affected: out.moved }, ctx),
  'registry.delete': (_in, out, ctx) => codebookWide({ affected: out.moved }, ctx),
  'registry.saveTypes': (_in, _out, ctx) => [projectNow(ctx)],
  'registry.importCsv': (input, _out, ctx) => (input.dryRun ? [] : [projectNow(ctx)]),

  // coders: the list and the plan are in project.json; blind mode changes what every view shows
  'coders.list': none,
  'coders.plan.get': none,
  'coders.rename': (_in, _out, ctx) => [projectNow(ctx)],
  'coders.plan.set': (_in, _out, ctx) => [projectNow(ctx)],
  'coders.plan.make': (_in, _out, ctx) => [projectNow(ctx)],
  'coders.blind': (_in, _out, ctx) => [projectNow(ctx), documents(null), annotations(null)],
  'coders.reveal': (_in, _out, ctx) => [projectNow(ctx), documents(null), annotations(null)],

  // exchange
  'export.qdpx': none,
  'import.qdpx': (_in, out, ctx) =>
    out.dryRun ||
    (out.imported === 0 && out.createdCodes.length === 0 && !out.documents.some((d) => d.status === 'new'))
      ? []
      : [
          documents(null),
          annotations(out.documents.flatMap((d) => (d.imported > 0 && d.documentId ? [d.documentId] : []))),
          projectNow(ctx),
        ],
  'import.annotations': (_in, out, ctx) => [
    ...(out.documents.length > 0 ? [annotations(out.documents.map((d) => d.id))] : []),
    ...(out.createdCodes.length > 0 ? [projectNow(ctx)] : []),
  ],
  // a dry run writes nothing; the real run adds annotations and may add codes, actors and coders
  'layers.import': (input, out, ctx) =>
    out.undoId === null || input.dryRun !== false
      ? []
      : [
          annotations(
            out.documents.filter((d) => d.added > 0 && d.documentId !== null).map((d) => d.documentId as string),
          ),
          projectNow(ctx),
        ],
  'layers.undoImport': (_in, out, ctx) => [annotations(out.documentIds), projectNow(ctx)],
};

export function changeEventsFor(
  name: MethodName,
  input: unknown,
  output: unknown,
  ctx: ChangeContext,
): EventEnvelope[] {
  const rule = changeRules[name] as Rule<MethodName>;
  try {
    return rule(input as ParsedInput<MethodName>, output as Output<MethodName>, ctx);
  } catch (err) {
    // the call itself succeeded: its answer must not turn into an error because of an event
    console.error(`Hashiya: the events of ${name} could not be worked out:`, err);
    return [];
  }
}
