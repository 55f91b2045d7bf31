/** The Import… dialog: a file picker for many files, a progress bar while they go in, the summary after. */
import { useRef } from 'react';
import { Modal } from '../../app/Modal';
import { ImportSummary } from './ImportSummary';
import type { ImportOutcome, Progress } from './importQueue';
import { useImportStrings } from './strings';

export const ACCEPT =
  '.txt,.text,.md,.html,.htm,.xhtml,.docx,.pdf,.mhtml,.mht,.rtf,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/pdf,multipart/related,application/rtf,text/rtf';

export interface ImportDialogProps {
  running: boolean;
  progress: Progress | null;
  outcomes: ImportOutcome[];
  stopped: boolean;
  onFiles: (files: File[]) => void;
  onStop: () => void;
  onOpen: (documentId: string) => void;
  onResolve: (index: number, next: ImportOutcome) => void;
  onClose: () => void;
  onPaste: () => void;
  /** open the REFI-QDA project import */
  onQdpx: () => void;
  /** preview every file before it is imported (a file of several articles always is) */
  reviewAll: boolean;
  onReviewAll: (value: boolean) => void;
}

export function ImportDialog(props: ImportDialogProps) {
  const it = useImportStrings();
  const input = useRef<HTMLInputElement>(null);
  const { running, progress, outcomes } = props;
  return (
    <Modal label={it.importTitle} onClose={running ? props.onStop : props.onClose} className="import-dialog">
      <h2>{it.importTitle}</h2>
      <p className="meta">{it.importHint}</p>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        data-testid="import-file-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = '';
          if (files.length > 0) props.onFiles(files);
        }}
      />
      <div className="actions import-pick">
        <button type="button" className="primary" disabled={running} onClick={() => input.current?.click()}>
          {it.chooseFiles}
        </button>
        <button type="button" disabled={running} onClick={props.onPaste} data-testid="paste-button">
          {it.pasteButton}
        </button>
        <button type="button" disabled={running} onClick={props.onQdpx} data-testid="import-qdpx-button">
          {it.qdpxButton}
        </button>
      </div>
      <label className="import-review-option">
        <input
          type="checkbox"
          checked={props.reviewAll}
          disabled={running}
          onChange={(e) => props.onReviewAll(e.currentTarget.checked)}
          data-testid="review-all"
        />{' '}
        {it.reviewOption}
      </label>
      {progress && running && (
        <div className="import-progress" role="status" aria-live="polite">
          <progress max={progress.total} value={progress.done} aria-label={it.importing} />
          <span>
            {it.importing} {Math.min(progress.done + 1, progress.total)} {it.of} {progress.total}
            {progress.current && (
              <>
                : <bdi>{progress.current}</bdi>
              </>
            )}
          </span>
        </div>
      )}
      {outcomes.length > 0 && <ImportSummary outcomes={outcomes} onOpen={props.onOpen} onResolve={props.onResolve} />}
      {props.stopped && !running && <p className="meta">{it.stopped}</p>}
      <div className="actions">
        {running ? (
          <button type="button" onClick={props.onStop}>
            {it.stop}
          </button>
        ) : (
          <button type="button" onClick={props.onClose}>
            {it.close}
          </button>
        )}
      </div>
    </Modal>
  );
}
