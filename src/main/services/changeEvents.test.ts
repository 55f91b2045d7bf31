import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { methodNames, type MethodName } from '@shared/api';
import type { EventEnvelope } from '@shared/api/events';
import type { ProjectInfo } from '@shared/api/project';
import type { Annotation, DocumentSummary } from '@shared/model';
import { openTestProject } from '../../../test/harness/project';
import { changeEventsFor } from './changeEvents';

const info = (over: Partial<ProjectInfo> = {}): ProjectInfo => ({
  name: 'P',
  path: '/p',
  schemaVersion: 1,
  documentCount: 0,
  annotationCount: 0,
  settings: { annotator: null, snapToWords: true, uiLanguage: 'en', textSize: 20, coderId: null, blind: false },
  notices: [],
  unsaved: [],
  ...over,
});
const now = info({ name: 'now' });
const ctx = { projectInfo: () => now };
const D = 'doc-1';
const summary = { id: D } as DocumentSummary;
const annotation = { id: 'a-1', documentId: D, updatedAt: '2026-12-01T10:00:00.000Z' } as Annotation;
const savedA1 = [{ id: 'a-1', updatedAt: '2026-12-01T10:00:00.000Z' }];
const deletedA1 = [{ id: 'a-1', updatedAt: null }];
const changed = (affected: number) => ({ codebook: {}, affected, documents: affected > 0 ? 1 : 0 });

/** Methods that change nothing: answering them must send no event. */
const READ_ONLY: MethodName[] = [
  'analysis.claims',
  'analysis.network',
  'analysis.timeline',
  'analysis.view',
  'analysis.export',
  'project.info',
  'project.recent',
  'project.pickFolder',
  'backups.list',
  'page.settled',
  'documents.list',
  'documents.page',
  'documents.titles',
  'documents.sources',
  'documents.get',
  'documents.preview',
  'annotations.list',
  'registry.get',
  'registry.uses',
  'registry.exportCsv',
  'codebook.get',
  'codebook.usage',
  'codebook.export',
  'stats.summary',
  'export.csv',
  'export.texts',
  'export.bundle',
  'export.annotations',
  'export.qdpx',
  'search',
  'search.rebuildIndex',
  'agreement.report',
  'agreement.coders',
  'coders.list',
  'coders.plan.get',
  'agreement.differences',
];

type Case = { input: unknown; output: unknown; events: EventEnvelope[] };
const annotationsOf = (
  documentIds: string[] | null,
  changes?: Array<{ id: string; updatedAt: string | null }>,
): EventEnvelope => ({
  name: 'annotations.changed',
  data: changes ? { documentIds, changes } : { documentIds },
});
const documentsOf = (documentIds: string[] | null): EventEnvelope => ({
  name: 'documents.changed',
  data: { documentIds },
});
const projectIs = (i: ProjectInfo): EventEnvelope => ({ name: 'project.changed', data: { info: i } });
const unsavedIs = (i: ProjectInfo): EventEnvelope => ({ name: 'unsaved.changed', data: { unsaved: i.unsaved } });
const opened = info({ name: 'other', unsaved: [{ documentId: null, title: 'project.json', reason: 'disk full' }] });

