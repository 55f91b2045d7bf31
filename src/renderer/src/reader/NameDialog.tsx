import { useState } from 'react';
import { useAppStrings } from '../i18n';
import { Modal } from '../app/Modal';

/**
 * The annotator name every annotation records: asked before the first tag, and changed later
 * from Project… ▸ Coder name… (then `initial` is the current name and `prompt` says what a
 * change does).
 */
export function NameDialog({
  initial = '',
  prompt,
  onSave,
  onCancel,
}: {
  initial?: string;
  prompt?: string;
  onSave: (name: string) => void;
  onCancel: () => void;
}) {
  const words = useAppStrings();
  const [name, setName] = useState(initial);
  const unchanged = name.trim() === '' || name.trim() === initial.trim();
  return (
    <Modal label={words.yourName} onClose={onCancel}>
      <form
        className="name-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!unchanged) onSave(name.trim());
        }}
      >
        <p>{prompt ?? words.askName}</p>
        <label>
          {words.yourName}
          <input autoFocus dir="auto" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {words.cancel}
          </button>
          <button type="submit" className="primary" disabled={unchanged}>
            {words.save}
          </button>
        </div>
      </form>
    </Modal>
  );
}
