import { useAppStrings } from '../i18n';
import type { Status } from './AppContext';

/** Saving / saved / not saved, always visible; an error stays until the next success. */
export function StatusLine({ status }: { status: Status }) {
  const words = useAppStrings();
  const text =
    status.kind === 'saving'
      ? words.saving
      : status.kind === 'saved'
        ? words.saved
        : status.kind === 'error'
          ? `${words.saveFailed}: ${status.message}`
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
