/**
 * Opening a project: the store plus the services, shared by the Electron shell and browser mode.
 * A first start creates the default project with the bundled sample article.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { importPlainBytes } from './import';
import { createServices, type Services } from './services';
import { buildDocumentFile } from './services/documentFactory';
import { ProjectStore } from './store/projectStore';
import { randomUUID } from 'node:crypto';

export const SAMPLE_FILE = path.join('sample', 'libya-ceasefire-2019.ar.txt');

export interface OpenedProject {
  store: ProjectStore;
  services: Services;
}

export async function openProject(dir: string, resourcesDir: string): Promise<OpenedProject> {
  const store = await ProjectStore.open(dir, {
    name: 'My project',
    seed: async () => {
      const bytes = await readFile(path.join(resourcesDir, SAMPLE_FILE));
      const file = buildDocumentFile(randomUUID(), importPlainBytes(bytes), new Date().toISOString());
      file.document.source = 'Sample article bundled with Hashiya';
      file.document.publishedAt = '2019-05-22';
      return [file];
    },
  });
  return { store, services: createServices(store) };
}

/** The per-user folder Electron calls userData; browser mode uses the same one. */
export function userDataDir(appName = 'Hashiya'): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appName);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', appName);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), appName);
}

export function defaultProjectDir(userData: string): string {
  return path.join(userData, 'default-project');
}
