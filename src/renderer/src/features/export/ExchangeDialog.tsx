/** Exchange…: export annotations as W3C JSON-LD, or merge a colleague's file into the project. */
import { useState } from 'react';
import type { AnnotationImportResult } from '@shared/api/exchange';
import { useImportError } from '../coders';
import { api, errorMessage } from '../../api/client';
import { documentIdsFor, type ScopeValue } from './DocumentScope';
import { downloadFile } from '../../app/download';
import { AnnotationImportSummary } from './AnnotationImportSummary';
import { useExportStrings } from './strings';
import { TransferDialog } from './TransferDialog';
import { BatchedImportError, importInBatches } from '@shared/exchange/batchedImport';

export function ExchangeDialog({
  currentDocumentId,
  onImported,
  onClose,
}: {
  currentDocumentId: string | undefined;
  onImported: (documentIds: string[]) => void;
  onClose: () => void;
}) {
  const x = useExportStrings();
  const [scope, setScope] = useState<ScopeValue>({ scope: 'all', selected: new Set() });
  const [unknownCodes, setUnknownCodes] = useState<'create' | 'orphan'>('create');
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [exported, setExported] = useState<{ count: number; fileName: string } | null>(null);
  const [result, setResult] = useState<AnnotationImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const importError = useImportError();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);

  const exportW3c = async () => {
    const documentIds = documentIdsFor(scope, currentDocumentId);
    if (documentIds === null) return setError(x.chooseAtLeastOne);
    setBusy('export');
    setError(null);
    try {
      const out = await api['export.annotations'](documentIds ? { documentIds } : {});
      downloadFile(out.fileName, out.json, 'application/ld+json');
      setExported({ count: out.count, fileName: out.fileName });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const importFile = async (file: File) => {
    setBusy('import');
    setError(null);
    setResult(null);
    setProgress(null);
    try {
      // read and split here: a file of any size goes in batches, each one an ordinary merge
      const json = await file.text();
      const r = await importInBatches(
        json,
        (batch) => api['import.annotations']({ json: batch.json, firstIndex: batch.firstIndex, unknownCodes }),
        { onProgress: (done, total) => setProgress({ done, total }) },
      );
      setResult(r);
      if (r.imported > 0) onImported(r.documents.map((d) => d.id));
    } catch (err) {
      if (err instanceof BatchedImportError) {
        setError(
          `${importError(err.reason)} ${x.importStopped} (${err.done.toLocaleString()} / ${err.total.toLocaleString()})`,
        );
        setResult(err.partial);
        if (err.partial.imported > 0) onImported(err.partial.documents.map((d) => d.id));
      } else setError(importError(err));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  return (
    <TransferDialog
      title={x.exchangeTitle}
      hint={x.exchangeHint}
      busy={busy !== null}
      error={error}
      onClose={onClose}
      exportPart={{
        scopeName: 'w3c-scope',
        scope,
        onScope: setScope,
        currentDocumentId,
        label: x.exportW3c,
        testId: 'w3c-export',
        running: busy === 'export',
        onExport: () => void exportW3c(),
        done: exported && (
          <>
            {x.exportedAnnotations(exported.count)} <span dir="ltr">{exported.fileName}</span>
          </>
        ),
      }}
      importPart={{
        options: (
          <fieldset className="export-fieldset">
            <legend>{x.unknownCodes}</legend>
            <label className="export-choice">
              <input
                type="radio"
                name="w3c-unknown"
                checked={unknownCodes === 'create'}
                onChange={() => setUnknownCodes('create')}
              />
              {x.unknownCreate}
            </label>
            <label className="export-choice">
              <input
                type="radio"
                name="w3c-unknown"
                checked={unknownCodes === 'orphan'}
                onChange={() => setUnknownCodes('orphan')}
              />
              {x.unknownOrphan}
            </label>
          </fieldset>
        ),
        accept: '.jsonld,.json,application/ld+json,application/json',
        inputTestId: 'w3c-import-input',
        buttonTestId: 'w3c-import',
        label: x.importW3c,
        runningLabel: x.importing,
        running: busy === 'import',
        onFile: importFile,
      }}
    >
      {progress && (
        <p role="status" data-testid="w3c-import-progress">
          <label>
            {x.importProgress} <progress max={progress.total} value={progress.done} />{' '}
            <span dir="ltr">
              {progress.done.toLocaleString()} / {progress.total.toLocaleString()}
            </span>
          </label>
        </p>
      )}
      {result && <AnnotationImportSummary result={result} />}
    </TransferDialog>
  );
}
