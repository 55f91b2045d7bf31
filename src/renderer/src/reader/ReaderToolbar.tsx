/** The reader's toolbar: undo, redo, the palette, snap to words, the mention marks, and the text size. */
import { useApp } from '../app/AppContext';
import { useAppStrings } from '../i18n';
import { useReaderStrings } from './strings';

export function ReaderToolbar({
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  onPalette,
  mentionMarks,
  onMentionMarks,
}: {
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  onPalette(): void;
  /** the faint marks under known actors' mentions (reader/mentions/) */
  mentionMarks: boolean;
  onMentionMarks(on: boolean): void;
}) {
  const app = useApp();
  const words = useAppStrings();
  const rs = useReaderStrings();
  const size = app.settings.textSize;
  return (
    <div className="reader-toolbar" role="toolbar" aria-label={words.readerToolbar}>
      <button type="button" onClick={onUndo} disabled={!canUndo} title={`${words.undo} (Ctrl+Z)`}>
        {words.undo}
      </button>
      <button type="button" onClick={onRedo} disabled={!canRedo} title={`${words.redo} (Ctrl+Shift+Z)`}>
        {words.redo}
      </button>
      <button type="button" onClick={onPalette} title="Ctrl+K">
        {words.tagWith}
      </button>
      <span className="spacer" />
      <label className="check">
        <input
          type="checkbox"
          checked={app.settings.snapToWords}
          onChange={(e) => void app.updateSettings({ snapToWords: e.target.checked })}
        />
        {words.snapToWords}
      </label>
      <label className="check" title={rs.mentionMarksTitle}>
        <input
          type="checkbox"
          checked={mentionMarks}
          onChange={(e) => onMentionMarks(e.target.checked)}
          data-testid="mention-marks"
        />
        {rs.mentionMarks}
      </label>
      <span className="text-size" role="group" aria-label={words.textSize}>
        <button
          type="button"
          title={words.smaller}
          onClick={() => void app.updateSettings({ textSize: Math.max(12, size - 2) })}
        >
          <span aria-hidden="true">A−</span>
          <span className="sr-only">{words.smaller}</span>
        </button>
        <button
          type="button"
          title={words.larger}
          onClick={() => void app.updateSettings({ textSize: Math.min(40, size + 2) })}
        >
          <span aria-hidden="true">A+</span>
          <span className="sr-only">{words.larger}</span>
        </button>
      </span>
    </div>
  );
}
