import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ProjectStore } from '../store/projectStore';
import { hostTestProject } from '../../../test/harness/project';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('builds a document’s search index when it is imported, not at the first search', async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-index-'));
  const store = await ProjectStore.open(dir);
  const { services } = await hostTestProject(store);
  const { document } = (await services.dispatch('documents.importText', { text: 'قال المشير خليفه حفتر' })) as {
    document: { id: string };
  };
  expect(existsSync(path.join(dir, 'index', `${document.id}.json`))).toBe(true);
  const found = (await services.dispatch('search', { query: 'خليفة' })) as {
    hits: Array<{ start: number; end: number }>;
  };
  expect(found.hits.map((h) => [h.start, h.end])).toEqual([[11, 16]]);
  await store.flush();
});
