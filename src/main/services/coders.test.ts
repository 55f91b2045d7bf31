import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '@shared/api';
import type { Annotation, DocumentSummary } from '@shared/model';
import { openTestProject, type TestProject } from '../../../test/harness/project';

let dir: string;
let p: TestProject;
const call = <T>(name: string, input: unknown) => p.services.dispatch(name, input) as Promise<T>;
const fails = (name: string, input: unknown) =>
  call(name, input).then(
    () => {
      throw new Error(`${name} should have failed`);
    },
    (err: unknown) => err as { code: string; message: string },
  );

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-coders-'));
  p = await openTestProject(dir);
});
afterEach(async () => {
  await p.close();
  await rm(dir, { recursive: true, force: true });
});

const TEXT = 'قال المشير إن وقف إطلاق النار ممكن، وقال الوزير إن حظر السلاح يجب أن يحترم.';

async function addDoc(title = 'One'): Promise<DocumentSummary> {
  return (
    await call<{ document: DocumentSummary }>('documents.importText', { text: TEXT, title, allowDuplicate: true })
  ).document;
}
const draft = (doc: DocumentSummary, start: number, end: number, codes = ['ceasefire']) => ({
  documentId: doc.id,
  start,
  end,
  codes,
});
const me = async () => (await call<Output<'coders.list'>>('coders.list', {})).me;

/** Another coder's annotation, put in as a merge would (before blind mode is on). */
async function seedOther(doc: DocumentSummary, start = 14, end = 30, codes = ['ceasefire']): Promise<Annotation> {
  const now = new Date().toISOString();
  const other: Annotation = {
    id: `other-${start}-${end}`,
    documentId: doc.id,
    start,
    end,
    quote: [...TEXT].slice(start, end).join(''),
    prefix: '',
    suffix: '',
    codes,
    values: {},
    annotator: 'Badr',
    coderId: 'c_badr',
    createdAt: now,
    updatedAt: now,
  };
  const [made] = await call<Annotation[]>('annotations.restore', { documentId: doc.id, annotations: [other] });
  return made as Annotation;
}

