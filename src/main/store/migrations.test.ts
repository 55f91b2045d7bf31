import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestProject, removeDir, seedTwoDocuments, tempDir } from '../../../test/storage/helpers';
import { DOCUMENT_FORMAT, migrateFile, NewerFormatError, PROJECT_FORMAT, UnknownFormatError, type FormatHistory } from './migrations';
import { SCHEMA_VERSION } from './schema';

describe('migrateFile', () => {
  const history: FormatHistory = {
    current: 3,
    steps: {
      1: (f) => ({ ...f, title: f.name, name: undefined }),
      2: (f) => ({ ...f, tags: [] }),
    },
  };

  it('runs every step from the file’s version to the current one, in order', () => {
    const out = migrateFile('x.json', { schemaVersion: 1, name: 'old' }, history);
    expect(out.from).toBe(1);
    expect(out.file).toEqual({ schemaVersion: 3, title: 'old', name: undefined, tags: [] });
  });

  it('leaves a current file as it is', () => {
    const file = { schemaVersion: 3, title: 't' };
    expect(migrateFile('x.json', file, history)).toEqual({ file, from: 3 });
  });

  it('refuses a newer file with a sentence naming both versions', () => {
    expect(() => migrateFile('x.json', { schemaVersion: 4 }, history)).toThrow(NewerFormatError);
    expect(() => migrateFile('x.json', { schemaVersion: 4 }, history)).toThrow(/newer version of Hashiya \(file format 4; this version reads formats up to 3\)/);
  });

  it('treats a missing or unknown version as unreadable', () => {
    expect(() => migrateFile('x.json', {}, history)).toThrow(UnknownFormatError);
    expect(() => migrateFile('x.json', { schemaVersion: '2' }, history)).toThrow(UnknownFormatError);
    expect(() => migrateFile('x.json', { schemaVersion: 0 }, history)).toThrow(/older than any/);
  });

  it('the shipped formats agree with what this build writes', () => {
    expect(PROJECT_FORMAT.current).toBe(SCHEMA_VERSION);
    expect(DOCUMENT_FORMAT.current).toBe(SCHEMA_VERSION);
  });
});

describe('opening a project with files from an older format', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  // A made-up format 0 in which annotations kept their code ids under `tags`.
  const withFormatZero: FormatHistory = {
    current: 1,
    steps: {
      0: (f) => ({
        ...f,
        annotations: (f.annotations as Array<Record<string, unknown>>).map(({ tags, ...a }) => ({ ...a, codes: tags })),
      }),
    },
  };

  it('upgrades the file on read, keeps a copy of the old one in backups/, and saves it in the new format', async () => {
    const { a, codeId } = await seedTwoDocuments(dir);
    const file = path.join(dir, 'documents', `${a}.json`);
    const current = JSON.parse(await readFile(file, 'utf8')) as { annotations: Array<Record<string, unknown>> };
    const old = JSON.stringify({
      ...current,
      schemaVersion: 0,
      annotations: current.annotations.map(({ codes, ...x }) => ({ ...x, tags: codes })),
    });
    await writeFile(file, old);

    const p = await openTestProject(dir, { formats: { document: withFormatZero } });
    const annotations = await p.call('annotations.list', { documentId: a });
    expect(annotations.map((x) => x.codes)).toEqual([[codeId]]);
    // the upgraded file is stored at once, in the current format
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(1);
    const backups = await p.call('backups.list', { documentId: a });
    const raws = await Promise.all(backups.map((b) => readFile(path.join(dir, 'backups', 'documents', a, b.name), 'utf8')));
    expect(raws).toContain(old);

    await p.call('annotations.create', { documentId: a, start: 0, end: 4, codes: [codeId] });
    const saved = JSON.parse(await readFile(file, 'utf8')) as { schemaVersion: number; annotations: Array<{ codes: string[] }> };
    expect(saved.schemaVersion).toBe(1);
    expect(saved.annotations.every((x) => x.codes.length === 1)).toBe(true);
    expect((await p.call('project.info', {})).notices).toEqual([]);
    await p.store.close();
  });
});
