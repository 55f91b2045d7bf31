/**
 * Opening a project: the store plus the services, shared by the Electron shell and browser mode.
 * A first start creates the default project with the bundled sample article. The services can
 * switch to another project folder later (project.open / project.create); `flush()` and
 * `store.flush()` always reach the project that is open at that moment.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importPlainBytes } from './import';
import { restoreRecovery, writeRecovery, type RecoveryRestored, type RecoveryWritten } from './recovery';
import { createServices, type Services } from './services';
import type { ProjectOpener } from './services/context';
import { buildDocumentFile } from './services/documentFactory';
import { ProjectStore } from './store/projectStore';
import { RECENT_FILE, RecentProjects } from './store/recentProjects';

export const SAMPLE_FILE = path.join('sample', 'libya-ceasefire-2019.ar.txt');

export interface OpenedProject {
  /** the project opened at start; after a switch, its flush() forwards to the open one */
  store: ProjectStore;
  services: Services;
  /** Save everything pending in the project open now (before quitting). */
  flush(): Promise<void>;
  /** Save and close the project open now, giving up its lock (quitting). */
  close(): Promise<void>;
  /** Files of the project open now whose latest change is only in memory. */
  unsavedTitles(): string[];
  /** Before a forced quit: write what is unsaved to recovery/ (null when nothing is unsaved). */
  writeRecovery(): Promise<RecoveryWritten | null>;
  /** What the start restored from a forced quit's recovery/ (null when there was nothing). */
  recovered: RecoveryRestored | null;
}

export interface OpenProjectOptions {
  /** where the recent-projects list lives (default: HASHIYA_USER_DATA, else the per-user folder) */
  userData?: string;
  /**
   * Open the most recently used project instead of `dir` when it is still there. Default: only
   * when `dir` is the default project (a first start opens the default project; later starts
   * come back to where the researcher was). An explicit folder (--data) is always honoured.
   */
  reopenLast?: boolean;
}

export async function openProject(
  dir: string,
  resourcesDir: string,
  options: OpenProjectOptions = {},
): Promise<OpenedProject> {
  const userData = options.userData ?? process.env.HASHIYA_USER_DATA ?? userDataDir();
  const recent = new RecentProjects(path.join(userData, RECENT_FILE));
  const reopenLast = options.reopenLast ?? path.resolve(dir) === path.resolve(defaultProjectDir(userData));
  let store: ProjectStore | null = null;
  if (reopenLast) {
    const last = (await recent.list().catch(() => []))[0];
    if (last?.available && path.resolve(last.path) !== path.resolve(dir)) {
      store = await ProjectStore.open(last.path).catch(() => null);
    }
  }
  store ??= await ProjectStore.open(dir, {
    name: 'My project',
    seed: async () => {
      const bytes = await readFile(path.join(resourcesDir, SAMPLE_FILE));
      const file = buildDocumentFile(randomUUID(), importPlainBytes(bytes), new Date().toISOString());
      file.document.source = 'Sample article bundled with Hashiya';
      file.document.publishedAt = '2019-05-22';
      return [file];
    },
  });
  let barrier: (() => Promise<void>) | null = null;
  const projects: ProjectOpener = {
    // a project opened or created from the UI starts empty (no sample article)
    open: async (projectDir, { name }) => {
      const opened = await ProjectStore.open(projectDir, { name: name ?? path.basename(projectDir) });
      opened.setFlushBarrier(barrier);
      return opened;
    },
    recent,
  };
  // throw-away folders (test runs with --data in the temp folder) are not worth coming back to
  const inTemp = path.resolve(store.dir).startsWith(path.resolve(os.tmpdir()) + path.sep);
  if (options.userData !== undefined || !inTemp) await recent.add(store.dir, store.data.name).catch(() => undefined);
  // what a forced quit could not save is put back before anything else happens
  const recovered = await restoreRecovery(store);
  const services = createServices(store, { projects });
  barrier = attachFlushBarrier(services);
  store.setFlushBarrier(barrier);
  return {
    store,
    services,
    recovered,
    flush: () => services.ctx.store.flush(),
    close: () => services.ctx.store.close(),
    unsavedTitles: () => services.ctx.store.unsavedFiles().map((f) => f.title),
    writeRecovery: () => writeRecovery(services.ctx.store),
  };
}

/**
 * Make `services.dispatch` count the calls it has accepted, and return a function that resolves
 * once none is left. A store's flush() awaits it, so quitting saves the tag whose request
 * arrived just before the quit, not only the writes already started.
 */
export function attachFlushBarrier(services: Services): () => Promise<void> {
  const inFlight = new Set<Promise<void>>();
  const dispatch = services.dispatch;
  services.dispatch = (name, rawInput) => {
    const result = dispatch(name, rawInput);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    inFlight.add(settled);
    void settled.then(() => inFlight.delete(settled));
    return result;
  };
  return async () => {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  };
}

/** The per-user folder Electron calls userData; browser mode uses the same one. */
export function userDataDir(appName = 'Hashiya'): string {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appName);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', appName);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appName);
}

export function defaultProjectDir(userData: string): string {
  return path.join(userData, 'default-project');
}
