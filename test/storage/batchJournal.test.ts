/**
 * The batch journal (src/main/store/batchJournal.ts, docs/storage.md): a tag-all over many
 * documents answers once ONE journal record is on disk; the document files follow in the
 * background. A process killed in that background phase loses nothing it acknowledged (the
 * next open replays the record), a torn record is ignored, undo works after reopening, and a
 * second batch made while the first is still being written is replayed after it.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeRecord, JOURNAL_DIR } from '../../src/main/store/batchJournal';
import type { DurableFs } from '../../src/main/store/durableFile';
import { filesIn, openTestProject, removeDir, tempDir } from './helpers';

const repoRoot = path.resolve(__dirname, '../..');
const outDir = path.join(repoRoot, 'node_modules', '.cache', `hashiya-journal-child-${process.pid}`);
const childScript = path.join(outDir, 'child.mjs');
const TEXT = 'أعلن المبعوث الأممي اقتراحا لوقف إطلاق النار في طرابلس، ورفضت الحكومة الشرط المسبق للانسحاب.';
const DOCUMENTS = 12;

let dir: string;
const dirs: string[] = [];
beforeAll(async () => {
  await build({
    configFile: false,
    logLevel: 'silent',
    root: repoRoot,
    resolve: { alias: { '@shared': path.join(repoRoot, 'src/shared') } },
    build: {
      ssr: path.join(repoRoot, 'test/storage/journalChild.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { entryFileNames: 'child.mjs', format: 'es' } },
    },
  });
}, 60_000);
afterAll(async () => {
  await fs.rm(outDir, { recursive: true, force: true });
  for (const d of dirs) await removeDir(d);
});
beforeEach(async () => {
  dir = await tempDir('hashiya-journal-');
  dirs.push(dir);
});

/** Twelve documents with one annotation each; the project closed cleanly. */
async function seed(): Promise<{ ids: string[]; codeId: string }> {
  const p = await openTestProject(dir);
  const codeId = p.store.data.codebook.codes.find((c) => c.key === '1')?.id as string;
  const ids: string[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const id = (
      await p.call('documents.importText', {
        text: `${TEXT}\nالنسخة ${i + 1}`,
        title: `Article ${i + 1}`,
        allowDuplicate: true,
      })
    ).document.id;
    await p.call('annotations.create', { documentId: id, start: 20, end: 26, codes: [codeId] });
    ids.push(id);
  }
  await p.close();
  return { ids, codeId };
}

const fileOf = async (id: string) =>
  JSON.parse(await fs.readFile(path.join(dir, 'documents', `${id}.json`), 'utf8')) as {
    annotations: Array<{ id: string }>;
  };

interface ChildRun {
  acks: Array<[string, string]>;
  gone: Array<[string, string]>;
  done: boolean;
  stderr: string;
}

/** Run the child until it prints `done` (then SIGKILL), or for at most 20 s. */
function runChild(codeId: string, mode?: string): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dir, codeId, ...(mode ? [mode] : [])], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: ChildRun = { acks: [], gone: [], done: false, stderr: '' };
    let buffer = '';
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        const [kind, a, b] = buffer.slice(0, nl).split(' ');
        buffer = buffer.slice(nl + 1);
        if (kind === 'ack' && a && b) run.acks.push([a, b]);
        else if (kind === 'gone' && a && b) run.gone.push([a, b]);
        else if (kind === 'done') {
          run.done = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(watchdog);
      resolve(run);
    });
  });
}

