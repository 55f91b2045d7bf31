/**
 * "Project…" in the top bar's More menu (openTool('project'); 'backups' opens Restore from backup…): open a project folder, start a new project, pick a recent one, or
 * restore a file from backup. The desktop app chooses the folder in the system's dialog when no
 * path is typed; browser mode has no folder dialog, so there the path is typed. The services
 * check it and answer with a sentence when it cannot be used.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ProjectInfo, RecentProject } from '@shared/api/project';
import { api, errorMessage, transport } from '../../api/client';
import { Modal } from '../../app/Modal';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import './projectUi.css';
import { useProjectStrings } from './strings';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useApp } from '../../app/AppContext';
import { useAppEvent } from '../../app/appEvents';
import { useToolRequest } from '../../app/tools';
import { backupRestored, projectOpened, useProjectInfo } from '../../app/projectInfo';
import { NameDialog } from '../../reader';

export interface ProjectMenuProps {
  /** after another project was opened or created (default: every view starts over with it) */
  onProjectChanged?: (info: ProjectInfo) => void;
  /** after a backup was restored (default: every view starts over) */
  onRestored?: () => void;
}

export function ProjectMenu({ onProjectChanged, onRestored }: ProjectMenuProps) {
  const [open, setOpen] = useState<'project' | 'backups' | 'coder' | null>(null);
  const [coderError, setCoderError] = useState<string | null>(null);
  const app = useApp();
  const [start, setStart] = useState<'open' | 'create' | undefined>(undefined);
  const t = useProjectStrings();
  // File ▸ Open Project… / New Project… / Restore from Backup… in the desktop app's menu
  useAppEvent('menu.command', ({ command }) => {
    if (command === 'open-project' || command === 'new-project') {
      setStart(command === 'open-project' ? 'open' : 'create');
      setOpen('project');
    } else if (command === 'restore-backup') setOpen('backups');
    else if (command === 'coder-name') setOpen('coder');
  });
  useToolRequest('project', () => {
    setStart(undefined);
    setOpen('project');
  });
  useToolRequest('backups', () => setOpen('backups'));
  return (
    <>
      {open === 'project' && (
        <ProjectPanel
          start={start}
          onClose={() => setOpen(null)}
          onBackups={() => setOpen('backups')}
          coder={app.settings.annotator}
          coderError={coderError}
          onCoderName={() => {
            setCoderError(null);
            setOpen('coder');
          }}
          onChanged={(info) => {
            setOpen(null);
            if (onProjectChanged) onProjectChanged(info);
            else projectOpened(info);
          }}
        />
      )}
      {open === 'coder' && (
        <NameDialog
          initial={app.settings.annotator ?? ''}
          prompt={t.coderPrompt}
          onCancel={() => setOpen('project')}
          onSave={(annotator) => {
            setOpen('project');
            // every setting is sent, so changing the name can never reset another one
            app.updateSettings({ ...app.settings, annotator }).then(
              () => setCoderError(null),
              (err: unknown) => setCoderError(errorMessage(err)),
            );
          }}
        />
      )}
      {open === 'backups' && (
        <RestoreBackupDialog
          onClose={() => setOpen(null)}
          onRestored={() => {
            setOpen(null);
            if (onRestored) onRestored();
            else void backupRestored().catch(() => undefined);
          }}
        />
      )}
    </>
  );
}

export interface ProjectPanelProps {
  /** desktop app: ask for a folder at once, to open or to start a project in (from the menu) */
  start?: 'open' | 'create';
  onClose: () => void;
  onChanged: (info: ProjectInfo) => void;
  onBackups?: () => void;
  /** the coder name annotations record now (null: not asked yet) */
  coder?: string | null;
  coderError?: string | null;
  onCoderName?: () => void;
}

