/**
 * THE CRASH TEST. A child process runs the real service layer over a ProjectStore and creates
 * annotations as fast as it can, printing each acknowledged id. We kill it with SIGKILL at
 * random moments (during start-up, while it opens and repairs the project, mid-write), restart
 * it each time, and after every kill check that every file parses, passes its schema, and holds
 * every annotation that was acknowledged. The child is bundled once with Vite so plain Node runs
 * it; bare imports resolve from this repository's node_modules.
 */
import { spawn } from 'node:child_process';
import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonFile } from '../../src/main/store/jsonFile';
import { DOCUMENT_FORMAT, PROJECT_FORMAT } from '../../src/main/store/migrations';
import { DocumentFile, ProjectFile } from '../../src/main/store/schema';
import { openTestProject, removeDir, tempDir } from './helpers';

const KILLS = Number(process.env.HASHIYA_CRASH_KILLS ?? 52);
const seed = Number(process.env.HASHIYA_CRASH_SEED ?? Date.now() % 1_000_000);
const repoRoot = path.resolve(__dirname, '../..');
const outDir = path.join(repoRoot, 'node_modules', '.cache', `hashiya-crash-child-${process.pid}`);
const childScript = path.join(outDir, 'child.mjs');

/** mulberry32: reproducible random moments (the seed is in every failure message) */
function rng(s: number): () => number {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RunResult {
  acks: Array<[string, string]>;
  ready: boolean;
  killedBy: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

function runAndKill(
  dir: string,
  pickDelay: () => { afterFirstAck: boolean; ms: number },
  mode: 'single' | 'across' = 'single',
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const args = mode === 'across' ? [childScript, dir, 'across'] : [childScript, dir];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const result: RunResult = { acks: [], ready: false, killedBy: null, code: null, stderr: '' };
    const plan = pickDelay();
    let buffer = '';
    let timer: ReturnType<typeof setTimeout> | null = null;
    const arm = () => {
      timer = setTimeout(() => child.kill('SIGKILL'), plan.ms);
    };
    if (!plan.afterFirstAck) arm();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        const [kind, a, b] = line.split(' ');
        if (kind === 'ack' && a && b) {
          if (plan.afterFirstAck && result.acks.length === 0) arm();
          result.acks.push([a, b]);
        } else if (kind === 'ready') result.ready = true;
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString('utf8')));
    // a child that never gets ready is killed anyway (the check below then reports it)
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      clearTimeout(watchdog);
      result.code = code;
      result.killedBy = signal;
      resolve(result);
    });
  });
}

async function jsonFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await jsonFilesUnder(full)));
    else if (entry.name.endsWith('.json')) out.push(full);
  }
  return out;
}

/** Every file parses and passes its schema; returns the annotation ids in documents/. */
async function checkFolder(dir: string, withBackups: boolean): Promise<Map<string, Set<string>>> {
  const ids = new Map<string, Set<string>>();
  for (const file of await jsonFilesUnder(dir)) {
    if (!withBackups && path.relative(dir, file).startsWith('backups')) continue;
    // index/ (search) and cache/ (usage counts) are derived from the documents and rebuilt when unreadable
    if (/^(index|cache)([\\/]|$)/.test(path.relative(dir, file))) continue;
    const raw = await readFile(file, 'utf8');
    const rel = path.relative(dir, file).split(path.sep);
    if (rel[rel.length - 1] === 'project.json' || rel[1] === 'project') {
      parseJsonFile(file, raw, ProjectFile, PROJECT_FORMAT);
    } else {
      const doc = parseJsonFile(file, raw, DocumentFile, DOCUMENT_FORMAT);
      if (rel[0] === 'documents') ids.set(doc.document.id, new Set(doc.annotations.map((a) => a.id)));
    }
  }
  return ids;
}

let dir: string;
let acrossDir: string;
beforeAll(async () => {
  dir = await tempDir('hashiya-crash-');
  acrossDir = await tempDir('hashiya-crash-across-');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: repoRoot,
    build: {
      ssr: path.join(repoRoot, 'test/storage/crashChild.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rollupOptions: { output: { entryFileNames: 'child.mjs', format: 'es' } },
    },
  });
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
  await removeDir(dir);
  await removeDir(acrossDir);
});

