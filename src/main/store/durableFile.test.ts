import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DurableTextFile,
  DurableWriteError,
  InvalidTextError,
  removeStaleTemps,
  syncFolder,
  TEMP_SUFFIX,
  type DurableFs,
} from './durableFile';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiya-durable-'));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** Real fs whose rename fails with `code` for the first `failures` calls (Infinity: always). */
function flakyRename(code: string, failures: number) {
  const calls = { rename: 0, open: 0 };
  const fsys: DurableFs = {
    ...fs,
    open: ((...args: Parameters<typeof fs.open>) => {
      calls.open++;
      return fs.open(...args);
    }) as typeof fs.open,
    rename: async (from, to) => {
      calls.rename++;
      if (calls.rename <= failures) throw errno(code);
      return fs.rename(from, to);
    },
  };
  return { fsys, calls };
}

const temps = async () => (await fs.readdir(dir)).filter((n) => n.endsWith(TEMP_SUFFIX));

/** Real fs that counts fsyncs of the folder `dir` (a directory opened read-only, then synced). */
function folderSyncs() {
  const count = { folder: 0 };
  const fsys: DurableFs = {
    ...fs,
    open: (async (file: string, flags?: string) => {
      const handle = await fs.open(file, flags);
      if (path.resolve(file) === path.resolve(dir)) {
        const sync = handle.sync.bind(handle);
        handle.sync = () => (count.folder++, sync());
      }
      return handle;
    }) as typeof fs.open,
  };
  return { fsys, count };
}

