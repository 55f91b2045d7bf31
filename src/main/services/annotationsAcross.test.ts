/**
 * annotations.createAcross / deleteAcross through the real services and store: one write per
 * touched document, one call undoes the lot, a retried key makes nothing twice, one bad draft
 * refuses the whole batch, and a failed write is reported as createMany reports it.
 */
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import type { DurableFs } from '../store/durableFile';
import { DocumentFile } from '../store/schema';
import { openTestProject, removeDir, seedTwoDocuments, tempDir, type Project } from '../../../test/storage/helpers';

let dir: string;
let open: Project | null = null;
beforeEach(async () => {
  dir = await tempDir('hashiya-across-');
});
afterEach(async () => {
  await open?.store.close();
  open = null;
  await removeDir(dir);
});

/** Counts the renames into documents/ (one per durable document write); fails them while `failing`. */
function countingFs() {
  const state = { failing: false, writes: [] as string[] };
  const fsys: DurableFs = {
    ...fs,
    rename: async (from, to) => {
      if (String(to).includes(`${path.sep}documents${path.sep}`)) {
        if (state.failing) throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
        state.writes.push(path.basename(String(to)));
      }
      return fs.rename(from, to);
    },
  };
  return { fsys, state };
}

async function onDisk(id: string): Promise<DocumentFile> {
  return DocumentFile.parse(JSON.parse(await fs.readFile(path.join(dir, 'documents', `${id}.json`), 'utf8')));
}

async function setUp() {
  const { a, b, codeId } = await seedTwoDocuments(dir);
  const { fsys, state } = countingFs();
  const p = await openTestProject(dir, { durable: { fs: fsys, renameDelayMs: 1 }, retryDelayMs: 60_000 });
  open = p;
  await p.call('annotations.list', { documentId: a });
  await p.call('annotations.list', { documentId: b });
  const draft = (documentId: string, start: number, end: number) => ({ documentId, start, end, codes: [codeId] });
  // A: "أعلن" and "المبعوث"; B: "المتحدة" (0–4 and 5–10 carry the code already)
  const items = [
    { documentId: a, drafts: [draft(a, 0, 4), draft(a, 5, 12)] },
    { documentId: b, drafts: [draft(b, 11, 18)] },
  ];
  return { p, a, b, codeId, state, draft, items };
}

