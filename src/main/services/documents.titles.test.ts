import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/model';
import { ProjectStore } from '../store/projectStore';
import { createServices, type Services } from './index';

let dir = '';
let store: ProjectStore;
let services: Services;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-titles-'));
  store = await ProjectStore.open(dir);
  services = createServices(store);
});
afterEach(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const RLO = '\u202E';
const PDF = '\u202C';

it('a title never carries a bidi override: "Report‮fdp.exe" cannot pose as "Report exe.pdf"', async () => {
  const text = `Report ${RLO}fdp.exe${PDF}\nقال المشير خليفه حفتر`;
  const { document } = (await services.dispatch('documents.importText', { text })) as { document: DocumentSummary & { text?: string } };
  expect(document.title).toBe('Report fdp.exe');
  // the text itself keeps the controls (they are shown as marks in the reader)
  const full = (await services.dispatch('documents.get', { id: document.id })) as { text: string };
  expect(full.text.startsWith(`Report ${RLO}fdp.exe${PDF}`)).toBe(true);

  const given = (await services.dispatch('documents.importText', { text: 'نص آخر', title: `\u2067 حفتر ${RLO}يقول\u2069\u0007 ` })) as { document: DocumentSummary };
  expect(given.document.title).toBe('حفتر يقول');

  const updated = (await services.dispatch('documents.update', { id: document.id, title: `a\u202Db\u200Fc`, source: `Wire${RLO}gnp.` })) as DocumentSummary;
  // a right-to-left mark is harmless and stays
  expect(updated.title).toBe('ab\u200Fc');
  expect(updated.source).toBe('Wiregnp.');
  await expect(services.dispatch('documents.update', { id: document.id, title: `${RLO}${PDF} ` })).rejects.toMatchObject({ code: 'invalid_input' });
});
