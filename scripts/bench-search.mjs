// Bundles scripts/bench-search.ts with rolldown (already installed through Vite) and runs it:
//   node scripts/bench-search.mjs [documents]   (default 10000)
// the app's own libuv pool size (src/main/threadpool.ts), set before any asynchronous file call,
// since the tag-all and search scenarios run the services in this process
process.env.UV_THREADPOOL_SIZE ??= '16';
import { rmSync } from 'node:fs';
import { mkdtemp, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'rolldown';

const here = path.dirname(fileURLToPath(import.meta.url));
// inside the repository, so the bundle resolves packages from node_modules
const cache = path.join(here, '..', 'node_modules', '.cache');
await mkdir(cache, { recursive: true });
const outDir = await mkdtemp(path.join(cache, 'bench-search-'));
const outFile = path.join(outDir, 'bench-search.mjs');
try {
  await build({
    input: path.join(here, 'bench-search.ts'),
    platform: 'node',
    resolve: { alias: { '@shared': path.join(here, '..', 'src', 'shared') } },
    external: (id) => !id.startsWith('.') && !id.startsWith('@shared/') && !path.isAbsolute(id),
    output: { dir: outDir, entryFileNames: 'bench-search.mjs', format: 'esm' },
    logLevel: 'warn',
  });
  await import(pathToFileURL(outFile).href);
} finally {
  // the bench's own main() runs asynchronously; remove the bundle when the process ends
  process.on('exit', () => rmSync(outDir, { recursive: true, force: true }));
}
