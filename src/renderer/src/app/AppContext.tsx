/** What every view needs: project info, settings, codebook and registry, and a way to report status. */
import { createContext, useContext } from 'react';
import type { ProjectInfo } from '@shared/api/project';
import type { Codebook, Registry, Settings } from '@shared/model';

export interface AppState {
  info: ProjectInfo;
  codebook: Codebook;
  /** the project's actors and places (read with the codebook) */
  registry: Registry;
  settings: Settings;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  reloadCodebook(): Promise<void>;
  reloadInfo(): Promise<void>;
  /** Status line text: saving/saved/errors; errors stay until replaced */
  setStatus(status: Status): void;
  openDocument(id: string, focus?: { start: number; end: number }): void;
  goToLibrary(): void;
}

export type Status = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string };

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside AppContext');
  return ctx;
}
