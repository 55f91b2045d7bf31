/** A throwaway project for export tests: a store in a temp folder and its services. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Services } from '../../src/main/services';
import { hostTestProject } from '../harness/project';
import { ProjectStore } from '../../src/main/store/projectStore';
import type { Annotation, DocumentSummary, Registry } from '@shared/model';

export interface TestProject {
  dir: string;
  store: ProjectStore;
  services: Services;
  call<T>(name: string, input: unknown): Promise<T>;
  addText(text: string, title?: string): Promise<DocumentSummary>;
  annotate(
    documentId: string,
    text: string,
    quote: string,
    fields?: Record<string, unknown>,
    occurrence?: number,
  ): Promise<Annotation>;
  close(): Promise<void>;
}

/** Code-point offset of the n-th occurrence of `quote` in `text`. */
export function cpOffset(text: string, quote: string, occurrence = 0): number {
  let u = -1;
  for (let i = 0; i <= occurrence; i++) {
    u = text.indexOf(quote, u + 1);
    if (u === -1) throw new Error(`“${quote}” is not in the text`);
  }
  return [...text.slice(0, u)].length;
}

export async function openProject(name = 'Libya 2019', annotator = 'Salma'): Promise<TestProject> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hashiya-export-'));
  const store = await ProjectStore.open(path.join(dir, 'project'), { name });
  const { services } = await hostTestProject(store);
  const call = <T>(method: string, input: unknown) => services.dispatch(method, input) as Promise<T>;
  await call('settings.update', { annotator });
  /** the actor of that name (added to the registry the first time) */
  const actorId = async (name: string): Promise<string> => {
    const registry = await call<Registry>('registry.get', {});
    const known = registry.entities.find((e) => e.nameAr === name || e.nameLatin === name);
    if (known) return known.id;
    const arabic = /\p{Script=Arabic}/u.test(name);
    const r = await call<{ entity: { id: string } }>('registry.add', {
      entity: { kind: 'actor', nameAr: arabic ? name : '', nameLatin: arabic ? '' : name },
    });
    return r.entity.id;
  };
  return {
    dir,
    store,
    services,
    call,
    addText: async (text, title) =>
      (await call<{ document: DocumentSummary }>('documents.importText', { text, title, allowDuplicate: true }))
        .document,
    annotate: async (documentId, text, quote, fields = {}, occurrence = 0) => {
      const start = cpOffset(text, quote, occurrence);
      // format 2's four fields, written the short way in these tests, as the claim values they are now
      const {
        claimant,
        stance,
        certainty,
        note,
        values: given,
        ...rest
      } = fields as Record<string, unknown> & {
        claimant?: string;
        stance?: string;
        certainty?: string;
        note?: string;
        values?: Record<string, unknown>;
      };
      const values: Record<string, unknown> = { ...given };
      if (claimant) values.claimant = await actorId(claimant);
      if (stance) values.position = stance;
      if (certainty) values.certainty = certainty;
      if (note) values.note = note;
      return call<Annotation>('annotations.create', {
        documentId,
        start,
        end: start + [...quote].length,
        codes: ['ceasefire-proposal'],
        values,
        ...rest,
      });
    },
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
