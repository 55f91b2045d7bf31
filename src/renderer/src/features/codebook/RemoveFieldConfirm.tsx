/**
 * Removing a field that claims carry asks first, in the page (a modal dialog: focus moves into it
 * and back to Remove when it closes), saying how many claims carry it. Keep, Escape or a click
 * outside changes nothing.
 */
import { Modal } from '../../app/Modal';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useFieldRemovalStrings } from './fieldRemovalStrings';
import { fill } from './mergeStrings';

export function RemoveFieldConfirm({
  label,
  field,
  count,
  error,
  busy,
  onRemove,
  onKeep,
}: {
  label: string;
  /** the field's name, when the removal is of one of its choices */
  field?: string;
  count: number;
  error: string | null;
  busy: boolean;
  onRemove: () => void;
  onKeep: () => void;
}) {
  const s = useFieldRemovalStrings();
  return (
    <Modal label={s.title} onClose={onKeep} className="cb-confirm">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onRemove();
        }}
      >
        <h2>{s.title}</h2>
        <p data-testid="remove-field-message">
          {field === undefined
            ? fill(s.ask, { n: count.toLocaleString(), label })
            : fill(s.askChoice, { n: count.toLocaleString(), label, field })}
        </p>
        <p className="cb-hint">{s.hint}</p>
        <ErrorAlert message={error} />
        <div className="actions">
          <button type="button" onClick={onKeep} autoFocus>
            {s.keep}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {s.remove}
          </button>
        </div>
      </form>
    </Modal>
  );
}