export function ProjectPanel({
  start,
  onClose,
  onChanged,
  onBackups,
  coder,
  coderError,
  onCoderName,
}: ProjectPanelProps) {
  const { info: current } = useProjectInfo();
  const [recent, setRecent] = useState<RecentProject[]>([]);
  const [folder, setFolder] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useProjectStrings();

  useEffect(() => {
    let live = true;
    api['project.recent']({})
      .then((list) => {
        if (live) setRecent(list);
      })
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, []);

  const run = async (action: () => Promise<ProjectInfo>) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await action());
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  const desktop = transport === 'ipc';
  /** The typed folder, or (desktop app, nothing typed) one chosen in the system's dialog. */
  const withFolder = async (purpose: 'open' | 'create', act: (path: string) => Promise<ProjectInfo>) => {
    let path = folder.trim();
    if (!path && desktop) {
      setError(null);
      try {
        path = (await api['project.pickFolder']({ purpose })).path ?? '';
      } catch (err) {
        setError(errorMessage(err));
        return;
      }
      if (!path) return;
      setFolder(path);
    }
    if (path) await run(() => act(path));
  };
  const openFolder = () => withFolder('open', (path) => api['project.open']({ path }));
  const createFolder = () =>
    withFolder('create', (path) => api['project.create']({ path, ...(name.trim() ? { name: name.trim() } : {}) }));
  const needsPath = busy || (!desktop && folder.trim() === '');

  const started = useRef(false);
  useEffect(() => {
    if (!start || !desktop || started.current) return;
    started.current = true;
    void (start === 'open' ? openFolder() : createFolder());
    // run once, when the panel opens from the menu
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const openTyped = (e: FormEvent) => {
    e.preventDefault();
    void openFolder();
  };

  return (
    <Modal label={t.project} onClose={onClose}>
      <div className="project-panel">
        <h2>{t.project}</h2>
        {current && (
          <p className="hint">
            {t.openNow} <strong dir="auto">{current.name}</strong> — <bdi dir="ltr">{current.path}</bdi>
          </p>
        )}

        <form onSubmit={openTyped} className="project-panel">
          <label>
            {t.folderPath}
            <input
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
              placeholder="/home/me/Research/hashiya-project"
              dir="ltr"
              spellCheck={false}
              autoComplete="off"
            />
          </label>
          <p className="hint">{desktop ? t.folderHintDesktop : t.folderHint}</p>
          <label>
            {t.newName}
            <input value={name} onChange={(e) => setName(e.target.value)} dir="auto" />
          </label>
          <div className="row">
            <button type="submit" className="primary" disabled={needsPath}>
              {t.openProject}
            </button>
            <button type="button" disabled={needsPath} onClick={() => void createFolder()}>
              {t.newProject}
            </button>
          </div>
        </form>

        <ErrorAlert message={error} />

        <section aria-label={t.recent}>
          <h3>{t.recent}</h3>
          {recent.length === 0 ? (
            <p className="empty">{t.noneYet}</p>
          ) : (
            <ul className="recent-list">
              {recent.map((r) => (
                <li key={r.path}>
                  <button
                    type="button"
                    disabled={busy || !r.available || r.path === current?.path}
                    onClick={() => void run(() => api['project.open']({ path: r.path }))}
                    title={r.available ? r.path : `${r.path} ${t.isGone}`}
                  >
                    <span dir="auto">
                      {r.name}
                      {r.path === current?.path ? t.isOpen : ''}
                      {!r.available ? t.folderMissing : ''}
                    </span>
                    <bdi className="path" dir="ltr">
                      {r.path}
                    </bdi>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        {onCoderName && (
          <section className="row" aria-label={t.coderName}>
            <p className="hint" data-testid="coder-now">
              {coder ? (
                <>
                  {t.coderNow} <bdi dir="auto">{coder}</bdi>
                </>
              ) : (
                t.noCoderYet
              )}
            </p>
            <button type="button" onClick={onCoderName}>
              {t.coderName}
            </button>
          </section>
        )}
        <ErrorAlert message={coderError ?? null} />

        <div className="row">
          {onBackups && (
            <button type="button" onClick={onBackups}>
              {t.restoreFromBackup}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t.close}
          </button>
        </div>
      </div>
    </Modal>
  );
}