describe('coder ids', () => {
  it('are made once when the annotator is first named, kept on a rename, and listed with the name', async () => {
    expect(await me()).toBeNull();
    const first = await call<{ coderId: string | null }>('settings.update', { annotator: 'Amal' });
    expect(first.coderId).toMatch(/^c_[0-9a-f]{16}$/);
    const renamed = await call<{ coderId: string | null }>('settings.update', { annotator: 'Amal K.' });
    expect(renamed.coderId).toBe(first.coderId);
    const list = await call<Output<'coders.list'>>('coders.list', {});
    expect(list.coders).toEqual([{ id: first.coderId, name: 'Amal K.' }]);
    expect(list.me).toEqual({ id: first.coderId, name: 'Amal K.' });
    // renaming me in the coder list renames the annotator new annotations record
    await call('coders.rename', { id: first.coderId, name: 'Amal Kh.' });
    expect((await call<{ settings: { annotator: string } }>('project.info', {})).settings.annotator).toBe('Amal Kh.');
    expect((await fails('coders.rename', { id: 'c_nobody', name: 'X' })).code).toBe('not_found');
    expect((await fails('coders.rename', { id: '../x', name: 'X' })).code).toBe('invalid_input');
    expect((await fails('coders.rename', { id: first.coderId, name: '  ' })).code).toBe('invalid_input');
  });

  it('of annotations put back (annotations.restore) join the coder list under their annotator', async () => {
    const doc = await addDoc();
    await call('settings.update', { annotator: 'Amal' });
    await seedOther(doc);
    await seedOther(doc, 40, 45);
    const list = await call<Output<'coders.list'>>('coders.list', {});
    expect(list.coders.map((c) => [c.id === list.me?.id ? 'me' : c.id, c.name])).toEqual([
      ['me', 'Amal'],
      ['c_badr', 'Badr'],
    ]);
  });

  it('go on every annotation made: create, createMany, createAcross and an import of my own W3C file', async () => {
    const doc = await addDoc();
    const { coderId } = await call<{ coderId: string }>('settings.update', { annotator: 'Amal' });
    const one = await call<Annotation>('annotations.create', draft(doc, 0, 3));
    const many = await call<Annotation[]>('annotations.createMany', {
      documentId: doc.id,
      drafts: [draft(doc, 4, 10)],
    });
    const across = await call<Output<'annotations.createAcross'>>('annotations.createAcross', {
      items: [{ documentId: doc.id, drafts: [draft(doc, 14, 30)] }],
    });
    expect([one, ...many, ...across.documents.flatMap((d) => d.annotations)].map((a) => a.coderId)).toEqual([
      coderId,
      coderId,
      coderId,
    ]);
    const { json } = await call<{ json: string }>('export.annotations', {});
    await call('annotations.deleteMany', { documentId: doc.id, ids: [one.id] });
    await call('import.annotations', { json });
    const back = (await call<Annotation[]>('annotations.list', { documentId: doc.id })).find((a) => a.id === one.id);
    expect(back?.coderId).toBe(coderId);
  });

  it('are made at the first annotation of a project named before coder ids, and old annotations stay mine', async () => {
    const doc = await addDoc();
    // a project from before coder ids: a name, no id (as an older project.json reads)
    await p.store.updateProject((d) => (d.settings = { ...d.settings, annotator: 'Amal', coderId: null }));
    const old = await seedOther(doc, 0, 3);
    await p.store.updateDocument(doc.id, (file) => {
      const a = file.annotations.find((x) => x.id === old.id) as Annotation;
      a.annotator = 'Amal';
      delete a.coderId;
    });
    const made = await call<Annotation>('annotations.create', draft(doc, 4, 10));
    expect(made.coderId).toMatch(/^c_[0-9a-f]{16}$/);
    expect((await me())?.id).toBe(made.coderId);
    // blind: the old one (annotator = my name, no id) is still mine
    await call('coders.blind', { on: true });
    expect((await call<Annotation[]>('annotations.list', { documentId: doc.id })).map((a) => a.id).sort()).toEqual(
      [old.id, made.id].sort(),
    );
    // the agreement report counts my old and new annotations as one coder (asked after reveal)
    await call('coders.reveal', {});
    expect(await call('agreement.coders', {})).toEqual([{ coder: made.coderId, name: 'Amal', annotations: 2 }]);
  });
});

