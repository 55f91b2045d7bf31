/**
 * Open project / New project / recent projects through the services: the open store is switched
 * safely, the folder a person types is checked with clear refusals, and the recent list is kept
 * in the user-data folder.
 */
import { mkdir, readFile, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultProjectDir, openProject, type OpenedProject } from '../../src/main/app';
import type { Input, MethodName, Output } from '@shared/api';
import { AppError } from '@shared/errors';
import { removeDir, seedTwoDocuments, tempDir } from './helpers';

const resourcesDir = path.resolve(__dirname, '../../resources');

let root: string;
let opened: OpenedProject;
const call = <M extends MethodName>(name: M, input: Input<M>) =>
  opened.services.dispatch(name, input) as Promise<Output<M>>;
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

beforeEach(async () => {
  // the real path: macOS's temp folder is reached through a symbolic link
  root = await realpath(await tempDir('hashiya-switch-'));
  await seedTwoDocuments(path.join(root, 'first'));
  opened = await openProject(path.join(root, 'first'), resourcesDir, { userData: path.join(root, 'user') });
});
afterEach(async () => {
  await opened.services.ctx.store.close().catch(() => undefined);
  await removeDir(root);
});

describe('project.create and project.open', () => {
  it('creates an empty project in a new folder, switches to it, and switches back', async () => {
    const target = path.join(root, 'nested', 'second');
    const info = await call('project.create', { path: target, name: 'Thesis corpus' });
    expect(info).toMatchObject({ name: 'Thesis corpus', path: target, documentCount: 0, notices: [], unsaved: [] });
    expect(await call('documents.list', {})).toEqual([]);
    expect(JSON.parse(await readFile(path.join(target, 'project.json'), 'utf8')).name).toBe('Thesis corpus');

    await call('documents.importText', { text: 'نص جديد للمشروع الثاني.', title: 'New one' });
    const back = await call('project.open', { path: path.join(root, 'first') });
    expect(back.documentCount).toBe(2);
    expect((await call('documents.list', {})).map((d) => d.title).sort()).toEqual(['Article A', 'Article B']);

    const again = await call('project.open', { path: target });
    expect(again.documentCount).toBe(1);
  });

  it('writes still on their way in the old project are saved before the switch', async () => {
    const [doc] = await call('documents.list', {});
    const codeId = opened.services.ctx.store.data.codebook.codes[0]?.id as string;
    const tag = call('annotations.create', { documentId: doc?.id as string, start: 0, end: 3, codes: [codeId] });
    const switched = call('project.create', { path: path.join(root, 'other') });
    const created = await tag;
    await switched;
    const file = JSON.parse(await readFile(path.join(root, 'first', 'documents', `${doc?.id}.json`), 'utf8')) as {
      annotations: Array<{ id: string }>;
    };
    expect(file.annotations.map((a) => a.id)).toContain(created.id);
    // quitting now flushes the project open now, even through the store opened at start
    await opened.store.flush();
  });

  it('remembers recent projects, most recent first, and says which are gone', async () => {
    await call('project.create', { path: path.join(root, 'second'), name: 'Second' });
    await call('project.open', { path: path.join(root, 'first') });
    const recent = await call('project.recent', {});
    expect(recent.map((r) => r.path)).toEqual([path.join(root, 'first'), path.join(root, 'second')]);
    expect(recent.every((r) => r.available)).toBe(true);
    await removeDir(path.join(root, 'second'));
    expect((await call('project.recent', {})).map((r) => r.available)).toEqual([true, false]);
    // the list is a small JSON file in the user-data folder
    expect(JSON.parse(await readFile(path.join(root, 'user', 'recent-projects.json'), 'utf8')).projects).toHaveLength(
      2,
    );
  });

  it('refuses paths it cannot use, with a sentence, and stays on the open project', async () => {
    await writeFile(path.join(root, 'afile.txt'), 'x');
    await mkdir(path.join(root, 'plain'));
    await writeFile(path.join(root, 'plain', 'notes.txt'), 'x');
    await mkdir(path.join(root, 'empty'));

    const cases: Array<[Promise<unknown>, string, RegExp]> = [
      [call('project.open', { path: 'relative/folder' }), 'invalid_input', /not a full path/],
      [call('project.open', { path: '   ' }), 'invalid_input', /Type the path/],
      [call('project.open', { path: path.join(root, 'nope') }), 'not_found', /There is no folder at/],
      [call('project.open', { path: path.join(root, 'afile.txt') }), 'invalid_input', /is a file, not a folder/],
      [call('project.open', { path: path.join(root, 'empty') }), 'invalid_input', /not a Hashiya project.*New project/],
      [call('project.create', { path: path.join(root, 'plain') }), 'invalid_input', /is not empty/],
      [
        call('project.create', { path: path.join(root, 'first') }),
        'conflict',
        /already holds a Hashiya project; open it instead/,
      ],
      [call('project.create', { path: path.join(root, 'afile.txt', 'sub') }), 'invalid_input', /is a file/],
    ];
    for (const [pending, code, message] of cases) {
      const err = await errorOf(pending);
      expect(err, String(message)).toBeInstanceOf(AppError);
      expect(err?.code).toBe(code);
      expect(err?.message).toMatch(message);
    }
    expect((await call('project.info', {})).path).toBe(path.join(root, 'first'));
  });

  it('opening the project already open changes nothing', async () => {
    const before = opened.services.ctx.store;
    await call('project.open', { path: path.join(root, 'first') + path.sep });
    expect(opened.services.ctx.store).toBe(before);
    const { symlink } = await import('node:fs/promises');
    await symlink(path.join(root, 'first'), path.join(root, 'link-to-first'));
    await call('project.open', { path: path.join(root, 'link-to-first') });
    expect(opened.services.ctx.store).toBe(before);
  });

  it('a damaged recent list is set aside, not written over, and starts again', async () => {
    const file = path.join(root, 'user', 'recent-projects.json');
    await writeFile(file, '{"schemaVersion":1,"projects":[');
    expect(await call('project.recent', {})).toEqual([]);
    await call('project.create', { path: path.join(root, 'third') });
    expect((await call('project.recent', {})).map((r) => r.path)).toEqual([path.join(root, 'third')]);
    const { readdir } = await import('node:fs/promises');
    const aside = (await readdir(path.join(root, 'user'))).filter((n) => n.startsWith('recent-projects.json.damaged-'));
    expect(aside).toHaveLength(1);
    expect(await readFile(path.join(root, 'user', aside[0] as string), 'utf8')).toBe('{"schemaVersion":1,"projects":[');
  });

  it('a first start opens the default project with the sample; a later start comes back to the last project', async () => {
    const userData = path.join(root, 'fresh-user');
    const defaultDir = defaultProjectDir(userData);
    const first = await openProject(defaultDir, resourcesDir, { userData });
    expect(first.services.ctx.store.dir).toBe(defaultDir);
    expect(first.services.ctx.store.summaries()).toHaveLength(1); // the bundled sample article
    await first.services.dispatch('project.create', { path: path.join(root, 'thesis'), name: 'Thesis' });
    await first.flush();
    await first.services.ctx.store.close();

    const later = await openProject(defaultDir, resourcesDir, { userData });
    expect(later.services.ctx.store.dir).toBe(path.join(root, 'thesis'));
    await later.services.ctx.store.close();

    // an explicit folder is always honoured
    const explicit = await openProject(path.join(root, 'first'), resourcesDir, { userData });
    expect(explicit.services.ctx.store.dir).toBe(path.join(root, 'first'));
    await explicit.services.ctx.store.close();
  });
});
