/** "Paste text as a new document": a text area and an optional title, through documents.importText. */
import { useState, type FormEvent } from 'react';
import type { DocumentImportResult } from '@shared/api/documents';
import { AppError } from '@shared/errors';
import { api, errorMessage } from '../../api/client';
import { Modal } from '../../app/Modal';
import { QuotedText } from './QuotedText';
import { useImportStrings } from './strings';
import { ErrorAlert } from '../../app/ErrorAlert';

export interface PasteTextDialogProps {
  onImported: (result: DocumentImportResult) => void;
  onOpen: (documentId: string) => void;
  onClose: () => void;
}

export function PasteTextDialog({ onImported, onOpen, onClose }: PasteTextDialogProps) {
  const it = useImportStrings();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [result, setResult] = useState<DocumentImportResult | null>(null);

  const send = async (allowDuplicate: boolean) => {
    if (text.trim() === '') return setError(it.empty);
    setBusy(true);
    setError(null);
    setDuplicate(null);
    try {
      const imported = await api['documents.importText']({
        text,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(allowDuplicate ? { allowDuplicate } : {}),
      });
      setResult(imported);
      onImported(imported);
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict') setDuplicate(err.message);
      else setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };

  return (
    <Modal label={it.pasteTitle} onClose={onClose} className="import-dialog">
      <h2>{it.pasteTitle}</h2>
      {result ? (
        <>
          <p>
            {it.imported}:{' '}
            <button type="button" className="link" dir="auto" onClick={() => onOpen(result.document.id)}>
              {result.document.title}
            </button>
          </p>
          {result.warnings.length > 0 && (
            <ul className="import-warnings">
              {result.warnings.map((w, i) => (
                <li key={i}>
                  <QuotedText text={w.message} />
                </li>
              ))}
            </ul>
          )}
          <div className="actions">
            <button type="button" onClick={onClose}>
              {it.close}
            </button>
          </div>
        </>
      ) : (
        <form className="name-form" onSubmit={submit}>
          <label>
            {it.pasteTitleField}
            <input value={title} dir="auto" maxLength={1000} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            {it.pasteText}
            <textarea
              value={text}
              dir="auto"
              rows={12}
              className="paste-text"
              onChange={(e) => setText(e.target.value)}
              autoFocus
            />
          </label>
          <ErrorAlert message={error} />
          {duplicate && (
            <div role="alert">
              <p>
                <QuotedText text={duplicate} />
              </p>
              <div className="actions">
                <button type="button" onClick={() => void send(true)} disabled={busy}>
                  {it.importAnyway}
                </button>
              </div>
            </div>
          )}
          <div className="actions">
            <button type="button" onClick={onClose}>
              {it.cancel}
            </button>
            <button type="submit" className="primary" disabled={busy || text.trim() === ''}>
              {it.pasteSubmit}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
