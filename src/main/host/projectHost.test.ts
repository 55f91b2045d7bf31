/**
 * The ProjectHost: the one owner of the open project. Switching tells the page (project.changed),
 * a failed save and its retry tell it too (unsaved.changed), flushing waits for the call that
 * arrived just before it, quitting refuses or forces exactly as the desktop app and browser mode
 * promise, and a project that was closed by a switch takes no more writes.
 */
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventEnvelope } from '@shared/api/events';
import type { DurableFs } from '../store/durableFile';
import { ARTICLE_A, ARTICLE_B, removeDir, seedTwoDocuments, tempDir } from '../../../test/storage/helpers';
import { openTestProject, type TestProject } from '../../../test/harness/project';
import { RECOVERY_DIR } from '../recovery';
import { PAGE_SETTLE_MS } from './pageDrain';
import { LOCK_FILE } from '../store/projectLock';

let root: string;
let p: TestProject | null = null;
beforeEach(async () => {
  root = await fs.realpath(await tempDir('hashiya-host-'));
});
afterEach(async () => {
  await p?.store.close().catch(() => undefined);
  p = null;
  await removeDir(root);
});

/** Renames into documents/ fail while `failing` is true. */
function failingFs() {
  const state = { failing: false };
  const fsys: DurableFs = {
    ...fs,
    rename: async (from, to) => {
      if (state.failing && String(to).includes(`${path.sep}documents${path.sep}`))
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      return fs.rename(from, to);
    },
  };
  return { fsys, state };
}

const onDisk = async (file: string) => JSON.parse(await fs.readFile(file, 'utf8'));

