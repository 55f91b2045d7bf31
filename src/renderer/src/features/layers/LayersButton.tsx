/**
 * The top bar's More ▸ "Import colleague’s work…" (openTool('layers')): the dialog, and after an import shows a
 * toast that says what was added, with Undo (layers.undoImport) until it is dismissed.
 */
import { lazy, Suspense, useState } from 'react';
import type { LayerImportReport } from '@shared/api/layers';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { emitAppEvent } from '../../app/appEvents';
import { useToolRequest } from '../../app/tools';
import { useLayerStrings } from './strings';
import './layers.css';

const LayerImportDialog = lazy(() => import('./LayerImportDialog').then((m) => ({ default: m.LayerImportDialog })));

type Toast = { kind: 'imported'; report: LayerImportReport } | { kind: 'text'; text: string };

export function LayersButton() {
  const w = useLayerStrings();
  const app = useApp();
  const [open, setOpen] = useState(false);
  const [toast, setToast] = useState<Toast | null>(null);
  const [undoing, setUndoing] = useState(false);
  useToolRequest('layers', () => setOpen(true));

  const changed = (documentIds: string[]) => {
    emitAppEvent('documents.changed', { documentIds });
    void app.reloadInfo().catch(() => undefined);
    void app.reloadCodebook().catch(() => undefined);
  };

  const imported = (report: LayerImportReport) => {
    setOpen(false);
    setToast({ kind: 'imported', report });
    changed(report.documents.flatMap((d) => (d.documentId && d.added > 0 ? [d.documentId] : [])));
  };

  const undo = async (undoId: string) => {
    setUndoing(true);
    try {
      const out = await api['layers.undoImport']({ undoId });
      setToast({ kind: 'text', text: w.undone(out.removed) });
      changed(out.documentIds);
    } catch (err) {
      setToast({ kind: 'text', text: errorMessage(err) });
    } finally {
      setUndoing(false);
    }
  };

  return (
    <>
      {open && (
        <Suspense fallback={null}>
          <LayerImportDialog onClose={() => setOpen(false)} onImported={imported} />
        </Suspense>
      )}
      {toast && (
        <div className="layers-toast" role="status" data-testid="layers-toast">
          <span>
            {toast.kind === 'text'
              ? toast.text
              : w.done(toast.report.counts.added, toast.report.coders.map((c) => c.name).join(', '))}
          </span>
          {toast.kind === 'imported' && toast.report.undoId && (
            <button
              type="button"
              disabled={undoing}
              onClick={() => void undo(toast.report.undoId as string)}
              data-testid="layers-undo"
            >
              {w.undo}
            </button>
          )}
          <button type="button" onClick={() => setToast(null)}>
            {w.dismiss}
          </button>
        </div>
      )}
    </>
  );
}
