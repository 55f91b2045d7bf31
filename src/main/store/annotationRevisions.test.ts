import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, DocumentSummary } from '@shared/model';
import { openTestProject, type TestProject } from '../../../test/harness/project';
import { AnnotationRevisions } from './annotationRevisions';

describe('AnnotationRevisions', () => {
  it('gives a list 0 until it is changed, then a number never given before, to the lists before and after', () => {
    const r = new AnnotationRevisions();
    const a: Annotation[] = [];
    const b: Annotation[] = [];
    expect(r.of(a)).toBe(0);
    r.changed(a, a);
    const first = r.of(a);
    expect(first).toBeGreaterThan(0);
    r.changed(a, b);
    expect(r.of(a)).toBe(r.of(b));
    expect(r.of(b)).not.toBe(first);
    r.changed(b, b);
    expect(new Set([0, first, r.of(a), r.of(b)]).size).toBe(4);
  });
});

describe('ProjectStore.annotationRevision', () => {
  let dir: string;
  let project: TestProject;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-revisions-'));
    project = await openTestProject(dir);
  });
  afterEach(async () => {
    await project.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('changes with every change the store makes to a document, and only then', async () => {
    const { document } = (await project.call('documents.importText', {
      text: 'a claim and another claim',
      title: 'D',
    })) as { document: DocumentSummary };
    const store = project.store;
    const listNow = async () => (await store.document(document.id)).data.annotations;
    const seen: number[] = [];
    const revision = async () => store.annotationRevision(await listNow());
    seen.push(await revision());
    // an annotation added (the list changed through updateDocument)
    await project.call('annotations.create', { documentId: document.id, start: 0, end: 7, codes: [] });
    seen.push(await revision());
    // read, not changed: the same revision
    await project.call('annotations.list', { documentId: document.id });
    expect(await revision()).toBe(seen[1]);
    // an element replaced in place
    const [a] = await listNow();
    await project.call('annotations.update', { id: (a as Annotation).id, documentId: document.id, end: 9 });
    seen.push(await revision());
    // a new list put in place of the old one: both lists take the new number
    const old = await listNow();
    await store.updateDocument(document.id, (file) => {
      file.annotations = file.annotations.filter(() => false);
    });
    expect(await listNow()).not.toBe(old);
    expect(store.annotationRevision(old)).toBe(await revision());
    seen.push(await revision());
    // a change that throws may have changed something: a new number too
    await expect(
      store.updateDocument(document.id, () => {
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    seen.push(await revision());
    // updateDocuments
    await store.updateDocuments([{ id: document.id, change: () => undefined }]);
    seen.push(await revision());
    expect(new Set(seen).size).toBe(seen.length);
  });
});
