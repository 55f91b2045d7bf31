/** Shared set-up for the storage tests: a project folder driven through the real services. */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { OpenOptions } from '../../src/main/store/projectStore';
import { openTestProject as openHarnessProject, type TestProject } from '../harness/project';

export const ARTICLE_A = 'أعلن المبعوث الأممي 🙂 اقتراحا لوقف إطلاق النار في طرابلس.\nورفضت الحكومة الشرط المسبق.';
export const ARTICLE_B = 'قالت الأمم المتحدة إن شحنة أسلحة وصلت إلى ميناء مصراتة في خرق لحظر السلاح.';

export async function tempDir(prefix = 'hashiya-store-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

export type Project = TestProject;

/** A storage test's project: the harness (test/harness/) with the storage tests' short timers. */
export function openTestProject(dir: string, options: OpenOptions = {}): Promise<Project> {
  return openHarnessProject(dir, options);
}

/** Two documents with annotations; returns their ids. The project is closed cleanly. */
export async function seedTwoDocuments(dir: string): Promise<{ a: string; b: string; codeId: string }> {
  const p = await openTestProject(dir);
  const codeId = p.store.data.codebook.codes.find((c) => c.key === '1')?.id as string;
  const a = (await p.call('documents.importText', { text: ARTICLE_A, title: 'Article A' })).document.id;
  const b = (await p.call('documents.importText', { text: ARTICLE_B, title: 'Article B' })).document.id;
  await p.call('annotations.create', { documentId: a, start: 23, end: 30, codes: [codeId] });
  await p.call('annotations.create', { documentId: b, start: 0, end: 4, codes: [codeId] });
  await p.call('annotations.create', { documentId: b, start: 5, end: 10, codes: [codeId] });
  await p.store.close();
  return { a, b, codeId };
}

export async function filesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

export async function readBytes(file: string): Promise<Buffer> {
  return readFile(file);
}
