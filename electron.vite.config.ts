import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

// one alias for src/shared in every bundle (and in tsconfig.base.json, vitest.config.ts)
const resolveShared = { alias: { '@shared': resolve('src/shared') } };

export default defineConfig({
  main: {
    resolve: resolveShared,
    build: {
      outDir: 'out/main',
      // zod bundled: loaded from node_modules it is some 200 module files to resolve and read at start-up
      externalizeDeps: { exclude: ['zod'] },
      rolldownOptions: {
        // index: the Electron shell; web: browser mode (same services over HTTP); importWorker:
        // the worker thread that parses web pages and Word files (found next to the bundle at run time)
        input: {
          index: resolve('src/main/index.ts'),
          web: resolve('src/main/web.ts'),
          importWorker: resolve('src/main/import/worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: resolveShared,
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require only 'electron': bundle everything else into it.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve: resolveShared,
    root: 'src/renderer',
    base: './',
    build: {
      outDir: 'out/renderer',
      // a third of the script to parse before the first paint (startup with 10,000 documents)
      // HASHIYA_NO_MINIFY=1: names kept, for reading a CPU profile of the page (the bench's BENCH_PROFILE)
      minify: process.env.HASHIYA_NO_MINIFY ? false : true,
      rolldownOptions: { input: { index: resolve('src/renderer/index.html') } },
      assetsInlineLimit: 0,
    },
    plugins: [react()],
  },
});
