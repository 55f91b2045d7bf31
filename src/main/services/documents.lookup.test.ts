import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestProject, removeDir, tempDir, type Project } from '../../../test/storage/helpers';

let dir = '';
let p: Project;
beforeEach(async () => {
  dir = await tempDir('hashiya-lookup-');
  p = await openTestProject(dir);
});
afterEach(async () => {
  await p.store.close();
  await removeDir(dir);
});
const call = (name: string, input: unknown) => p.services.dispatch(name, input);

async function add(text: string, title: string, source: string): Promise<string> {
  const { document } = (await call('documents.importText', { text, title })) as { document: { id: string } };
  if (source !== '') await call('documents.update', { id: document.id, source });
  return document.id;
}

it('gives the titles of the asked documents once each, in the order asked, and leaves out ids it does not know', async () => {
  const a = await add('نص المقال الأول', 'الأول', '');
  const b = await add('نص المقال الثاني', 'Second', '');
  expect(await call('documents.titles', { ids: [b, 'doc-gone', a, b] })).toEqual([
    { id: b, title: 'Second', language: 'ar' },
    { id: a, title: 'الأول', language: 'ar' },
  ]);
  expect(await call('documents.titles', { ids: [] })).toEqual([]);
});

it('refuses more ids than one call takes, and malformed ones, with a clear error', async () => {
  const many = Array.from({ length: 10_001 }, (_, i) => `doc-${i}`);
  await expect(call('documents.titles', { ids: many })).rejects.toMatchObject({ code: 'invalid_input' });
  await expect(call('documents.titles', { ids: 'doc-1' })).rejects.toMatchObject({ code: 'invalid_input' });
});

it('lists each source name once, sorted, without the empty one', async () => {
  await add('نص أول', 'one', 'الجزيرة');
  await add('نص ثان', 'two', 'BBC Arabic');
  await add('نص ثالث', 'three', 'الجزيرة');
  await add('نص رابع', 'four', '');
  expect(await call('documents.sources', {})).toEqual(['BBC Arabic', 'الجزيرة']);
});
