/**
 * "Restore from backup…": the snapshots Hashiya keeps in the project's backups/ folder, newest
 * first, for one document (documentId), for the project settings and codebook (null), or for
 * everything (undefined). Restoring first backs up the current file, so it can be undone.
 */
import { useEffect, useState } from 'react';
import type { BackupInfo } from '../../../../shared/api/project';
import { api, errorMessage } from '../../api/client';
import { Modal } from '../../app/Modal';
import './projectUi.css';

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

export function RestoreBackupDialog({ documentId, onClose, onRestored }: RestoreBackupDialogProps) {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api['backups.list'](documentId === undefined ? {} : { documentId })
      .then((list) => live && setBackups(list))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [documentId]);

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
    <Modal label="Restore from backup" onClose={onClose}>
      <div className="project-panel">
        <h2>Restore from backup</h2>
        <p className="hint">Hashiya keeps recent copies of each file. Restoring puts a copy back in place; the current file is kept as a backup too.</p>
        {backups === null && !error && <p>Loading…</p>}
        {backups && backups.length === 0 && <p className="empty">There are no backups yet.</p>}
        {backups && backups.length > 0 && !confirm && (
          <table className="backup-list">
            <thead>
              <tr>
                <th>File</th>
                <th>Saved</th>
                <th className="num">Annotations</th>
                <th className="num">Size</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={`${b.documentId ?? 'project'}/${b.name}`}>
                  <td dir="auto">
                    {b.title}
                    {!b.inProject && ' (no longer in the project)'}
                  </td>
                  <td>{when(b.createdAt)}</td>
                  <td className="num">{b.annotationCount ?? '–'}</td>
                  <td className="num">{kilobytes(b.size)}</td>
                  <td>
                    <button type="button" onClick={() => setConfirm(b)}>
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {confirm && (
          <div role="group" aria-label="Confirm restore">
            <p dir="auto">
              Put the copy of “{confirm.title}” from {when(confirm.createdAt)} back in place?
              {confirm.annotationCount !== null && ` It holds ${confirm.annotationCount} annotations.`} Changes made since then will be replaced (the current
              file is kept as a backup).
            </p>
            <div className="row">
              <button type="button" className="primary" disabled={busy} onClick={() => void restore(confirm)}>
                Restore this copy
              </button>
              <button type="button" disabled={busy} onClick={() => setConfirm(null)}>
                Back
              </button>
            </div>
          </div>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="row">
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}
