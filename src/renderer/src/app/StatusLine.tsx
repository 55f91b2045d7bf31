import { useI18n } from '../i18n';
import type { Status } from './AppContext';

/** Saving / saved / not saved, always visible; an error stays until the next success. */
export function StatusLine({ status }: { status: Status }) {
  const { t } = useI18n();
  const text =
    status.kind === 'saving'
      ? t('saving')
      : status.kind === 'saved'
        ? t('saved')
        : status.kind === 'error'
          ? `${t('saveFailed')}: ${status.message}`
          : '';
  return (
    <span
      className={`status status-${status.kind}`}
      role={status.kind === 'error' ? 'alert' : 'status'}
      data-testid="status"
    >
      {text}
    </span>
  );
}
