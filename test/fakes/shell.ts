/**
 * Starts the real Electron entry (src/main/index.ts) against the fake Electron, afresh in each
 * test. vi.mock is hoisted per test file, so the file that uses this declares the two mocks
 * itself, with a holder made by vi.hoisted:
 *
 *   const held = vi.hoisted(() => ({}) as ShellMocks);
 *   vi.mock('electron', async () => (await import('<…>/test/fakes/electron')).electronModule(() => held.fake));
 *   vi.mock('<…>/src/main/app', async (original) =>
 *     (await import('<…>/test/fakes/shell')).mockApp(await original(), held));
 *
 * The project is the real one (openProject in a temporary user-data folder, with the bundled
 * sample article) unless a test sets `held.openProject`.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, vi } from 'vitest';
import type * as App from '../../src/main/app';
import { createFakeElectron, type FakeElectron } from './electron';
import { eventually } from './eventually';

type OpenProject = typeof App.openProject;

export interface ShellMocks {
  fake: FakeElectron;
  /** every project the entry opened (closed again by stopShell) */
  opened: App.OpenedProject[];
  /** the openProject calls of this start, finished or not (stopShell waits for them) */
  opening: Array<Promise<unknown>>;
  /** stands in for openProject when set */
  openProject?: OpenProject;
  restore?: () => void;
}

const root = path.resolve(__dirname, '../..');

export function mockApp(real: typeof App, held: ShellMocks): typeof App {
  const openProject: OpenProject = async (...args) => {
    // The mock is made once per file, but each test imports the entry afresh (vi.resetModules):
    // the real openProject is taken from the same fresh module graph, so that its errors are
    // instances of the AppError the entry's IPC bridge knows.
    const { opened, opening } = held;
    const open = async () => {
      const fresh = await vi.importActual<typeof App>(path.join(root, 'src/main/app.ts'));
      const project = await (held.openProject ?? fresh.openProject)(...args);
      opened.push(project);
      return project;
    };
    const result = open();
    opening.push(result);
    return result;
  };
  return { ...real, openProject };
}

export interface StartOptions {
  packaged?: boolean;
  platform?: NodeJS.Platform;
  /** environment variables for this start (undefined removes one); HASHIYA_USER_DATA is set by default */
  env?: Record<string, string | undefined>;
  /** false: another instance holds the single-instance lock */
  singleInstanceLockFree?: boolean;
  /** false: stop before the app is ready */
  ready?: boolean;
}

export async function startShell(held: ShellMocks, options: StartOptions = {}) {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'hashiya-shell-'));
  held.fake = createFakeElectron({ userData: path.join(userData, 'electron-default') });
  held.opened = [];
  held.opening = [];
  held.fake.app.isPackaged = options.packaged ?? false;
  held.fake.app.singleInstanceLockFree = options.singleInstanceLockFree ?? true;

  const env: Record<string, string | undefined> = {
    HASHIYA_USER_DATA: userData,
    ELECTRON_RENDERER_URL: undefined,
    ...options.env,
  };
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const platform = Object.getOwnPropertyDescriptor(process, 'platform');
  const resourcesPath = Object.getOwnPropertyDescriptor(process, 'resourcesPath');
  setEnv(env);
  Object.defineProperty(process, 'platform', { value: options.platform ?? 'linux', configurable: true });
  // a packaged app finds its resources/ here (electron-builder's extraResources)
  Object.defineProperty(process, 'resourcesPath', { value: root, configurable: true });
  held.restore = () => {
    setEnv(saved);
    if (platform) Object.defineProperty(process, 'platform', platform);
    if (resourcesPath) Object.defineProperty(process, 'resourcesPath', resourcesPath);
    else delete (process as { resourcesPath?: string }).resourcesPath;
  };

  vi.resetModules();
  await import('../../src/main/index');
  const fake = held.fake;
  if (options.ready !== false) {
    await fake.app.ready();
    // started: a window is open, or the start failed and said so
    await eventually(() => expect(fake.windows.length + fake.dialog.errorBoxes.length).toBeGreaterThan(0));
  }
  return { fake, userData, project: held.opened[0] };
}

/** Undoes what startShell changed and gives up the projects it opened (their locks and timers). */
export async function stopShell(held: ShellMocks): Promise<void> {
  held.restore?.();
  held.restore = undefined;
  held.openProject = undefined;
  await Promise.allSettled(held.opening ?? []);
  for (const project of held.opened ?? []) await project.close().catch(() => undefined);
}
