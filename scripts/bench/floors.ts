/** What the machine itself needs, measured in the same run as the scenarios. */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';

/** A durable write of `bytes` beside `target`: temp + fsync + rename + fsync(dir), in ms. */
export async function durableWriteMs(dir: string, bytes: Buffer): Promise<number> {
  const target = path.join(dir, 'bench-floor.json');
  const temp = `${target}.bench-tmp`;
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
  const ms = performance.now() - t0;
  await unlink(target);
  return ms;
}

export async function fileBytes(file: string): Promise<Buffer> {
  return readFile(file);
}
