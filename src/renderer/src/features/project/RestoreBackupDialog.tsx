/**
 * "Restore from backup…": the snapshots Hashiya keeps in the project's backups/ folder, newest
 * first, for one document (documentId) or for the project settings and codebook (null). Without
 * a documentId the researcher first picks the file: the settings, a document of the project, or
 * a document no longer in it. Restoring first backs up the current file, so it can be undone.
 */
import { useEffect, useState } from 'react';
import type { BackupInfo } from '@shared/api/project';
import { api, errorMessage } from '../../api/client';
import { DocumentPicker } from '../../app/DocumentPicker';
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

interface GoneDocument {
  id: string;
  title: string;
}

/** Whose backups are listed, when the caller did not name the file. */
type FileKind = 'settings' | 'document' | 'gone';

export function RestoreBackupDialog({ documentId, onClose, onRestored }: RestoreBackupDialogProps) {
  const [kind, setKind] = useState<FileKind>('settings');
  // a document of the project is found in the picker (a project may hold 100,000 of them)
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [gone, setGone] = useState<GoneDocument[]>([]);
  const [goneId, setGoneId] = useState('');
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const t = useProjectStrings();
  // null: the settings; undefined: no file chosen yet
  const target: string | null | undefined =
    documentId !== undefined
      ? documentId
      : kind === 'settings'
        ? null
        : kind === 'document'
          ? [...chosen][0]
          : goneId || undefined;

  // the documents no longer in the project that left backups (only when the caller named no file)
  useEffect(() => {
    if (documentId !== undefined) return;
    let live = true;
    api['backups.list']({})
      .then((loose) => {
        if (!live) return;
        const byId = new Map<string, string>();
        for (const b of loose) if (b.documentId && !b.inProject) byId.set(b.documentId, b.title);
        setGone([...byId].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title)));
      })
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [documentId]);

  useEffect(() => {
    setBackups(null);
    setConfirm(null);
    if (target === undefined) return;
    let live = true;
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

  // the files to choose from; documents no longer in the project only when one left backups
  const kinds: Array<[FileKind, string]> = [
    ['settings', t.settingsFile],
    ['document', t.aDocument],
    ...(gone.length > 0 ? [['gone', t.aGoneDocument] as [FileKind, string]] : []),
  ];

  return (
    <Modal label={t.restoreTitle} onClose={onClose}>
      <div className="project-panel">
        <h2>{t.restoreTitle}</h2>
        <p className="hint">{t.restoreHint}</p>
        {documentId === undefined && (
          <fieldset className="restore-file" data-testid="restore-file">
            <legend>{t.file}</legend>
            {kinds.map(([value, label]) => (
              <label key={value}>
                <input type="radio" name="restore-file" checked={kind === value} onChange={() => setKind(value)} />
                {label}
              </label>
            ))}
          </fieldset>
        )}
        {documentId === undefined && kind === 'document' && (
          <DocumentPicker legend={t.aDocument} chosen={chosen} onChange={setChosen} testId="restore-document" single />
        )}
        {documentId === undefined && kind === 'gone' && (
          <label>
            {t.aGoneDocument}{' '}
            <select value={goneId} onChange={(e) => setGoneId(e.target.value)} dir="auto" data-testid="restore-gone">
              <option value="" />
              {gone.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </select>
          </label>
        )}
        {target === undefined && <p className="hint">{t.pickDocument}</p>}
        {target !== undefined && backups === null && !error && <p>{t.loading}</p>}
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
