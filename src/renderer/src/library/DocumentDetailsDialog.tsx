import { useState } from 'react';
import type { DocumentSummary } from '@shared/model';
import { api, errorMessage } from '../api/client';
import { Modal } from '../app/Modal';
import { parseDate } from '@shared/text/dates';
import { useI18n, useAppStrings } from '../i18n';
import { longDate, useDateStrings } from './dateStrings';

/** Edit a document's title, source, URL, date, direction and language; or delete it. */
export function DocumentDetailsDialog({
  document: doc,
  onClose,
  onChanged,
}: {
  document: DocumentSummary;
  onClose: () => void;
  onChanged: () => void;
}) {
  const words = useAppStrings();
  const dt = useDateStrings();
  const { lang } = useI18n();
  // a date an older project could not read is shown as it was written, to be corrected
  const initialDate = doc.publishedAt ?? doc.publishedAtText ?? '';
  const [form, setForm] = useState({
    title: doc.title,
    source: doc.source,
    url: doc.url,
    publishedAt: initialDate,
    direction: doc.direction,
    language: doc.language,
  });
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));

  const typedDate = form.publishedAt.trim();
  const parsedDate = typedDate ? parseDate(typedDate) : null;
  const keptAsWritten = !doc.publishedAt && !!doc.publishedAtText && form.publishedAt === initialDate;

  const save = async () => {
    const { publishedAt: _typed, ...rest } = form;
    if (typedDate && !parsedDate && !keptAsWritten) {
      setError(dt.dateRefused);
      return;
    }
    try {
      // the date is sent as the ISO date shown under the field; a kept, unread one is left alone
      await api['documents.update']({ id: doc.id, ...rest, ...(keptAsWritten ? {} : { publishedAt: parsedDate }) });
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const remove = async () => {
    try {
      await api['documents.delete']({ id: doc.id });
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <Modal label={words.details} onClose={onClose}>
      <form
        className="details-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2>{words.details}</h2>
        <label>
          {words.title}
          <input dir="auto" value={form.title} onChange={set('title')} required maxLength={1000} />
        </label>
        <label>
          {words.source}
          <input dir="auto" value={form.source} onChange={set('source')} maxLength={2000} />
        </label>
        <label>
          URL
          <input dir="ltr" value={form.url} onChange={set('url')} maxLength={2000} />
        </label>
        <label>
          {words.published}
          <input
            dir="auto"
            value={form.publishedAt}
            onChange={set('publishedAt')}
            placeholder="2019-05-22"
            title={dt.dateHint}
            maxLength={200}
            aria-describedby="published-read-as"
            aria-invalid={typedDate !== '' && !parsedDate}
          />
        </label>
        <p id="published-read-as" className="hint" aria-live="polite" data-testid="published-read-as">
          {keptAsWritten
            ? dt.dateKeptAsWritten
            : typedDate === ''
              ? ''
              : parsedDate
                ? `${dt.dateReadAs} ${longDate(parsedDate, lang)} (${parsedDate})`
                : dt.dateUnreadable}
        </p>
        <label>
          {words.direction}
          <select value={form.direction} onChange={set('direction')}>
            <option value="rtl">{words.rtl}</option>
            <option value="ltr">{words.ltr}</option>
          </select>
        </label>
        <label>
          {words.language}
          <input dir="ltr" value={form.language} onChange={set('language')} maxLength={35} />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          {confirmDelete ? (
            <>
              <span className="warn">{words.deleteDocumentConfirm}</span>
              <button type="button" className="danger" onClick={() => void remove()}>
                {words.delete}
              </button>
            </>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
              {words.deleteDocument}
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {words.cancel}
          </button>
          <button type="submit" className="primary">
            {words.save}
          </button>
        </div>
      </form>
    </Modal>
  );
}
