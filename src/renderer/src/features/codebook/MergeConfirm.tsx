/**
 * A merge asks first, saying how many annotations it changes; once done, a notice offers to undo
 * it (the service puts back exactly which annotations had which code or claimant).
 */
import { useState } from 'react';
import { Modal } from '../../app/Modal';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useMergeStrings } from './mergeStrings';
import './merge.css';

export function ConfirmMerge({
  title,
  message,
  error,
  onConfirm,
  onCancel,
}: {
  title: string;
  message: string;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const m = useMergeStrings();
  return (
    <Modal label={title} onClose={onCancel} className="cb-confirm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onConfirm();
        }}
      >
        <h2>{title}</h2>
        <p data-testid="merge-confirm-message">{message}</p>
        <p className="cb-hint">{m.undoHint}</p>
        <ErrorAlert message={error} />
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {m.cancel}
          </button>
          <button type="submit" className="primary" autoFocus>
            {m.confirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}

/** What was just merged, with an Undo button; `onUndo` answers an error message or null. */
export function UndoNotice({
  message,
  onUndo,
  onDismiss,
}: {
  message: string;
  onUndo: () => Promise<string | null>;
  onDismiss: () => void;
}) {
  const m = useMergeStrings();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="cb-undo" role="status" data-testid="merge-undo">
      <span>{message}</span>{' '}
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onUndo().then((failed) => {
            setError(failed);
            setBusy(false);
          });
        }}
      >
        {m.undo}
      </button>{' '}
      <button type="button" className="small" onClick={onDismiss}>
        {m.dismiss}
      </button>
      <ErrorAlert message={error} />
    </div>
  );
}
