/**
 * Opening a project: the store in a ProjectHost (which owns it, its indexes, the services and
 * quitting), shared by the Electron shell and browser mode. A first start creates the default
 * project with the bundled sample article. The services can switch to another project folder
 * later (project.open / project.create); the host's flush() and close() reach the project open
 * at that moment.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ProjectHost } from './host/projectHost';
import { importPlainBytes } from './import';
import { restoreRecovery } from './recovery';
import { buildDocumentFile } from './services/documentFactory';
import { ProjectStore, type OpenOptions } from './store/projectStore';
import { RECENT_FILE, RecentProjects } from './store/recentProjects';
import { defaultProjectDir, userDataDir } from './userData';

export { defaultProjectDir, userDataDir };

export const SAMPLE_FILE = path.join('sample', 'libya-ceasefire-2019.ar.txt');

/** The open project as the shell and browser mode hold it. */
export type OpenedProject = ProjectHost;

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

export interface HostProjectOptions {
  recent?: RecentProjects | null;
  /** options for the projects opened or created from the UI (tests make their timers short) */
  storeOptions?: OpenOptions;
}

/**
 * The production composition: an open store becomes the host's open project, after what a
 * forced quit left in recovery/ is put back. A project opened or created from the UI starts
 * empty (no sample article). The test harness (test/harness/) builds its projects with this too.
 */
export async function hostProject(store: ProjectStore, options: HostProjectOptions = {}): Promise<ProjectHost> {
  // what a forced quit could not save is put back before anything else happens
  const recovered = await restoreRecovery(store);
  return new ProjectHost(store, {
    open: (dir, { name }) => ProjectStore.open(dir, { ...options.storeOptions, name: name ?? path.basename(dir) }),
    recent: options.recent ?? null,
    recovered,
  });
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
  // throw-away folders (test runs with --data in the temp folder) are not worth coming back to
  const inTemp = path.resolve(store.dir).startsWith(path.resolve(os.tmpdir()) + path.sep);
  if (options.userData !== undefined || !inTemp) await recent.add(store.dir, store.data.name).catch(() => undefined);
  return hostProject(store, { recent });
}
