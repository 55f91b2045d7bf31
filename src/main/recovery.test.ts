/**
 * recovery/: what a forced quit could not save is written there and put back at the next start;
 * a recovery file that cannot be used is left in place and named, and changes nothing.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ARTICLE_A, openTestProject, removeDir, tempDir } from '../../test/storage/helpers';
import { RECOVERY_DIR, writeRecovery } from './recovery';

describe('recovery/', () => {
  let dir = '';
  afterEach(() => removeDir(dir));

  it('writes only what is unsaved, and nothing when everything is saved', async () => {
    dir = await tempDir('hashiya-recovery-');
    const p = await openTestProject(dir);
    await p.call('documents.importText', { text: ARTICLE_A, title: 'Article A' });
    expect(await writeRecovery(p.store)).toBeNull();
    expect(existsSync(path.join(dir, RECOVERY_DIR))).toBe(false);
    await p.store.close();
  });

  it('puts back the settings, codebook and annotations, saves them and says so', async () => {
    dir = await tempDir('hashiya-recovery-');
    const p = await openTestProject(dir);
    const id = (await p.call('documents.importText', { text: ARTICLE_A, title: 'Article A' })).document.id;
    const codeId = p.store.data.codebook.codes[0]?.id as string;
    const created = await p.call('annotations.create', { documentId: id, start: 0, end: 5, codes: [codeId] });
    await p.call('settings.update', { annotator: 'Salma' });
    await p.store.flush();
    // what a forced quit would have left: this later state, while the files on disk are older
    await mkdir(path.join(dir, RECOVERY_DIR, 'documents'), { recursive: true });
    await copyFile(path.join(dir, 'documents', `${id}.json`), path.join(dir, RECOVERY_DIR, 'documents', `${id}.json`));
    await copyFile(path.join(dir, 'project.json'), path.join(dir, RECOVERY_DIR, 'project.json'));
    await p.call('annotations.delete', { id: created.id, documentId: id });
    await p.call('settings.update', { annotator: 'Someone else' });
    await p.store.close();

    // opening puts recovery/ back, as the app's start does
    const again = await openTestProject(dir);
    const restored = again.host.recovered;
    expect(restored?.problems).toEqual([]);
    expect(restored?.restored).toEqual(['Project settings and codebook', '“Article A” (1 annotation)']);
    expect((await again.call('annotations.list', { documentId: id })).map((a) => a.id)).toEqual([created.id]);
    expect(again.store.data.settings.annotator).toBe('Salma');
    expect(again.store.data.notices.at(-1)?.code).toBe('recovery_restored');
    const onDisk = JSON.parse(await readFile(path.join(dir, 'documents', `${id}.json`), 'utf8')) as {
      annotations: unknown[];
    };
    expect(onDisk.annotations).toHaveLength(1);
    expect(existsSync(path.join(dir, RECOVERY_DIR))).toBe(false);
    await again.store.close();
  });

  it('leaves a damaged recovery file in place, names it, and changes nothing', async () => {
    dir = await tempDir('hashiya-recovery-');
    const p = await openTestProject(dir);
    const id = (await p.call('documents.importText', { text: ARTICLE_A, title: 'Article A' })).document.id;
    await p.store.close();
    const before = await readFile(path.join(dir, 'documents', `${id}.json`), 'utf8');
    const bad = path.join(dir, RECOVERY_DIR, 'documents', `${id}.json`);
    await mkdir(path.dirname(bad), { recursive: true });
    await writeFile(bad, '{"document": {"id": "x"}');

    // opening puts recovery/ back, as the app's start does
    const again = await openTestProject(dir);
    const restored = again.host.recovered;
    expect(restored?.restored).toEqual([]);
    expect(restored?.problems).toHaveLength(1);
    expect(again.store.data.notices.at(-1)?.message).toContain(
      `These recovery files could not be used and were left in place: ${bad}`,
    );
    expect(existsSync(bad)).toBe(true);
    expect(await readFile(path.join(dir, 'documents', `${id}.json`), 'utf8')).toBe(before);
    await again.store.close();
  });
});
