/**
 * The one test-project harness: a project folder opened the way the app opens it (hostProject,
 * the production composition app.ts uses: store, host, services, queue, flush barrier, events),
 * with timers made short so tests do not wait for index saves and snapshots.
 */
import type { Input, MethodName, Output } from '@shared/api';
import { hostProject } from '../../src/main/app';
import type { ProjectHost } from '../../src/main/host/projectHost';
import type { Services } from '../../src/main/services';
import { ProjectStore, type OpenOptions } from '../../src/main/store/projectStore';

export interface TestProject {
  host: ProjectHost;
  services: Services;
  /** the store of the project open now (after a switch, the new one) */
  readonly store: ProjectStore;
  call<M extends MethodName>(name: M, input: Input<M>): Promise<Output<M>>;
  /** save everything (the calls already made, then the writes) and give the folder up */
  close(): Promise<void>;
}

/** Options for a test project: short timers unless a test asks otherwise. */
export function testStoreOptions(options: OpenOptions = {}): OpenOptions {
  // snapshots start at once in tests (the app waits a little so they never compete with the user)
  return {
    indexSaveDelayMs: 20,
    ...options,
    backupPolicy: { startDelayMs: 0, ...options.backupPolicy },
  };
}

/** The harness around a store a test opened itself (with options of its own). */
export async function hostTestProject(store: ProjectStore, storeOptions: OpenOptions = {}): Promise<TestProject> {
  const host = await hostProject(store, { storeOptions: testStoreOptions(storeOptions) });
  return {
    host,
    services: host.services,
    get store() {
      return host.store;
    },
    call: (name, input) => host.services.dispatch(name, input) as Promise<never>,
    close: () => host.close(),
  };
}

/** Open (or create) the project in `dir` through the production composition. */
export async function openTestProject(dir: string, options: OpenOptions = {}): Promise<TestProject> {
  const store = await ProjectStore.open(dir, testStoreOptions(options));
  return hostTestProject(store, options);
}
