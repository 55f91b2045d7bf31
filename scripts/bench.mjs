// `npm run bench [-- --write-docs] [-- --quick]`: the performance scenarios of issue 9.
//
// 1. Builds the app (`npm run build`) when out/ is missing or older than any source file, since
//    the browser scenarios run the built browser-mode server (out/main/web.js) and renderer.
// 2. Bundles scripts/bench/main.ts (which runs services from src/ in-process for the CSV export)
//    with rolldown, the bundler Vite already installs, and runs it. The JSON result goes to
//    stdout, a table and progress to stderr.
// the app's own libuv pool size (src/main/threadpool.ts), set before any asynchronous file call,
// since the tag-all and search scenarios run the services in this process
process.env.UV_THREADPOOL_SIZE ??= '16';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const built = ['out/main/web.js', 'out/renderer/index.html'].map((p) => path.join(root, p));
const stale =
  built.some((p) => !existsSync(p)) ||
  Math.min(...built.map((p) => statSync(p).mtimeMs)) <
    Math.max(newestMtime(path.join(root, 'src')), newestMtime(path.join(root, 'resources')));
if (stale) {
  process.stderr.write('[bench] out/ is missing or older than src/: building (npm run build)\n');
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

// inside the repository, so the bundle resolves packages from node_modules
const cache = path.join(root, 'node_modules', '.cache');
await mkdir(cache, { recursive: true });
const outDir = await mkdtemp(path.join(cache, 'bench-'));
process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
await build({
  // BENCH_ENTRY=analysisAB: another entry of scripts/bench/ (an A/B of builds, analysisAB.ts)
  input: path.join(here, 'bench', `${process.env.BENCH_ENTRY ?? 'main'}.ts`),
  platform: 'node',
  resolve: { alias: { '@shared': path.join(root, 'src', 'shared') } },
  external: (id) => !id.startsWith('.') && !id.startsWith('@shared/') && !path.isAbsolute(id),
  output: { dir: outDir, entryFileNames: 'bench.mjs', format: 'esm' },
  logLevel: 'warn',
});
process.env.BENCH_ROOT = root;
await import(pathToFileURL(path.join(outDir, 'bench.mjs')).href);