/** Every mutating method, with a call's input and output and the events its success sends. */
const MUTATING: Partial<Record<MethodName, Case[]>> = {
  // coders: the list and plan are project.json's; blind mode changes what every view shows
  'coders.rename': [{ input: { id: 'c_1', name: 'Amal' }, output: {}, events: [projectIs(now)] }],
  'coders.plan.set': [{ input: {}, output: {}, events: [projectIs(now)] }],
  'coders.plan.make': [{ input: { coderIds: ['c_1'] }, output: {}, events: [projectIs(now)] }],
  'coders.blind': [
    { input: { on: true }, output: {}, events: [projectIs(now), documentsOf(null), annotationsOf(null)] },
  ],
  'coders.reveal': [{ input: {}, output: {}, events: [projectIs(now), documentsOf(null), annotationsOf(null)] }],
  'settings.update': [
    { input: { annotator: 'S' }, output: {}, events: [projectIs(now)] },
    // blind mode on or off changes what every view shows
    { input: { blind: true }, output: {}, events: [projectIs(now), documentsOf(null), annotationsOf(null)] },
  ],
  'project.dismissNotices': [{ input: {}, output: {}, events: [projectIs(now)] }],
  'project.save': [{ input: {}, output: opened, events: [projectIs(opened)] }],
  'project.open': [
    {
      input: { path: '/x' },
      output: opened,
      events: [documentsOf(null), annotationsOf(null)],
    },
  ],
  'project.create': [
    {
      input: { path: '/x' },
      output: opened,
      events: [documentsOf(null), annotationsOf(null)],
    },
  ],
  'backups.restore': [
    {
      input: { documentId: D, name: 'n' },
      output: opened,
      events: [projectIs(opened), unsavedIs(opened), documentsOf([D]), annotationsOf([D])],
    },
    {
      input: { documentId: null, name: 'n' },
      output: opened,
      events: [projectIs(opened), unsavedIs(opened), documentsOf(null), annotationsOf(null)],
    },
  ],
  'documents.import': [
    { input: {}, output: { document: summary, warnings: [] }, events: [documentsOf([D]), projectIs(now)] },
    {
      input: {},
      output: { document: summary, warnings: [], documents: [summary, { id: 'doc-2' }] },
      events: [documentsOf([D, 'doc-2']), projectIs(now)],
    },
  ],
  'documents.importText': [
    { input: {}, output: { document: summary, warnings: [] }, events: [documentsOf([D]), projectIs(now)] },
  ],
  'documents.update': [{ input: { id: D }, output: summary, events: [documentsOf([D])] }],
  'documents.delete': [
    { input: { id: D }, output: {}, events: [documentsOf([D]), annotationsOf([D]), projectIs(now)] },
  ],
  'annotations.create': [{ input: { documentId: D }, output: annotation, events: [annotationsOf([D], savedA1)] }],
  'annotations.createMany': [{ input: { documentId: D }, output: [annotation], events: [annotationsOf([D], savedA1)] }],
  'annotations.createAcross': [
    {
      input: {},
      output: {
        documents: [
          { documentId: D, annotations: [annotation] },
          { documentId: 'doc-2', annotations: [] },
        ],
      },
      events: [annotationsOf([D, 'doc-2'], savedA1)],
    },
    // every draft was tagged already: nothing changed
    { input: {}, output: { documents: [], skipped: 3 }, events: [] },
  ],
  'annotations.deleteAcross': [
    {
      input: { items: [{ documentId: D, ids: ['a-1'] }] },
      output: {},
      events: [annotationsOf([D], deletedA1)],
    },
  ],
  'annotations.update': [
    // the document comes from the answer when the caller did not name it
    { input: { id: 'a-1' }, output: annotation, events: [annotationsOf([D], savedA1)] },
  ],
  'annotations.delete': [
    { input: { id: 'a-1', documentId: D }, output: {}, events: [annotationsOf([D], deletedA1)] },
    { input: { id: 'a-1' }, output: {}, events: [annotationsOf(null, deletedA1)] },
  ],
  'annotations.deleteMany': [
    { input: { documentId: D, ids: ['a-1'] }, output: {}, events: [annotationsOf([D], deletedA1)] },
  ],
  'annotations.restore': [{ input: { documentId: D }, output: [annotation], events: [annotationsOf([D], savedA1)] }],
  'adjudication.decide': [{ input: { documentId: D }, output: {}, events: [annotationsOf([D])] }],
  'adjudication.undo': [{ input: { documentId: D }, output: {}, events: [annotationsOf([D])] }],
  'codebook.save': [{ input: {}, output: {}, events: [projectIs(now)] }],
  'codebook.mergeCodes': [
    { input: {}, output: changed(3), events: [projectIs(now), annotationsOf(null)] },
    { input: {}, output: changed(0), events: [projectIs(now)] },
  ],
  'codebook.undoMerge': [{ input: {}, output: changed(3), events: [projectIs(now), annotationsOf(null)] }],
  'codebook.deleteCode': [{ input: {}, output: changed(1), events: [projectIs(now), annotationsOf(null)] }],
  'codebook.import': [
    { input: {}, output: { applied: true }, events: [projectIs(now)] },
    { input: { dryRun: true }, output: { applied: false }, events: [] },
  ],
  'fields.addTemplate': [{ input: {}, output: {}, events: [projectIs(now)] }],
  'fields.clearValues': [
    { input: {}, output: { cleared: 2 }, events: [annotationsOf(null)] },
    { input: {}, output: { cleared: 0 }, events: [] },
  ],
  'registry.add': [{ input: {}, output: {}, events: [projectIs(now)] }],
  'registry.update': [{ input: {}, output: {}, events: [projectIs(now)] }],
  'registry.merge': [
    { input: {}, output: { moved: 4 }, events: [projectIs(now), annotationsOf(null)] },
    { input: {}, output: { moved: 0 }, events: [projectIs(now)] },
  ],
  'registry.delete': [
    { input: {}, output: { moved: 1 }, events: [projectIs(now), annotationsOf(null)] },
    { input: {}, output: { moved: 0 }, events: [projectIs(now)] },
  ],
  'registry.saveTypes': [{ input: {}, output: {}, events: [projectIs(now)] }],
  'registry.importCsv': [
    { input: {}, output: {}, events: [projectIs(now)] },
    { input: { dryRun: true }, output: {}, events: [] },
  ],
  'import.qdpx': [
    {
      input: {},
      output: {
        dryRun: false,
        imported: 2,
        createdCodes: [],
        documents: [{ documentId: D, status: 'new', imported: 2 }],
      },
      events: [documentsOf(null), annotationsOf([D]), projectIs(now)],
    },
    {
      input: {},
      output: {
        dryRun: true,
        imported: 2,
        createdCodes: [],
        documents: [{ documentId: null, status: 'new', imported: 2 }],
      },
      events: [],
    },
    {
      input: {},
      output: { dryRun: false, imported: 0, createdCodes: [], documents: [{ documentId: D, status: 'existing' }] },
      events: [],
    },
  ],
  'import.annotations': [
    {
      input: {},
      output: { documents: [{ id: D, title: 't', imported: 2 }], createdCodes: [] },
      events: [annotationsOf([D])],
    },
    {
      input: {},
      output: { documents: [{ id: D, title: 't', imported: 1 }], createdCodes: [{ id: 'c', name: 'c' }] },
      events: [annotationsOf([D]), projectIs(now)],
    },
    { input: {}, output: { documents: [], createdCodes: [] }, events: [] },
  ],
  'layers.import': [
    { input: { dryRun: true }, output: { undoId: null, documents: [{ documentId: D, added: 2 }] }, events: [] },
    { input: {}, output: { undoId: null, documents: [{ documentId: D, added: 2 }] }, events: [] },
    { input: { dryRun: false }, output: { undoId: null, documents: [] }, events: [] },
    {
      input: { dryRun: false },
      output: {
        undoId: 'u',
        documents: [
          { documentId: D, added: 2 },
          { documentId: 'doc-2', added: 0 },
          { documentId: null, added: 0 },
        ],
      },
      events: [annotationsOf([D]), projectIs(now)],
    },
  ],
  'layers.undoImport': [{ input: {}, output: { documentIds: [D] }, events: [annotationsOf([D]), projectIs(now)] }],
};

