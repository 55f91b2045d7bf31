/**
 * "Restore from backup…": the snapshots Hashiya keeps in the project's backups/ folder, newest
 * first, for one document (documentId) or for the project settings and codebook (null). Without
 * a documentId the researcher first picks the file: the settings, a document of the project, or
 * a document no longer in it. Restoring first backs up the current file, so it can be undone.
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
          { value: SETTINGS, label: 'Project settings and codebook' },
          ...[...docs].sort((a, b) => a.title.localeCompare(b.title)).map((d) => ({ value: d.id, label: d.title })),
          ...[...gone].map(([value, title]) => ({ value, label: `${title} (no longer in the project)` })),
        ]);
      })
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [documentId]);

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
    <Modal label="Restore from backup" onClose={onClose}>
      <div className="project-panel">
        <h2>Restore from backup</h2>
        <p className="hint">Hashiya keeps recent copies of each file. Restoring puts a copy back in place; the current file is kept as a backup too.</p>
        {documentId === undefined && choices && (
          <label>
            File
            <select value={picked} onChange={(e) => setPicked(e.target.value)} dir="auto">
              {choices.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        )}
        {backups === null && !error && <p>Loading…</p>}
        {backups && backups.length === 0 && <p className="empty">There are no backups of this file yet.</p>}
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
            <p>
              Put the copy of “<bdi>{confirm.title}</bdi>” from {when(confirm.createdAt)} back in place?
              {confirm.annotationCount !== null && ` It holds ${confirm.annotationCount} annotation${confirm.annotationCount === 1 ? '' : 's'}.`} Changes made since
              then will be replaced (the current file is kept as a backup).
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