describe('ProjectHost', () => {
  it('switching projects emits project.changed with the new project, and the services work on it', async () => {
    p = await openTestProject(path.join(root, 'first'));
    const heard: EventEnvelope[] = [];
    p.host.events.subscribe((e) => heard.push(e));
    const target = path.join(root, 'second');
    await p.call('project.create', { path: target, name: 'Second corpus' });
    const changed = heard.filter((e) => e.name === 'project.changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]?.data).toMatchObject({ info: { name: 'Second corpus', path: target, documentCount: 0 } });
    expect(p.store.dir).toBe(target);
    expect(p.services.ctx.store).toBe(p.store);
  });

  it('flush() waits for calls accepted just before it, even one still reading its file', async () => {
    p = await openTestProject(path.join(root, 'first'), { indexSaveDelayMs: 60_000 });
    // documents.import reads its file before its turn in the queue; the tag goes straight in
    const imported = p.call('documents.import', {
      fileName: 'b.txt',
      data: Buffer.from(ARTICLE_B, 'utf8').toString('base64'),
    });
    const first = (await p.call('documents.importText', { text: ARTICLE_A, title: 'A' })).document.id;
    const codeId = p.store.data.codebook.codes[0]?.id as string;
    const tagged = p.call('annotations.create', { documentId: first, start: 0, end: 5, codes: [codeId] });
    await p.host.flush();
    const index = await onDisk(path.join(p.store.dir, 'project.json'));
    expect(index.documents).toHaveLength(2);
    const file = await onDisk(path.join(p.store.dir, 'documents', `${first}.json`));
    expect(file.annotations.map((a: { id: string }) => a.id)).toEqual([(await tagged).id]);
    await imported;
  });

  it('emits unsaved.changed when a save fails and again when the retry saves it', async () => {
    const { a, codeId } = await seedTwoDocuments(root);
    const { fsys, state } = failingFs();
    p = await openTestProject(root, { durable: { fs: fsys, renameDelayMs: 1 }, retryDelayMs: 60_000 });
    const heard: EventEnvelope[] = [];
    p.host.events.subscribe((e) => heard.push(e));
    state.failing = true;
    await p.call('annotations.create', { documentId: a, start: 0, end: 4, codes: [codeId] }).catch(() => undefined);
    const unsaved = () => heard.filter((e) => e.name === 'unsaved.changed').map((e) => e.data);
    expect(unsaved()).toEqual([{ unsaved: [expect.objectContaining({ documentId: a, title: 'Article A' })] }]);
    state.failing = false;
    await p.call('project.save', {});
    expect(unsaved()).toHaveLength(2);
    expect(unsaved()[1]).toEqual({ unsaved: [] });
  });

  it('shutdown refuses while a change cannot be saved, then, forced, writes it to recovery/ for the next start', async () => {
    const { a, codeId } = await seedTwoDocuments(root);
    const { fsys, state } = failingFs();
    p = await openTestProject(root, { durable: { fs: fsys, renameDelayMs: 1 }, retryDelayMs: 60_000 });
    state.failing = true;
    const err = await p
      .call('annotations.create', {
        documentId: a,
        start: 0,
        end: 4,
        codes: [codeId],
        values: { note: 'only in memory' },
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'storage' });

    let closedServer = false;
    const beforeClose = async () => {
      closedServer = true;
    };
    const refused = await p.host.shutdown({ force: false, beforeClose });
    expect(refused).toEqual({
      outcome: 'refused',
      unsaved: ['Article A'],
      recoveryDir: path.join(root, RECOVERY_DIR),
    });
    expect(closedServer).toBe(false);
    // still open: the researcher can go on working
    expect((await p.call('project.info', {})).unsaved).toHaveLength(1);

    const forced = await p.host.shutdown({ force: true, beforeClose });
    expect(forced).toMatchObject({
      outcome: 'forced',
      closeError: null,
      written: { dir: path.join(root, RECOVERY_DIR), titles: ['Article A'] },
    });
    // the process quits here; its lock file goes with it (a later process would find it stale)
    await fs.rm(path.join(root, LOCK_FILE));
    p = null;

    const again = await openTestProject(root);
    expect(again.host.recovered?.restored).toEqual(['“Article A” (2 annotations)']);
    const notes = (await again.call('annotations.list', { documentId: a })).map((x) => x.values.note);
    expect(notes).toContain('only in memory');
    await again.close();
  });

  it('shutdown with everything saved runs beforeClose and closes the project, giving up its folder', async () => {
    p = await openTestProject(path.join(root, 'first'));
    await p.call('documents.importText', { text: ARTICLE_A, title: 'A' });
    const order: string[] = [];
    const result = await p.host.shutdown({ force: false, beforeClose: async () => void order.push('beforeClose') });
    expect(result).toEqual({ outcome: 'closed' });
    expect(order).toEqual(['beforeClose']);
    expect(p.store.isClosed).toBe(true);
    // the lock is given up: the folder opens again at once
    const again = await openTestProject(path.join(root, 'first'));
    expect(again.store.summaries()).toHaveLength(1);
    await again.close();
  });

  it('shutdown first asks the pages for what they hold: a tag a page sends on page.settle is saved', async () => {
    p = await openTestProject(path.join(root, 'first'));
    const { document } = await p.call('documents.importText', { text: ARTICLE_A, title: 'A' });
    await p.call('settings.update', { annotator: 'Salma' });
    const project = p;
    // a page holding a tag: it sends it when asked, then answers its drain (as heldChanges.ts does)
    project.host.servePages(() => 1);
    const asked: unknown[] = [];
    project.host.events.subscribe((e) => {
      if (e.name !== 'page.settle') return;
      asked.push(e.data);
      void project
        .call('annotations.create', { documentId: document.id, start: 0, end: 4, codes: ['ceasefire-proposal'] })
        .then(() => project.call('page.settled', { drain: e.data.drain }));
    });
    const file = path.join(project.store.dir, 'documents', `${document.id}.json`);
    const result = await project.host.shutdown({ force: false });
    expect(result).toEqual({ outcome: 'closed' });
    expect(asked).toEqual([{ drain: expect.any(Number) }]);
    expect((await onDisk(file)).annotations).toEqual([
      expect.objectContaining({ start: 0, end: 4, annotator: 'Salma' }),
    ]);
  });

  it('a page that does not answer page.settle holds the shutdown up for PAGE_SETTLE_MS at most', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      p = await openTestProject(path.join(root, 'first'));
      p.host.servePages(() => 1);
      p.host.events.subscribe(() => undefined); // a page that never answers
      let done = false;
      const shutdown = p.host.shutdown({ force: false }).then((r) => ((done = true), r));
      await vi.advanceTimersByTimeAsync(PAGE_SETTLE_MS - 10);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(20);
      vi.useRealTimers();
      await expect(shutdown).resolves.toEqual({ outcome: 'closed' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a listener of the events that is no page holds nothing up: only the pages the transports count are asked', async () => {
    p = await openTestProject(path.join(root, 'first'));
    const heard: EventEnvelope[] = [];
    p.host.events.subscribe((e) => heard.push(e)); // a test's, a service's: it never answers
    // no transport has said it serves a page: nothing to wait for (not PAGE_SETTLE_MS)
    expect(p.host.pagesServed()).toBe(0);
    await expect(p.host.drainPages()).resolves.toBe(true);
    expect(heard.filter((e) => e.name === 'page.settle')).toEqual([]);
    // the transports' counts add up, and one taken back counts no more
    let tabs = 2;
    const stop = p.host.servePages(() => tabs);
    p.host.servePages(() => 1);
    expect(p.host.pagesServed()).toBe(3);
    tabs = 0;
    expect(p.host.pagesServed()).toBe(1);
    stop();
    tabs = 5;
    expect(p.host.pagesServed()).toBe(1);
  });

  it('every page answered: the drain ends at once, as many answers as pages', async () => {
    p = await openTestProject(path.join(root, 'first'));
    const project = p;
    project.host.servePages(() => 2);
    for (let i = 0; i < 2; i++)
      project.host.events.subscribe((e) => {
        if (e.name === 'page.settle') void project.call('page.settled', { drain: e.data.drain });
      });
    await expect(project.host.drainPages()).resolves.toBe(true);
    // the window being closed waits for its own page only
    await expect(project.host.drainPages(1)).resolves.toBe(true);
  });

  it('only answers to the drain under way count: a late answer to an earlier one, or a stray call, does not end it', async () => {
    p = await openTestProject(path.join(root, 'first'));
    const project = p;
    project.host.servePages(() => 1);
    const drains: number[] = [];
    let answering = true;
    project.host.events.subscribe((e) => {
      if (e.name !== 'page.settle') return;
      drains.push(e.data.drain);
      if (answering) void project.call('page.settled', { drain: e.data.drain });
    });
    await expect(project.host.drainPages()).resolves.toBe(true); // a window's close, answered
    answering = false;
    let done = false;
    const quitting = project.host.drainPages().then((answered) => ((done = true), answered));
    expect(drains).toHaveLength(2);
    const [earlier, current] = drains as [number, number];
    expect(current).not.toBe(earlier);
    // the page's answer to the close arriving late, and a script's guess: the quit goes on waiting
    await project.call('page.settled', { drain: earlier });
    await project.call('page.settled', { drain: current + 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    await project.call('page.settled', { drain: current });
    await expect(quitting).resolves.toBe(true);
  });

  it('page.settled takes the drain id and nothing else', async () => {
    p = await openTestProject(path.join(root, 'first'));
    for (const input of [{}, { drain: 0 }, { drain: 1.5 }, { drain: '1' }, { drain: 1, page: 'a' }])
      await expect(p.call('page.settled', input as never)).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(p.call('page.settled', { drain: 1 })).resolves.toEqual({});
  });

  it('a project closed by a switch takes no more writes, and its flush() does not reach the new one', async () => {
    p = await openTestProject(path.join(root, 'first'));
    const id = (await p.call('documents.importText', { text: ARTICLE_A, title: 'A' })).document.id;
    const old = p.store;
    await p.call('project.create', { path: path.join(root, 'second') });
    expect(old.isClosed).toBe(true);
    await expect(
      old.updateProject((d) => {
        d.settings.annotator = 'ghost';
      }),
    ).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/was closed/) });
    await expect(old.updateDocument(id, (f) => f.annotations.splice(0))).rejects.toMatchObject({ code: 'conflict' });
    await expect(old.saveProject()).rejects.toMatchObject({ code: 'conflict' });
    expect((await onDisk(path.join(root, 'first', 'project.json'))).settings.annotator).toBeNull();
    // nothing of the old project leaks into the new one
    expect((await p.call('project.info', {})).settings.annotator).toBeNull();
    await old.flush();
  });
});
