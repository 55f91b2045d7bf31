import { memo, useMemo, useRef, useState } from 'react';
import type { Annotation, AnnotationFields, Codebook, Registry } from '@shared/model';
import { nearestMention } from '@shared/claims/mentions';
import type { EntityKind } from '@shared/claims/registry';
import { entityNamed } from '@shared/claims/registryOps';
import { api, errorMessage } from '../api/client';
import { useApp } from '../app/AppContext';
import { codeLabel, useI18n, useAppStrings } from '../i18n';
import { useFocusFirstField, type FocusHandle } from './cursor/useFocusFirstField';
import { ClaimFieldsEditor } from './claims/ClaimFieldsEditor';
import { useMentionsNear, useRegistryIndex } from './claims/useRegistry';
import { useKeyStrings } from './keyStrings';

/** how far from the passage (code points) a mentioned actor may be to be proposed as claimant */
const PROPOSAL_GAP = 1000;

/**
 * The active annotation's codes and its claim record (ClaimFieldsEditor). Toggles and choices
 * save at once; text fields save when they lose focus or on Enter. Memoised (the reader passes
 * callbacks that stay the same while the annotation does): another annotation tagged or saved,
 * the panel or an announcement does not render the editor and its 10,000-actor fields again.
 */
export const AnnotationEditor = memo(function AnnotationEditor({
  annotation,
  codebook,
  registry,
  documentText,
  documentDate,
  onChange,
  onDelete,
  onClose,
  onEscape,
  focusHandle,
}: {
  annotation: Annotation;
  codebook: Codebook;
  registry: Registry;
  /** the article's text (for the actors it mentions) and date (for the claim date) */
  documentText: string;
  documentDate: string | null;
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
  const app = useApp();
  const { index, entities } = useRegistryIndex(registry);
  const mentions = useMentionsNear(registry, documentText, annotation, PROPOSAL_GAP);
  const proposal = useMemo(() => {
    const m = nearestMention(mentions, annotation, { kind: 'actor', maxGap: PROPOSAL_GAP });
    return m ? (entities.get(m.entityId) ?? null) : null;
  }, [mentions, annotation, entities]);
  const createEntity = async (kind: EntityKind, name: string): Promise<string | null> => {
    const arabic = /\p{Script=Arabic}/u.test(name);
    try {
      const r = await api['registry.add']({
        entity: { kind, nameAr: arabic ? name : '', nameLatin: arabic ? '' : name },
      });
      await app.reloadCodebook();
      return r.entity.id;
    } catch (err) {
      // the registry has that name already (added elsewhere a moment ago, not yet shown here): take it
      const known = await api['registry.get']({}).then(
        (registry) => entityNamed(registry, kind, name),
        () => null,
      );
      if (known) {
        await app.reloadCodebook();
        return known.id;
      }
      app.setStatus({ kind: 'error', message: errorMessage(err) });
      return null;
    }
  };

  const toggle = (id: string) => {
    const codes = annotation.codes.includes(id) ? annotation.codes.filter((c) => c !== id) : [...annotation.codes, id];
    onChange({ codes });
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
      <ClaimFieldsEditor
        annotationId={annotation.id}
        codes={annotation.codes}
        values={annotation.values}
        fields={codebook.fields}
        index={index}
        entities={entities}
        proposal={proposal}
        documentDate={documentDate}
        onValues={(values) => onChange({ values })}
        onCreateEntity={createEntity}
      />
      <p className="meta">
        {words.annotator}: <span dir="auto">{annotation.annotator || words.none}</span>
      </p>
      <button type="button" className="danger" onClick={onDelete}>
        {words.delete}
      </button>
    </section>
  );
});
