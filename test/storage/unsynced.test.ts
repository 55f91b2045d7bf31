/**
 * project.json's document list and counts are a cache of the document files. A marker file says
 * when the cache may be behind; a start that finds it rebuilds the list from the files, and a
 * clean quit (flush) removes it so a normal start does not read every document.
 */
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DurableFs } from '../../src/main/store/durableFile';
import { UNSYNCED_FILE } from '../../src/main/store/projectStore';
import { ARTICLE_B, openTestProject, removeDir, seedTwoDocuments, tempDir } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

const marker = () =>
  fs.access(path.join(dir, UNSYNCED_FILE)).then(
    () => true,
    () => false,
  );

describe('the unsynced marker', () => {
  it('is there while a count waits to be saved, and gone after flush', async () => {
    const { a, codeId } = await seedTwoDocuments(dir);
    expect(await marker()).toBe(false);
    const p = await openTestProject(dir, { indexSaveDelayMs: 60_000 });
    expect(await marker()).toBe(false);
    await p.call('annotations.create', { documentId: a, start: 0, end: 4, codes: [codeId] });
    expect(await marker()).toBe(true);
    await p.store.flush();
    expect(await marker()).toBe(false);
    await p.store.close();
  });

  it('after a crash with stale counts, the next start corrects them from the files', async () => {
    const { a, codeId } = await seedTwoDocuments(dir);
    const p = await openTestProject(dir, { indexSaveDelayMs: 60_000 });
    for (let i = 0; i < 3; i++)
      await p.call('annotations.create', { documentId: a, start: i, end: i + 3, codes: [codeId] });
    // "crash": the process is gone without saving project.json; open the folder afresh
    const after = await openTestProject(dir);
    expect((await after.call('documents.list', {})).find((d) => d.id === a)?.annotationCount).toBe(4);
    expect((await after.call('project.info', {})).annotationCount).toBe(6);
    await after.store.close();
  });

  it('a document written just before a crash (its list entry unsaved) is in the list after restart', async () => {
    const failIndex: DurableFs = {
      ...fs,
      rename: async (from, to) => {
        if (path.basename(String(to)) === 'project.json') throw Object.assign(new Error('EIO'), { code: 'EIO' });
        return fs.rename(from, to);
      },
    };
    await seedTwoDocuments(dir);
    const p = await openTestProject(dir, { durable: { fs: failIndex }, retryDelayMs: 60_000 });
    await expect(
      p.call('documents.importText', { text: `${ARTICLE_B} ثالث`, title: 'Third', allowDuplicate: true }),
    ).rejects.toThrow(/input\/output error/);
    const after = await openTestProject(dir);
    expect((await after.call('documents.list', {})).map((d) => d.title)).toContain('Third');
    expect((await after.call('project.info', {})).notices).toEqual([]);
    await after.store.close();
  });

  it('temp files a killed process left behind are removed at start; nothing else is', async () => {
    const { a } = await seedTwoDocuments(dir);
    const stale = [
      path.join(dir, '.project.json.999999.3.hashiya-tmp'),
      path.join(dir, 'documents', `.${a}.json.999999.4.hashiya-tmp`),
    ];
    for (const f of stale) await fs.writeFile(f, '{"half":');
    const before = (await fs.readdir(path.join(dir, 'documents'))).filter((n) => !n.endsWith('hashiya-tmp'));
    const p = await openTestProject(dir);
    for (const f of stale) await expect(fs.access(f)).rejects.toThrow();
    expect(await fs.readdir(path.join(dir, 'documents'))).toEqual(before);
    await p.store.close();
  });
});
