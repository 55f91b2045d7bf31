import type { Handlers } from '@shared/api';
import type { BackupInfo, ProjectInfo } from '@shared/api/project';
import { AppError } from '@shared/errors';
import { documentKey, PROJECT_KEY } from '../store/backups';
import { folderToCreate, folderToOpen, sameFolder } from '../store/projectFolder';
import type { ProjectStore } from '../store/projectStore';
import type { Code } from '@shared/model';
import { countOf } from '../codebook/usageIndex';
import type { ServiceContext } from './context';
import { applySettingsPatch } from './coders';
import { keepClaimsInUse } from './keepClaimsInUse';

/**
 * An older project.json may predate codes that annotations now use: restoring it must not leave
 * those annotations pointing at nothing. Such codes are carried over from the codebook before the
 * restore (at the top level when their parent is gone), and the user is told.
 */
async function keepCodesInUse(ctx: ServiceContext, before: readonly Code[]): Promise<void> {
  const present = new Set(ctx.store.data.codebook.codes.map((c) => c.id));
  const used = (await ctx.project.usage.totals()).codes;
  const missing = before.filter((c) => !present.has(c.id) && countOf(used, c.id) > 0);
  if (missing.length === 0) return;
  await ctx.store.updateProject(({ codebook, notices }) => {
    const keys = new Set(codebook.codes.map((c) => c.key).filter(Boolean));
    for (const c of missing) {
      codebook.codes.push({
        ...c,
        parentId: c.parentId && present.has(c.parentId) ? c.parentId : null,
        key: c.key && !keys.has(c.key) ? c.key : null,
      });
      present.add(c.id);
    }
    notices.push({
      code: 'codes_kept',
      message: `The restored codebook lacked ${missing.length} code(s) that annotations use (${missing.map((c) => c.name).join(', ')}); they were kept.`,
    });
  });
}

type ProjectHandlers = Pick<
  Handlers,
  | 'project.info'
  | 'settings.update'
  | 'project.dismissNotices'
  | 'page.settled'
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
      // the coder fields follow their rules (coders.ts): a named annotator gets a coder id
      await ctx.store.updateProject((data) => applySettingsPatch(data, patch));
      return ctx.store.data.settings;
    },
    'project.dismissNotices': async () => {
      await ctx.store.clearNotices();
      return {};
    },
    'page.settled': async ({ drain }) => {
      ctx.host.pageSettled?.(drain);
      return {};
    },
    'project.save': async () => {
      await ctx.store.retryUnsaved();
      return projectInfo(ctx.store);
    },
    'project.open': async ({ path }) => {
      const dir = await folderToOpen(path);
      if (await sameFolder(dir, ctx.store.dir)) return projectInfo(ctx.store);
      return ctx.host.switchTo(dir, { create: false });
    },
    'project.create': async ({ path, name }) => {
      const dir = await folderToCreate(path);
      if (await sameFolder(dir, ctx.store.dir))
        throw new AppError('conflict', 'That folder is the project already open.');
      return ctx.host.switchTo(dir, { create: true, name });
    },
    'project.recent': async () => (ctx.host.recent ? ctx.host.recent.list() : []),
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
        const was = { codebook: ctx.store.data.codebook, settings: ctx.store.data.settings };
        await ctx.store.restoreProjectBackup(name);
        await keepCodesInUse(ctx, before);
        await keepClaimsInUse(ctx, was);
      } else await ctx.store.restoreDocumentBackup(documentId, name);
      return projectInfo(ctx.store);
    },
  };
}
