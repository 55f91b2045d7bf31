/**
 * The claim record of the active annotation: the codebook's fields that apply to its codes, in
 * codebook order, one control per type. Every change sends the whole values map (the newest
 * copy with one field changed); the server checks it (checkClaimValues) and refuses a bad value
 * with a sentence. A claim date starts from the article's date: it is stored with the first
 * change of the record. A required field left empty marks the claim “incomplete”.
 */
import { useMemo } from 'react';
import { fieldApplies, type ClaimField } from '@shared/claims/fields';
import { displayName, type Entity, type EntityKind } from '@shared/claims/registry';
import type { ActorIndex } from '@shared/claims/typeahead';
import { missingRequired, valueOf, type ClaimValue, type ClaimValues } from '@shared/claims/values';
import { useI18n } from '../../i18n';
import { bilingualText } from '../../app/BilingualName';
import { EntityCombobox } from './EntityCombobox';
import { DraftField } from './DraftField';
import { fieldLabel, itemLabel } from '@shared/claims/labels';
import { useClaimStrings } from './strings';

export interface ClaimFieldsProps {
  annotationId: string;
  codes: readonly string[];
  values: ClaimValues;
  fields: readonly ClaimField[];
  index: ActorIndex;
  entities: ReadonlyMap<string, Entity>;
  /** the actor proposed as claimant (mentioned nearest the passage), or null */
  proposal: Entity | null;
  /** the article's date, YYYY-MM-DD, for the claim date */
  documentDate: string | null;
  onValues: (values: ClaimValues) => void;
  /** add an entity named `name` and answer its id (null when it could not be added) */
  onCreateEntity: (kind: EntityKind, name: string) => Promise<string | null>;
}

const isEmpty = (v: ClaimValue | undefined) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

export function ClaimFieldsEditor(p: ClaimFieldsProps) {
  const { lang } = useI18n();
  const s = useClaimStrings();
  const fields = useMemo(() => p.fields.filter((f) => fieldApplies(f, p.codes)), [p.fields, p.codes]);
  const incomplete = missingRequired(p.fields, p.values, p.codes).length > 0;

  const withValue = (key: string, value: ClaimValue | null): ClaimValues => {
    const next: ClaimValues = {};
    for (const [k, v] of Object.entries(p.values))
      if (k !== key) Object.defineProperty(next, k, { value: v, enumerable: true, writable: true, configurable: true });
    if (value !== null && !isEmpty(value))
      Object.defineProperty(next, key, { value, enumerable: true, writable: true, configurable: true });
    // the claim date starts from the article's date
    const date = fields.find((f) => f.key === 'claim_date' && f.type === 'date');
    if (date && key !== date.key && p.documentDate && isEmpty(valueOf(next, date.key)))
      Object.defineProperty(next, date.key, {
        value: p.documentDate,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return next;
  };
  const set = (key: string, value: ClaimValue | null) => p.onValues(withValue(key, value));

  const control = (f: ClaimField) => {
    const label = fieldLabel(f, lang);
    const v = valueOf(p.values, f.key);
    switch (f.type) {
      case 'actor':
      case 'place':
        return (
          <EntityCombobox
            label={label}
            kind={f.type}
            value={typeof v === 'string' ? v : null}
            index={p.index}
            entities={p.entities}
            proposal={f.key === 'claimant' && f.type === 'actor' ? p.proposal : null}
            required={f.required}
            onPick={(id) => set(f.key, id)}
            onCreate={(name) =>
              void p.onCreateEntity(f.type as EntityKind, name).then((id) => id !== null && set(f.key, id))
            }
          />
        );
      case 'choice':
        return (
          <label className="claim-field">
            {label}
            {f.required && <span className="required"> ({s.required})</span>}
            <select value={typeof v === 'string' ? v : ''} onChange={(e) => set(f.key, e.target.value || null)}>
              <option value="">—</option>
              {f.choices.map((c) => (
                <option key={c.id} value={c.id}>
                  {lang === 'ar' ? bilingualText(c.name, c.nameAr, lang) : c.name}
                </option>
              ))}
            </select>
          </label>
        );
      case 'choices': {
        const chosen = Array.isArray(v) ? v : [];
        return (
          <fieldset className="claim-field choices">
            <legend>
              {label}
              {f.required && <span className="required"> ({s.required})</span>}
            </legend>
            {f.choices.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={chosen.includes(c.id)}
                  onChange={() =>
                    set(
                      f.key,
                      // in the list's order, each once
                      f.choices
                        .map((x) => x.id)
                        .filter((id) => (id === c.id ? !chosen.includes(id) : chosen.includes(id))),
                    )
                  }
                />
                <bdi dir="auto">{itemLabel(c, lang)}</bdi>
              </label>
            ))}
          </fieldset>
        );
      }
      case 'boolean':
        return (
          <label className="claim-field check">
            <input type="checkbox" checked={v === true} onChange={(e) => set(f.key, e.target.checked ? true : null)} />
            {label}
          </label>
        );
      default: {
        const shown =
          f.type === 'date' && isEmpty(v) && p.documentDate
            ? ''
            : typeof v === 'string' || typeof v === 'number'
              ? String(v)
              : '';
        return (
          <DraftField
            label={label}
            required={f.required}
            requiredText={s.required}
            value={shown}
            multiline={f.type === 'longText'}
            inputMode={f.type === 'number' ? 'decimal' : undefined}
            hint={f.type === 'date' && p.documentDate ? `${p.documentDate} (${s.datePrefilled})` : undefined}
            annotationId={p.annotationId}
            onCommit={(text) => set(f.key, text.trim() === '' ? null : text)}
          />
        );
      }
    }
  };

  return (
    <div className="claim-fields" data-testid="claim-fields">
      {incomplete && (
        <p className="incomplete" title={s.incompleteTitle}>
          {s.incomplete}
        </p>
      )}
      {fields.map((f) => (
        <div key={f.key} data-field={f.key}>
          {control(f)}
        </div>
      ))}
    </div>
  );
}

/** The name a card shows for an annotation's claimant (an id the registry lacks shows as it is). */
export function claimantName(values: ClaimValues, entities: ReadonlyMap<string, Entity>): string {
  const id = valueOf(values, 'claimant');
  if (typeof id !== 'string') return '';
  const e = entities.get(id);
  return e ? displayName(e) : id;
}
