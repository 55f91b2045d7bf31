/**
 * A banner under the top bar: what the storage layer must tell the researcher (a damaged file
 * moved to quarantine/, a backup restored) and changes that are not saved yet, with "Save again".
 * It shows the page's one copy of project.info (app/projectInfo.ts), which the project.changed
 * and unsaved.changed events keep current; it also refreshes it every few seconds and when the
 * window regains focus, for a save retried in the background.
 */
import { useCallback, useEffect, useState } from 'react';
import { api, errorMessage } from '../../api/client';
import { backupRestored, refreshProjectInfo, setProjectInfo, useProjectInfo } from '../../app/projectInfo';
import { RestoreBackupDialog } from './RestoreBackupDialog';
import { useProjectStrings } from './strings';
import './projectUi.css';
import { ErrorAlert } from '../../app/ErrorAlert';

export interface ProjectNoticesProps {
  /** how often to look for new notices (ms) */
  pollMs?: number;
  /** after a backup was restored from the banner (default: every view starts over) */
  onRestored?: () => void;
}

export function ProjectNotices({ pollMs = 4000, onRestored }: ProjectNoticesProps) {
  const { info } = useProjectInfo();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const t = useProjectStrings();

  const refresh = useCallback(async () => {
    try {
      await refreshProjectInfo();
    } catch {
      // the status line reports a server that is gone; the banner just keeps what it had
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refresh(), pollMs);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh, pollMs]);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  if (!info || (info.notices.length === 0 && info.unsaved.length === 0 && !error)) return null;
  return (
    <section className="project-notices" aria-label={t.notices}>
      {info.unsaved.length > 0 && (
        <div className="notice" role="alert">
          <p className="notice-unsaved">
            {t.notSaved}{' '}
            <bdi>{info.unsaved.map((u) => (u.documentId === null ? t.settingsFile : u.title)).join(', ')}</bdi>.{' '}
            <span lang="en">{info.unsaved[0]?.reason}</span> {t.keptWhileOpen}
          </p>
          <div className="notice-actions">
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(async () => setProjectInfo(await api['project.save']({})))}
            >
              {t.saveAgain}
            </button>
          </div>
        </div>
      )}
      {info.notices.map((notice, i) => (
        <div className="notice" role="status" key={`${notice.code}-${i}`}>
          <p lang="en">{notice.message}</p>
        </div>
      ))}
      {info.notices.length > 0 && (
        <div className="notice-actions">
          <button type="button" onClick={() => setRestoring(true)}>
            {t.restoreFromBackup}
          </button>
          <button type="button" disabled={busy} onClick={() => void run(() => api['project.dismissNotices']({}))}>
            {t.dismiss}
          </button>
        </div>
      )}
      <ErrorAlert message={error} />
      {restoring && (
        <RestoreBackupDialog
          onClose={() => setRestoring(false)}
          onRestored={() => {
            setRestoring(false);
            if (onRestored) onRestored();
            else void backupRestored().catch(() => undefined);
          }}
        />
      )}
    </section>
  );
}