describe('a batch across many documents answers once its journal record is on disk', () => {
  it('kill -9 while its files are still being written: reopening shows every annotation once, and undo works', async () => {
    const { ids, codeId } = await seed();
    const run = await runChild(codeId);
    expect(run.done, `the child answered the tag-all: ${run.stderr}`).toBe(true);
    expect(run.acks).toHaveLength(DOCUMENTS * 2);
    // killed in the background phase: no document file has the batch yet, the journal has it
    for (const id of ids) expect((await fileOf(id)).annotations).toHaveLength(1);
    expect(await filesIn(path.join(dir, JOURNAL_DIR))).toHaveLength(1);

    const lines: string[] = [];
    let p = await openTestProject(dir, { log: (l) => lines.push(l) });
    expect(lines).toEqual([]);
    for (const id of ids) {
      const list = await p.call('annotations.list', { documentId: id });
      const mine = run.acks.filter(([d]) => d === id).map(([, a]) => a);
      expect(
        list
          .filter((a) => mine.includes(a.id))
          .map((a) => a.id)
          .sort(),
      ).toEqual([...mine].sort());
      expect(new Set(list.map((a) => a.id)).size).toBe(list.length);
      expect(list).toHaveLength(3);
      expect((await fileOf(id)).annotations).toHaveLength(3);
    }
    expect((await p.call('documents.list', {})).map((d) => d.annotationCount)).toEqual(ids.map(() => 3));
    expect(await filesIn(path.join(dir, JOURNAL_DIR))).toEqual([]);

    // the undo of the tag-all, after reopening
    const byDoc = new Map<string, string[]>();
    for (const [d, a] of run.acks) byDoc.set(d, [...(byDoc.get(d) ?? []), a]);
    await p.call('annotations.deleteAcross', {
      items: [...byDoc].map(([documentId, gone]) => ({ documentId, ids: gone })),
    });
    await p.close();
    p = await openTestProject(dir);
    for (const id of ids) expect(await p.call('annotations.list', { documentId: id })).toHaveLength(1);
    await p.close();
  }, 60_000);

  it('a second batch made while the first is still being written is replayed after it', async () => {
    const { ids, codeId } = await seed();
    const run = await runChild(codeId, 'undo-half');
    expect(run.done, `the child answered both batches: ${run.stderr}`).toBe(true);
    expect(run.gone).toHaveLength(12);
    expect(await filesIn(path.join(dir, JOURNAL_DIR))).toHaveLength(2);
    const gone = new Set(run.gone.map(([, a]) => a));
    const p = await openTestProject(dir);
    for (const [i, id] of ids.entries()) {
      const list = (await p.call('annotations.list', { documentId: id })).map((a) => a.id);
      const kept = run.acks.filter(([d, a]) => d === id && !gone.has(a)).map(([, a]) => a);
      expect(
        list.filter((a) => gone.has(a)),
        `document ${i + 1}: undone annotations came back`,
      ).toEqual([]);
      expect(list.filter((a) => kept.includes(a)).sort()).toEqual(kept.sort());
      expect(list).toHaveLength(i < 6 ? 1 : 3);
    }
    await p.close();
  }, 60_000);

  it('a torn record is ignored with a line in the log; a whole one before it is replayed', async () => {
    const { ids } = await seed();
    const before = await Promise.all(ids.map((id) => fs.readFile(path.join(dir, 'documents', `${id}.json`), 'utf8')));
    const retitled = (i: number, title: string) => {
      const file = JSON.parse(before[i] as string) as { document: { title: string } };
      file.document.title = title;
      return { id: ids[i] as string, text: JSON.stringify(file) };
    };
    await fs.mkdir(path.join(dir, JOURNAL_DIR));
    // a whole record (a batch acknowledged, then killed), and after it one cut short mid-write
    await fs.writeFile(path.join(dir, JOURNAL_DIR, '000000000001.batch'), encodeRecord([retitled(0, 'Whole')]));
    const torn = encodeRecord(ids.map((_, i) => retitled(i, 'Torn')));
    await fs.writeFile(path.join(dir, JOURNAL_DIR, '000000000002.batch'), torn.subarray(0, torn.length - 100));
    // and one whose bytes are all there but one changed
    const flipped = encodeRecord([retitled(1, 'Flipped')]);
    flipped.writeUInt8((flipped.at(-20) as number) ^ 1, flipped.length - 20);
    await fs.writeFile(path.join(dir, JOURNAL_DIR, '000000000003.batch'), flipped);

    const lines: string[] = [];
    const p = await openTestProject(dir, { log: (l) => lines.push(l) });
    const titles = (await p.call('documents.list', {})).map((d) => d.title);
    expect(titles).toEqual(ids.map((_, i) => (i === 0 ? 'Whole' : `Article ${i + 1}`)));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/discarded journal\/000000000002\.batch: it is shorter than its header says/);
    expect(lines[1]).toMatch(/discarded journal\/000000000003\.batch: its checksum does not match/);
    for (const [i, id] of ids.entries())
      if (i > 0) expect(await fs.readFile(path.join(dir, 'documents', `${id}.json`), 'utf8')).toBe(before[i]);
    expect(await filesIn(path.join(dir, JOURNAL_DIR))).toEqual([]);
    await p.close();
  });
  it('a replay that cannot write a document refuses to open with a sentence, keeps the record, and the next open replays it', async () => {
    const { ids } = await seed();
    const raw = await fs.readFile(path.join(dir, 'documents', `${ids[0]}.json`), 'utf8');
    const file = JSON.parse(raw) as { document: { title: string } };
    file.document.title = 'Replayed';
    await fs.mkdir(path.join(dir, JOURNAL_DIR));
    await fs.writeFile(
      path.join(dir, JOURNAL_DIR, '000000000001.batch'),
      encodeRecord([{ id: ids[0] as string, text: JSON.stringify(file) }]),
    );
    const documents = path.join(path.resolve(dir), 'documents');
    const full: DurableFs = {
      ...fs,
      open: (async (target: string, flags?: string) => {
        if (path.dirname(path.resolve(String(target))) === documents && flags === 'w')
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        return fs.open(target, flags);
      }) as DurableFs['open'],
    };
    await expect(openTestProject(dir, { durable: { fs: full } })).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringMatching(
        /^Changes saved in the project’s journal could not be written .*the disk is full.*Nothing was lost/,
      ),
    });
    expect(await filesIn(path.join(dir, JOURNAL_DIR))).toEqual(['000000000001.batch']);
    const p = await openTestProject(dir);
    expect((await p.call('documents.list', {}))[0]?.title).toBe('Replayed');
    await p.close();
  });
});

