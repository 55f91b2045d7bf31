/**
 * The one shell of the export/import dialogs (Exchange…, REFI-QDA project (.qdpx)…): title and
 * hint, an export part (which documents, the export button, what was written), then the import
 * part (its options, a file button), the error, what the import did, and Close.
 */
import { useRef, type ReactNode } from 'react';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Modal } from '../../app/Modal';
import { DocumentScope, type ScopeValue } from './DocumentScope';
import { useExportStrings } from './strings';

export interface ExportPart {
  scopeName: string;
  scope: ScopeValue;
  onScope: (next: ScopeValue) => void;
  currentDocumentId: string | undefined;
  label: string;
  testId: string;
  running: boolean;
  onExport: () => void;
  /** what the last export wrote (a status line) */
  done: ReactNode;
}

export interface ImportPart {
  /** choices read before the file is picked */
  options?: ReactNode;
  accept: string;
  inputTestId: string;
  buttonTestId: string;
  label: string;
  runningLabel: string;
  running: boolean;
  /** the file picked; the picker is cleared once this settles, so the same file can be picked again */
  onFile: (file: File) => Promise<void>;
}

export function TransferDialog({
  title,
  hint,
  testId,
  exportPart,
  importPart,
  busy,
  error,
  children,
  onClose,
}: {
  title: string;
  hint: string;
  testId?: string;
  exportPart: ExportPart | null;
  importPart: ImportPart;
  /** any part at work: every button waits */
  busy: boolean;
  error: string | null;
  /** after the error: progress, the import's report, its confirmation */
  children?: ReactNode;
  onClose: () => void;
}) {
  const x = useExportStrings();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Modal label={title} onClose={onClose} className="export-dialog">
      <div className="export-form" data-testid={testId}>
        <h2>{title}</h2>
        <p className="meta">{hint}</p>
        {exportPart && (
          <>
            <DocumentScope
              name={exportPart.scopeName}
              value={exportPart.scope}
              onChange={exportPart.onScope}
              currentDocumentId={exportPart.currentDocumentId}
            />
            <div className="actions export-start">
              <button type="button" onClick={exportPart.onExport} disabled={busy} data-testid={exportPart.testId}>
                {exportPart.running ? x.exporting : exportPart.label}
              </button>
            </div>
            {exportPart.done && <p role="status">{exportPart.done}</p>}
            <hr />
          </>
        )}
        {importPart.options}
        <input
          ref={input}
          type="file"
          accept={importPart.accept}
          hidden
          data-testid={importPart.inputTestId}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void importPart.onFile(file).finally(() => {
              if (input.current) input.current.value = '';
            });
          }}
        />
        <div className="actions export-start">
          <button
            type="button"
            onClick={() => input.current?.click()}
            disabled={busy}
            data-testid={importPart.buttonTestId}
          >
            {importPart.running ? importPart.runningLabel : importPart.label}
          </button>
        </div>
        <ErrorAlert message={error} />
        {children}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {x.close}
          </button>
        </div>
      </div>
    </Modal>
  );
}