describe('DurableTextFile', () => {
  it('in a batch, leaves the folder fsync to the caller, unless coalesced with a write that wants it', async () => {
    const { fsys, count } = folderSyncs();
    const a = new DurableTextFile(path.join(dir, 'a.json'), { fs: fsys });
    const b = new DurableTextFile(path.join(dir, 'b.json'), { fs: fsys });
    await Promise.all([a.write('{"a":1}', { syncFolder: false }), b.write('{"b":1}', { syncFolder: false })]);
    expect(await fs.readFile(path.join(dir, 'a.json'), 'utf8')).toBe('{"a":1}');
    expect(count.folder).toBe(0);
    await syncFolder(dir, { fs: fsys });
    expect(count.folder).toBe(1);
    // two writes in one tick are one write: it syncs the folder, since one of them asked for it
    await Promise.all([a.write('{"a":2}', { syncFolder: false }), a.write('{"a":3}')]);
    expect(count.folder).toBe(2);
    expect(await fs.readFile(path.join(dir, 'a.json'), 'utf8')).toBe('{"a":3}');
    expect(await temps()).toEqual([]);
  });

  it('a folder that cannot be fsynced is a DurableWriteError naming it', async () => {
    const fsys: DurableFs = {
      ...fs,
      open: (async () => {
        throw errno('EIO');
      }) as typeof fs.open,
    };
    await expect(syncFolder(dir, { fs: fsys })).rejects.toMatchObject({
      name: 'DurableWriteError',
      message: expect.stringContaining('input/output error'),
    });
  });

  it('writes the whole text and leaves no temp file', async () => {
    const file = new DurableTextFile(path.join(dir, 'a.json'));
    await file.write('{"v":1}');
    expect(await fs.readFile(path.join(dir, 'a.json'), 'utf8')).toBe('{"v":1}');
    expect(await file.read()).toBe('{"v":1}');
    expect(await temps()).toEqual([]);
  });

  it('reads UTF-8 without its byte-order mark, and refuses bytes that are not UTF-8', async () => {
    const file = path.join(dir, 'bom.json');
    await fs.writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"t":"وقف"}')]));
    expect(await new DurableTextFile(file).read()).toBe('{"t":"وقف"}');
    await fs.writeFile(file, Buffer.from([0x7b, 0x22, 0xd9, 0x22, 0x7d]));
    await expect(new DurableTextFile(file).read()).rejects.toBeInstanceOf(InvalidTextError);
  });

  it('reads a missing file as null', async () => {
    expect(await new DurableTextFile(path.join(dir, 'missing.json')).read()).toBeNull();
  });

  it('coalesces a burst of writes: every call resolves, the last text wins, far fewer renames', async () => {
    const { fsys, calls } = flakyRename('EPERM', 0);
    const file = new DurableTextFile(path.join(dir, 'a.json'), { fs: fsys });
    await Promise.all(Array.from({ length: 100 }, (_, i) => file.write(`{"v":${i}}`)));
    expect(await fs.readFile(path.join(dir, 'a.json'), 'utf8')).toBe('{"v":99}');
    expect(calls.rename).toBeLessThan(10);
  });

  it('a write resolves only after its own data is on disk', async () => {
    const file = new DurableTextFile(path.join(dir, 'a.json'));
    void file.write('first');
    await file.write('second');
    expect(await fs.readFile(path.join(dir, 'a.json'), 'utf8')).toBe('second');
  });

  it('a rename failing with EPERM three times then succeeding loses nothing', async () => {
    const target = path.join(dir, 'doc.json');
    await fs.writeFile(target, '{"old":true}');
    const { fsys, calls } = flakyRename('EPERM', 3);
    const file = new DurableTextFile(target, { fs: fsys, renameDelayMs: 1 });
    await file.write('{"new":true}');
    expect(calls.rename).toBe(4);
    expect(await fs.readFile(target, 'utf8')).toBe('{"new":true}');
    expect(await temps()).toEqual([]);
  });

  it('EBUSY is retried too', async () => {
    const { fsys } = flakyRename('EBUSY', 2);
    const file = new DurableTextFile(path.join(dir, 'doc.json'), { fs: fsys, renameDelayMs: 1 });
    await file.write('ok');
    expect(await file.read()).toBe('ok');
  });

  it('a rename that keeps failing rejects with a clear error and leaves the old file and no temp', async () => {
    const target = path.join(dir, 'doc.json');
    await fs.writeFile(target, '{"old":true}');
    const { fsys, calls } = flakyRename('EPERM', Infinity);
    const file = new DurableTextFile(target, { fs: fsys, renameDelayMs: 1 });
    const err = await file.write('{"new":true}').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DurableWriteError);
    expect((err as Error).message).toMatch(/^Could not save doc\.json: .*another program.* after 5 attempts\.$/);
    expect(calls.rename).toBe(5);
    expect(await fs.readFile(target, 'utf8')).toBe('{"old":true}');
    expect(await temps()).toEqual([]);
    expect(file.busy).toBe(false);
  });

  it('a full disk rejects clearly, keeps the old file and removes the partial temp', async () => {
    const target = path.join(dir, 'doc.json');
    await fs.writeFile(target, 'old');
    const fsys: DurableFs = {
      ...fs,
      open: (async (p: string, flags: string) => {
        const handle = await fs.open(p, flags);
        if (flags === 'w') {
          return Object.assign(Object.create(handle) as fs.FileHandle, {
            writeFile: async () => {
              await handle.writeFile('partial');
              throw errno('ENOSPC');
            },
            sync: () => handle.sync(),
            close: () => handle.close(),
          });
        }
        return handle;
      }) as typeof fs.open,
    };
    const err = await new DurableTextFile(target, { fs: fsys }).write('new').catch((e: unknown) => e);
    expect((err as Error).message).toBe('Could not save doc.json: the disk is full.');
    expect(await fs.readFile(target, 'utf8')).toBe('old');
    expect(await temps()).toEqual([]);
  });

  it('a non-retryable rename error is not retried', async () => {
    const { fsys, calls } = flakyRename('EROFS', Infinity);
    const err = await new DurableTextFile(path.join(dir, 'x.json'), { fs: fsys }).write('x').catch((e: unknown) => e);
    expect(calls.rename).toBe(1);
    expect((err as Error).message).toContain('read-only');
  });

  it('two writers on one path never interleave', async () => {
    const target = path.join(dir, 'same.json');
    const a = new DurableTextFile(target);
    const b = new DurableTextFile(target);
    await Promise.all([a.write('a1'), b.write('b1'), a.write('a2'), b.write('b2')]);
    expect(['a2', 'b2']).toContain(await fs.readFile(target, 'utf8'));
    expect(await temps()).toEqual([]);
  });

  it('a write issued the moment the previous one resolves is not left waiting', async () => {
    const file = new DurableTextFile(path.join(dir, 'a.json'));
    const chained = file.write('first').then(() => file.write('second'));
    const outcome = await Promise.race([
      chained.then(() => 'done'),
      new Promise((r) => setTimeout(() => r('stuck'), 2000)),
    ]);
    expect(outcome).toBe('done');
    expect(await fs.readFile(path.join(dir, 'a.json'), 'utf8')).toBe('second');
  });

  it('flush waits for the write on its way', async () => {
    const file = new DurableTextFile(path.join(dir, 'a.json'));
    void file.write('pending');
    await file.flush();
    expect(file.busy).toBe(false);
    expect(await fs.readFile(path.join(dir, 'a.json'), 'utf8')).toBe('pending');
  });
});

describe('removeStaleTemps', () => {
  it('removes temps a killed process left, and nothing else', async () => {
    await fs.writeFile(path.join(dir, 'keep.json'), 'x');
    await fs.writeFile(path.join(dir, `.keep.json.999999.1${TEMP_SUFFIX}`), 'half');
    await removeStaleTemps(dir);
    expect(await fs.readdir(dir)).toEqual(['keep.json']);
  });
});
