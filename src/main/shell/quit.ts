/**
 * Quitting: everything pending is saved and the project's lock given up before the app ends. A
 * change that cannot be saved (disk full, folder gone) is never dropped silently: the researcher
 * is asked, naming the files, and either stays to fix it or quits with them kept in recovery/,
 * which the next start restores.
 */
import type { ElectronApi } from './electronApi';

/**
 * What quitting needs of the open project: the one shutdown() browser mode uses too (the
 * host's ProjectHost). Not forced, it saves everything and closes, or refuses naming what cannot
 * be saved; forced, it writes that to recovery/ (the next start restores it).
 */
export interface QuittingProject {
  shutdown(options: { force: boolean }): Promise<QuitOutcome>;
}

export type QuitOutcome =
  | { outcome: 'closed' }
  | { outcome: 'refused'; unsaved: string[] }
  | { outcome: 'forced' }
  | { outcome: 'lost'; reason: string };

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

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function setupQuit(
  { app, dialog }: Pick<ElectronApi, 'app' | 'dialog'>,
  project: QuittingProject,
  options: QuitOptions = {},
): void {
  let quitting = false;
  const ask = async (unsaved: readonly string[], why: string | null): Promise<boolean> => {
    const files = unsaved.length > 0 ? `Not saved: ${unsavedList(unsaved)}.\n\n` : '';
    const { response } = await dialog.showMessageBox({
      type: 'warning',
      buttons: ['Stay in Hashiya', 'Quit (keep them in recovery/)'],
      defaultId: 0,
      cancelId: 0,
      message: 'Some changes are not saved yet.',
      detail: `${why ? `${why}\n\n` : ''}${files}Stay, free some space or fix the folder, and use “Save again”.`,
    });
    return response === 1;
  };
  const quit = async (): Promise<void> => {
    let result: QuitOutcome = await project
      .shutdown({ force: false })
      .catch((err: unknown): QuitOutcome => ({ outcome: 'lost', reason: messageOf(err) }));
    if (result.outcome === 'closed') return app.quit();
    if (result.outcome === 'refused' || result.outcome === 'lost') {
      const unsaved = result.outcome === 'refused' ? result.unsaved : [];
      const why = result.outcome === 'lost' ? result.reason : null;
      if (!(await ask(unsaved, why))) {
        quitting = false;
        return;
      }
      // quitting anyway: the unsaved changes go to recovery/, which the next start restores
      result = await project
        .shutdown({ force: true })
        .catch((err: unknown): QuitOutcome => ({ outcome: 'lost', reason: messageOf(err) }));
      if (result.outcome === 'lost')
        dialog.showErrorBox(
          'Some changes could not be kept',
          `${result.reason}\n\nThey were not written to recovery/.`,
        );
    }
    app.exit(0);
  };
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    options.onQuitStarted?.();
    void quit();
  });
}
