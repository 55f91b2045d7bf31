/**
 * Export for the top bar: Export CSV…, Exchange… (W3C Web Annotation export and import) and
 * REFI-QDA project (.qdpx)… (export and import).
 * Mount once: <ExportControls currentDocumentId={route.view === 'reader' ? route.documentId : undefined} />
 */
import { useState } from 'react';
import { useApp } from '../../app/AppContext';
import { emitAppEvent, useAppEvent } from '../../app/appEvents';
import { CsvExportDialog } from './CsvExportDialog';
import { ExchangeDialog } from './ExchangeDialog';
import { QdpxDialog } from './QdpxDialog';
import { announceAnnotationsImported } from './events';
import { useExportStrings } from './strings';
import './export.css';

export function ExportControls({ currentDocumentId }: { currentDocumentId?: string | undefined }) {
  const app = useApp();
  const x = useExportStrings();
  const [dialog, setDialog] = useState<'none' | 'csv' | 'exchange' | 'qdpx'>('none');
  // File ▸ Export CSV… (Ctrl/Cmd+E) in the desktop app's menu
  useAppEvent('menu.command', ({ command }) => {
    if (command === 'export-csv') setDialog('csv');
  });
  const imported = (documentIds: string[]) => {
    emitAppEvent('documents.changed', { documentIds });
    announceAnnotationsImported(documentIds);
    void app.reloadInfo().catch(() => undefined);
    void app.reloadCodebook().catch(() => undefined);
  };
  return (
    <>
      <span className="export-controls">
        <button type="button" onClick={() => setDialog('csv')} data-testid="export-csv-button">
          {x.exportCsvButton}
        </button>
        <button type="button" onClick={() => setDialog('exchange')} data-testid="exchange-button">
          {x.exchangeButton}
        </button>
        <button type="button" onClick={() => setDialog('qdpx')} data-testid="qdpx-button">
          {x.qdpxButton}
        </button>
      </span>
      {dialog === 'csv' && <CsvExportDialog currentDocumentId={currentDocumentId} onClose={() => setDialog('none')} />}
      {dialog === 'exchange' && (
        <ExchangeDialog currentDocumentId={currentDocumentId} onImported={imported} onClose={() => setDialog('none')} />
      )}
      {dialog === 'qdpx' && (
        <QdpxDialog currentDocumentId={currentDocumentId} onImported={imported} onClose={() => setDialog('none')} />
      )}
    </>
  );
}
