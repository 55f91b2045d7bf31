import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const require = createRequire(import.meta.url);

/** Debian's Chromium (Playwright cannot download its own browsers on offline machines). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Where the Electron runtime is installed, its path; otherwise why it is not. Read from the
 * package's path.txt rather than require('electron'), which (in Electron 45, not 41) tries to
 * download a missing runtime: a test run never touches the network.
 */
export function electronRuntime(): { path: string } | { missing: string } {
  let dir: string;
  try {
    dir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = path.join(dir, 'path.txt');
  if (!existsSync(pathFile))
    return {
      missing: 'the Electron runtime is not installed (the first `npm start` downloads it where the network allows)',
    };
  const binary = path.join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(dir, 'dist'),
    readFileSync(pathFile, 'utf8'),
  );
  return existsSync(binary)
    ? { path: binary }
    : { missing: 'the electron package is installed but its runtime binary is not' };
}

const electron = electronRuntime();
if ('missing' in electron && process.env.TEST_WORKER_INDEX === undefined) {
  console.log(`[electron] project skipped: ${electron.missing}. Browser-mode tests run in Chromium.`);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'off', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'browser',
      testIgnore: /electron\.spec\.ts/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 860 },
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            ...(isRoot ? ['--no-sandbox'] : []),
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--disable-default-apps',
            '--no-first-run',
            '--disable-quic',
            '--disable-gpu',
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: /electron\.spec\.ts/,
    },
  ],
});
