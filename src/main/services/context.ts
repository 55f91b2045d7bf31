import { randomUUID } from 'node:crypto';
import type { ProjectStore } from '../store/projectStore';

/** What every service needs: the open project, a clock and an id source (both replaceable in tests). */
export interface ServiceContext {
  store: ProjectStore;
  now: () => string;
  newId: () => string;
}

export function createContext(store: ProjectStore, overrides: Partial<ServiceContext> = {}): ServiceContext {
  return {
    store,
    now: () => new Date().toISOString(),
    newId: () => randomUUID(),
    ...overrides,
  };
}
