/**
 * A text, long-text, number or date field of a claim: typed text is kept as a draft and saved
 * when the field is left or on Enter (not in a long text, where Enter is a new line). The draft
 * follows the annotation when it changes (another one picked, undo, a save's answer), except
 * while it holds text not saved yet.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { isProvisionalId } from '../session/annotations';

export function DraftField({
  label,
  required,
  requiredText,
  value,
  multiline,
  inputMode,
  hint,
  annotationId,
  onCommit,
}: {
  label: string;
  required: boolean;
  requiredText: string;
  value: string;
  multiline: boolean;
  inputMode?: 'decimal' | 'numeric';
  hint?: string;
  annotationId: string;
  onCommit: (text: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const shown = useRef({ annotationId, value });
  useEffect(() => {
    const prev = shown.current;
    // a provisional annotation replaced by its saved self is the same one: text typed at once is kept
    const other = prev.annotationId !== annotationId && !isProvisionalId(prev.annotationId);
    setDraft((d) => (other || d === prev.value ? value : d));
    shown.current = { annotationId, value };
  }, [annotationId, value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <div className="claim-field">
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> ({requiredText})</span>}
      </label>
      {multiline ? (
        <textarea
          id={id}
          dir="auto"
          rows={3}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
        />
      ) : (
        <input
          id={id}
          dir="auto"
          inputMode={inputMode}
          value={draft}
          placeholder={hint}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      )}
    </div>
  );
}
