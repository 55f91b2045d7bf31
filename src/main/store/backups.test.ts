import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestProject, removeDir, seedTwoDocuments, tempDir } from '../../../test/storage/helpers';
import { BackupStore, backupsToPrune, type BackupPolicy } from './backups';

const policy: BackupPolicy = { minIntervalMs: 0, keepLatest: 10, keepDays: 7, startDelayMs: 0 };
const name = (iso: string) => `${iso.replace(/[-:.]/g, '')}.json`;

describe('backupsToPrune', () => {
  it('keeps the newest 10 and the newest of each of the last 7 days', () => {
    const now = new Date('2026-03-20T12:00:00.000Z');
    const names: string[] = [];
    // 30 snapshots today, then 3 a day for the 10 days before
    for (let i = 0; i < 30; i++) names.push(name(new Date(now.getTime() - i * 60_000).toISOString()));
    for (let d = 1; d <= 10; d++)
      for (let h = 0; h < 3; h++)
        names.push(name(new Date(now.getTime() - d * 86_400_000 - h * 3_600_000).toISOString()));
    const pruned = new Set(backupsToPrune(names, policy, now));
    const kept = names
      .filter((n) => !pruned.has(n))
      .sort()
      .reverse();
    expect(kept.slice(0, 10)).toEqual(names.slice(0, 10));
    // plus one per earlier day within the week: 03-13 (7 days back, after the cut-off hour) to 03-19
    const days = new Set(kept.slice(10).map((n) => n.slice(0, 8)));
    expect([...days].sort()).toEqual([
      '20260313',
      '20260314',
      '20260315',
      '20260316',
      '20260317',
      '20260318',
      '20260319',
    ]);
    expect(kept).toHaveLength(17);
  });

  it('ignores files that are not snapshots', () => {
    expect(
      backupsToPrune(['notes.txt', '.x.hashiya-tmp'], { ...policy, keepLatest: 0, keepDays: 0 }, new Date()),
    ).toEqual([]);
  });
});

describe('BackupStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  it('snapshots at most once per interval and never a file that fails validation', async () => {
    const source = path.join(dir, 'live.json');
    await writeFile(source, '{"ok":1}');
    let clock = Date.parse('2026-03-20T12:00:00.000Z');
    const store = new BackupStore(dir, { minIntervalMs: 60_000 }, () => new Date(clock));
    const ok = () => undefined;
    store.snapshotSoon('project', source, ok);
    await store.flush();
    clock += 1000;
    store.snapshotSoon('project', source, ok);
    await store.flush();
    expect(await store.list('project')).toHaveLength(1);
    clock += 60_000;
    await writeFile(source, 'garbage');
    store.snapshotSoon('project', source, () => {
      throw new Error('bad');
    });
    await store.flush();
    expect(await store.list('project')).toHaveLength(1);
    clock += 60_000;
    await writeFile(source, '{"ok":2}');
    store.snapshotSoon('project', source, ok);
    await store.flush();
    const list = await store.list('project');
    expect(list).toHaveLength(2);
    expect(await store.read('project', list[0]?.name as string)).toBe('{"ok":2}');
  });
});

