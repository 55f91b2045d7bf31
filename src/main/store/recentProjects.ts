/**
 * The recent-projects list: a small JSON file in the user-data folder, written durably. A list
 * that cannot be read is moved aside (never overwritten) and starts again empty.
 */
import { access, mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { IsoTime } from '@shared/model';
import { DurableTextFile } from './durableFile';
import { CorruptFileError, parseJsonFile } from './jsonFile';
import { PROJECT_FILE } from './projectStore';

export const RECENT_FILE = 'recent-projects.json';
const MAX_RECENT = 10;

const RecentEntry = z.object({ path: z.string().min(1), name: z.string(), openedAt: IsoTime });
const RecentFile = z.object({ schemaVersion: z.literal(1), projects: z.array(RecentEntry) });
type RecentFile = z.infer<typeof RecentFile>;

export interface RecentProject extends z.infer<typeof RecentEntry> {
  /** false when the folder or its project.json is gone (moved, deleted, unplugged drive) */
  available: boolean;
}

export class RecentProjects {
  private readonly file: DurableTextFile;

  constructor(filePath: string) {
    this.file = new DurableTextFile(filePath);
  }

  get filePath(): string {
    return this.file.filePath;
  }

  private async load(): Promise<RecentFile> {
    const raw = await this.file.read().catch(() => null);
    if (raw === null) return { schemaVersion: 1, projects: [] };
    try {
      return parseJsonFile(this.file.filePath, raw, RecentFile);
    } catch (err) {
      if (!(err instanceof CorruptFileError)) throw err;
      const aside = `${this.file.filePath}.damaged-${Date.now()}`;
      await rename(this.file.filePath, aside).catch(() => undefined);
      return { schemaVersion: 1, projects: [] };
    }
  }

  async list(): Promise<RecentProject[]> {
    const { projects } = await this.load();
    return Promise.all(
      projects.map(async (p) => ({
        ...p,
        available: await access(path.join(p.path, PROJECT_FILE)).then(
          () => true,
          () => false,
        ),
      })),
    );
  }

  /** Put a project at the top of the list (most recent first, at most 10). */
  async add(projectPath: string, name: string, openedAt = new Date().toISOString()): Promise<void> {
    const current = await this.load();
    const projects = [
      { path: projectPath, name, openedAt },
      ...current.projects.filter((p) => p.path !== projectPath),
    ].slice(0, MAX_RECENT);
    await mkdir(path.dirname(this.file.filePath), { recursive: true });
    await this.file.write(JSON.stringify({ schemaVersion: 1, projects } satisfies RecentFile, null, 2));
  }
}
