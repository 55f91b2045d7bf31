/**
 * Where a user's Hashiya data lives, apart from the rest of start-up (app.ts), so browser mode
 * can name its project folder before it loads the services.
 */
import os from 'node:os';
import path from 'node:path';

/** The per-user folder Electron calls userData; browser mode uses the same one. */
export function userDataDir(appName = 'Hashiya'): string {
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appName);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', appName);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appName);
}

export function defaultProjectDir(userData: string): string {
  return path.join(userData, 'default-project');
}