describe('the events each method’s success sends', () => {
  it('every method of the contract is listed, as read-only or with the events it sends', () => {
    const listed = [...READ_ONLY, ...Object.keys(MUTATING)].sort();
    expect(listed).toEqual([...methodNames].sort());
  });

  it.each(READ_ONLY)('%s sends nothing', (name) => {
    expect(changeEventsFor(name, {}, {}, ctx)).toEqual([]);
  });

  it('a rule that cannot read the answer sends nothing rather than failing the call', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(changeEventsFor('documents.import', {}, {}, ctx)).toEqual([]);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it.each(Object.entries(MUTATING) as [MethodName, Case[]][])('%s sends what it changed', (name, cases) => {
    for (const c of cases) expect(changeEventsFor(name, c.input, c.output, ctx)).toEqual(c.events);
  });
});

describe('the services’ dispatch', () => {
  let dir = '';
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('emits, in order, what each successful call changed, and nothing for a refused one', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-events-'));
    const project = await openTestProject(dir);
    const { services } = project;
    const seen: EventEnvelope[] = [];
    services.events.subscribe((e) => seen.push(e));

    await services.dispatch('settings.update', { annotator: 'Salma' });
    const { document } = (await services.dispatch('documents.importText', {
      text: 'قال المشير: نقترح وقف إطلاق النار.',
      title: 'T',
    })) as { document: DocumentSummary };
    await services.dispatch('annotations.create', { documentId: document.id, start: 0, end: 3, codes: [] });
    await expect(
      services.dispatch('annotations.create', { documentId: document.id, start: 3, end: 1 }),
    ).rejects.toThrow();
    await services.dispatch('documents.list', {});

    expect(seen.map((e) => e.name)).toEqual([
      'project.changed',
      'documents.changed',
      'project.changed',
      'annotations.changed',
    ]);
    const [settings, imported, counted, annotated] = seen;
    expect(settings?.name === 'project.changed' && settings.data.info.settings.annotator).toBe('Salma');
    expect(imported?.data).toEqual({ documentIds: [document.id] });
    expect(counted?.name === 'project.changed' && counted.data.info.documentCount).toBe(
      project.store.summaries().length,
    );
    const tag = (await services.dispatch('annotations.list', { documentId: document.id })) as Annotation[];
    // the versions it left, so the page that made the tag need not read the annotations again
    expect(annotated?.data).toEqual({
      documentIds: [document.id],
      changes: [{ id: tag[0]!.id, updatedAt: tag[0]!.updatedAt }],
    });
    await project.close();
  });
});
