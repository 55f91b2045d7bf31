/**
 * Stopping browser mode (Ctrl+C, SIGTERM) saves what is pending and gives the project folder up:
 * no lock is left behind, so the folder opens again at once, even where it is now read-only.
 * A change that cannot be saved stops the stop; quitting anyway keeps it in recovery/, and the
 * next start restores it.
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startBrowserMode } from '../scripts/browserMode';

test('SIGTERM saves, exits 0 and leaves no lock; the folder then opens again at once', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-stop-'));
  const userData = path.join(dataDir, '.user-data');
  try {
    const server = await startBrowserMode({ dataDir, userData, startTimeoutMs: 20_000 });
    const docs = await server.call<Array<{ id: string }>>('documents.list');
    // the server listens while the project opens; once a call is answered the project is held
    expect(existsSync(path.join(dataDir, '.hashiya-lock'))).toBe(true);
    const documentId = docs[0]?.id as string;
    await server.call('settings.update', { annotator: 'Salma' });
    const created = await server.call<{ id: string }>('annotations.create', {
      documentId,
      start: 0,
      end: 5,
      codes: ['ceasefire-proposal'],
    });
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    await server.stop();
    expect(await exited).toBe(0);
    expect(existsSync(path.join(dataDir, '.hashiya-lock'))).toBe(false);
    const file = JSON.parse(await readFile(path.join(dataDir, 'documents', `${documentId}.json`), 'utf8')) as {
      annotations: Array<{ id: string }>;
    };
    expect(file.annotations.map((a) => a.id)).toContain(created.id);

    // it opens again at once, with the annotation; for a user other than root (root ignores file
    // modes) the folder is made read-only first, like an archive or a share
    if (process.getuid?.() !== 0) await chmod(dataDir, 0o555);
    const again = await startBrowserMode({
      dataDir,
      userData: path.join(os.tmpdir(), `hashiya-stop-ud-${process.pid}`),
      startTimeoutMs: 20_000,
    });
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

/** Resolves with everything the process wrote to stderr once `text` appears in it. */
function stderrUntil(child: ChildProcess, text: string): Promise<string> {
  return new Promise((resolve) => {
    let err = '';
    const onData = (d: Buffer) => {
      err += d.toString();
      if (err.includes(text)) {
        child.stderr?.off('data', onData);
        resolve(err);
      }
    };
    child.stderr?.on('data', onData);
  });
}

/**
 * Make the documents folder take no writes, as a full disk does: read-only for a user; for root,
 * whom file modes do not stop, the folder is moved away and a plain file put in its place.
 * Returns the function that puts it back.
 */
async function blockDocumentWrites(dataDir: string): Promise<() => Promise<void>> {
  const docs = path.join(dataDir, 'documents');
  if (process.getuid?.() !== 0) {
    await chmod(docs, 0o555);
    return () => chmod(docs, 0o755);
  }
  await rename(docs, `${docs}-away`);
  await writeFile(docs, '');
  return async () => {
    await rm(docs);
    await rename(`${docs}-away`, docs);
  };
}

test('Ctrl+C with changes that cannot be saved does not stop browser mode and says how to quit; quitting anyway keeps them in recovery/, and the next start restores every one (as root too)', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-unsaved-'));
  const userData = path.join(dataDir, '.user-data');
  let unblock: (() => Promise<void>) | null = null;
  try {
    const server = await startBrowserMode({ dataDir, userData, startTimeoutMs: 20_000 });
    const documentId = (await server.call<Array<{ id: string }>>('documents.list'))[0]?.id as string;
    await server.call('settings.update', { annotator: 'Salma' });
    await server.call('annotations.list', { documentId });
    unblock = await blockDocumentWrites(dataDir);

    // five tags the server accepts but cannot save
    const spans = [0, 10, 20, 30, 40].map((start) => ({ start, end: start + 5 }));
    for (const span of spans) {
      const res = await server.request<{ error: { code: string } }>('annotations.create', {
        documentId,
        ...span,
        codes: ['ceasefire-proposal'],
      });
      expect(res.status).toBe(500);
      expect(res.body.error.code).toBe('storage');
    }
    const info = await server.call<{ unsaved: Array<{ documentId: string | null }> }>('project.info');
    expect(info.unsaved.map((f) => f.documentId)).toEqual([documentId]);

    // the first Ctrl+C: still running, and it says what is unsaved and how to quit anyway
    // (sent twice at once, as a terminal and npm deliver one Ctrl+C: still one press)
    const refusal = stderrUntil(server.child, 'the next start restores them');
    server.child.kill('SIGINT');
    server.child.kill('SIGINT');
    const said = await refusal;
    expect(said).toContain('Hashiya is still running: changes to one file could not be saved');
    expect(said).toContain('press Ctrl+C again');
    expect(said).toContain(path.join(dataDir, 'recovery'));
    const kept = await server.call<Array<{ start: number }>>('annotations.list', { documentId });
    expect(kept.map((a) => a.start)).toEqual(spans.map((s) => s.start));
    expect(server.child.exitCode).toBeNull();

    // the second press (a person's second press comes well after the first): it tries again,
    // cannot, writes recovery/ and quits
    await new Promise((resolve) => setTimeout(resolve, 700));
    const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
    const quitting = stderrUntil(server.child, 'Quitting without saving');
    server.child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(await quitting).toContain(
      `the unsaved changes were written to ${path.join(dataDir, 'recovery')}; the next start restores them.`,
    );
    expect(existsSync(path.join(dataDir, 'recovery', 'documents', `${documentId}.json`))).toBe(true);

    // the disk has room again: the next start restores all five, saves them and says so
    await unblock();
    unblock = null;
    const again = await startBrowserMode({ dataDir, userData, startTimeoutMs: 20_000 });
    try {
      const list = await again.call<Array<{ start: number; end: number }>>('annotations.list', { documentId });
      expect(list.map((a) => [a.start, a.end])).toEqual(spans.map((s) => [s.start, s.end]));
      const after = await again.call<{ unsaved: unknown[]; notices: Array<{ code: string; message: string }> }>(
        'project.info',
      );
      expect(after.unsaved).toEqual([]);
      expect(after.notices.find((n) => n.code === 'recovery_restored')?.message).toMatch(
        /were restored from .*recovery.*\(5 annotations\)/,
      );
      const file = JSON.parse(await readFile(path.join(dataDir, 'documents', `${documentId}.json`), 'utf8')) as {
        annotations: unknown[];
      };
      expect(file.annotations).toHaveLength(5);
      expect(existsSync(path.join(dataDir, 'recovery'))).toBe(false);
    } finally {
      await again.stop();
    }
  } finally {
    await unblock?.();
    await rm(dataDir, { recursive: true, force: true });
  }
});
