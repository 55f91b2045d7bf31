/** Two Hashiya processes never write one project: the second is refused while the first lives. */
import { access, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { LOCK_FILE } from '../../src/main/store/projectLock';
import { openTestProject, removeDir, seedTwoDocuments, tempDir } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
  await seedTwoDocuments(dir);
});
afterEach(async () => {
  await removeDir(dir);
});

const lockBy = (pid: number, host = os.hostname()) =>
  writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid, host, openedAt: new Date().toISOString() }));

describe('the project lock', () => {
  it('refuses a project another living process holds, naming it, and changes nothing', async () => {
    await lockBy(process.ppid);
    const err = await openTestProject(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('conflict');
    expect((err as AppError).message).toContain(`open in another Hashiya window or server (process ${process.ppid})`);
  });

  it('takes over from a process that died (crash, SIGKILL)', async () => {
    await lockBy(2 ** 22 + 12345); // above Linux's pid_max: never a live process
    const p = await openTestProject(dir);
    expect((await p.call('documents.list', {})).length).toBe(2);
    await p.store.close();
  });

  it('takes over a lock nobody has touched for a while (a process on another machine that died)', async () => {
    await lockBy(process.ppid, 'some-other-computer');
    const old = new Date(Date.now() - 5 * 60_000);
    await utimes(path.join(dir, LOCK_FILE), old, old);
    const p = await openTestProject(dir);
    await p.store.close();
  });

  it('takes over a lock left empty by a process that died while writing it, once it is two seconds old', async () => {
    const file = path.join(dir, LOCK_FILE);
    await writeFile(file, '');
    // just made: its writer may still be writing it
    const err = await openTestProject(dir).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('conflict');
    const old = new Date(Date.now() - 5_000);
    await utimes(file, old, old);
    const store = await openTestProject(dir);
    await store.close();
  });

  it('is written whole, by one link of a file of its own, which is gone afterwards', async () => {
    const store = await openTestProject(dir);
    const lock = JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    expect((await readdir(dir)).filter((f) => f.startsWith(`${LOCK_FILE}.`))).toEqual([]);
    await store.close();
  });

  it('is released on close', async () => {
    const p = await openTestProject(dir);
    await expect(access(path.join(dir, LOCK_FILE))).resolves.toBeUndefined();
    await p.store.close();
    await expect(access(path.join(dir, LOCK_FILE))).rejects.toThrow();
  });
});
