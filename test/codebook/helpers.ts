/** Set-up for the codebook tests: a real project folder driven through the real services. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Input, MethodName, Output } from '@shared/api';
import type { Services } from '../../src/main/services';
import { hostTestProject } from '../harness/project';
import { buildDocumentFile } from '../../src/main/services/documentFactory';
import { ProjectStore } from '../../src/main/store/projectStore';
import { canonicalizeText } from '@shared/text/canonical';
import { removeDir, tempDir as storageTempDir } from '../storage/helpers';

export const SAMPLE_PATH = path.resolve(__dirname, '../../resources/sample/libya-ceasefire-2019.ar.txt');

export async function sampleText(): Promise<string> {
  return canonicalizeText(await readFile(SAMPLE_PATH, 'utf8')).text;
}

export const tempDir = (): Promise<string> => storageTempDir('hashiya-codebook-');
export { removeDir };

export interface Project {
  store: ProjectStore;
  services: Services;
  call<M extends MethodName>(name: M, input: Input<M>): Promise<Output<M>>;
  addDocument(text: string, title?: string): Promise<string>;
  /** code-point span of the first occurrence of `quote` in a text */
  span(text: string, quote: string): { start: number; end: number };
  /** the id of the actor called `name` in the registry, added when it is not there yet */
  actor(name: string): Promise<string>;
}

let counter = 0;

export async function openProject(dir: string): Promise<Project> {
  const store = await ProjectStore.open(dir, { indexSaveDelayMs: 10 });
  const { services } = await hostTestProject(store);
  return {
    store,
    services,
    call: (name, input) => services.dispatch(name, input) as Promise<never>,
    addDocument: async (text, title = 'Doc') => {
      const id = `doc-${Date.now().toString(36)}-${++counter}`;
      await store.addDocument(buildDocumentFile(id, { text, title, warnings: [], meta: {} }, new Date().toISOString()));
      return id;
    },
    actor: async (name) => {
      const registry = (await services.dispatch('registry.get', {})) as Output<'registry.get'>;
      const known = registry.entities.find((e) => e.nameAr === name || e.nameLatin === name);
      if (known) return known.id;
      const arabic = /\p{Script=Arabic}/u.test(name);
      const r = (await services.dispatch('registry.add', {
        entity: { kind: 'actor', nameAr: arabic ? name : '', nameLatin: arabic ? '' : name },
      })) as Output<'registry.add'>;
      return r.entity.id;
    },
    span: (text, quote) => {
      const at = text.indexOf(quote);
      if (at < 0) throw new Error(`quote not found: ${quote}`);
      const start = Array.from(text.slice(0, at)).length;
      return { start, end: start + Array.from(quote).length };
    },
  };
}

export async function closeProject(p: Project): Promise<void> {
  const s = p.store as unknown as { close?: () => Promise<void>; flush: () => Promise<void> };
  if (s.close) await s.close();
  else await s.flush();
}
