/**
 * Export for the top bar: the Export CSV… button, and the dialogs of Exchange… (W3C Web Annotation
 * export and import) and REFI-QDA project (.qdpx)… (export and import), which the top bar's More
 * menu opens (openTool('exchange'), openTool('qdpx')).
 * Mount once: <ExportControls currentDocumentId={route.view === 'reader' ? route.documentId : undefined} />
 */
import { useState } from 'react';
import { useApp } from '../../app/AppContext';
import { emitAppEvent, useAppEvent } from '../../app/appEvents';
import { useToolRequest } from '../../app/tools';
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
  useToolRequest('exchange', () => setDialog('exchange'));
  useToolRequest('qdpx', () => setDialog('qdpx'));
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
