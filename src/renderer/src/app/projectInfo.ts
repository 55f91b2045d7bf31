/**
 * The ONE place the page holds the open project's info (project.info): read with
 * useProjectInfo(), kept current by the `project.changed` and `unsaved.changed` events, refreshed
 * on demand with refreshProjectInfo().
 *
 * `generation` counts the times the page's views must start over: another project was opened (in
 * this page or elsewhere: the path changed) or a backup was put in place. App.tsx keys the views
 * on it, so they load afresh, as a reload of the page would have made them do.
 */
import { useSyncExternalStore } from 'react';
import type { ProjectInfo } from '@shared/api/project';
import type { Settings } from '@shared/model';
import { api } from '../api/client';
import { emitAppEvent, onAppEvent } from './appEvents';

export interface ProjectInfoSnapshot {
  info: ProjectInfo | null;
  generation: number;
}

let snapshot: ProjectInfoSnapshot = { info: null, generation: 0 };
const listeners = new Set<() => void>();

/** counts every change of the snapshot, so that a late answer cannot undo a newer one */
let version = 0;

function publish(next: ProjectInfoSnapshot): void {
  version++;
  snapshot = next;
  for (const listener of [...listeners]) listener();
}

/** Take this info as the project's; a different path means another project is open. */
export function setProjectInfo(info: ProjectInfo): void {
  // the same info again (a poll, main's echo of this page's change) re-renders nothing
  if (snapshot.info && JSON.stringify(snapshot.info) === JSON.stringify(info)) return;
  const switched = snapshot.info !== null && snapshot.info.path !== info.path;
  publish({ info, generation: snapshot.generation + (switched ? 1 : 0) });
}

/** The project's files were replaced (a backup restored): every view loads afresh. */
export function startViewsOver(info: ProjectInfo): void {
  publish({ info, generation: snapshot.generation + 1 });
}

export function setProjectSettings(settings: Settings): void {
  if (snapshot.info) publish({ ...snapshot, info: { ...snapshot.info, settings } });
}

export async function refreshProjectInfo(): Promise<ProjectInfo> {
  const asked = version;
  const info = await api['project.info']({});
  // an event (or another answer) that came meanwhile is at least as new as this answer
  if (version === asked) setProjectInfo(info);
  return info;
}

export function getProjectInfo(): ProjectInfoSnapshot {
  return snapshot;
}

export function subscribeProjectInfo(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useProjectInfo(): ProjectInfoSnapshot {
  return useSyncExternalStore(subscribeProjectInfo, getProjectInfo);
}

onAppEvent('project.changed', ({ info }) => setProjectInfo(info));
onAppEvent('unsaved.changed', ({ unsaved }) => {
  if (snapshot.info) publish({ ...snapshot, info: { ...snapshot.info, unsaved } });
});

/** This page opened or created another project: every view starts over with it. */
export function projectOpened(info: ProjectInfo): void {
  emitAppEvent('project.changed', { info });
}

/** This page put a backup in place: every view starts over, with the project as it is now. */
export async function backupRestored(): Promise<void> {
  startViewsOver(await api['project.info']({}));
  emitAppEvent('documents.changed', { documentIds: null });
  emitAppEvent('annotations.changed', { documentIds: null });
}
