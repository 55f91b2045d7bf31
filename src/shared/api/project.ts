import { z } from 'zod';
import { Id, IsoTime, Settings, SettingsPatch, Warning } from '../model';
import { method } from './method';

/** A file whose latest change is only in memory because saving it failed (it is retried). */
export const UnsavedFile = z.object({
  /** null: project.json (settings, codebook, document list) */
  documentId: Id.nullable(),
  title: z.string(),
  reason: z.string(),
});
export type UnsavedFile = z.infer<typeof UnsavedFile>;

/**
 * Which drain a page.settle asks for and a page.settled answers (src/main/host/pageDrain.ts):
 * the host counts only the answers to the drain it is waiting for.
 */
export const DrainId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

/** The open project as `project.info` (and every call that opens or changes it) answers. */
export const ProjectInfo = z.object({
  name: z.string(),
  path: z.string(),
  schemaVersion: z.number().int(),
  documentCount: z.number().int().nonnegative(),
  annotationCount: z.number().int().nonnegative(),
  settings: Settings,
  /** Things the user must be told about, e.g. a corrupt file moved to quarantine. */
  notices: z.array(Warning),
  /** empty when everything is on disk */
  unsaved: z.array(UnsavedFile),
});
export type ProjectInfo = z.infer<typeof ProjectInfo>;

export const RecentProject = z.object({
  path: z.string(),
  name: z.string(),
  openedAt: IsoTime,
  /** false when the folder (or its project.json) is no longer there */
  available: z.boolean(),
});
export type RecentProject = z.infer<typeof RecentProject>;

/** A folder path typed by the user (browser mode) or chosen in a dialog (Electron). */
const FolderPath = z.string().min(1, 'Type the path of a folder.').max(4096);

export const BackupName = z.string().regex(/^\d{8}T\d{9}Z(?:-\d+)?\.json$/, 'That is not the name of a backup.');

export const BackupInfo = z.object({
  /** null: a backup of project.json (codebook and settings) */
  documentId: Id.nullable(),
  title: z.string(),
  name: BackupName,
  createdAt: IsoTime,
  size: z.number().int().nonnegative(),
  /** annotations in the backup (documents only; null when not counted) */
  annotationCount: z.number().int().nonnegative().nullable(),
  /** false when the document is no longer in the project's list (restoring brings it back) */
  inProject: z.boolean(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const projectApi = {
  'project.info': method(z.object({}).strict(), ProjectInfo),
  'settings.update': method(SettingsPatch, Settings),
  /** Acknowledge (and clear) the notices shown to the user, e.g. a file moved to quarantine. */
  'project.dismissNotices': method(z.object({}).strict(), z.object({}).strict()),
  /**
   * The page's answer to the page.settle event of drain `drain`: every change it held has been
   * sent and answered (the call queues behind them), so closing may go on.
   */
  'page.settled': method(z.object({ drain: DrainId }).strict(), z.object({}).strict()),
  /** Try again to save every file marked unsaved; the result says what is still unsaved. */
  'project.save': method(z.object({}).strict(), ProjectInfo),
  /** Switch to the Hashiya project in an existing folder. */
  'project.open': method(z.object({ path: FolderPath }).strict(), ProjectInfo),
  /** Start a new, empty project in a new or empty folder and switch to it. */
  'project.create': method(
    z.object({ path: FolderPath, name: z.string().trim().min(1).max(200).optional() }).strict(),
    ProjectInfo,
  ),
  /**
   * Desktop app only: choose a project folder in the system's folder dialog (path null when the
   * researcher cancels). Browser mode answers `unsupported`: there the path is typed.
   */
  'project.pickFolder': method(
    z.object({ purpose: z.enum(['open', 'create']) }).strict(),
    z.object({ path: z.string().nullable() }).strict(),
  ),
  /** Recently opened projects, most recent first. */
  'project.recent': method(z.object({}).strict(), z.array(RecentProject)),
  /**
   * Backups of the open project, newest first: of one document (documentId), of project.json
   * (documentId: null), or, with documentId absent, of project.json and of every document that
   * is no longer in the project's list (e.g. one quarantined without a backup of its own).
   */
  'backups.list': method(z.object({ documentId: Id.nullable().optional() }).strict(), z.array(BackupInfo)),
  /** Put a backup in place of the current file (the current file is backed up first). */
  'backups.restore': method(z.object({ documentId: Id.nullable(), name: BackupName }).strict(), ProjectInfo),
};
