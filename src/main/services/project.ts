import type { Handlers } from '@shared/api';
import type { BackupInfo, ProjectInfo } from '@shared/api/project';
import { AppError } from '@shared/errors';
import { documentKey, PROJECT_KEY } from '../store/backups';
import { folderToCreate, folderToOpen, sameFolder } from '../store/projectFolder';
import type { ProjectStore } from '../store/projectStore';
import type { Code } from '@shared/model';
import { countOf, usageIndex } from '../codebook/usageIndex';
import type { ServiceContext } from './context';

/**
 * An older project.json may predate codes that annotations now use: restoring it must not leave
 * those annotations pointing at nothing. Such codes are carried over from the codebook before the
 * restore (at the top level when their parent is gone), and the user is told.
 */
async function keepCodesInUse(ctx: ServiceContext, before: readonly Code[]): Promise<void> {
  const codebook = ctx.store.data.codebook;
  const present = new Set(codebook.codes.map((c) => c.id));
  const used = (await usageIndex(ctx.store).totals()).codes;
  const keys = new Set(codebook.codes.map((c) => c.key).filter(Boolean));
  const missing = before.filter((c) => !present.has(c.id) && countOf(used, c.id) > 0);
  if (missing.length === 0) return;
  for (const c of missing) {
    codebook.codes.push({
      ...c,
      parentId: c.parentId && present.has(c.parentId) ? c.parentId : null,
      key: c.key && !keys.has(c.key) ? c.key : null,
    });
    present.add(c.id);
  }
  ctx.store.addNotice({
    code: 'codes_kept',
    message: `The restored codebook lacked ${missing.length} code(s) that annotations use (${missing.map((c) => c.name).join(', ')}); they were kept.`,
  });
  await ctx.store.saveProject();
}

type ProjectHandlers = Pick<
  Handlers,
  | 'project.info'
  | 'settings.update'
  | 'project.dismissNotices'
  | 'project.save'
  | 'project.open'
  | 'project.create'
  | 'project.recent'
  | 'project.pickFolder'
  | 'backups.list'
  | 'backups.restore'
>;

export function projectInfo(store: ProjectStore): ProjectInfo {
  const data = store.data;
  return {
    name: data.name,
    path: store.dir,
    schemaVersion: data.schemaVersion,
    documentCount: data.documents.length,
    annotationCount: data.documents.reduce((n, d) => n + d.annotationCount, 0),
    settings: data.settings,
    notices: data.notices,
    unsaved: store.unsavedFiles(),
  };
}

export function projectHandlers(ctx: ServiceContext): ProjectHandlers {
  /** Make `next` the open project; the old one is flushed and closed first (or `next` is dropped). */
  const switchTo = async (next: ProjectStore): Promise<ProjectInfo> => {
    const previous = ctx.store;
    try {
      await previous.close(next);
    } catch (err) {
      await next.close().catch(() => undefined);
      throw err;
    }
    ctx.store = next;
    await ctx.projects.recent?.add(next.dir, next.data.name).catch(() => undefined);
    return projectInfo(next);
  };

  const listBackups = async (documentId: string | null | undefined): Promise<BackupInfo[]> => {
    const store = ctx.store;
    const titles = new Map(store.summaries().map((d) => [d.id, d.title]));
    const out: BackupInfo[] = [];
    if (documentId === null || documentId === undefined) {
      for (const entry of await store.backups.list(PROJECT_KEY)) {
        out.push({
          documentId: null,
          title: 'Project settings and codebook',
          name: entry.name,
          createdAt: entry.createdAt,
          size: entry.size,
          annotationCount: null,
          inProject: true,
        });
      }
    }
    // everything: project.json and documents no longer in the list (a project can hold 10,000
    // documents; their backups are listed one document at a time)
    const ids = documentId
      ? [documentId]
      : documentId === null
        ? []
        : (await store.backups.documentIds()).filter((id) => !titles.has(id));
    for (const id of ids) {
      for (const entry of await store.backups.list(documentKey(id))) {
        const file = store.peekDocumentBackup(id, await store.backups.read(entry.key, entry.name).catch(() => ''));
        if (!file) continue; // a snapshot that no longer parses is not offered
        out.push({
          documentId: id,
          title: titles.get(id) ?? file.document.title,
          name: entry.name,
          createdAt: entry.createdAt,
          size: entry.size,
          annotationCount: file.annotations.length,
          inProject: titles.has(id),
        });
      }
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  };

  return {
    'project.info': async () => projectInfo(ctx.store),
    'settings.update': async (patch) => {
      const data = ctx.store.data;
      data.settings = { ...data.settings, ...patch };
      await ctx.store.saveProject();
      return data.settings;
    },
    'project.dismissNotices': async () => {
      await ctx.store.clearNotices();
      return {};
    },
    'project.save': async () => {
      await ctx.store.retryUnsaved();
      return projectInfo(ctx.store);
    },
    'project.open': async ({ path }) => {
      const dir = await folderToOpen(path);
      if (await sameFolder(dir, ctx.store.dir)) return projectInfo(ctx.store);
      return switchTo(await ctx.projects.open(dir, { create: false }));
    },
    'project.create': async ({ path, name }) => {
      const dir = await folderToCreate(path);
      if (await sameFolder(dir, ctx.store.dir))
        throw new AppError('conflict', 'That folder is the project already open.');
      return switchTo(await ctx.projects.open(dir, { create: true, name }));
    },
    'project.recent': async () => (ctx.projects.recent ? ctx.projects.recent.list() : []),
    // the Electron shell answers this itself with a native dialog (shell/dialogs.ts); a web page
    // cannot open a folder dialog on the server's machine
    'project.pickFolder': async () => {
      throw new AppError(
        'unsupported',
        'Choosing a folder in a dialog needs the desktop app; here, type the folder’s path.',
      );
    },
    'backups.list': async ({ documentId }) => listBackups(documentId),
    'backups.restore': async ({ documentId, name }) => {
      if (documentId === null) {
        const before = ctx.store.data.codebook.codes;
        await ctx.store.restoreProjectBackup(name);
        await keepCodesInUse(ctx, before);
      } else await ctx.store.restoreDocumentBackup(documentId, name);
      return projectInfo(ctx.store);
    },
  };
}
