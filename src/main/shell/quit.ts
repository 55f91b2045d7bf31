/**
 * Quitting: everything pending is saved and the project's lock given up before the app ends. A
 * change that cannot be saved (disk full, folder gone) is never dropped silently: the researcher
 * is asked, naming the files, and either stays to fix it or quits with them kept in recovery/,
 * which the next start restores.
 */
import type { ElectronApi } from './electronApi';

/** What quitting needs of the open project (the host's ProjectHost; today app.ts's OpenedProject). */
export interface QuittingProject {
  /** titles of the files whose latest change is only in memory */
  unsavedTitles(): string[];
  /** save everything pending */
  flush(): Promise<void>;
  /** save and give up the project's lock; fails while a change is still unsaved */
  close(): Promise<void>;
  /** put what is unsaved into recovery/ */
  writeRecovery(): Promise<unknown>;
}

export interface QuitOptions {
  /** called as the quit starts, before saving (e.g. refuse a file still being read) */
  onQuitStarted?: () => unknown;
}

/** At most this many titles are named in the dialog; the rest are counted. */
const NAMED_TITLES = 5;

export function unsavedList(titles: readonly string[]): string {
  const named = titles.slice(0, NAMED_TITLES).map((t) => `“${t}”`);
  const more = titles.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
}

export function setupQuit(
  { app, dialog }: Pick<ElectronApi, 'app' | 'dialog'>,
  project: QuittingProject,
  options: QuitOptions = {},
): void {
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    options.onQuitStarted?.();
    project
      .flush()
      .then(() => project.close()) // gives up the project's lock
      .then(
        () => app.quit(),
        async (err: unknown) => {
          const titles = project.unsavedTitles();
          const files = titles.length > 0 ? `Not saved: ${unsavedList(titles)}.\n\n` : '';
          const { response } = await dialog.showMessageBox({
            type: 'warning',
            buttons: ['Stay in Hashiya', 'Quit (keep them in recovery/)'],
            defaultId: 0,
            cancelId: 0,
            message: 'Some changes are not saved yet.',
            detail: `${err instanceof Error ? err.message : String(err)}\n\n${files}Stay, free some space or fix the folder, and use “Save again”.`,
          });
          if (response === 1) {
            // quitting anyway: the unsaved changes go to recovery/, which the next start restores
            await project.writeRecovery().catch(() => undefined);
            app.exit(0);
          } else quitting = false;
        },
      );
  });
}