describe('backups through the services', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  it('keeps the version from before a session and one after its first save, then at most one per interval', async () => {
    const { a, codeId } = await seedTwoDocuments(dir); // session 1: imported (0), then 1 annotation
    const p = await openTestProject(dir, { backupPolicy: { minIntervalMs: 60_000 } });
    for (let i = 0; i < 5; i++)
      await p.call('annotations.create', { documentId: a, start: i, end: i + 3, codes: [codeId] });
    await p.store.flush();
    const counts = (await p.call('backups.list', { documentId: a })).map((b) => b.annotationCount);
    // newest first: after session 2's first save, before session 2, after session 1's first save, before it
    expect(counts).toEqual([2, 1, 1, 0]);
    expect(await readdir(path.join(dir, 'backups', 'documents', a))).toHaveLength(4);
    await p.store.close();
  });

  it('reading documents makes no backups (an export of the whole project writes nothing)', async () => {
    const { a, b } = await seedTwoDocuments(dir);
    await rm(path.join(dir, 'backups'), { recursive: true, force: true });
    const p = await openTestProject(dir, { backupPolicy: { minIntervalMs: 0 } });
    await p.call('annotations.list', { documentId: a });
    await p.call('annotations.list', { documentId: b });
    await p.store.flush();
    expect(await readdir(path.join(dir, 'backups')).catch(() => [])).toEqual([]);
    await p.store.close();
  });

  it('lists backups and restores one: the document goes back to it, and the state before is itself backed up', async () => {
    const { a, codeId } = await seedTwoDocuments(dir);
    const p = await openTestProject(dir, { backupPolicy: { minIntervalMs: 0 } });
    await p.call('annotations.create', {
      documentId: a,
      start: 0,
      end: 4,
      codes: [codeId],
      values: { note: 'second' },
    });
    await p.store.flush();
    const listed = await p.call('backups.list', { documentId: a });
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(listed[0]?.annotationCount).toBe(2);
    const oldest = listed[listed.length - 1];
    expect(oldest?.annotationCount).toBe(0); // as imported, before its first annotation
    expect(oldest?.title).toBe('Article A');

    const info = await p.call('backups.restore', { documentId: a, name: oldest?.name as string });
    expect(info.annotationCount).toBe(2); // A back to none, B still 2
    expect(await p.call('annotations.list', { documentId: a })).toHaveLength(0);
    const after = await p.call('backups.list', { documentId: a });
    expect(after.filter((b) => b.annotationCount === 2).length).toBeGreaterThanOrEqual(1);
    // everything listed includes project.json snapshots too
    const all = await p.call('backups.list', {});
    expect(all.some((b) => b.documentId === null)).toBe(true);
    expect(all.some((b) => b.documentId === a)).toBe(false); // documents in the list are listed one at a time
    await p.store.close();
    const onDisk = JSON.parse(await readFile(path.join(dir, 'documents', `${a}.json`), 'utf8')) as {
      annotations: unknown[];
    };
    expect(onDisk.annotations).toHaveLength(0);
  });

  it('refuses a backup name that is not one, or one that does not exist', async () => {
    const { a } = await seedTwoDocuments(dir);
    const p = await openTestProject(dir);
    await expect(p.call('backups.restore', { documentId: a, name: '../../project.json' })).rejects.toThrow(
      /not the name of a backup/,
    );
    await expect(p.call('backups.restore', { documentId: a, name: '20200101T000000000Z.json' })).rejects.toThrow(
      /does not exist/,
    );
    await p.store.close();
  });

  it('brings back a document that was quarantined without a backup of its own list entry', async () => {
    const { a } = await seedTwoDocuments(dir);
    const p0 = await openTestProject(dir);
    const backup = (await p0.call('backups.list', { documentId: a }))[0];
    await p0.store.close();
    // damage A and hide its backups, so opening it drops it from the list
    await writeFile(path.join(dir, 'documents', `${a}.json`), '');
    const { rename } = await import('node:fs/promises');
    await rename(path.join(dir, 'backups', 'documents', a), path.join(dir, 'hidden'));
    const p = await openTestProject(dir);
    await expect(p.call('annotations.list', { documentId: a })).rejects.toThrow(/damaged/);
    expect((await p.call('documents.list', {})).map((d) => d.id)).not.toContain(a);
    await rename(path.join(dir, 'hidden'), path.join(dir, 'backups', 'documents', a));
    const offered = await p.call('backups.list', {});
    expect(offered.find((b) => b.documentId === a)?.inProject).toBe(false);
    await p.call('backups.restore', { documentId: a, name: backup?.name as string });
    expect((await p.call('documents.list', {})).map((d) => d.id)).toContain(a);
    expect(await p.call('annotations.list', { documentId: a })).toHaveLength(1);
    await p.store.close();
  });
});

describe('snapshot start delay', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  it('waits before reading the file, so opening a project is not slowed, and flush takes it at once', async () => {
    const source = path.join(dir, 'live.json');
    await writeFile(source, '{"v":1}');
    const store = new BackupStore(dir, { minIntervalMs: 0, startDelayMs: 60_000 });
    store.snapshotSoon('project', source, () => undefined);
    await new Promise((r) => setTimeout(r, 50));
    expect(await store.list('project')).toHaveLength(0); // still waiting
    await writeFile(source, '{"v":2}');
    await store.flush(); // quitting: released at once, takes the file as it is now
    const [only] = await store.list('project');
    expect(only).toBeDefined();
    expect(await readFile(path.join(dir, 'backups', 'project', only?.name ?? ''), 'utf8')).toBe('{"v":2}');
  });
});
