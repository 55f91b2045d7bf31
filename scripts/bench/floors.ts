/** What the machine itself needs, measured in the same run as the scenarios. */
import { open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * A durable write of `bytes` in `dir`: temp + write + fsync + rename + fsync(dir), in ms. Like a
 * save, it replaces a file that exists (a rename over a file also frees the old one), so the
 * target is put in place first, untimed; `cleanup` removes it.
 */
export async function durableWriteMs(dir: string, bytes: Buffer): Promise<number> {
  const target = path.join(dir, FLOOR_FILE);
  const temp = `${target}.bench-tmp`;
  await writeFile(target, bytes, { flag: 'wx' }).catch(() => undefined);
  const t0 = performance.now();
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, target);
  const dirHandle = await open(dir, 'r');
  try {
    await dirHandle.sync();
  } finally {
    await dirHandle.close();
  }
  return performance.now() - t0;
}

const FLOOR_FILE = 'bench-floor.json';

export async function cleanupFloor(dir: string): Promise<void> {
  await unlink(path.join(dir, FLOOR_FILE)).catch(() => undefined);
}

export async function fileBytes(file: string): Promise<Buffer> {
  return readFile(file);
}

/**
 * Durable writes of several files at once, as a batch across documents makes them (each its own
 * temp + write + fsync + rename + fsync(dir), all side by side), in ms. The files are written
 * as new names in `dir` (put in place first, untimed, so each rename replaces a file) and
 * removed afterwards.
 */
export async function durableWritesMs(dir: string, files: readonly Buffer[]): Promise<number> {
  const targets = files.map((_, i) => path.join(dir, `${FLOOR_FILE}.${i}`));
  await Promise.all(targets.map((t, i) => writeFile(t, files[i] as Buffer)));
  const one = async (target: string, bytes: Buffer) => {
    const temp = `${target}.bench-tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    const dirHandle = await open(dir, 'r');
    try {
      await dirHandle.sync();
    } finally {
      await dirHandle.close();
    }
  };
  const t0 = performance.now();
  await Promise.all(targets.map((t, i) => one(t, files[i] as Buffer)));
  const ms = performance.now() - t0;
  await Promise.all(targets.map((t) => unlink(t).catch(() => undefined)));
  return ms;
}