describe('crash test: SIGKILL at random moments', () => {
  it(`keeps every acknowledged annotation through ${KILLS} kills (seed ${seed})`, async () => {
    const random = rng(seed);
    const acked = new Map<string, string>();
    let readyRuns = 0;
    let midWriteKills = 0;
    for (let run = 0; run < KILLS; run++) {
      const result = await runAndKill(dir, () =>
        // one run in six is killed on the way up (opening, repairing the index, seeding); the rest while tagging
        random() < 1 / 6
          ? { afterFirstAck: false, ms: Math.floor(random() * 400) }
          : { afterFirstAck: true, ms: Math.floor(random() * 150) },
      );
      const where = `run ${run + 1} (seed ${seed})`;
      expect(result.killedBy, `${where}: the child must die by our SIGKILL, not on its own: ${result.stderr}`).toBe(
        'SIGKILL',
      );
      if (result.ready) readyRuns++;
      if (result.acks.length > 0) midWriteKills++;
      for (const [docId, id] of result.acks) acked.set(id, docId);

      // backups are checked every tenth run and after the last (they hold many copies)
      const onDisk = await checkFolder(dir, run % 10 === 9 || run === KILLS - 1);
      const missing = [...acked].filter(([id, docId]) => !onDisk.get(docId)?.has(id));
      expect(missing, `${where}: acknowledged annotations missing from disk`).toEqual([]);
    }
    expect(readyRuns).toBeGreaterThan(KILLS / 2);
    expect(midWriteKills).toBeGreaterThan((KILLS * 2) / 3);
    expect(acked.size).toBeGreaterThan(KILLS * 5);

    // A normal start afterwards: nothing was ever damaged, and the index agrees with the files.
    const p = await openTestProject(dir);
    const info = await p.call('project.info', {});
    expect(await readdir(path.join(dir, 'quarantine')).catch(() => [])).toEqual([]);
    expect(info.notices).toEqual([]);
    expect(info.documentCount).toBe(3);
    let total = 0;
    for (const doc of await p.call('documents.list', {})) {
      const annotations = await p.call('annotations.list', { documentId: doc.id });
      expect(doc.annotationCount).toBe(annotations.length);
      total += annotations.length;
    }
    expect(total).toBeGreaterThanOrEqual(acked.size);
    await p.store.close();
  }, 120_000);
});

describe('crash test for batches across documents: SIGKILL while tagging all hits', () => {
  const kills = Math.max(8, Math.round(KILLS / 3));
  it(`keeps every annotation of every acknowledged batch (one folder fsync each) through ${kills} kills (seed ${seed})`, async () => {
    const random = rng(seed + 1);
    const acked = new Map<string, string>();
    let batchKills = 0;
    for (let run = 0; run < kills; run++) {
      const result = await runAndKill(
        acrossDir,
        () => ({ afterFirstAck: run > 0, ms: Math.floor(random() * 150) }),
        'across',
      );
      const where = `batch run ${run + 1} (seed ${seed})`;
      expect(result.killedBy, `${where}: the child must die by our SIGKILL, not on its own: ${result.stderr}`).toBe(
        'SIGKILL',
      );
      if (result.acks.length > 0) batchKills++;
      for (const [docId, id] of result.acks) acked.set(id, docId);
      const onDisk = await checkFolder(acrossDir, run === kills - 1);
      const missing = [...acked].filter(([id, docId]) => !onDisk.get(docId)?.has(id));
      expect(missing, `${where}: acknowledged annotations missing from disk`).toEqual([]);
    }
    expect(batchKills).toBeGreaterThan(kills / 2);

    const p = await openTestProject(acrossDir);
    expect(await readdir(path.join(acrossDir, 'quarantine')).catch(() => [])).toEqual([]);
    for (const doc of await p.call('documents.list', {})) {
      const annotations = await p.call('annotations.list', { documentId: doc.id });
      expect(doc.annotationCount).toBe(annotations.length);
    }
    await p.store.close();
  }, 120_000);
});
