/**
 * A save that cannot reach the disk: the caller gets AppError('storage') with a sentence, the
 * change stays in memory and is listed as unsaved in project.info, and a later retry saves it.
 */
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import type { DurableFs } from '../../src/main/store/durableFile';
import { DocumentFile } from '../../src/main/store/schema';
import { openTestProject, removeDir, seedTwoDocuments, tempDir } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

/** Renames into documents/ fail with EPERM while `failures` > 0 (each failure uses one up). */
function switchableFs() {
  const state = { failures: 0, renames: 0 };
  const fsys: DurableFs = {
    ...fs,
    rename: async (from, to) => {
      if (String(to).includes(`${path.sep}documents${path.sep}`)) {
        state.renames++;
        if (state.failures > 0) {
          state.failures--;
          throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
        }
      }
      return fs.rename(from, to);
    },
  };
  return { fsys, state };
}

async function onDisk(id: string): Promise<DocumentFile> {
  return DocumentFile.parse(JSON.parse(await fs.readFile(path.join(dir, 'documents', `${id}.json`), 'utf8')));
}

describe('saving through a flaky disk', () => {
  it('a rename failing with EPERM three times then succeeding loses nothing and reports nothing', async () => {
    const { a, codeId } = await seedTwoDocuments(dir);
    const { fsys, state } = switchableFs();
    const p = await openTestProject(dir, { durable: { fs: fsys, renameDelayMs: 1 } });
    state.failures = 3;
    const created = await p.call('annotations.create', { documentId: a, start: 0, end: 4, codes: [codeId] });
    expect(state.failures).toBe(0);
    expect((await onDisk(a)).annotations.map((x) => x.id)).toContain(created.id);
    expect((await p.call('project.info', {})).unsaved).toEqual([]);
    await p.store.close();
  });

  it('a permanent failure gives a clear storage error, keeps the change unsaved in memory, and a retry saves it', async () => {
    const { a, b, codeId } = await seedTwoDocuments(dir);
    const { fsys, state } = switchableFs();
    const p = await openTestProject(dir, { durable: { fs: fsys, renameDelayMs: 1 }, retryDelayMs: 60_000 });
    state.failures = Number.POSITIVE_INFINITY;

    const err = await p
      .call('annotations.create', { documentId: a, start: 0, end: 4, codes: [codeId], values: { note: 'kept' } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('storage');
    expect((err as AppError).message).toMatch(
      /^Could not save .+\.json: .*after 5 attempts\. Your change is kept in memory and marked unsaved/,
    );

    // the change is still there for the researcher to see, and flagged
    const inMemory = await p.call('annotations.list', { documentId: a });
    expect(inMemory.map((x) => x.values.note)).toContain('kept');
    expect((await onDisk(a)).annotations.map((x) => x.values.note)).not.toContain('kept');
    const info = await p.call('project.info', {});
    expect(info.unsaved).toEqual([
      { documentId: a, title: 'Article A', reason: expect.stringContaining('Could not save') },
    ]);
    // other documents are not affected
    expect(await p.call('annotations.list', { documentId: b })).toHaveLength(2);

    // retrying while the disk still refuses keeps it marked
    expect((await p.call('project.save', {})).unsaved).toHaveLength(1);

    // the disk recovers: a retry writes it and clears the mark
    state.failures = 0;
    expect((await p.call('project.save', {})).unsaved).toEqual([]);
    expect((await onDisk(a)).annotations.map((x) => x.values.note)).toContain('kept');
    await p.store.close();

    const reopened = await openTestProject(dir);
    expect((await reopened.call('annotations.list', { documentId: a })).map((x) => x.values.note)).toContain('kept');
    await reopened.store.close();
  });

  it('the automatic retry saves the change without the user doing anything', async () => {
    const { a, codeId } = await seedTwoDocuments(dir);
    const { fsys, state } = switchableFs();
    const p = await openTestProject(dir, { durable: { fs: fsys, renameDelayMs: 1 }, retryDelayMs: 30 });
    state.failures = 5;
    await expect(
      p.call('annotations.create', { documentId: a, start: 0, end: 4, codes: [codeId], values: { note: 'later' } }),
    ).rejects.toThrow(/unsaved/);
    for (let i = 0; i < 100 && (await p.call('project.info', {})).unsaved.length > 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect((await p.call('project.info', {})).unsaved).toEqual([]);
    expect((await onDisk(a)).annotations.map((x) => x.values.note)).toContain('later');
    await p.store.close();
  });

  it('flush on quit writes a change whose save failed earlier', async () => {
    const { a, codeId } = await seedTwoDocuments(dir);
    const { fsys, state } = switchableFs();
    const p = await openTestProject(dir, { durable: { fs: fsys, renameDelayMs: 1 }, retryDelayMs: 60_000 });
    state.failures = 5;
    await expect(
      p.call('annotations.create', { documentId: a, start: 0, end: 4, codes: [codeId], values: { note: 'at quit' } }),
    ).rejects.toThrow();
    await p.store.flush();
    expect((await onDisk(a)).annotations.map((x) => x.values.note)).toContain('at quit');
    await p.store.close();
  });

  it('closing with a change that still cannot be saved refuses, so the change is not dropped', async () => {
    const { a, codeId } = await seedTwoDocuments(dir);
    const { fsys, state } = switchableFs();
    const p = await openTestProject(dir, { durable: { fs: fsys, renameDelayMs: 1 }, retryDelayMs: 60_000 });
    state.failures = Number.POSITIVE_INFINITY;
    await expect(p.call('annotations.create', { documentId: a, start: 0, end: 4, codes: [codeId] })).rejects.toThrow();
    await expect(p.store.close()).rejects.toThrow(/could not be saved \(Article A\)/);
    expect(p.store.isClosed).toBe(false);
    state.failures = 0;
    await p.store.close();
  });
});

describe('a create kept in memory when the disk refuses', () => {
  it('says so in the error, and a retry with the same requestId stores it once, never twice', async () => {
    const { a, codeId } = await seedTwoDocuments(dir);
    const { fsys, state } = switchableFs();
    const p = await openTestProject(dir, { durable: { fs: fsys, renameDelayMs: 1 }, retryDelayMs: 60_000 });
    state.failures = Number.POSITIVE_INFINITY;
    const draft = {
      documentId: a,
      start: 0,
      end: 4,
      codes: [codeId],
      values: { note: 'once' },
      requestId: 'tag-0001-retry',
    };

    const first = (await p.call('annotations.create', draft).catch((e: unknown) => e)) as AppError;
    expect(first.code).toBe('storage');
    // the error names what was kept, so a client shows it as pending rather than dropping it
    const details = first.details as { unsaved: boolean; annotations: Array<{ id: string; values: { note: string } }> };
    expect(details.unsaved).toBe(true);
    expect(details.annotations.map((x) => x.values.note)).toEqual(['once']);

    // retried while the disk still refuses: the same storage error, still one annotation
    const again = (await p.call('annotations.create', draft).catch((e: unknown) => e)) as AppError;
    expect(again.code).toBe('storage');
    expect((again.details as typeof details).annotations[0]?.id).toBe(details.annotations[0]?.id);

    // retried after the disk recovers: success, the same annotation, on disk once
    state.failures = 0;
    const saved = await p.call('annotations.create', draft);
    expect(saved.id).toBe(details.annotations[0]?.id);
    expect((await onDisk(a)).annotations.filter((x) => x.values.note === 'once')).toHaveLength(1);
    expect((await p.call('annotations.list', { documentId: a })).filter((x) => x.values.note === 'once')).toHaveLength(
      1,
    );
    expect((await p.call('project.info', {})).unsaved).toEqual([]);

    // one key never stands for two different annotations
    await expect(p.call('annotations.create', { ...draft, end: 6 })).rejects.toMatchObject({ code: 'conflict' });
    expect(await p.call('annotations.list', { documentId: a })).toHaveLength(2);
    await p.store.close();
  });

  it('createMany takes one key for the batch: a retry returns the same batch', async () => {
    const { a, codeId } = await seedTwoDocuments(dir);
    const { fsys, state } = switchableFs();
    const p = await openTestProject(dir, { durable: { fs: fsys, renameDelayMs: 1 }, retryDelayMs: 60_000 });
    state.failures = Number.POSITIVE_INFINITY;
    const one = { documentId: a, start: 0, end: 4, codes: [codeId] };
    const batch = { documentId: a, requestId: 'batch-0001-retry', drafts: [one, { ...one, start: 5, end: 12 }] };
    await expect(p.call('annotations.createMany', batch)).rejects.toMatchObject({
      code: 'storage',
      details: { unsaved: true },
    });
    state.failures = 0;
    const saved = await p.call('annotations.createMany', batch);
    expect(saved).toHaveLength(2);
    expect((await onDisk(a)).annotations).toHaveLength(3);
    // a key per draft inside a batch is refused, with nothing changed
    await expect(
      p.call('annotations.createMany', { documentId: a, drafts: [{ ...one, requestId: 'draft-0001-key' }] }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    // keys are held in a Map: one spelled like an object's built-in is just a key
    await expect(p.call('annotations.create', { ...one, requestId: '__proto__' })).resolves.toBeDefined();
    // a key that is not a bounded safe string is refused
    await expect(p.call('annotations.create', { ...one, requestId: 'a b' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(p.call('annotations.create', { ...one, requestId: 'x'.repeat(65) })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect((await onDisk(a)).annotations).toHaveLength(4);
    await p.store.close();
  });
});

describe('flush', () => {
  it('waits for the delayed index save and the document writes', async () => {
    const { a, codeId } = await seedTwoDocuments(dir);
    const p = await openTestProject(dir, { indexSaveDelayMs: 60_000 });
    const pending = [1, 2, 3].map((i) =>
      p.call('annotations.create', { documentId: a, start: i, end: i + 3, codes: [codeId] }),
    );
    // the host's flush waits for the calls accepted before it, then for their writes
    await p.host.flush();
    await Promise.all(pending);
    const index = JSON.parse(await fs.readFile(path.join(dir, 'project.json'), 'utf8')) as {
      documents: Array<{ id: string; annotationCount: number }>;
    };
    expect(index.documents.find((d) => d.id === a)?.annotationCount).toBe(4);
    expect((await onDisk(a)).annotations).toHaveLength(4);
    await p.store.close();
  });
});
