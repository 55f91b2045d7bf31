/**
 * Stopping browser mode (Ctrl+C, SIGTERM) saves what is pending and gives the project folder up:
 * no lock is left behind, so the folder opens again at once, even where it is now read-only.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startBrowserMode } from '../scripts/browserMode';

test('SIGTERM saves, exits 0 and leaves no lock; the folder then opens again at once', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-stop-'));
  const userData = path.join(dataDir, '.user-data');
  try {
    const server = await startBrowserMode({ dataDir, userData, startTimeoutMs: 20_000 });
    expect(existsSync(path.join(dataDir, '.hashiya-lock'))).toBe(true);
    const docs = await server.call<Array<{ id: string }>>('documents.list');
    const documentId = docs[0]?.id as string;
    await server.call('settings.update', { annotator: 'Salma' });
    const created = await server.call<{ id: string }>('annotations.create', { documentId, start: 0, end: 5, codes: ['ceasefire-proposal'] });
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    await server.stop();
    expect(await exited).toBe(0);
    expect(existsSync(path.join(dataDir, '.hashiya-lock'))).toBe(false);
    const file = JSON.parse(await readFile(path.join(dataDir, 'documents', `${documentId}.json`), 'utf8')) as { annotations: Array<{ id: string }> };
    expect(file.annotations.map((a) => a.id)).toContain(created.id);

    // it opens again at once, with the annotation; for a user other than root (root ignores file
    // modes) the folder is made read-only first, like an archive or a share
    if (process.getuid?.() !== 0) await chmod(dataDir, 0o555);
    const again = await startBrowserMode({ dataDir, userData: path.join(os.tmpdir(), `hashiya-stop-ud-${process.pid}`), startTimeoutMs: 20_000 });
    try {
      const list = await again.call<Array<{ id: string }>>('annotations.list', { documentId });
      expect(list.map((a) => a.id)).toContain(created.id);
    } finally {
      await again.stop();
      await chmod(dataDir, 0o755);
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
