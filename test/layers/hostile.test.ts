/**
 * layers.import refuses hostile or broken input with a 4xx sentence and writes nothing: a bundle
 * that is a zip bomb, one whose entry names point outside it, one that is no zip or no bundle, a
 * colleague's folder whose project.json is damaged (left exactly as it is: no quarantine, no
 * repair), a W3C file of the wrong shape, a relative path.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { zip } from '../../src/main/exchange/zip';
import { openProject, type TestProject } from '../export/project';

const TEXT = 'قال المشير خليفة حفتر إن قواته مستعدة لوقف إطلاق النار في طرابلس.';

let a: TestProject;
let documentId: string;
let before: string;

beforeEach(async () => {
  a = await openProject('Salma’s copy', 'Salma');
  documentId = (await a.addText(TEXT, 'Haftar')).id;
  await a.annotate(documentId, TEXT, 'خليفة حفتر');
  before = JSON.stringify([a.store.data.codebook, a.store.data.registry, a.store.data.coders]);
});
afterEach(async () => {
  await a.close();
});

async function refused(source: unknown): Promise<AppError> {
  const err = await a.call('layers.import', { source, dryRun: false }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const e = err as AppError;
  expect(e.status).toBeGreaterThanOrEqual(400);
  expect(e.status).toBeLessThan(500);
  // nothing written
  expect(await a.call<unknown[]>('annotations.list', { documentId })).toHaveLength(1);
  expect(JSON.stringify([a.store.data.codebook, a.store.data.registry, a.store.data.coders])).toBe(before);
  return e;
}

const bundle = (entries: Array<{ name: string; data: Buffer }>) => ({
  kind: 'bundle',
  data: zip(entries).toString('base64'),
  fileName: 'bundle.zip',
});

describe('hostile bundles', () => {
  it('refuses a zip bomb before expanding it', async () => {
    const e = await refused(bundle([{ name: 'layer.jsonld', data: Buffer.alloc(20 * 1024 * 1024, 0x20) }]));
    expect(e.code).toBe('unprocessable');
    expect(e.message).toMatch(/zip bomb/);
  });

  it('refuses entry names that point outside the bundle', async () => {
    const json = Buffer.from(JSON.stringify({ type: 'AnnotationCollection', first: { items: [] } }));
    for (const name of ['../layer.jsonld', '/etc/layer.jsonld', 'texts\\..\\x.txt', 'C:/x.jsonld']) {
      const e = await refused(bundle([{ name, data: json }]));
      expect(e.message).toMatch(/points outside the bundle/);
    }
  });

  it('refuses what is not a zip, and a zip that is not a bundle', async () => {
    expect(
      (await refused({ kind: 'bundle', data: Buffer.from('not a zip at all').toString('base64') })).message,
    ).toMatch(/not a readable zip/);
    expect((await refused(bundle([{ name: 'notes.txt', data: Buffer.from('hello') }]))).message).toMatch(/no \.jsonld/);
  });
});

describe('a colleague’s damaged folder', () => {
  it('is refused with the reason and left exactly as it is', async () => {
    const dir = path.join(a.dir, 'colleague');
    await mkdir(path.join(dir, 'documents'), { recursive: true });
    await writeFile(path.join(dir, 'project.json'), '{"schemaVersion": 3, "name": "trunc');
    const e = await refused({ kind: 'folder', path: dir });
    expect(e.code).toBe('unprocessable');
    expect(e.message).toMatch(/cannot be read \(the file is not complete JSON/);
    expect((await readdir(dir)).sort()).toEqual(['documents', 'project.json']);
    expect(await readFile(path.join(dir, 'project.json'), 'utf8')).toBe('{"schemaVersion": 3, "name": "trunc');
  });

  it('is refused when it holds no project, or the path is not a full one', async () => {
    expect((await refused({ kind: 'folder', path: a.dir })).code).toBe('not_found');
    expect((await refused({ kind: 'folder', path: 'colleague/project' })).code).toBe('invalid_input');
  });
});

describe('W3C files of the wrong shape', () => {
  it('are refused with a sentence', async () => {
    expect((await refused({ kind: 'w3c', json: '{"hello": "world"}' })).message).toMatch(
      /not a W3C Web Annotation file/,
    );
    await refused({ kind: 'w3c', json: '[1, 2' });
    await refused({ kind: 'w3c' });
    await refused({ kind: 'w3c', json: '[]', path: '/tmp/x.jsonld' });
  });
});
