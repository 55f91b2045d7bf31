/**
 * REFI-QDA project (.qdpx): export documents, code tree, codings and coders for ATLAS.ti, MAXQDA,
 * NVivo or QualCoder; import a .qdpx (for example one QualCoder wrote) as documents, codes and
 * each coder's layer. An import is first a dry run: its report says what would change, and only
 * "Import" writes.
 */
import { useEffect, useRef, useState } from 'react';
import type { QdpxImportReport } from '@shared/api/qdpx';
import { useImportError } from '../coders';
import { api, errorMessage } from '../../api/client';
import { downloadFile, fromBase64 } from '../../app/download';
import { documentIdsFor, type ScopeValue } from './DocumentScope';
import { QdpxReport } from './QdpxReport';
import { TransferDialog } from './TransferDialog';
import { useExportStrings } from './strings';

/** base64 of a file's bytes (FileReader's data URL: native, and no argument-stack limit). */
function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export function QdpxDialog({
  currentDocumentId,
  importOnly = false,
  initialFile,
  onImported,
  onClose,
}: {
  currentDocumentId?: string | undefined;
  /** opened from the import picker: only the import part */
  importOnly?: boolean;
  /** a .qdpx chosen or dropped in the import picker: checked at once */
  initialFile?: File | undefined;
  onImported: (documentIds: string[]) => void;
  onClose: () => void;
}) {
  const x = useExportStrings();
  const [scope, setScope] = useState<ScopeValue>({ scope: 'all', selected: new Set() });
  const [busy, setBusy] = useState<'export' | 'check' | 'import' | null>(null);
  const [exported, setExported] = useState<{ codings: number; fileName: string } | null>(null);
  const [pending, setPending] = useState<{ fileName: string; data: string } | null>(null);
  const [report, setReport] = useState<QdpxImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const importError = useImportError();

  const exportQdpx = async () => {
    const documentIds = documentIdsFor(scope, currentDocumentId);
    if (documentIds === null) return setError(x.chooseAtLeastOne);
    setBusy('export');
    setError(null);
    try {
      const out = await api['export.qdpx'](documentIds ? { documentIds } : {});
      downloadFile(out.fileName, fromBase64(out.data), 'application/zip');
      setExported({ codings: out.codings, fileName: out.fileName });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const check = async (file: File) => {
    setBusy('check');
    setError(null);
    setReport(null);
    setPending(null);
    try {
      const data = await fileToBase64(file);
      const r = await api['import.qdpx']({ fileName: file.name, data, dryRun: true });
      setReport(r);
      setPending({ fileName: file.name, data });
    } catch (err) {
      setError(importError(err));
    } finally {
      setBusy(null);
    }
  };

  const commit = async () => {
    if (!pending) return;
    setBusy('import');
    setError(null);
    try {
      const r = await api['import.qdpx']({ ...pending, dryRun: false });
      setReport(r);
      setPending(null);
      onImported(r.documents.flatMap((d) => (d.documentId ? [d.documentId] : [])));
    } catch (err) {
      setError(importError(err));
    } finally {
      setBusy(null);
    }
  };

  const started = useRef(false);
  useEffect(() => {
    if (!initialFile || started.current) return;
    started.current = true;
    void check(initialFile);
    // once, for the file the picker handed over (check reads the words of the interface language)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialFile]);

  return (
    <TransferDialog
      title={x.qdpxTitle}
      hint={x.qdpxHint}
      testId="qdpx-dialog"
      busy={busy !== null}
      error={error}
      onClose={onClose}
      exportPart={
        importOnly
          ? null
          : {
              scopeName: 'qdpx-scope',
              scope,
              onScope: setScope,
              currentDocumentId,
              label: x.qdpxExport,
              testId: 'qdpx-export',
              running: busy === 'export',
              onExport: () => void exportQdpx(),
              done: exported && (
                <>
                  {x.qdpxExportedCodings(exported.codings)} <span dir="ltr">{exported.fileName}</span>
                </>
              ),
            }
      }
      importPart={{
        accept: '.qdpx,application/zip',
        inputTestId: 'qdpx-import-input',
        buttonTestId: 'qdpx-import',
        label: x.qdpxImport,
        runningLabel: x.qdpxChecking,
        running: busy === 'check',
        onFile: check,
      }}
    >
      {report && <QdpxReport report={report} />}
      {pending && report?.dryRun && (
        <div className="actions export-start">
          <button
            type="button"
            className="primary"
            onClick={() => void commit()}
            disabled={busy !== null || (report.imported === 0 && !report.documents.some((d) => d.status === 'new'))}
            data-testid="qdpx-import-confirm"
          >
            {busy === 'import' ? x.importing : x.qdpxConfirm}
          </button>
          <button type="button" onClick={() => (setPending(null), setReport(null))} disabled={busy !== null}>
            {x.cancel}
          </button>
        </div>
      )}
    </TransferDialog>
  );
}
