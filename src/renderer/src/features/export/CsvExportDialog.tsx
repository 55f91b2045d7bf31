/** Export CSV…: choose the documents and the row layout, then download the file (and the texts). */
import { useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../api/client';
import { Modal } from '../../app/Modal';
import { DocumentScope, documentIdsFor, type ScopeValue } from './DocumentScope';
import { downloadFile, fromBase64 } from '../../app/download';
import { useExportStrings } from './strings';
import { ErrorAlert } from '../../app/ErrorAlert';
import { CsvColumnGuide } from './CsvColumnGuide';

export function CsvExportDialog({
  currentDocumentId,
  onClose,
}: {
  currentDocumentId: string | undefined;
  onClose: () => void;
}) {
  const x = useExportStrings();
  const [scope, setScope] = useState<ScopeValue>({ scope: currentDocumentId ? 'current' : 'all', selected: new Set() });
  const [rowPer, setRowPer] = useState<'code' | 'annotation'>('code');
  const [texts, setTexts] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ rows: number; fileName: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const documentIds = documentIdsFor(scope, currentDocumentId);
    if (documentIds === null) return setError(x.chooseAtLeastOne);
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const input = { ...(documentIds ? { documentIds } : {}), rowPer };
      if (texts) {
        // one .zip: the CSV, texts/<document_id>.txt, the W3C JSON-LD and a README
        const out = await api['export.bundle'](input);
        downloadFile(out.fileName, fromBase64(out.data), 'application/zip');
        setDone({ rows: out.rows, fileName: out.fileName });
      } else {
        const out = await api['export.csv'](input);
        downloadFile(out.fileName, out.csv, 'text/csv');
        setDone({ rows: out.rows, fileName: out.fileName });
      }
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal label={x.csvTitle} onClose={onClose} className="export-dialog">
      <form className="export-form" onSubmit={(e) => void submit(e)}>
        <h2>{x.csvTitle}</h2>
        <p className="meta">{x.csvHint}</p>
        <CsvColumnGuide />
        <DocumentScope name="csv-scope" value={scope} onChange={setScope} currentDocumentId={currentDocumentId} />
        <fieldset className="export-fieldset">
          <legend>{x.rows}</legend>
          <label className="export-choice">
            <input type="radio" name="csv-rows" checked={rowPer === 'code'} onChange={() => setRowPer('code')} />
            {x.rowPerCode}
          </label>
          <label className="export-choice">
            <input
              type="radio"
              name="csv-rows"
              checked={rowPer === 'annotation'}
              onChange={() => setRowPer('annotation')}
            />
            {x.rowPerAnnotation}
          </label>
        </fieldset>
        <label className="export-choice">
          <input type="checkbox" checked={texts} onChange={(e) => setTexts(e.target.checked)} />
          {x.includeTexts}
        </label>
        <ErrorAlert message={error} />
        {done && (
          <p role="status" data-testid="csv-export-done">
            {x.exportedRows(done.rows)} <span dir="ltr">{done.fileName}</span>
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {x.close}
          </button>
          <button type="submit" className="primary" disabled={busy} data-testid="csv-export-submit">
            {busy ? x.exporting : x.exportCsv}
          </button>
        </div>
      </form>
    </Modal>
  );
}
