import { useState } from 'react';
import { useI18n } from '../i18n';
import { Modal } from '../app/Modal';

/** Asked once: the annotator name every annotation records. */
export function NameDialog({ onSave, onCancel }: { onSave: (name: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  return (
    <Modal label={t('yourName')} onClose={onCancel}>
      <form
        className="name-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onSave(name.trim());
        }}
      >
        <p>{t('askName')}</p>
        <label>
          {t('yourName')}
          <input autoFocus dir="auto" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" className="primary" disabled={!name.trim()}>
            {t('save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
