import { randomUUID } from 'node:crypto';
import type { MethodName, Output, ParsedInput } from '@shared/api';
import type { ProjectInfo } from '@shared/api/project';
import { UsageIndex } from '../codebook/usageIndex';
import { NearDuplicateIndex } from '../import/nearDuplicateIndex';
import { SearchIndex } from '../search/searchIndex';
import { storeSource } from '../search/storeSource';
import { MergeJournal } from './mergeJournal';
import type { ProjectStore } from '../store/projectStore';
import type { RecentProjects } from '../store/recentProjects';

/** A create kept by its client key (requestId), so that a retry returns it instead of adding another. */
export interface KeptCreate {
  documentId: string;
  /** the request without its key: one key may not stand for two different creates */
  fingerprint: string;
  ids: string[];
}

/**
 * The open project: its store and what is derived from it. All of it belongs to one project
 * and is replaced as a whole when another project is opened.
 */
export interface OpenProject {
  readonly store: ProjectStore;
  readonly search: SearchIndex;
  readonly nearDuplicates: NearDuplicateIndex;
  readonly usage: UsageIndex;
  /** creates by requestId in this project, oldest first (annotations.ts bounds it) */
  readonly createKeys: Map<string, KeptCreate>;
  /** the last merges, so that each can be undone exactly */
  readonly merges: MergeJournal;
}

export function openProjectOf(store: ProjectStore): OpenProject {
  const source = storeSource(store);
  return {
    store,
    search: new SearchIndex(source),
    nearDuplicates: new NearDuplicateIndex(source),
    usage: new UsageIndex(store),
    createKeys: new Map(),
    merges: new MergeJournal(),
  };
}

/** Who holds the open project (the ProjectHost): the services read it and ask it to switch. */
export interface ProjectAccess {
  /** the project open now (a switch replaces it: read it on every call, never keep it) */
  readonly current: OpenProject;
  /** Open (or create) the project in `dir` and make it the open one; the old one is closed first. */
  switchTo(dir: string, options: { create: boolean; name?: string }): Promise<ProjectInfo>;
  /** the recent-projects list, when the host keeps one */
  readonly recent: RecentProjects | null;
  /** A page answered the page.settle of drain `drain` (pageDrain.ts): what it held is in. */
  pageSettled?(drain: number): void;
}

/**
 * What every service needs: the open project (read-only here: only its host replaces it), a
 * clock and an id source (both replaceable in tests).
 */
export interface ServiceContext {
  /** the open project's store (the host's current one) */
  readonly store: ProjectStore;
  /** the open project with its indexes */
  readonly project: OpenProject;
  readonly host: ProjectAccess;
  readonly now: () => string;
  readonly newId: () => string;
}

export interface Clock {
  now: () => string;
  newId: () => string;
}

export function createContext(host: ProjectAccess, overrides: Partial<Clock> = {}): ServiceContext {
  const now = overrides.now ?? (() => new Date().toISOString());
  const newId = overrides.newId ?? (() => randomUUID());
  return {
    get store() {
      return host.current.store;
    },
    get project() {
      return host.current;
    },
    host,
    now,
    newId,
  };
}

/**
 * Slow work a method does before its turn in the queue, when that work reads and writes nothing
 * of the project (reading an imported file: seconds for a large web page). Other calls are
 * answered meanwhile; the function it returns runs in the queue like any other operation.
 */
export type Stages = { [M in MethodName]?: (input: ParsedInput<M>) => Promise<() => Promise<Output<M>>> };
