/**
 * The default session's policy: every permission refused, every request that is not the app's
 * own (or, while developing, the dev server's) cancelled, and every download turned into the
 * system's save dialog (dialogs.ts), with a message when the file could not be written.
 */
import { downloadHandler } from './dialogs';
import type { ElectronApi } from './electronApi';
import { isRequestAllowed, permissionDecision } from './policy';

export function setupSessionPolicy(
  { app, dialog, session }: Pick<ElectronApi, 'app' | 'dialog' | 'session'>,
  devServerUrl: string | undefined,
): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionDecision(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => permissionDecision(permission));
  // Nothing leaves the machine: only the app's own protocol (and the dev server while developing).
  ses.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !isRequestAllowed(details.url, devServerUrl) }),
  );
  // exports arrive as downloads: always the save dialog, in the folder saved to last
  const onDownload = downloadHandler(
    () => app.getPath('documents'),
    ({ state, path: savedTo }) => {
      if (state === 'interrupted')
        dialog.showErrorBox(
          'The export was not saved',
          `Hashiya could not write ${savedTo || 'the file'}. Try another folder.`,
        );
    },
  );
  ses.on('will-download', (_event, item) => onDownload(item));
}
