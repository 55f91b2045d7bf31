/**
 * The one owner of the open project: its store and the indexes derived from it, the services
 * that work on it (their queue and flush barrier), the events they cause, switching to another
 * project, and shutting down. The Electron shell and browser mode both hold one ProjectHost.
 */
import path from 'node:path';
import type { ProjectInfo } from '@shared/api/project';
import { EventHub } from '../events';
import { RECOVERY_DIR, writeRecovery, type RecoveryRestored, type RecoveryWritten } from '../recovery';
import { createServices, type Services } from '../services';
import { PageDrain } from './pageDrain';
import { openProjectOf, type Clock, type OpenProject, type ProjectAccess } from '../services/context';
import { projectInfo } from '../services/project';
import type { ProjectStore } from '../store/projectStore';
import type { RecentProjects } from '../store/recentProjects';

/** How a project opened or created from the UI is opened (app.ts supplies the real one). */
export type ProjectOpener = (dir: string, options: { create: boolean; name?: string }) => Promise<ProjectStore>;

export interface HostOptions {
  open: ProjectOpener;
  recent?: RecentProjects | null;
  /** what the start restored from a forced quit's recovery/ */
  recovered?: RecoveryRestored | null;
  clock?: Partial<Clock>;
}

export interface ShutdownOptions {
  /** false: refuse while changes cannot be saved; true: quit anyway, writing them to recovery/ first */
  force: boolean;
  /** run once everything is saved, just before the project is closed (stop serving requests) */
  beforeClose?: () => Promise<void>;
}

export type ShutdownResult =
  /** everything saved, the project closed (its lock given up) */
  | { outcome: 'closed' }
  /** not forced and some files could not be saved: nothing was closed, the app keeps running */
  | { outcome: 'refused'; unsaved: string[]; recoveryDir: string }
  /** quitting without saving: what was unsaved went to `written.dir` (null: nothing was unsaved) */
  | { outcome: 'forced'; written: RecoveryWritten | null; projectDir: string; closeError: string | null }
  /** quitting without saving, and the unsaved changes could not be written anywhere */
  | { outcome: 'lost'; reason: string; closeError: string | null };

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export class ProjectHost implements ProjectAccess {
  /** the contract's main→page events: the services' changes, project.changed, unsaved.changed */
  readonly events = new EventHub();
  readonly services: Services;
  readonly recent: RecentProjects | null;
  readonly recovered: RecoveryRestored | null;
  private readonly open: ProjectOpener;
  private project: OpenProject;
  private stopWatching: () => void;
  private readonly drain = new PageDrain();
  /** each transport's count of the pages it serves now (servePages) */
  private readonly pageCounts = new Set<() => number>();

  constructor(store: ProjectStore, options: HostOptions) {
    this.open = options.open;
    this.recent = options.recent ?? null;
    this.recovered = options.recovered ?? null;
    this.project = openProjectOf(store);
    this.stopWatching = this.watch(store);
    this.services = createServices(this, { ...options.clock, events: this.events });
  }

  /** the open project with its indexes (replaced as a whole by switchTo) */
  get current(): OpenProject {
    return this.project;
  }

  get store(): ProjectStore {
    return this.project.store;
  }

  /**
   * Open (or create) the project in `dir` and make it the open one. The old one is saved and
   * closed first; when it cannot be (a change it cannot save), the new one is let go and the old
   * one stays open. Runs inside a service call (project.open / project.create).
   */
  async switchTo(dir: string, options: { create: boolean; name?: string }): Promise<ProjectInfo> {
    const next = await this.open(dir, options);
    try {
      await this.project.store.close();
    } catch (err) {
      await next.close().catch(() => undefined);
      throw err;
    }
    this.stopWatching();
    this.project = openProjectOf(next);
    this.stopWatching = this.watch(next);
    await this.recent?.add(next.dir, next.data.name).catch(() => undefined);
    const info = projectInfo(next);
    this.events.emit('project.changed', { info });
    return info;
  }

  /** A page answered the page.settle of drain `drain` (page.settled). */
  pageSettled(drain: number): void {
    this.drain.settled(drain);
  }

  /**
   * A transport says how many pages it serves (the Electron windows hearing the events, browser
   * mode's open event streams); a drain waits for that many answers. Not every listener of
   * `events` is a page (a test's, a service's): one that is not must not hold a quit up.
   * Returns the function that takes the count back.
   */
  servePages(count: () => number): () => void {
    const own = () => count(); // the same function given twice counts twice
    this.pageCounts.add(own);
    return () => {
      this.pageCounts.delete(own);
    };
  }

  /** How many pages the transports serve now (0 when none has said). */
  pagesServed(): number {
    let pages = 0;
    for (const count of this.pageCounts) pages += count();
    return pages;
  }

  /**
   * Ask the pages to send what they still hold (pageDrain.ts) and wait for them: `pages` answers,
   * or the time-out. Quitting, closing the window and stopping browser mode do this first.
   */
  drainPages(pages: number = this.pagesServed()): Promise<boolean> {
    return this.drain.drain(this.events, pages);
  }

  /** Titles of the files of the open project whose latest change is only in memory. */
  unsavedTitles(): string[] {
    return this.store.unsavedFiles().map((f) => f.title);
  }

  /**
   * Save everything pending: first every call accepted so far (the tag whose request arrived just
   * before the quit), then every write of the project open by then.
   */
  async flush(): Promise<void> {
    await this.services.settled();
    await this.store.flush();
  }

  /** Save and close the open project, giving up its lock (throws when a change cannot be saved). */
  async close(): Promise<void> {
    await this.flush();
    await this.store.close();
  }

  /** Before a forced quit: write what is unsaved to recovery/ (null when nothing is unsaved). */
  writeRecovery(): Promise<RecoveryWritten | null> {
    return writeRecovery(this.store);
  }

  /**
   * Quitting, the same for the desktop app and browser mode: the pages send what they hold, then
   * everything is saved; when something cannot be saved, refuse (the caller says why and keeps
   * running) unless forced, in which case
   * the unsaved changes are written to recovery/ (the next start puts them back) and the caller
   * quits. A close that fails after all was saved is treated as forced.
   */
  async shutdown({ force, beforeClose }: ShutdownOptions): Promise<ShutdownResult> {
    await this.drainPages();
    await this.flush();
    const unsaved = this.unsavedTitles();
    if (unsaved.length > 0) {
      if (!force) return { outcome: 'refused', unsaved, recoveryDir: path.join(this.store.dir, RECOVERY_DIR) };
      return this.quitUnsaved(null);
    }
    await beforeClose?.();
    try {
      await this.close();
    } catch (err) {
      return this.quitUnsaved(messageOf(err));
    }
    return { outcome: 'closed' };
  }

  private async quitUnsaved(closeError: string | null): Promise<ShutdownResult> {
    try {
      const written = await this.writeRecovery();
      return { outcome: 'forced', written, projectDir: this.store.dir, closeError };
    } catch (err) {
      return { outcome: 'lost', reason: messageOf(err), closeError };
    }
  }

  /** Tell the page whenever the set of unsaved files of `store` changes. */
  private watch(store: ProjectStore): () => void {
    return store.onUnsavedChange(() => this.events.emit('unsaved.changed', { unsaved: store.unsavedFiles() }));
  }
}
