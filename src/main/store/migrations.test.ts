import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestProject, removeDir, seedTwoDocuments, tempDir } from '../../../test/storage/helpers';
import {
  DOCUMENT_FORMAT,
  migrateFile,
  NewerFormatError,
  PROJECT_FORMAT,
  UnknownFormatError,
  type FormatHistory,
} from './migrations';
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
    expect(() => migrateFile('x.json', { schemaVersion: 4 }, history)).toThrow(
      /newer version of Hashiya \(file format 4; this version reads formats up to 3\)/,
    );
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
    current: SCHEMA_VERSION,
    steps: {
      ...DOCUMENT_FORMAT.steps,
      // the file below holds claim values already: the claims step has nothing to do for it
      2: (f) => f,
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
    expect(JSON.parse(await readFile(file, 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
    const backups = await p.call('backups.list', { documentId: a });
    const raws = await Promise.all(
      backups.map((b) => readFile(path.join(dir, 'backups', 'documents', a, b.name), 'utf8')),
    );
    expect(raws).toContain(old);

    await p.call('annotations.create', { documentId: a, start: 0, end: 4, codes: [codeId] });
    const saved = JSON.parse(await readFile(file, 'utf8')) as {
      schemaVersion: number;
      annotations: Array<{ codes: string[] }>;
    };
    expect(saved.schemaVersion).toBe(SCHEMA_VERSION);
    expect(saved.annotations.every((x) => x.codes.length === 1)).toBe(true);
    expect((await p.call('project.info', {})).notices).toEqual([]);
    await p.store.close();
  });
});

describe('format 1 → 2: publication dates become ISO dates', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    await removeDir(dir);
  });

  /**
   * Rewrite a seeded project as format 1, with the dates a researcher typed then (and format 1's
   * codebook and annotations: stance and certainty lists, four fixed claim fields, no registry).
   */
  async function asFormatOne(dates: Record<string, string | null>): Promise<void> {
    const projectFile = path.join(dir, 'project.json');
    const { registry: _registry, ...project } = JSON.parse(await readFile(projectFile, 'utf8')) as {
      documents: Array<Record<string, unknown>>;
      codebook: { codes: unknown[] };
      registry: unknown;
    };
    for (const entry of project.documents) {
      const date = dates[String(entry.title)] ?? null;
      entry.publishedAt = date;
      const file = path.join(dir, 'documents', `${String(entry.id)}.json`);
      const doc = JSON.parse(await readFile(file, 'utf8')) as {
        document: Record<string, unknown>;
        annotations: Array<Record<string, unknown>>;
      };
      doc.document.publishedAt = date;
      const annotations = doc.annotations.map(({ values: _values, ...a }) => ({
        ...a,
        claimant: '',
        stance: '',
        certainty: '',
        note: '',
      }));
      await writeFile(file, JSON.stringify({ ...doc, annotations, schemaVersion: 1 }));
    }
    const codebook = { codes: project.codebook.codes, stances: ['proposes'], certainties: ['asserted'] };
    await writeFile(projectFile, JSON.stringify({ ...project, codebook, schemaVersion: 1 }));
  }

  it('converts the dates it can read, keeps the others as written, and says so', async () => {
    const { a, b } = await seedTwoDocuments(dir);
    await asFormatOne({ 'Article A': '12/05/2019', 'Article B': 'mid-May, before Eid' });

    const p = await openTestProject(dir);
    const docs = await p.call('documents.list', {});
    expect(docs.find((d) => d.id === a)).toMatchObject({ publishedAt: '2019-05-12' });
    expect(docs.find((d) => d.id === a)?.publishedAtText).toBeUndefined();
    expect(docs.find((d) => d.id === b)).toMatchObject({ publishedAt: null, publishedAtText: 'mid-May, before Eid' });
    expect((await p.call('documents.get', { id: b })).publishedAtText).toBe('mid-May, before Eid');
    const notice = (await p.call('project.info', {})).notices.find((n) => n.code === 'dates_converted');
    expect(notice?.message).toMatch(/1 date\(s\) written another way were converted .*day first/);
    expect(notice?.message).toMatch(/1 could not be read as a date and are kept as written.*“Article B”/);

    // a document file is upgraded when it is first read, and stored in the new format
    expect((await p.call('documents.get', { id: a })).publishedAt).toBe('2019-05-12');
    const stored = JSON.parse(await readFile(path.join(dir, 'documents', `${a}.json`), 'utf8')) as {
      schemaVersion: number;
      document: { publishedAt: string };
    };
    expect(stored).toMatchObject({ schemaVersion: SCHEMA_VERSION, document: { publishedAt: '2019-05-12' } });

    // a date saved in Details replaces the text kept as written
    const fixed = await p.call('documents.update', { id: b, publishedAt: '2019-05-15' });
    expect(fixed.publishedAt).toBe('2019-05-15');
    expect(fixed.publishedAtText).toBeUndefined();
    await p.store.close();
    const q = await openTestProject(dir);
    expect((await q.call('documents.get', { id: b })).publishedAtText).toBeUndefined();
    await q.store.close();
  });

  it('reads Arabic dates and keeps ISO dates and empty ones as they were', async () => {
    const { a, b } = await seedTwoDocuments(dir);
    await asFormatOne({ 'Article A': '١٥ مايو ٢٠١٩', 'Article B': '2019-05-22' });
    const p = await openTestProject(dir);
    const docs = await p.call('documents.list', {});
    expect(docs.find((d) => d.id === a)?.publishedAt).toBe('2019-05-15');
    expect(docs.find((d) => d.id === b)?.publishedAt).toBe('2019-05-22');
    await p.store.close();
  });
});
