/**
 * "Restore from backup…": the snapshots Hashiya keeps in the project's backups/ folder, newest
 * first, for one document (documentId) or for the project settings and codebook (null). Without
 * a documentId the researcher first picks the file: the settings, a document of the project, or
 * a document no longer in it. Restoring first backs up the current file, so it can be undone.
 */
import { useEffect, useState } from 'react';
import type { BackupInfo } from '@shared/api/project';
import { api, errorMessage } from '../../api/client';
import { Modal } from '../../app/Modal';
import './projectUi.css';
import { useProjectStrings } from './strings';
import { ErrorAlert } from '../../app/ErrorAlert';

export interface RestoreBackupDialogProps {
  documentId?: string | null;
  onClose: () => void;
  /** called after a restore succeeded (reload what is on screen) */
  onRestored: (restored: BackupInfo) => void;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString();
}

function kilobytes(size: number): string {
  return `${Math.max(1, Math.round(size / 1024))} KB`;
}

interface FileChoice {
  value: string;
  label: string;
}

const SETTINGS = '';

export function RestoreBackupDialog({ documentId, onClose, onRestored }: RestoreBackupDialogProps) {
  const [choices, setChoices] = useState<FileChoice[] | null>(null);
  const [picked, setPicked] = useState<string>(documentId ?? SETTINGS);
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useProjectStrings();
  const target = documentId !== undefined ? documentId : picked === SETTINGS ? null : picked;

  // the files to choose from (only when the caller did not name one)
  useEffect(() => {
    if (documentId !== undefined) return;
    let live = true;
    Promise.all([api['documents.list']({}), api['backups.list']({})])
      .then(([docs, loose]) => {
        if (!live) return;
        const gone = new Map<string, string>();
        for (const b of loose) if (b.documentId && !b.inProject) gone.set(b.documentId, b.title);
        setChoices([
          { value: SETTINGS, label: t.settingsFile },
          ...[...docs].sort((a, b) => a.title.localeCompare(b.title)).map((d) => ({ value: d.id, label: d.title })),
          ...[...gone].map(([value, title]) => ({ value, label: `${title}${t.notInProject}` })),
        ]);
      })
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [documentId, t]);

  useEffect(() => {
    let live = true;
    setBackups(null);
    setConfirm(null);
    api['backups.list']({ documentId: target })
      .then((list) => live && setBackups(list))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [target]);

  const restore = async (backup: BackupInfo) => {
    setBusy(true);
    setError(null);
    try {
      await api['backups.restore']({ documentId: backup.documentId, name: backup.name });
      onRestored(backup);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Modal label={t.restoreTitle} onClose={onClose}>
      <div className="project-panel">
        <h2>{t.restoreTitle}</h2>
        <p className="hint">{t.restoreHint}</p>
        {documentId === undefined && choices && (
          <label>
            {t.file}
            <select value={picked} onChange={(e) => setPicked(e.target.value)} dir="auto">
              {choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {backups === null && !error && <p>{t.loading}</p>}
        {backups && backups.length === 0 && <p className="empty">{t.noBackups}</p>}
        {backups && backups.length > 0 && !confirm && (
          <table className="backup-list">
            <thead>
              <tr>
                <th>{t.file}</th>
                <th>{t.saved}</th>
                <th className="num">{t.annotations}</th>
                <th className="num">{t.size}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={`${b.documentId ?? 'project'}/${b.name}`}>
                  <td dir="auto">
                    {b.documentId === null ? t.settingsFile : b.title}
                    {!b.inProject && t.notInProject}
                  </td>
                  <td>{when(b.createdAt)}</td>
                  <td className="num">{b.annotationCount ?? '–'}</td>
                  <td className="num">{kilobytes(b.size)}</td>
                  <td>
                    <button type="button" onClick={() => setConfirm(b)}>
                      {t.restoreRow}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {confirm && (
          <div role="group" aria-label={t.confirmGroup}>
            <p>
              {t.confirmBefore}
              <bdi>{confirm.documentId === null ? t.settingsFile : confirm.title}</bdi>
              {t.confirmFrom}
              <bdi>{when(confirm.createdAt)}</bdi>
              {t.confirmAfter}
              {confirm.annotationCount !== null && t.holds(confirm.annotationCount)}
              {t.replaced}
            </p>
            <div className="row">
              <button type="button" className="primary" disabled={busy} onClick={() => void restore(confirm)}>
                {t.restoreThis}
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirm(null)}>
                {t.back}
              </button>
            </div>
          </div>
        )}
        <ErrorAlert message={error} />
        <div className="row">
          <button type="button" onClick={onClose}>
            {t.close}
          </button>
        </div>
      </div>
    </Modal>
  );
}