describe('coders.plan.make', () => {
  async function tenDocuments(): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await addDoc(`D${i}`)).id);
    return ids;
  }
  const coders = async () => {
    const amal = (await call<{ coderId: string }>('settings.update', { annotator: 'Amal' })).coderId;
    await p.store.updateProject((d) => d.coders.push({ id: 'c_badr', name: 'Badr' }));
    return [amal, 'c_badr'];
  };

  it('gives every document one coder in turn and exactly the share to all, the same for the same seed', async () => {
    const docs = await tenDocuments();
    const ids = await coders();
    const made = await call<Output<'coders.plan.make'>>('coders.plan.make', { coderIds: ids, share: 0.3, seed: 7 });
    expect(made.seed).toBe(7);
    expect(made.plan.doubleCoded).toHaveLength(3);
    expect(made.plan.assignments.map((a) => a.documentId)).toEqual(docs);
    made.plan.assignments.forEach((a, i) => {
      expect(a.coderIds[0]).toBe(ids[i % 2]);
      expect(a.coderIds.length).toBe(made.plan.doubleCoded.includes(a.documentId) ? 2 : 1);
    });
    const again = await call<Output<'coders.plan.make'>>('coders.plan.make', { coderIds: ids, share: 0.3, seed: 7 });
    expect(again.plan).toEqual(made.plan);
    expect(await call('coders.plan.get', {})).toEqual(made.plan);
    const other = await call<Output<'coders.plan.make'>>('coders.plan.make', { coderIds: ids, share: 0.3, seed: 8 });
    expect(other.plan.doubleCoded).toHaveLength(3);
    const half = await call<Output<'coders.plan.make'>>('coders.plan.make', { coderIds: ids, share: 0.25, seed: 1 });
    expect(half.plan.doubleCoded).toHaveLength(3); // round(2.5) = 3
    const none = await call<Output<'coders.plan.make'>>('coders.plan.make', { coderIds: ids, share: 0 });
    expect(none.plan.doubleCoded).toEqual([]);
    const all = await call<Output<'coders.plan.make'>>('coders.plan.make', { coderIds: ids, share: 1 });
    expect(all.plan.doubleCoded).toEqual(docs);
  });

  it('takes the documents the researcher picks instead of a share', async () => {
    const docs = await tenDocuments();
    const ids = await coders();
    const picked = [docs[2] as string, docs[5] as string];
    const made = await call<Output<'coders.plan.make'>>('coders.plan.make', { coderIds: ids, documentIds: picked });
    expect(made.plan.doubleCoded).toEqual(picked);
    expect(made.plan.assignments[5]?.coderIds).toEqual([ids[1], ids[0]]);
  });

  it('refuses hostile input (400), unknown coders and documents (404), and changes nothing', async () => {
    const docs = await tenDocuments();
    const ids = await coders();
    for (const bad of [
      {},
      { coderIds: [] },
      { coderIds: ids, share: 1.5 },
      { coderIds: ids, share: -0.1 },
      { coderIds: ids, share: '0.3' },
      { coderIds: ['__proto__ x'] },
      { coderIds: ids, seed: -1 },
      { coderIds: ids, extra: 1 },
      { coderIds: ids, share: 0.3, documentIds: [docs[0]] },
    ])
      expect((await fails('coders.plan.make', bad)).code, JSON.stringify(bad)).toBe('invalid_input');
    expect((await fails('coders.plan.make', { coderIds: ['c_nobody'] })).code).toBe('not_found');
    expect((await fails('coders.plan.make', { coderIds: ids, documentIds: ['no-such'] })).code).toBe('not_found');
    expect(await call('coders.plan.get', {})).toEqual({ assignments: [], doubleCoded: [] });
  });

  it('coders.plan.set takes the researcher’s own plan, checked', async () => {
    const docs = await tenDocuments();
    const ids = await coders();
    const plan = { assignments: [{ documentId: docs[0], coderIds: ids }], doubleCoded: [docs[0]] };
    expect(await call('coders.plan.set', plan)).toEqual(plan);
    expect(await call('coders.plan.set', { doubleCoded: [] })).toEqual({ ...plan, doubleCoded: [] });
    const twice = { assignments: [plan.assignments[0], plan.assignments[0]] };
    expect((await fails('coders.plan.set', twice)).code).toBe('invalid_input');
    expect((await fails('coders.plan.set', { assignments: [{ documentId: docs[0], coderIds: ['c_x'] }] })).code).toBe(
      'not_found',
    );
    expect((await fails('coders.plan.set', { doubleCoded: ['nope'] })).code).toBe('not_found');
    expect((await call<{ doubleCoded: string[] }>('coders.plan.get', {})).doubleCoded).toEqual([]);
  });
});

