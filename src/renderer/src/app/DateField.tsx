/**
 * A date typed as text and shown as YYYY-MM-DD in both interface languages (a native date input
 * shows the browser's mm/dd/yyyy whatever the page's language). What is typed is read by the one
 * date parser (22/05/2019, 22 مايو 2019, Arabic digits …) when the field is left or Enter is
 * pressed; a text that is no date, or one outside min–max, gets a clear error and changes nothing.
 */
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { parseDate } from '@shared/text/dates';
import { useDateFieldStrings } from './dateFieldStrings';
import './dateField.css';

export interface DateFieldProps {
  id: string;
  /** YYYY-MM-DD, or '' for none */
  value: string;
  /** the date read (YYYY-MM-DD), or undefined when the field is emptied */
  onChange: (date: string | undefined) => void;
  min?: string | undefined;
  max?: string | undefined;
  testId?: string;
}

export function DateField({ id, value, onChange, min, max, testId }: DateFieldProps) {
  const s = useDateFieldStrings();
  const errorId = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);

  const commit = () => {
    const text = draft.trim();
    if (!text) {
      setError(null);
      if (value) onChange(undefined);
      return;
    }
    const date = parseDate(text);
    const problem =
      date === null ? s.notDate : min && date < min ? s.beforeMin(min) : max && date > max ? s.afterMax(max) : null;
    setError(problem);
    if (problem || date === null) return;
    setDraft(date);
    if (date !== value) onChange(date);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    commit();
  };

  return (
    <span className="date-field">
      <input
        id={id}
        type="text"
        className="date-input"
        dir={draft ? 'ltr' : undefined}
        autoComplete="off"
        spellCheck={false}
        placeholder={s.placeholder}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-testid={testId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error && (
        <span className="date-field-error" role="alert" id={errorId}>
          {error}
        </span>
      )}
    </span>
  );
}
