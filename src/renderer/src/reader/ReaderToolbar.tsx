/** The reader's toolbar: undo, redo, the palette, snap to words, and the text size. */
import { useApp } from '../app/AppContext';
import { useI18n } from '../i18n';

export function ReaderToolbar({
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  onPalette,
}: {
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  onPalette(): void;
}) {
  const app = useApp();
  const { t } = useI18n();
  const size = app.settings.textSize;
  return (
    <div className="reader-toolbar" role="toolbar" aria-label={t('readerToolbar')}>
      <button type="button" onClick={onUndo} disabled={!canUndo} title={`${t('undo')} (Ctrl+Z)`}>
        {t('undo')}
      </button>
      <button type="button" onClick={onRedo} disabled={!canRedo} title={`${t('redo')} (Ctrl+Shift+Z)`}>
        {t('redo')}
      </button>
      <button type="button" onClick={onPalette} title="Ctrl+K">
        {t('tagWith')}
      </button>
      <span className="spacer" />
      <label className="check">
        <input
          type="checkbox"
          checked={app.settings.snapToWords}
          onChange={(e) => void app.updateSettings({ snapToWords: e.target.checked })}
        />
        {t('snapToWords')}
      </label>
      <span className="text-size" role="group" aria-label={t('textSize')}>
        <button
          type="button"
          title={t('smaller')}
          onClick={() => void app.updateSettings({ textSize: Math.max(12, size - 2) })}
        >
          <span aria-hidden="true">A−</span>
          <span className="sr-only">{t('smaller')}</span>
        </button>
        <button
          type="button"
          title={t('larger')}
          onClick={() => void app.updateSettings({ textSize: Math.min(40, size + 2) })}
        >
          <span aria-hidden="true">A+</span>
          <span className="sr-only">{t('larger')}</span>
        </button>
      </span>
    </div>
  );
}
