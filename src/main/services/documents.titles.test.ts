import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DocumentSummary } from '@shared/model';
import { openTestProject, removeDir, tempDir, type Project } from '../../../test/storage/helpers';

let dir = '';
let p: Project;
beforeEach(async () => {
  dir = await tempDir('hashiya-titles-');
  p = await openTestProject(dir);
});
afterEach(async () => {
  await p.store.close();
  await removeDir(dir);
});
const services = { dispatch: (name: string, input: unknown) => p.services.dispatch(name, input) };

const RLO = '\u202E';
const PDF = '\u202C';

it('a title never carries a bidi override: "Report‮fdp.exe" cannot pose as "Report exe.pdf"', async () => {
  const text = `Report ${RLO}fdp.exe${PDF}\nقال المشير خليفه حفتر`;
  const { document } = (await services.dispatch('documents.importText', { text })) as {
    document: DocumentSummary & { text?: string };
  };
  expect(document.title).toBe('Report fdp.exe');
  // the text itself keeps the controls (they are shown as marks in the reader)
  const full = (await services.dispatch('documents.get', { id: document.id })) as { text: string };
  expect(full.text.startsWith(`Report ${RLO}fdp.exe${PDF}`)).toBe(true);

  const given = (await services.dispatch('documents.importText', {
    text: 'نص آخر',
    title: `\u2067 حفتر ${RLO}يقول\u2069\u0007 `,
  })) as { document: DocumentSummary };
  expect(given.document.title).toBe('حفتر يقول');

  const updated = (await services.dispatch('documents.update', {
    id: document.id,
    title: `a\u202Db\u200Fc`,
    source: `Wire${RLO}gnp.`,
  })) as DocumentSummary;
  // a right-to-left mark is harmless and stays
  expect(updated.title).toBe('ab\u200Fc');
  expect(updated.source).toBe('Wiregnp.');
  await expect(
    services.dispatch('documents.update', { id: document.id, title: `${RLO}${PDF} ` }),
  ).rejects.toMatchObject({ code: 'invalid_input' });
});
