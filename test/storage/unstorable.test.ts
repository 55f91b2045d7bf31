/**
 * A change that would make a file the next start cannot read (it fails the file's schema) is
 * never written: the caller gets AppError('invalid_input'), the file on disk is untouched, the
 * in-memory state is put back, and the project re-opens with nothing quarantined. This is the net
 * under every service: an API limit that disagrees with a stored limit cannot destroy data.
 */
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Code } from '@shared/model';
import { filesIn, openTestProject, readBytes, removeDir, seedTwoDocuments, tempDir } from './helpers';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

describe('data that would not pass its schema is never written', () => {
  it('a document: the annotation change is refused, the file is byte-identical, the document reads as before', async () => {
    const { b } = await seedTwoDocuments(dir);
    const file = path.join(dir, 'documents', `${b}.json`);
    const before = await readBytes(file);
    const p = await openTestProject(dir);
    const db = await p.store.document(b);
    const entry = p.store.summary(b);
    // a note far longer than a stored claim value may hold, put in as a faulty service would
    db.data.annotations[0]!.values = { note: 'ملاحظة '.repeat(4000) };
    const err = await p.store.saveDocument(b).catch((e: unknown) => e);
    // the document was let go and read again: its index entry is a new one, so nothing kept
    // under the old entry for an unopened document (usageIndex.ts, agreementRecords.ts) stands
    expect(p.store.summary(b)).not.toBe(entry);
    expect(p.store.summary(b)).toEqual(entry);
    expect(err).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/cannot be stored: annotations\.0\.values\.note.*Nothing was saved/),
    });
    expect(await readBytes(file)).toEqual(before);
    const list = await p.call('annotations.list', { documentId: b });
    expect(list).toHaveLength(2);
    expect(list[0]?.values).toEqual({});
    expect((await p.call('project.info', {})).unsaved).toEqual([]);
    await p.store.close();

    const again = await openTestProject(dir);
    expect(await again.call('annotations.list', { documentId: b })).toHaveLength(2);
    expect(await filesIn(path.join(dir, 'quarantine'))).toEqual([]);
    await again.store.close();
  });

  it('a document saved before: an annotation changed in place after that save is still refused', async () => {
    const { b, codeId } = await seedTwoDocuments(dir);
    const file = path.join(dir, 'documents', `${b}.json`);
    const p = await openTestProject(dir);
    const made = await p.call('annotations.create', { documentId: b, start: 0, end: 5, codes: [codeId] });
    const before = await readBytes(file);
    const db = await p.store.document(b);
    // the annotation that save checked, made unstorable in place (as a faulty service would)
    const kept = db.data.annotations.find((a) => a.id === made.id);
    if (!kept) throw new Error('the new annotation is not in the document');
    kept.codes.push('not an id!');
    await expect(p.store.saveDocument(b)).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/cannot be stored: annotations\.\d+\.codes\.\d+.*Nothing was saved/),
    });
    expect(await readBytes(file)).toEqual(before);
    expect((await p.call('annotations.list', { documentId: b })).find((a) => a.id === made.id)?.codes).toEqual([
      codeId,
    ]);
    await p.store.close();
    expect(await filesIn(path.join(dir, 'quarantine'))).toEqual([]);
  });

  it('project.json: a codebook over the limit is refused and the codebook in memory is put back', async () => {
    await seedTwoDocuments(dir);
    const file = path.join(dir, 'project.json');
    const before = await fs.readFile(file, 'utf8');
    const p = await openTestProject(dir);
    const codes = p.store.data.codebook.codes;
    const extra: Code[] = Array.from({ length: 2001 }, (_, i) => ({
      ...(codes[0] as Code),
      id: `extra-${i}`,
      name: `Extra ${i}`,
      key: null,
      parentId: null,
    }));
    p.store.data.codebook = { ...p.store.data.codebook, codes: [...codes, ...extra] };
    await expect(p.store.saveProject()).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    expect(p.store.data.codebook.codes).toHaveLength(codes.length);
    await p.store.close();

    const again = await openTestProject(dir);
    expect(again.store.data.codebook.codes).toHaveLength(codes.length);
    expect(await filesIn(path.join(dir, 'quarantine'))).toEqual([]);
    expect(again.store.data.notices).toEqual([]);
    await again.store.close();
  });
});
