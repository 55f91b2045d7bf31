/**
 * A file that cannot be trusted is never overwritten: it lands in quarantine/ byte for byte, the
 * newest valid backup takes its place when one exists, a notice reaches project.info, and the
 * other documents keep working.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../src/main/store/schema';
import { AppError } from '@shared/errors';
import { filesIn, openTestProject, removeDir, seedTwoDocuments, tempDir } from './helpers';

const CASES: Array<[string, (original: Buffer) => Buffer]> = [
  ['empty', () => Buffer.alloc(0)],
  ['NUL-filled', (o) => Buffer.alloc(o.length, 0)],
  ['truncated', (o) => o.subarray(0, Math.floor(o.length / 2))],
  ['null', () => Buffer.from('null')],
  [
    'damaged mid-text (bytes that are not UTF-8)',
    (o) => Buffer.concat([o.subarray(0, 40), Buffer.from([0xff, 0xfe, 0xd8]), o.subarray(43)]),
  ],
  [
    'failing its schema',
    (o) =>
      Buffer.from(
        JSON.stringify({
          ...JSON.parse(o.toString('utf8')),
          schemaVersion: SCHEMA_VERSION,
          annotations: 'none',
          documents: 7,
        }),
      ),
  ],
];

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

async function quarantined(): Promise<Buffer[]> {
  const names = await filesIn(path.join(dir, 'quarantine'));
  return Promise.all(names.map((n) => readFile(path.join(dir, 'quarantine', n))));
}

describe.each(CASES)('a document file that is %s', (_label, damage) => {
  it('is quarantined byte-identical and restored from its backup; the other document is intact', async () => {
    const { a, b } = await seedTwoDocuments(dir);
    const file = path.join(dir, 'documents', `${a}.json`);
    const bad = damage(await readFile(file));
    await writeFile(file, bad);

    const p = await openTestProject(dir);
    const annotations = await p.call('annotations.list', { documentId: a });
    expect(annotations).toHaveLength(1);
    expect(await quarantined()).toEqual([bad]);
    const info = await p.call('project.info', {});
    expect(info.notices).toHaveLength(1);
    expect(info.notices[0]?.message).toMatch(/Article A.*quarantine\/.*backup of/);
    expect(await p.call('annotations.list', { documentId: b })).toHaveLength(2);
    expect(info.documentCount).toBe(2);
    await p.call('project.dismissNotices', {});
    expect((await p.call('project.info', {})).notices).toEqual([]);
    await p.store.close();
  });

  it('without a backup, is quarantined, leaves the list, and the app and other document keep working', async () => {
    const { a, b } = await seedTwoDocuments(dir);
    await rm(path.join(dir, 'backups'), { recursive: true, force: true });
    const file = path.join(dir, 'documents', `${a}.json`);
    const bad = damage(await readFile(file));
    await writeFile(file, bad);

    const p = await openTestProject(dir);
    const err = await p.call('annotations.list', { documentId: a }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('storage');
    expect((err as AppError).message).toMatch(/Article A.*quarantine\//);
    expect(await quarantined()).toEqual([bad]);
    const docs = await p.call('documents.list', {});
    expect(docs.map((d) => d.id)).toEqual([b]);
    expect(await p.call('annotations.list', { documentId: b })).toHaveLength(2);
    const info = await p.call('project.info', {});
    expect(info.notices.map((n) => n.code)).toEqual(['document_quarantined']);
    expect(info.notices[0]?.message).toContain('no backup');
    await p.store.close();
    // the damaged file is never written over: it is still exactly what it was
    expect(await quarantined()).toEqual([bad]);
  });
});

describe.each(CASES)('project.json that is %s', (_label, damage) => {
  it('is quarantined byte-identical; codebook comes back from the backup; documents are intact', async () => {
    const { a, b } = await seedTwoDocuments(dir);
    const p0 = await openTestProject(dir);
    await p0.call('settings.update', { annotator: 'Layla' });
    await p0.store.close();
    const file = path.join(dir, 'project.json');
    const bad = damage(await readFile(file));
    await writeFile(file, bad);

    const p = await openTestProject(dir);
    expect(await quarantined()).toEqual([bad]);
    const info = await p.call('project.info', {});
    expect(info.notices.map((n) => n.code)).toEqual(['project_file_restored']);
    expect(info.notices[0]?.message).toContain('quarantine/project.json.');
    expect(info.documentCount).toBe(2);
    expect(info.annotationCount).toBe(3);
    expect((await p.call('documents.list', {})).map((d) => d.title).sort()).toEqual(['Article A', 'Article B']);
    expect(await p.call('annotations.list', { documentId: a })).toHaveLength(1);
    expect(await p.call('annotations.list', { documentId: b })).toHaveLength(2);
    expect(p.store.data.codebook.codes.length).toBeGreaterThan(0);
    await p.store.close();
  });

  it('without a backup, still opens with every document listed and says the codebook was reset', async () => {
    await seedTwoDocuments(dir);
    await rm(path.join(dir, 'backups'), { recursive: true, force: true });
    const file = path.join(dir, 'project.json');
    const bad = damage(await readFile(file));
    await writeFile(file, bad);

    const p = await openTestProject(dir);
    expect(await quarantined()).toEqual([bad]);
    const info = await p.call('project.info', {});
    expect(info.notices[0]?.message).toMatch(/no backup.*defaults/);
    expect(info.documentCount).toBe(2);
    expect(info.annotationCount).toBe(3);
    await p.store.close();
  });
});

describe('a file from a newer Hashiya', () => {
  it('project.json: refused with a clear message, left untouched, nothing quarantined', async () => {
    await seedTwoDocuments(dir);
    const file = path.join(dir, 'project.json');
    const newer = JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), schemaVersion: 7, futureField: true });
    await writeFile(file, newer);
    const err = await openTestProject(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('unsupported');
    expect((err as AppError).message).toMatch(
      new RegExp(`newer version of Hashiya \\(file format 7; this version reads up to ${SCHEMA_VERSION}\\)`),
    );
    expect(await readFile(file, 'utf8')).toBe(newer);
    expect(await filesIn(path.join(dir, 'quarantine'))).toEqual([]);
  });

  it('a document: that document is refused and untouched, the others open', async () => {
    const { a, b } = await seedTwoDocuments(dir);
    const file = path.join(dir, 'documents', `${a}.json`);
    const newer = JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), schemaVersion: SCHEMA_VERSION + 1 });
    await writeFile(file, newer);
    const p = await openTestProject(dir);
    const err = await p.call('annotations.list', { documentId: a }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('unsupported');
    expect((err as AppError).message).toContain('Article A');
    expect(await p.call('annotations.list', { documentId: b })).toHaveLength(2);
    await p.store.close();
    expect(await readFile(file, 'utf8')).toBe(newer);
    expect(await filesIn(path.join(dir, 'quarantine'))).toEqual([]);
  });
});

describe('project.json restored from an older backup', () => {
  it('lists the documents that exist now: added ones appear, deleted ones stay deleted without a false alarm', async () => {
    const { a, b } = await seedTwoDocuments(dir);
    const p0 = await openTestProject(dir);
    await p0.call('documents.delete', { id: b });
    const c = (
      await p0.call('documents.importText', { text: 'وثيقة ثالثة أضيفت بعد النسخة الاحتياطية.', title: 'Article C' })
    ).document.id;
    await p0.store.close();
    await writeFile(path.join(dir, 'project.json'), '{"schemaVersion":1,"name":');

    const p = await openTestProject(dir);
    const ids = (await p.call('documents.list', {})).map((d) => d.id).sort();
    expect(ids).toEqual([a, c].sort());
    expect((await p.call('project.info', {})).notices.map((n) => n.code)).toEqual(['project_file_restored']);
    await p.store.close();
  });
});
