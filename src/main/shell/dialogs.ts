/**
 * The desktop app's native dialogs, as pure option builders and small handlers written against
 * minimal interfaces, so they are unit-tested without an Electron runtime. index.ts wires them.
 *
 * - Folder picker: the one API method only the shell can answer (`project.pickFolder`).
 * - Save dialog for downloads: an export (CSV, zip, JSON-LD, codebook) is offered by the page as
 *   a download; the shell turns it into the system's save dialog with a safe default name, in the
 *   folder the researcher saved to last (Documents at first).
 */
import path from 'node:path';
import { api, type Output, type ParsedInput } from '@shared/api';
import { AppError } from '@shared/errors';

export type FolderPurpose = ParsedInput<'project.pickFolder'>['purpose'];

export interface OpenDialogOptionsLike {
  title: string;
  buttonLabel: string;
  properties: Array<'openDirectory' | 'createDirectory' | 'promptToCreate' | 'dontAddToRecent'>;
}

export function folderDialogOptions(purpose: FolderPurpose): OpenDialogOptionsLike {
  return purpose === 'open'
    ? { title: 'Open a Hashiya project folder', buttonLabel: 'Open project', properties: ['openDirectory'] }
    : {
        title: 'Choose an empty folder for the new project',
        buttonLabel: 'Use this folder',
        properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
      };
}

export type ShellHandler = (input: unknown) => Promise<unknown>;

/**
 * The services' dispatch with some methods answered by the shell instead. The shell's answers go
 * through the same contract: input parsed with the method's schema, output checked against it.
 */
export function withShellMethods(
  dispatch: (name: string, input: unknown) => Promise<unknown>,
  shell: Partial<Record<keyof typeof api, ShellHandler>>,
): (name: string, input: unknown) => Promise<unknown> {
  return async (name, input) => {
    const handler = Object.hasOwn(shell, name) ? shell[name as keyof typeof api] : undefined;
    if (!handler) return dispatch(name, input);
    const spec = api[name as keyof typeof api];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success)
      throw new AppError(
        'invalid_input',
        `The request to “${name}” is not valid: ${parsed.error.issues[0]?.message ?? 'bad input'}.`,
      );
    return spec.output.parse(await handler(parsed.data));
  };
}

export interface FolderDialogLike {
  showOpenDialog(options: OpenDialogOptionsLike): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** project.pickFolder: the chosen folder, or null when the researcher cancelled. */
export function pickFolderHandler(dialog: FolderDialogLike): ShellHandler {
  return async (input) => {
    const { purpose } = input as ParsedInput<'project.pickFolder'>;
    const result = await dialog.showOpenDialog(folderDialogOptions(purpose));
    const chosen = result.canceled ? undefined : result.filePaths[0];
    const out: Output<'project.pickFolder'> = { path: chosen ?? null };
    return out;
  };
}

const SAVE_FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.csv': { name: 'CSV (comma-separated values)', extensions: ['csv'] },
  '.zip': { name: 'Zip archive', extensions: ['zip'] },
  '.jsonld': { name: 'W3C Web Annotations (JSON-LD)', extensions: ['jsonld', 'json'] },
  '.json': { name: 'JSON', extensions: ['json'] },
  '.qdc': { name: 'REFI-QDA codebook', extensions: ['qdc'] },
  '.txt': { name: 'Plain text', extensions: ['txt'] },
};

/**
 * A file name the page suggested, made safe to use as the default in a save dialog: no folders,
 * no control or reserved characters (Windows too), no leading dots, not over-long.
 */
export function safeDownloadName(suggested: string): string {
  const base = suggested.split(/[\\/]/).pop() ?? '';
  let name = base
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) name = `_${name}`;
  if (name.length > 180) {
    const ext = path.extname(name).slice(0, 12);
    name = name.slice(0, 180 - ext.length) + ext;
  }
  return name || 'hashiya-export';
}

export interface SaveDialogOptionsLike {
  title: string;
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

export function downloadDialogOptions(suggested: string, folder: string): SaveDialogOptionsLike {
  const name = safeDownloadName(suggested);
  const filter = SAVE_FILTERS[path.extname(name).toLowerCase()];
  return {
    title: 'Save export',
    defaultPath: path.join(folder, name),
    filters: [...(filter ? [filter] : []), { name: 'All files', extensions: ['*'] }],
  };
}

export interface DownloadItemLike {
  getFilename(): string;
  setSaveDialogOptions(options: SaveDialogOptionsLike): void;
  getSavePath(): string;
  once(event: 'done', listener: (event: unknown, state: 'completed' | 'cancelled' | 'interrupted') => void): void;
}

/**
 * session 'will-download': always ask where to save (never drop a file silently into Downloads),
 * starting in the folder used last; tell the caller how each download ended.
 */
export function downloadHandler(
  defaultFolder: () => string,
  report: (outcome: { state: 'completed' | 'cancelled' | 'interrupted'; path: string }) => void,
): (item: DownloadItemLike) => void {
  let lastFolder: string | null = null;
  return (item) => {
    item.setSaveDialogOptions(downloadDialogOptions(item.getFilename(), lastFolder ?? defaultFolder()));
    item.once('done', (_event, state) => {
      const saved = item.getSavePath();
      if (state === 'completed' && saved) lastFolder = path.dirname(saved);
      report({ state, path: saved });
    });
  };
}
