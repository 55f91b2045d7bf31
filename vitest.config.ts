import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve('src/shared') } },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // `npm run test:unit` (vitest run --coverage): every line of the Electron shell runs in a test,
    // against the fake Electron of test/fakes/electron.ts
    coverage: {
      provider: 'v8',
      include: ['src/main/index.ts', 'src/main/shell/**/*.ts'],
      exclude: ['**/*.test.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 100 },
    },
  },
});
