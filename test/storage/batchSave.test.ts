/**
 * A batch across documents (tag-all and its undo) is saved as one: every file renamed into place,
 * then ONE fsync of the documents folder, and only then the answer. A folder that cannot be
 * fsynced leaves every document of the batch unsaved (kept in memory, retried), never reported
 * as saved.
 */
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DurableFs } from '../../src/main/store/durableFile';
import { openTestProject, removeDir, seedTwoDocuments, tempDir, type Project } from './helpers';

let dir: string;
let open: Project | null = null;
beforeEach(async () => {
  dir = await tempDir('hashiya-batch-');
});
afterEach(async () => {
  await open?.store.close();
  open = null;
  await removeDir(dir);
});

/** Logs each rename into documents/ and each fsync of the documents folder; the folder's fsync fails while `failing`. */
function loggingFs(documents: string) {
  const state = { failing: false, log: [] as string[] };
  const fsys: DurableFs = {
    ...fs,
    rename: async (from, to) => {
      await fs.rename(from, to);
      if (path.dirname(String(to)) === documents) state.log.push(`rename ${path.basename(String(to))}`);
    },
    open: (async (file: string, flags?: string) => {
      const handle = await fs.open(file, flags);
      if (path.resolve(String(file)) !== documents) return handle;
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        if (state.failing) throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
        await sync();
        state.log.push('fsync documents/');
      };
      return handle;
    }) as DurableFs['open'],
  };
  return { fsys, state };
}

async function setUp() {
  const { a, b, codeId } = await seedTwoDocuments(dir);
  const { fsys, state } = loggingFs(path.join(path.resolve(dir), 'documents'));
  const p = await openTestProject(dir, { durable: { fs: fsys }, retryDelayMs: 60_000 });
  open = p;
  const draft = (documentId: string, start: number, end: number) => ({ documentId, start, end, codes: [codeId] });
  const items = [
    { documentId: a, drafts: [draft(a, 0, 4), draft(a, 5, 12)] },
    { documentId: b, drafts: [draft(b, 11, 18)] },
  ];
  return { p, a, b, state, items };
}

const onDisk = async (id: string) =>
  (JSON.parse(await fs.readFile(path.join(dir, 'documents', `${id}.json`), 'utf8')) as { annotations: unknown[] })
    .annotations.length;

describe('a batch across documents is saved with one fsync of the documents folder', () => {
  it('renames every file into place, fsyncs the folder once, then answers (tag-all and its undo)', async () => {
    const { p, a, b, state, items } = await setUp();
    const made = await p.call('annotations.createAcross', { items }).then((r) => {
      state.log.push('answered');
      return r;
    });
    expect(state.log.slice(0, 2).sort()).toEqual([`rename ${a}.json`, `rename ${b}.json`].sort());
    expect(state.log.slice(2)).toEqual(['fsync documents/', 'answered']);
    expect([await onDisk(a), await onDisk(b)]).toEqual([3, 3]);

    state.log = [];
    await p.call('annotations.deleteAcross', {
      items: made.documents.map((d) => ({ documentId: d.documentId, ids: d.annotations.map((x) => x.id) })),
    });
    state.log.push('answered');
    expect(state.log.filter((l) => l.startsWith('rename'))).toHaveLength(2);
    expect(state.log.slice(2)).toEqual(['fsync documents/', 'answered']);
    expect([await onDisk(a), await onDisk(b)]).toEqual([1, 2]);
  });

  it('a folder fsync that fails: a storage error, every document unsaved and kept, saved by the retry', async () => {
    const { p, a, b, state, items } = await setUp();
    state.failing = true;
    const err = await p.call('annotations.createAcross', { items }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'storage',
      message: expect.stringMatching(
        /^2 of 2 documents could not be saved\. Could not save documents: .*input\/output error/,
      ),
      details: { unsaved: true },
    });
    const info = await p.call('project.info', {});
    expect(info.unsaved.map((u) => u.documentId).sort()).toEqual([a, b].sort());
    // what the batch made is kept in memory, not dropped
    expect(await p.call('annotations.list', { documentId: a })).toHaveLength(3);

    state.failing = false;
    state.log = [];
    await p.call('project.save', {});
    expect((await p.call('project.info', {})).unsaved).toEqual([]);
    // the retry writes each file in full, its own folder fsync included
    expect(state.log.filter((l) => l === 'fsync documents/')).toHaveLength(2);
    expect([await onDisk(a), await onDisk(b)]).toEqual([3, 3]);
  });
});