describe('annotations.createAcross and deleteAcross', () => {
  it('tags two documents with one write each, and one deleteAcross takes every annotation away again', async () => {
    const { p, a, b, state, items } = await setUp();
    const made = await p.call('annotations.createAcross', { items });
    expect(made.documents.map((d) => [d.documentId, d.annotations.map((x) => x.quote)])).toEqual([
      [a, ['أعلن', 'المبعوث']],
      [b, ['المتحدة']],
    ]);
    expect(state.writes.sort()).toEqual([`${a}.json`, `${b}.json`].sort());
    expect((await onDisk(a)).annotations).toHaveLength(3);
    expect((await onDisk(b)).annotations).toHaveLength(3);
    // the list stays in reading order
    expect((await onDisk(a)).annotations.map((x) => x.start)).toEqual([0, 5, 23]);

    state.writes = [];
    await p.call('annotations.deleteAcross', {
      items: made.documents.map((d) => ({ documentId: d.documentId, ids: d.annotations.map((x) => x.id) })),
    });
    expect(state.writes).toHaveLength(2);
    expect((await onDisk(a)).annotations.map((x) => x.start)).toEqual([23]);
    expect((await onDisk(b)).annotations.map((x) => x.start)).toEqual([0, 5]);
    // a second undo finds them gone and changes nothing
    await expect(
      p.call('annotations.deleteAcross', {
        items: made.documents.map((d) => ({ documentId: d.documentId, ids: d.annotations.map((x) => x.id) })),
      }),
    ).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('nothing was deleted') });
  });

  it('a retry with the same requestId answers the same annotations and stores nothing twice', async () => {
    const { p, a, b, state, items } = await setUp();
    const first = await p.call('annotations.createAcross', { items, requestId: 'tag-all-0001' });
    const again = await p.call('annotations.createAcross', { items, requestId: 'tag-all-0001' });
    expect(again).toEqual(first);
    expect(state.writes).toHaveLength(2);
    expect((await onDisk(a)).annotations).toHaveLength(3);
    expect((await onDisk(b)).annotations).toHaveLength(3);
    // the same key for another batch is refused
    await expect(
      p.call('annotations.createAcross', { items: items.slice(1), requestId: 'tag-all-0001' }),
    ).rejects.toMatchObject({ code: 'conflict' });
    expect((await onDisk(b)).annotations).toHaveLength(3);
  });

  it('one bad draft refuses the whole batch and writes nothing', async () => {
    const { p, a, b, state, draft, items } = await setUp();
    const before = [await onDisk(a), await onDisk(b)];
    const bad = [
      // past the end of B's text
      [items[0], { documentId: b, drafts: [draft(b, 11, 18), draft(b, 70, 500)] }],
      // an unknown code
      [items[0], { documentId: b, drafts: [{ ...draft(b, 11, 18), codes: ['no-such-code'] }] }],
      // a draft of A filed under B
      [items[0], { documentId: b, drafts: [draft(a, 13, 20)] }],
    ];
    for (const batch of bad)
      await expect(p.call('annotations.createAcross', { items: batch as typeof items })).rejects.toMatchObject({
        code: 'invalid_input',
      });
    // refused by the contract: one document twice, more than 5,000 drafts in all
    await expect(
      p.call('annotations.createAcross', { items: [items[0]!, { documentId: a, drafts: [draft(a, 13, 20)] }] }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('named once') });
    const many = Array.from({ length: 2501 }, () => draft(a, 0, 4));
    await expect(
      p.call('annotations.createAcross', {
        items: [
          { documentId: a, drafts: many },
          { documentId: b, drafts: many.map((d) => ({ ...d, documentId: b })) },
        ],
      }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('at most 5000') });
    expect(state.writes).toEqual([]);
    expect([await onDisk(a), await onDisk(b)]).toEqual(before);
    expect(await p.call('annotations.list', { documentId: a })).toEqual(before[0]!.annotations);
  });

  it('skipTagged leaves out the hits that carry the code on exactly their span', async () => {
    const { p, b, draft } = await setUp();
    const made = await p.call('annotations.createAcross', {
      items: [{ documentId: b, drafts: [draft(b, 0, 4), draft(b, 11, 18), draft(b, 11, 18)] }],
      skipTagged: true,
    });
    expect(made.skipped).toBe(2);
    expect(made.documents.map((d) => d.annotations.map((x) => x.quote))).toEqual([['المتحدة']]);
    const none = await p.call('annotations.createAcross', {
      items: [{ documentId: b, drafts: [draft(b, 0, 4)] }],
      skipTagged: true,
    });
    expect(none).toEqual({ documents: [], skipped: 1 });
    expect((await onDisk(b)).annotations).toHaveLength(3);
  });

  it('a disk that fails: a storage error with every annotation as kept, and the retry saves them', async () => {
    const { p, a, b, state, items } = await setUp();
    state.failing = true;
    const err = await p
      .call('annotations.createAcross', { items, requestId: 'tag-all-disk-1' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({
      code: 'storage',
      message: expect.stringMatching(/^2 of 2 documents could not be saved\. .*kept in memory and marked unsaved/),
      details: { unsaved: true },
    });
    const kept = (err as AppError).details as { documents: Array<{ documentId: string; annotations: unknown[] }> };
    expect(kept.documents.map((d) => [d.documentId, d.annotations.length])).toEqual([
      [a, 2],
      [b, 1],
    ]);
    expect((await p.call('project.info', {})).unsaved.map((u) => u.documentId).sort()).toEqual([a, b].sort());
    expect((await onDisk(a)).annotations).toHaveLength(1);

    state.failing = false;
    const saved = await p.call('annotations.createAcross', { items, requestId: 'tag-all-disk-1' });
    expect(saved.documents.map((d) => d.annotations.length)).toEqual([2, 1]);
    expect((await onDisk(a)).annotations).toHaveLength(3);
    expect((await onDisk(b)).annotations).toHaveLength(3);
    expect((await p.call('project.info', {})).unsaved).toEqual([]);
  });
});
