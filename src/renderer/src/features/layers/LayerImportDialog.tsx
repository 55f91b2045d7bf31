/**
 * Import a colleague’s work…: choose their project folder, bundle or W3C file, read the dry run's
 * report, then confirm; the caller shows the undo toast. A file is read here (browser mode cannot
 * reach the server's disk through a file input); a folder is given by its path (typed, or in the
 * desktop app chosen in the system's dialog).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import type { LayerImportReport, LayerSource } from '@shared/api/layers';
import { useImportError } from '../coders';
import { api, errorMessage, transport } from '../../api/client';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Modal } from '../../app/Modal';
import { LayerReport } from './LayerReport';
import { useLayerStrings } from './strings';

type Kind = LayerSource['kind'];

/** base64 of a file, read by the browser (no string of every byte built by hand) */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

async function sourceOf(kind: Kind, folder: string, file: File | null): Promise<LayerSource | null> {
  if (kind === 'folder') return folder.trim() ? { kind, path: folder.trim() } : null;
  if (!file) return null;
  if (kind === 'bundle') return { kind, fileName: file.name, data: await base64Of(file) };
  return { kind, fileName: file.name, json: await file.text() };
}

export function LayerImportDialog({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: (report: LayerImportReport) => void;
}) {
  const w = useLayerStrings();
  const [kind, setKind] = useState<Kind>('bundle');
  const [folder, setFolder] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);
  const [checked, setChecked] = useState<{ source: LayerSource; report: LayerImportReport } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const importError = useImportError();
  const fileInput = useRef<HTMLInputElement>(null);
  const fileId = useId();

  const reset = () => {
    setChecked(null);
    setError(null);
  };

  const check = async (e?: FormEvent) => {
    e?.preventDefault();
    setError(null);
    setChecked(null);
    setBusy('check');
    try {
      const source = await sourceOf(kind, folder, file);
      if (!source) return setError(kind === 'folder' ? w.noPath : w.noFile);
      const report = await api['layers.import']({ source, dryRun: true });
      setChecked({ source, report });
    } catch (err) {
      setError(importError(err));
    } finally {
      setBusy(null);
    }
  };

  const confirm = async () => {
    if (!checked) return;
    setError(null);
    setBusy('import');
    try {
      const report = await api['layers.import']({ source: checked.source, dryRun: false });
      onImported(report);
    } catch (err) {
      setError(importError(err));
      setBusy(null);
    }
  };

  const chooseFolder = async () => {
    try {
      const { path } = await api['project.pickFolder']({ purpose: 'open' });
      if (path) {
        setFolder(path);
        reset();
      }
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const kinds: Array<[Kind, string]> = [
    ['folder', w.kindFolder],
    ['bundle', w.kindBundle],
    ['w3c', w.kindW3c],
  ];
  const adding = checked?.report.counts.added ?? 0;
  return (
    <Modal label={w.title} onClose={onClose} className="layers-dialog">
      <form className="layers-form" onSubmit={(e) => void check(e)}>
        <h2>{w.title}</h2>
        <p className="meta">{w.hint}</p>
        <fieldset className="layers-fieldset">
          <legend>{w.sourceKind}</legend>
          {kinds.map(([k, label]) => (
            <label key={k} className="layers-choice">
              <input
                type="radio"
                name="layers-kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  setFile(null);
                  reset();
                }}
              />
              {label}
            </label>
          ))}
        </fieldset>
        {kind === 'folder' ? (
          <div className="layers-row">
            <label>
              {w.folderPath}
              <input
                type="text"
                dir="ltr"
                value={folder}
                onChange={(e) => {
                  setFolder(e.target.value);
                  reset();
                }}
                data-testid="layers-folder"
              />
            </label>
            {transport === 'ipc' && (
              <button type="button" onClick={() => void chooseFolder()}>
                {w.chooseFolder}
              </button>
            )}
          </div>
        ) : (
          // the browser's own file input names its button in the browser's language ("Choose File"):
          // a button in the interface's words opens the hidden input instead
          <div className="layers-row layers-file" role="group" aria-labelledby={`${fileId}-label`}>
            <span id={`${fileId}-label`}>{w.file}</span>
            <button
              type="button"
              onClick={() => fileInput.current?.click()}
              aria-describedby={`${fileId}-name`}
              data-testid="layers-choose-file"
            >
              {w.chooseFile}
            </button>
            <span id={`${fileId}-name`} className="layers-file-name" dir="auto" data-testid="layers-file-name">
              {file ? file.name : w.noFileChosen}
            </span>
            <input
              key={kind}
              ref={fileInput}
              type="file"
              hidden
              accept={kind === 'bundle' ? '.zip,application/zip' : '.jsonld,.json,application/ld+json,application/json'}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                reset();
              }}
              data-testid="layers-file"
            />
          </div>
        )}
        <div className="actions">
          <button type="submit" disabled={busy !== null} data-testid="layers-check">
            {w.check}
          </button>
        </div>
        {busy && (
          <p role="status" className="layers-progress">
            <label>
              {busy === 'check' ? w.checking : w.importing(adding)} <progress />
            </label>
          </p>
        )}
        <ErrorAlert message={error} />
        {checked && <LayerReport report={checked.report} />}
        <div className="actions">
          {checked && adding === 0 && <p role="status">{w.nothingToImport}</p>}
          {checked && adding > 0 && (
            <button type="button" onClick={() => void confirm()} disabled={busy !== null} data-testid="layers-confirm">
              {w.confirm(adding)}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {w.close}
          </button>
        </div>
      </form>
    </Modal>
  );
}
