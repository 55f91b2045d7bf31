import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { INDEX_DIR } from '../search/indexFile';
import { openTestProject, type TestProject } from '../../../test/harness/project';

let dir = '';
let project: TestProject | null = null;
afterEach(async () => {
  await project?.close();
  project = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('answers other calls while the first search builds the index of a project that has none', async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-search-stage-'));
  project = await openTestProject(dir);
  for (let i = 0; i < 30; i++) {
    await project.call('documents.importText', { text: `مقالة رقم ${i} عن خليفه حفتر`, allowDuplicate: true });
  }
  await project.close();
  // the index is a cache: a project copied without it (or from an older version) has none
  await rm(path.join(dir, INDEX_DIR), { recursive: true, force: true });
  project = await openTestProject(dir);
  const order: string[] = [];
  const searched = project.call('search', { query: 'خليفة' }).then((r) => {
    order.push('search');
    return r;
  });
  const listed = project.call('documents.list', {}).then(() => order.push('list'));
  const [result] = await Promise.all([searched, listed]);
  expect(result.hits).toHaveLength(30);
  expect(order).toEqual(['list', 'search']);
  expect(project.host.current.search.counters.built).toBe(30);
});
