import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Annotation, DocumentSummary } from '@shared/model';
import type { Services } from './index';
import { hostTestProject } from '../../../test/harness/project';
import { ProjectStore } from '../store/projectStore';

let dir: string;
let services: Services;
let store: ProjectStore;
const call = <T>(name: string, input: unknown) => services.dispatch(name, input) as Promise<T>;

const TEXT = 'قال 😀 المشير خليفه حفتر: نقترح وقف إطلاق النار.\nوردّ السراج 👍🏽 بالرفض.';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-ann-'));
  store = await ProjectStore.open(dir);
  services = (await hostTestProject(store)).services;
  await call('settings.update', { annotator: 'Salma' });
});
afterEach(async () => {
  await store.flush();
  await rm(dir, { recursive: true, force: true });
});

async function addDoc(): Promise<DocumentSummary> {
  const { document } = await call<{ document: DocumentSummary }>('documents.importText', { text: TEXT, title: 'Test' });
  return document;
}

const cpIndex = (s: string) =>
  [...TEXT].join('').indexOf(s) - (TEXT.slice(0, TEXT.indexOf(s)).length - [...TEXT.slice(0, TEXT.indexOf(s))].length);

describe('annotations', () => {
  it('stores the quote the server cuts from its own text, in code points after an emoji', async () => {
    const doc = await addDoc();
    const start = cpIndex('خليفه حفتر');
    const a = await call<Annotation>('annotations.create', {
      documentId: doc.id,
      start,
      end: start + 10,
      codes: ['ceasefire-proposal'],
    });
    expect(a.quote).toBe('خليفه حفتر');
    expect([...TEXT].slice(a.start, a.end).join('')).toBe('خليفه حفتر');
    expect(a.annotator).toBe('Salma');
    expect(a.prefix).toBe([...TEXT].slice(Math.max(0, start - 32), start).join(''));
    // it is on disk before the call returns
    const file = JSON.parse(await readFile(path.join(dir, 'documents', `${doc.id}.json`), 'utf8'));
    expect(file.annotations.map((x: Annotation) => x.id)).toEqual([a.id]);
  });

  it('refuses spans that are out of range, reversed, split a grapheme, or use unknown codes — and changes nothing', async () => {
    const doc = await addDoc();
    const bad = [
      { start: 5, end: 5 },
      { start: 9, end: 3 },
      { start: 0, end: 10_000 },
      { start: -1, end: 3 },
    ];
    for (const span of bad) {
      await expect(call('annotations.create', { documentId: doc.id, ...span, codes: [] })).rejects.toMatchObject({
        code: 'invalid_input',
      });
    }
    const thumb = cpIndex('👍🏽');
    await expect(
      call('annotations.create', { documentId: doc.id, start: thumb, end: thumb + 1, codes: [] }),
    ).rejects.toThrow(/split/);
    await expect(call('annotations.create', { documentId: doc.id, start: 0, end: 3, codes: ['nope'] })).rejects.toThrow(
      /Unknown code/,
    );
    expect(await call('annotations.list', { documentId: doc.id })).toEqual([]);
  });

  it('updates, deletes and restores (undo) with the same id', async () => {
    const doc = await addDoc();
    const a = await call<Annotation>('annotations.create', {
      documentId: doc.id,
      start: 0,
      end: 3,
      codes: ['ceasefire-proposal'],
    });
    const u = await call<Annotation>('annotations.update', {
      id: a.id,
      values: { position: 'proposes', note: ' said twice ' },
    });
    expect(u).toMatchObject({ values: { position: 'proposes', note: ' said twice ' }, createdAt: a.createdAt });
    await call('annotations.delete', { id: a.id });
    expect(await call('annotations.list', { documentId: doc.id })).toEqual([]);
    const [back] = await call<Annotation[]>('annotations.restore', { documentId: doc.id, annotations: [u] });
    expect(back).toEqual(u);
    await expect(call('annotations.restore', { documentId: doc.id, annotations: [u] })).rejects.toMatchObject({
      code: 'conflict',
    });
    const summary = (await call<DocumentSummary[]>('documents.list', {}))[0];
    expect(summary?.annotationCount).toBe(1);
  });

  it('restores an annotation listed twice in one batch once, and refuses two different ones under one id', async () => {
    const doc = await addDoc();
    const [a, b] = await call<Annotation[]>('annotations.createMany', {
      documentId: doc.id,
      drafts: [
        { documentId: doc.id, start: 0, end: 3, codes: ['ceasefire-proposal'], values: { note: 'حفتر' } },
        { documentId: doc.id, start: 6, end: 12, codes: [], values: { note: 'السراج' } },
      ],
    });
    await call('annotations.deleteMany', { documentId: doc.id, ids: [a!.id, b!.id] });
    const back = await call<Annotation[]>('annotations.restore', { documentId: doc.id, annotations: [a, b, a] });
    expect(back.map((x) => x.id)).toEqual([a!.id, b!.id]);
    const list = await call<Annotation[]>('annotations.list', { documentId: doc.id });
    expect(list.map((x) => x.id)).toEqual([a!.id, b!.id]);
    const file = JSON.parse(await readFile(path.join(dir, 'documents', `${doc.id}.json`), 'utf8'));
    expect(file.annotations.map((x: Annotation) => x.id)).toEqual([a!.id, b!.id]);

    // against the annotations already there: refused as a whole, nothing added
    await call('annotations.delete', { id: b!.id });
    await expect(call('annotations.restore', { documentId: doc.id, annotations: [b, a] })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await call<Annotation[]>('annotations.list', { documentId: doc.id })).map((x) => x.id)).toEqual([a!.id]);

    // the same id with different content cannot both be right
    await expect(
      call('annotations.restore', {
        documentId: doc.id,
        annotations: [b, { ...b!, values: { note: 'someone else' } }],
      }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await call<Annotation[]>('annotations.list', { documentId: doc.id })).map((x) => x.id)).toEqual([a!.id]);
    expect((await call<DocumentSummary[]>('documents.list', {}))[0]?.annotationCount).toBe(1);
  });

  it('keeps annotations in reading order, and a claim names only an actor the registry has', async () => {
    const doc = await addDoc();
    const sarraj = (
      await call<{ entity: { id: string } }>('registry.add', { entity: { kind: 'actor', nameAr: 'السراج' } })
    ).entity.id;
    await call('annotations.createMany', {
      documentId: doc.id,
      drafts: [
        { documentId: doc.id, start: 20, end: 24, codes: [], values: { claimant: sarraj } },
        { documentId: doc.id, start: 0, end: 3, codes: [] },
        { documentId: doc.id, start: 6, end: 12, codes: [], values: { claimant: sarraj } },
      ],
    });
    const list = await call<Annotation[]>('annotations.list', { documentId: doc.id });
    expect(list.map((a) => a.start)).toEqual([0, 6, 20]);
    expect((await call<{ uses: unknown[] }>('registry.uses', {})).uses).toEqual([{ id: sarraj, count: 2 }]);
    // a batch with one claim naming no actor of the registry: refused whole, with the sentence
    await expect(
      call('annotations.createMany', {
        documentId: doc.id,
        drafts: [
          { documentId: doc.id, start: 0, end: 3, codes: [], values: { claimant: sarraj } },
          { documentId: doc.id, start: 6, end: 12, codes: [], values: { claimant: 'nobody' } },
        ],
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/no actor with the id “nobody”/) });
    expect(await call<Annotation[]>('annotations.list', { documentId: doc.id })).toHaveLength(3);
  });

  it('rejects unknown methods, extra fields and wrong types with readable messages', async () => {
    await expect(call('nope.nothing', {})).rejects.toMatchObject({ code: 'not_found' });
    await expect(call('documents.list', { extra: 1 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('annotations.list', { documentId: '../../etc/passwd' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(call('annotations.list', { documentId: 'missing' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('moves a saved span’s edges: quote and context re-derived, bounds and marks checked, order kept', async () => {
    const doc = await addDoc();
    const start = cpIndex('خليفه حفتر');
    const a = await call<Annotation>('annotations.create', {
      documentId: doc.id,
      start,
      end: start + 5,
      codes: ['ceasefire-proposal'],
      values: { note: 'n' },
    });
    const b = await call<Annotation>('annotations.create', {
      documentId: doc.id,
      start: start + 6,
      end: start + 10,
      codes: [],
    });
    expect(a.quote).toBe('خليفه');
    // the end moves one word on, the start one word back
    const grown = await call<Annotation>('annotations.update', {
      id: a.id,
      documentId: doc.id,
      start: cpIndex('المشير'),
      end: start + 10,
    });
    expect(grown).toMatchObject({
      id: a.id,
      quote: 'المشير خليفه حفتر',
      values: { note: 'n' },
      start: cpIndex('المشير'),
      end: start + 10,
    });
    expect(grown.prefix).toBe([...TEXT].slice(0, cpIndex('المشير')).join(''));
    expect(grown.suffix.startsWith(': نقترح')).toBe(true);
    // moving the start past b's keeps the list in reading order
    await call('annotations.update', { id: a.id, start: start + 7, end: start + 10 });
    expect((await call<Annotation[]>('annotations.list', { documentId: doc.id })).map((x) => x.id)).toEqual([
      b.id,
      a.id,
    ]);
    // refused, with nothing changed: past the text, reversed, only white space, splitting a mark
    const thumb = cpIndex('👍🏽');
    for (const span of [
      { end: 10_000 },
      { start: start + 10 },
      { start: start + 5, end: start + 6 },
      { start: thumb, end: thumb + 1 },
    ]) {
      await expect(call('annotations.update', { id: a.id, documentId: doc.id, ...span })).rejects.toMatchObject({
        code: 'invalid_input',
      });
    }
    const file = JSON.parse(await readFile(path.join(dir, 'documents', `${doc.id}.json`), 'utf8'));
    expect(file.annotations.find((x: Annotation) => x.id === a.id)).toMatchObject({
      start: start + 7,
      end: start + 10,
      quote: 'فتر',
    });
  });
});