describe('the order of the writes, in-process', () => {
  it('the record and journal/ are fsynced before the answer; reads see the batch at once; close waits for the files', async () => {
    const { ids, codeId } = await seed();
    const journal = path.join(path.resolve(dir), JOURNAL_DIR);
    const documents = path.join(path.resolve(dir), 'documents');
    const log: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const fsys: DurableFs = {
      ...fs,
      rename: async (from, to) => {
        if (path.dirname(String(to)) === documents) await gate;
        await fs.rename(from, to);
      },
      open: (async (file: string, flags?: string) => {
        const handle = await fs.open(file, flags);
        const where = path.resolve(String(file));
        const name = where === journal ? 'journal/' : path.dirname(where) === journal ? 'record' : null;
        if (name === null) return handle;
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          await sync();
          log.push(`fsync ${name}`);
        };
        return handle;
      }) as DurableFs['open'],
    };
    const p = await openTestProject(dir, { durable: { fs: fsys } });
    const made = await p.call('annotations.createAcross', {
      items: ids.map((documentId) => ({ documentId, drafts: [{ documentId, start: 0, end: 5, codes: [codeId] }] })),
    });
    log.push('answered');
    expect(log).toEqual(['fsync record', 'fsync journal/', 'answered']);
    expect(made.documents).toHaveLength(DOCUMENTS);
    // the files are not written yet (their renames wait), but every read sees the batch
    expect((await fileOf(ids[0] as string)).annotations).toHaveLength(1);
    expect(await p.call('annotations.list', { documentId: ids[0] as string })).toHaveLength(2);
    expect((await p.call('documents.list', {})).map((d) => d.annotationCount)).toEqual(ids.map(() => 2));

    const closing = p.close();
    open();
    await closing;
    for (const id of ids) expect((await fileOf(id)).annotations).toHaveLength(2);
    expect(await filesIn(journal)).toEqual([]);
    // each document's first save of the session kept its version from before it, in the background
    for (const id of ids) expect(await filesIn(path.join(dir, 'backups', 'documents', id))).not.toEqual([]);
  });
});
