/**
 * store.peekDocument, the one reader of document files behind the store: it answers from the
 * loaded copy (changes not yet on disk included), reads an unloaded file without keeping it, and
 * sends a file that does not hold what it should through the store, which moves it aside.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestProject, type TestProject } from '../../../test/harness/project';
import { ARTICLE_A, ARTICLE_B, removeDir, tempDir } from '../../../test/storage/helpers';

let dir: string;
let p: TestProject;
beforeEach(async () => {
  dir = await tempDir('hashiya-peek-');
  p = await openTestProject(dir);
});
afterEach(async () => {
  await p.store.close().catch(() => undefined);
  await removeDir(dir);
});

describe('peekDocument', () => {
  it('reads an unloaded document without keeping it, and a loaded one from memory', async () => {
    const a = (await p.call('documents.importText', { text: ARTICLE_A, title: 'A' })).document.id;
    await p.store.close();
    p = await openTestProject(dir);
    expect((await p.store.peekDocument(a, 'text')).document.text).toBe(ARTICLE_A);
    expect((await p.store.peekDocument(a)).document.title).toBe('A');
    expect([...p.store.loadedDocuments()]).toHaveLength(0);

    const codeId = p.store.data.codebook.codes[0]?.id as string;
    await p.call('annotations.create', { documentId: a, start: 0, end: 5, codes: [codeId], values: { note: 'UN' } });
    const counted = await p.store.peekDocument(a, 'annotations');
    expect(counted.annotations.map((x) => x.values.note)).toEqual(['UN']);
  });

  it('a file that holds another document goes through the store, which moves it to quarantine/', async () => {
    const a = (await p.call('documents.importText', { text: ARTICLE_A, title: 'A' })).document.id;
    const b = (await p.call('documents.importText', { text: ARTICLE_B, title: 'B' })).document.id;
    await p.host.flush();
    await p.store.close();
    // a's file replaced by a copy of b's (a sync tool gone wrong)
    await writeFile(
      path.join(dir, 'documents', `${a}.json`),
      await readFile(path.join(dir, 'documents', `${b}.json`), 'utf8'),
    );
    p = await openTestProject(dir);
    // the usage counts read only the annotations; the id check still catches it
    const usage = await p.call('codebook.usage', {});
    expect(usage.annotations).toBe(0);
    expect(await readdir(path.join(dir, 'quarantine'))).toHaveLength(1);
    // no backup of it exists (it was never changed after its import): it leaves the list, with a notice
    expect((await p.call('project.info', {})).notices.map((n) => n.code)).toEqual(['document_quarantined']);
    expect((await p.call('documents.list', {})).map((d) => d.id)).toEqual([b]);
  });
});
