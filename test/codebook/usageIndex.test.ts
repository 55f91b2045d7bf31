/**
 * Usage counts at corpus scale (designed for 10,000 documents): a project is counted from the files once,
 * remembered across restarts by file identity, and never loaded into the store for counting.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueKey, UsageIndex, type UsageFs } from '../../src/main/codebook/usageIndex';
import { buildDocumentFile } from '../../src/main/services/documentFactory';
import { ProjectStore } from '../../src/main/store/projectStore';
import { closeProject, openProject, removeDir, tempDir } from './helpers';

/** 3,000 by default (creating files is slow on a shared machine); HASHIYA_USAGE_DOCS=10000 for the full scale. */
const N = Number(process.env.HASHIYA_USAGE_DOCS ?? 3000);
let dir: string;

function countingFs(): UsageFs & { reads: number; stats: number } {
  const fs = {
    reads: 0,
    stats: 0,
    stat: async (p: string) => {
      fs.stats++;
      const { stat } = await import('node:fs/promises');
      return stat(p);
    },
    readFile: async (p: string) => {
      if (p.includes(`${path.sep}documents${path.sep}`)) fs.reads++;
      return readFile(p, 'utf8');
    },
  };
  return fs;
}

beforeAll(async () => {
  dir = await tempDir();
  const p = await openProject(dir);
  await closeProject(p);
  // write N document files directly (the store would fsync each one: too slow for a unit test)
  const projectFile = path.join(dir, 'project.json');
  const project = JSON.parse(await readFile(projectFile, 'utf8'));
  const now = new Date().toISOString();
  const text = 'اقترح الرئيس ماكرون وقف إطلاق النار.';
  const template = buildDocumentFile('d0', { text, title: 'Doc', warnings: [], meta: {} }, now);
  const writes: Promise<void>[] = [];
  for (let i = 0; i < N; i++) {
    const id = `d${i}`;
    const file = { ...template, document: { ...template.document, id, title: `Doc ${i}` } };
    file.annotations = [
      {
        id: `a${i}`,
        documentId: id,
        start: 0,
        end: 5,
        quote: 'اقترح',
        prefix: '',
        suffix: ' الرئيس',
        codes: i % 100 === 0 ? ['ceasefire-proposal', 'political-process'] : ['ceasefire-proposal'],
        values: i % 2 === 0 ? { claimant: 'macron', position: 'proposes' } : { position: 'proposes' },
        annotator: '',
        createdAt: now,
        updatedAt: now,
      },
    ];
    writes.push(writeFile(path.join(dir, 'documents', `${id}.json`), JSON.stringify(file)));
    if (writes.length >= 200) await Promise.all(writes.splice(0));
    const { text: _t, ...summary } = file.document;
    project.documents.push({ ...summary, annotationCount: 1 });
  }
  await Promise.all(writes);
  await writeFile(projectFile, JSON.stringify(project));
}, 120_000);

afterAll(async () => {
  await removeDir(dir);
});

describe(`usage of codes in ${N.toLocaleString('en')} documents`, () => {
  it('counts from the files once, then from memory, then after a restart from the cache', async () => {
    const store = await ProjectStore.open(dir, { indexSaveDelayMs: 10 });
    expect(store.summaries()).toHaveLength(N);
    const fs1 = countingFs();
    const index = new UsageIndex(store, fs1);
    let t = performance.now();
    const totals = await index.totals();
    const firstMs = performance.now() - t;
    expect(totals.codes).toEqual(
      new Map([
        ['ceasefire-proposal', N],
        ['political-process', N / 100],
      ]),
    );
    expect(totals.fields).toEqual(
      new Map([
        ['claimant', N / 2],
        ['position', N],
      ]),
    );
    expect(totals.values.get(valueKey('claimant', 'macron'))).toBe(N / 2);
    expect(totals.ids.get('macron')).toBe(N / 2);
    expect(fs1.reads).toBe(N);
    expect([...store.loadedDocuments()]).toHaveLength(0); // counting does not load documents into the store

    t = performance.now();
    await index.totals();
    const secondMs = performance.now() - t;
    expect(fs1.reads).toBe(N); // nothing read again in this run
    expect(fs1.stats).toBe(N); // nor even checked (how fast that is, npm run bench measures)

    // a restart: the files are checked (stat) but none is read
    const fs2 = countingFs();
    t = performance.now();
    const again = await new UsageIndex(store, fs2).totals();
    const restartMs = performance.now() - t;
    expect(again.codes.get('political-process')).toBe(N / 100);
    expect(fs2.reads).toBe(0);
    expect(fs2.stats).toBe(N);
    console.log(
      `usage of ${N} documents: first ${firstMs.toFixed(0)} ms, again ${secondMs.toFixed(0)} ms, after restart ${restartMs.toFixed(0)} ms`,
    );

    // a document changed through the store is counted from memory
    const db = await store.document('d5');
    (db.data.annotations[0] as { codes: string[] }).codes = ['political-process'];
    const changed = await index.totals();
    expect(changed.codes.get('ceasefire-proposal')).toBe(N - 1);
    expect(changed.codes.get('political-process')).toBe(N / 100 + 1);
    await store.saveDocument('d5');
    const s = store as unknown as { close?: () => Promise<void> };
    await s.close?.();

    // ...and, after the restart, re-read from its changed file (only that one)
    const reopened = await ProjectStore.open(dir, { indexSaveDelayMs: 10 });
    const fs3 = countingFs();
    const later = await new UsageIndex(reopened, fs3).totals();
    expect(later.codes.get('political-process')).toBe(N / 100 + 1);
    expect(fs3.reads).toBe(1);
    await (reopened as unknown as { close?: () => Promise<void> }).close?.();
  }, 120_000);
});
