import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { MethodName, Output, ParsedInput } from '@shared/api';
import type { RecentProjects } from '../store/recentProjects';
import { ProjectStore } from '../store/projectStore';

/** How the services open another project folder (app.ts supplies the real one). */
export interface ProjectOpener {
  open(dir: string, options: { create: boolean; name?: string }): Promise<ProjectStore>;
  /** the recent-projects list, when the host keeps one */
  recent: RecentProjects | null;
}

/**
 * What every service needs: the open project, a clock and an id source (both replaceable in
 * tests). `store` changes when the user opens another project: read `ctx.store` on every call,
 * never keep it.
 */
export interface ServiceContext {
  store: ProjectStore;
  now: () => string;
  newId: () => string;
  projects: ProjectOpener;
}

export const plainOpener: ProjectOpener = {
  open: (dir, { name }) => ProjectStore.open(dir, { name: name ?? path.basename(dir) }),
  recent: null,
};

export function createContext(store: ProjectStore, overrides: Partial<ServiceContext> = {}): ServiceContext {
  return {
    store,
    now: () => new Date().toISOString(),
    newId: () => randomUUID(),
    projects: plainOpener,
    ...overrides,
  };
}

/**
 * Slow work a method does before its turn in the queue, when that work reads and writes nothing
 * of the project (reading an imported file: seconds for a large web page). Other calls are
 * answered meanwhile; the function it returns runs in the queue like any other operation.
 */
export type Stages = { [M in MethodName]?: (input: ParsedInput<M>) => Promise<() => Promise<Output<M>>> };
