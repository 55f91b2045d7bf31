/**
 * Everything import in one element for the top bar: the Import… button (Ctrl+O, File ▸ Import…),
 * its dialog with "Paste text…" inside, and drag-and-drop of files anywhere on the window (an
 * overlay says where they go).
 * File ▸ Import… of the desktop app's menu opens it too (`menu.command` import).
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { emitAppEvent, useAppEvent } from '../../app/appEvents';
import { QdpxDialog } from '../export';
import { ImportDialog } from './ImportDialog';
import { importAll, type ImportOutcome, type Progress } from './importQueue';
import { PasteTextDialog } from './PasteTextDialog';
import { useImportStrings } from './strings';
import { useFileDrop } from './useFileDrop';
import './import.css';

export interface ImportControlsProps {
  /** called after documents were added (the library reloads its list) */
  onImported?: () => void;
}

export function ImportControls({ onImported }: ImportControlsProps) {
  const app = useApp();
  const it = useImportStrings();
  const [dialog, setDialog] = useState<'none' | 'files' | 'paste' | 'qdpx'>('none');
  const [qdpxFile, setQdpxFile] = useState<File | undefined>(undefined);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [stopped, setStopped] = useState(false);
  const [reviewAll, setReviewAll] = useState(false);
  const stopRequested = useRef(false);
  const runningRef = useRef(false);

  const changed = useCallback(() => {
    // the library shows them at once (main's documents.changed follows)
    emitAppEvent('documents.changed', { documentIds: null });
    onImported?.();
    void app.reloadInfo().catch(() => undefined);
  }, [app, onImported]);

  const start = useCallback(
    (files: File[]) => {
      // a REFI-QDA project is a project, not an article: its own import, with a dry run first
      const [first] = files;
      if (files.length === 1 && first && /\.qdpx$/i.test(first.name)) {
        setQdpxFile(first);
        setDialog('qdpx');
        return;
      }
      setDialog('files');
      if (runningRef.current) return;
      runningRef.current = true;
      stopRequested.current = false;
      setRunning(true);
      setStopped(false);
      setOutcomes([]);
      void importAll(
        files,
        (input) => api['documents.import'](input),
        (p, sofar) => {
          setProgress(p);
          setOutcomes([...sofar]);
        },
        () => stopRequested.current,
        { preview: (input) => api['documents.preview'](input), review: reviewAll },
      ).then((all) => {
        runningRef.current = false;
        setRunning(false);
        setStopped(all.length < files.length);
        if (all.some((o) => o.kind === 'imported')) changed();
      });
    },
    [changed, reviewAll],
  );

  const { dragging } = useFileDrop(start);

  // File ▸ Import… in the desktop app's menu (CmdOrCtrl+O)
  useAppEvent('menu.command', ({ command }) => {
    if (command === 'import') setDialog('files');
  });
  useLayoutEffect(() => {
    // browser mode: the same shortcut, instead of the browser's own "open file"
    const key = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'o') {
        e.preventDefault();
        setDialog('files');
      }
    };
    window.addEventListener('keydown', key);
    return () => window.removeEventListener('keydown', key);
  }, []);

  const open = (documentId: string) => {
    setDialog('none');
    app.openDocument(documentId);
  };

  const resolve = (index: number, next: ImportOutcome) => {
    setOutcomes((prev) => prev.map((o, i) => (i === index ? next : o)));
    if (next.kind === 'imported') changed();
  };

  return (
    <>
      <span className="import-controls">
        <button
          type="button"
          onClick={() => setDialog('files')}
          data-testid="import-button"
          aria-keyshortcuts="Control+O"
        >
          {it.importButton}
        </button>
      </span>
      {dragging && (
        <div className="import-drop-overlay" aria-hidden="true">
          <p>{it.dropHere}</p>
        </div>
      )}
      {dialog === 'files' && (
        <ImportDialog
          running={running}
          progress={progress}
          outcomes={outcomes}
          stopped={stopped}
          onFiles={start}
          onStop={() => {
            stopRequested.current = true;
          }}
          onOpen={open}
          onResolve={resolve}
          onClose={() => setDialog('none')}
          onPaste={() => setDialog('paste')}
          onQdpx={() => {
            setQdpxFile(undefined);
            setDialog('qdpx');
          }}
          reviewAll={reviewAll}
          onReviewAll={setReviewAll}
        />
      )}
      {dialog === 'qdpx' && (
        <QdpxDialog
          importOnly
          initialFile={qdpxFile}
          onImported={() => {
            changed();
            emitAppEvent('annotations.changed', { documentIds: null });
            void app.reloadCodebook().catch(() => undefined);
          }}
          onClose={() => setDialog('none')}
        />
      )}
      {dialog === 'paste' && <PasteTextDialog onImported={changed} onOpen={open} onClose={() => setDialog('none')} />}
    </>
  );
}