describe('blind mode', () => {
  /** A document with one annotation of mine (0–3) and one of another coder (14–30), then blind on. */
  async function blindWithTwo() {
    const doc = await addDoc();
    await call('settings.update', { annotator: 'Amal' });
    const mine = await call<Annotation>('annotations.create', draft(doc, 0, 3));
    const other = await seedOther(doc);
    await call('coders.blind', { on: true });
    return { doc, mine, other };
  }

  it('turned on in a project named before coder ids gives the coder their id', async () => {
    await p.store.updateProject((d) => (d.settings = { ...d.settings, annotator: 'Amal', coderId: null }));
    const state = await call<Output<'coders.blind'>>('coders.blind', { on: true });
    expect(state.blind).toBe(true);
    expect(state.me).toEqual({ id: expect.stringMatching(/^c_[0-9a-f]{16}$/), name: 'Amal' });
  });

  it('needs a named coder first', async () => {
    const err = await fails('coders.blind', { on: true });
    expect(err.code).toBe('invalid_input');
    expect(err.message).toMatch(/your name/);
    expect((await call<Output<'coders.list'>>('coders.list', {})).blind).toBe(false);
  });

  it('annotations.list (the reader and its panel) shows only mine', async () => {
    const { doc, mine } = await blindWithTwo();
    expect((await call<Annotation[]>('annotations.list', { documentId: doc.id })).map((a) => a.id)).toEqual([mine.id]);
    await call('coders.reveal', {});
    expect(await call<Annotation[]>('annotations.list', { documentId: doc.id })).toHaveLength(2);
  });

  it('the library counts only mine (documents.list and documents.get), from memory and from files', async () => {
    const doc = await addDoc();
    const second = await addDoc('Two');
    await call('settings.update', { annotator: 'Amal' });
    await call('annotations.create', draft(doc, 0, 3));
    await seedOther(doc);
    await seedOther(second);
    // opened again: no document is in memory, so each is counted from its file
    await p.close();
    p = await openTestProject(dir);
    await call('coders.blind', { on: true });
    expect((await call<DocumentSummary[]>('documents.list', {})).map((d) => d.annotationCount)).toEqual([1, 0]);
    // and once loaded (the reader opened it), from memory
    await call('annotations.list', { documentId: doc.id });
    expect((await call<DocumentSummary>('documents.get', { id: doc.id })).annotationCount).toBe(1);
    expect((await call<DocumentSummary[]>('documents.list', {})).map((d) => d.annotationCount)).toEqual([1, 0]);
    await call('coders.reveal', {});
    expect((await call<DocumentSummary[]>('documents.list', {})).map((d) => d.annotationCount)).toEqual([2, 1]);
  });

  it('stats.summary counts only mine', async () => {
    const { doc } = await blindWithTwo();
    const all = await call<Output<'stats.summary'>>('stats.summary', {});
    expect(all.annotations).toBe(1);
    expect(all.codes.find((c) => c.id === 'ceasefire')?.count).toBe(1);
    expect((await call<Output<'stats.summary'>>('stats.summary', { documentId: doc.id })).annotations).toBe(1);
  });

  it('search tagging: a hit another coder tagged is not tagged for me', async () => {
    const { doc } = await blindWithTwo();
    const out = await call<Output<'annotations.createAcross'>>('annotations.createAcross', {
      items: [{ documentId: doc.id, drafts: [draft(doc, 14, 30)] }],
      skipTagged: true,
    });
    expect(out.skipped).toBe(0);
    expect(out.documents.flatMap((d) => d.annotations)).toHaveLength(1);
  });

  it('analysis: the claims table, the timeline and the network count only mine', async () => {
    await blindWithTwo();
    expect((await call<Output<'analysis.claims'>>('analysis.claims', { offset: 0, limit: 10 })).total).toBe(1);
    expect((await call<Output<'analysis.timeline'>>('analysis.timeline', {})).claims).toBe(1);
    const network = await call<Output<'analysis.network'>>('analysis.network', { network: { type: 'twoMode' } });
    expect(network.claims).toBe(1);
  });

  it('refuses changing or deleting another coder’s annotation (403) and the agreement report', async () => {
    const { doc, other } = await blindWithTwo();
    const refusals = [
      ['annotations.update', { id: other.id, documentId: doc.id, codes: ['arms-embargo'] }],
      ['annotations.delete', { id: other.id, documentId: doc.id }],
      ['annotations.deleteMany', { documentId: doc.id, ids: [other.id] }],
      ['annotations.deleteAcross', { items: [{ documentId: doc.id, ids: [other.id] }] }],
      ['annotations.restore', { documentId: doc.id, annotations: [{ ...other, id: 'other-2' }] }],
      ['agreement.report', {}],
      ['agreement.coders', {}],
    ] as const;
    for (const [name, input] of refusals) {
      const err = await fails(name, input);
      expect(err.code, name).toBe('forbidden');
      expect(err.message, name).toMatch(/Blind coding is on/);
    }
    await call('coders.reveal', {});
    const back = (await call<Annotation[]>('annotations.list', { documentId: doc.id })).find((a) => a.id === other.id);
    expect(back?.codes).toEqual(['ceasefire']);
  });

  it('exports stay whole', async () => {
    await blindWithTwo();
    expect((await call<{ rows: number }>('export.csv', {})).rows).toBe(2);
    expect((await call<{ count: number }>('export.annotations', {})).count).toBe(2);
  });
});
