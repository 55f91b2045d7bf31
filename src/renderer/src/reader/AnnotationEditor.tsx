import { useEffect, useRef, useState } from 'react';
import { MAX_CLAIMANT_LENGTH, MAX_NOTE_LENGTH } from '@shared/limits';
import type { Annotation, AnnotationFields, Codebook } from '@shared/model';
import { valueOptionText } from '../app/BilingualName';
import { codeLabel, useI18n, useAppStrings } from '../i18n';
import { useFocusFirstField, type FocusHandle } from './cursor/useFocusFirstField';
import { isProvisionalId } from './session/annotations';
import { useKeyStrings } from './keyStrings';

/** A choice from one of the codebook's value lists (stance, certainty); a value no longer listed still shows. */
function ValueSelect({
  label,
  value,
  values,
  none,
  onChange,
  display,
}: {
  label: string;
  value: string;
  values: readonly string[];
  none: string;
  onChange: (v: string) => void;
  display: (v: string) => string;
}) {
  const options = value && !values.includes(value) ? [...values, value] : values;
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{none}</option>
        {options.map((s) => (
          <option key={s} value={s}>
            {display(s)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * The active annotation's codes and claim attributes. Toggles and choices save at once; text
 * fields save when they lose focus or on Enter.
 */
export function AnnotationEditor({
  annotation,
  codebook,
  claimants,
  onChange,
  onDelete,
  onClose,
  onEscape,
  focusHandle,
}: {
  annotation: Annotation;
  codebook: Codebook;
  claimants: readonly string[];
  onChange: (patch: Partial<AnnotationFields>) => void;
  onDelete: () => void;
  onClose: () => void;
  /** Esc in one of the editor's fields: the field is left (its text saved), the annotation stays active */
  onEscape?: () => void;
  /** the reader's handle to focus the first field (cursor/useFocusFirstField.ts) */
  focusHandle?: FocusHandle;
}) {
  const { lang } = useI18n();
  const words = useAppStrings();
  const k = useKeyStrings();
  const root = useFocusFirstField<HTMLElement>(focusHandle);
  // the code checkboxes are one Tab stop (arrow keys move between them), so the claimant and
  // the other fields are a few Tabs away from the article, not one per code
  const [rover, setRover] = useState<number | null>(null);
  const toggles = useRef<HTMLFieldSetElement>(null);
  const firstChecked = codebook.codes.findIndex((c) => annotation.codes.includes(c.id));
  const tabStop = Math.min(rover ?? Math.max(firstChecked, 0), Math.max(codebook.codes.length - 1, 0));
  const moveAmongCodes = (e: React.KeyboardEvent, at: number) => {
    const rtl = getComputedStyle(e.currentTarget).direction === 'rtl';
    const forward = e.key === 'ArrowDown' || e.key === (rtl ? 'ArrowLeft' : 'ArrowRight');
    const back = e.key === 'ArrowUp' || e.key === (rtl ? 'ArrowRight' : 'ArrowLeft');
    const n = codebook.codes.length;
    let next: number | null = null;
    if (forward) next = (at + 1) % n;
    else if (back) next = (at - 1 + n) % n;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = n - 1;
    if (next === null) return;
    e.preventDefault();
    setRover(next);
    toggles.current?.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[next]?.focus();
  };
  const [claimant, setClaimant] = useState(annotation.claimant);
  const [note, setNote] = useState(annotation.note);
  // Follow the annotation when it changes (another one picked, undo, a save's answer), but never
  // throw away text being typed that is not committed yet: a field whose draft differs from what
  // was shown keeps its draft.
  const shown = useRef({ id: annotation.id, claimant: annotation.claimant, note: annotation.note });
  useEffect(() => {
    const prev = shown.current;
    // a provisional annotation replaced by its saved self is the same one: a claimant typed at once is kept
    const other = prev.id !== annotation.id && !isProvisionalId(prev.id);
    setClaimant((draft) => (other || draft === prev.claimant ? annotation.claimant : draft));
    setNote((draft) => (other || draft === prev.note ? annotation.note : draft));
    shown.current = { id: annotation.id, claimant: annotation.claimant, note: annotation.note };
  }, [annotation.id, annotation.claimant, annotation.note]);

  const toggle = (id: string) => {
    const codes = annotation.codes.includes(id) ? annotation.codes.filter((c) => c !== id) : [...annotation.codes, id];
    onChange({ codes });
  };
  const commitText = (field: 'claimant' | 'note', value: string) => {
    if (value !== annotation[field]) onChange({ [field]: value });
  };

  return (
    <section
      ref={root}
      className="editor"
      aria-labelledby="editor-title"
      data-testid="annotation-editor"
      onKeyDown={(e) => {
        const field = e.target as HTMLElement;
        if (e.key !== 'Escape' || !['INPUT', 'TEXTAREA', 'SELECT'].includes(field.tagName)) return;
        // back to the article; leaving the field saves what was typed in it
        e.preventDefault();
        e.stopPropagation();
        field.blur();
        onEscape?.();
      }}
    >
      <div className="editor-head">
        <h2 id="editor-title">{words.editAnnotation}</h2>
        <button type="button" className="icon" onClick={onClose} aria-label={words.close}>
          ×
        </button>
      </div>
      <blockquote dir="auto" className="quote">
        {annotation.quote}
      </blockquote>
      <fieldset className="code-toggles" ref={toggles} aria-describedby="editor-codes-hint">
        <legend>{words.codes}</legend>
        <span id="editor-codes-hint" className="sr-only">
          {k.codesHint}
        </span>
        {codebook.codes.map((c, i) => (
          <label key={c.id} className="code-toggle" title={c.description || undefined}>
            <input
              type="checkbox"
              tabIndex={i === tabStop ? 0 : -1}
              checked={annotation.codes.includes(c.id)}
              onChange={() => toggle(c.id)}
              onFocus={() => setRover(i)}
              onKeyDown={(e) => moveAmongCodes(e, i)}
            />
            <span className="swatch" style={{ backgroundColor: c.color }} aria-hidden="true" />
            <span>{codeLabel(c, lang)}</span>
            {c.key && <kbd>{c.key}</kbd>}
          </label>
        ))}
      </fieldset>
      <label>
        {words.claimant}
        <input
          dir="auto"
          list="claimant-suggestions"
          value={claimant}
          maxLength={MAX_CLAIMANT_LENGTH}
          onChange={(e) => setClaimant(e.target.value)}
          onBlur={() => commitText('claimant', claimant)}
          onKeyDown={(e) => e.key === 'Enter' && commitText('claimant', claimant)}
        />
        <datalist id="claimant-suggestions">
          {claimants.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </label>
      <ValueSelect
        label={words.stance}
        value={annotation.stance}
        values={codebook.stances}
        none={words.none}
        onChange={(stance) => onChange({ stance })}
        display={(v) => valueOptionText(codebook, 'stances', v, lang)}
      />
      <ValueSelect
        label={words.certainty}
        value={annotation.certainty}
        values={codebook.certainties}
        none={words.none}
        onChange={(certainty) => onChange({ certainty })}
        display={(v) => valueOptionText(codebook, 'certainties', v, lang)}
      />
      <label>
        {words.note}
        <textarea
          dir="auto"
          rows={3}
          value={note}
          maxLength={MAX_NOTE_LENGTH}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => commitText('note', note)}
        />
      </label>
      <p className="meta">
        {words.annotator}: <span dir="auto">{annotation.annotator || words.none}</span>
      </p>
      <button type="button" className="danger" onClick={onDelete}>
        {words.delete}
      </button>
    </section>
  );
}
