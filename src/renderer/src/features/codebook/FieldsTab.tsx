/**
 * The claim fields of the codebook: add, edit (labels in both languages, type, required, the
 * codes they apply to, choice items with their numbers, each keeping its id as it is moved or
 * renamed: ChoiceItemsEditor), reorder and remove, then save them as one change (codebook.save). The service refuses, with how many claims, to drop a field or a
 * choice that claims use; the sentence is shown here and nothing changes.
 * Remove on a saved field (or choice) that claims carry asks first (RemoveFieldConfirm) and then,
 * at once, clears it from those claims and saves the codebook without it; Undo puts the field or
 * choice back, then its values (fieldRemoval.ts).
 */
import { useEffect, useState } from 'react';
import { CHOICE_FIELD_TYPES, FIELD_TYPES, type ClaimField, type FieldType } from '@shared/claims/fields';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { codeLabel, useI18n } from '../../i18n';
import { useActorStrings } from './actorStrings';
import { announceCodebookWideChange } from './events';
import { ChoiceItemsEditor } from './ChoiceItemsEditor';
import { draftNumber, fromDrafts, toDrafts, type ChoiceDraft } from './choiceDrafts';
import { fieldTypeName } from './fieldTypeNames';
import { fill } from './mergeStrings';
import { UndoNotice } from './MergeConfirm';
import { RemoveFieldConfirm } from './RemoveFieldConfirm';
import { useFieldRemovalStrings } from './fieldRemovalStrings';
import { removeInUse, restoreRemoved, type FieldRemoval } from './fieldRemoval';

interface Row {
  field: ClaimField;
  /** the choice items as edited (choiceDrafts.ts) */
  choices: ChoiceDraft[];
  isNew: boolean;
}

const rowOf = (field: ClaimField): Row => ({ field, choices: toDrafts(field.choices), isNew: false });

export function FieldsTab({ announce }: { announce: (message: string) => void }) {
  const a = useActorStrings();
  const { lang } = useI18n();
  const app = useApp();
  const [rows, setRows] = useState<Row[]>(() => app.codebook.fields.map(rowOf));
  const [uses, setUses] = useState<Record<string, number>>({});
  const [choiceUses, setChoiceUses] = useState<Record<string, Record<string, number>>>({});
  const [error, setError] = useState<string | null>(null);
  const rm = useFieldRemovalStrings();
  /** the field in use whose removal is being asked about */
  const [asking, setAsking] = useState<{
    field: ClaimField;
    name: string;
    n: number;
    choice?: { id: string; name: string };
  } | null>(null);
  const [askError, setAskError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removed, setRemoved] = useState<{ removal: FieldRemoval; name: string } | null>(null);
  useEffect(() => setRows(app.codebook.fields.map(rowOf)), [app.codebook.fields]);
  useEffect(() => {
    void api['codebook.usage']({})
      .then((u) => {
        setUses(u.fields);
        setChoiceUses(u.choices);
      })
      .catch(() => undefined);
  }, [app.codebook]);

  const update = (i: number, patch: Partial<ClaimField>, choices?: ChoiceDraft[]) =>
    setRows((rs) =>
      rs.map((r, j) => (j === i ? { ...r, field: { ...r.field, ...patch }, choices: choices ?? r.choices } : r)),
    );
  const move = (i: number, by: -1 | 1) =>
    setRows((rs) => {
      const j = i + by;
      if (j < 0 || j >= rs.length) return rs;
      const next = [...rs];
      [next[i], next[j]] = [next[j] as Row, next[i] as Row];
      return next;
    });

  const save = async () => {
    // a number that does not read is said here: sent as JSON, NaN would arrive as no number
    for (const r of rows) {
      if (!CHOICE_FIELD_TYPES.includes(r.field.type)) continue;
      const bad = r.choices.find((d) => d.name.trim() !== '' && Number.isNaN(draftNumber(d.value)));
      if (bad) {
        setError(fill(a.badChoiceValue, { value: bad.value, name: bad.name, field: r.field.label || r.field.key }));
        return;
      }
    }
    const fields = rows.map((r) => ({
      ...r.field,
      choices: CHOICE_FIELD_TYPES.includes(r.field.type) ? fromDrafts(r.choices) : [],
    }));
    try {
      await api['codebook.save']({ codes: app.codebook.codes, fields });
      await app.reloadCodebook();
      setError(null);
      announce(a.fieldsSaved);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const addTemplate = async () => {
    try {
      await api['fields.addTemplate']({});
      await app.reloadCodebook();
      setError(null);
      announce(a.templateAdded);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const removeNow = async () => {
    if (!asking) return;
    setBusy(true);
    try {
      const removal = await removeInUse(asking.field.key, asking.choice?.id);
      await app.reloadCodebook();
      announceCodebookWideChange();
      const name = asking.choice?.name ?? asking.name;
      setRemoved({ removal, name });
      setAsking(null);
      setAskError(null);
      setError(null);
      announce(fill(rm.removed, { label: name, n: removal.cleared }));
    } catch (err) {
      setAskError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const used = (key: string) => (Object.hasOwn(uses, key) ? (uses[key] as number) : 0);
  const choiceUsed = (key: string) => (id: string) => {
    const m = Object.hasOwn(choiceUses, key) ? choiceUses[key] : undefined;
    return m && Object.hasOwn(m, id) ? (m[id] as number) : 0;
  };
  return (
    <div className="cb-fields">
      {removed && (
        <UndoNotice
          message={fill(rm.removed, { label: removed.name, n: removed.removal.cleared })}
          onUndo={async () => {
            try {
              await restoreRemoved(removed.removal);
              await app.reloadCodebook();
              announceCodebookWideChange();
              announce(fill(rm.restored, { label: removed.name, n: removed.removal.cleared }));
              setRemoved(null);
              return null;
            } catch (err) {
              await app.reloadCodebook();
              return errorMessage(err);
            }
          }}
          onDismiss={() => setRemoved(null)}
        />
      )}
      {asking && (
        <RemoveFieldConfirm
          label={asking.choice?.name ?? asking.name}
          {...(asking.choice ? { field: asking.name } : {})}
          count={asking.n}
          error={askError}
          busy={busy}
          onRemove={() => void removeNow()}
          onKeep={() => {
            setAsking(null);
            setAskError(null);
          }}
        />
      )}
      {error && (
        <p className="cb-error" role="alert">
          {error}
        </p>
      )}
      <div className="cb-inline">
        <button type="button" onClick={() => void addTemplate()}>
          {a.addTemplate}
        </button>
      </div>
      <ol className="cb-field-list">
        {rows.map((r, i) => {
          const f = r.field;
          const name = `${(lang === 'ar' && f.labelAr) || f.label || f.key}`;
          return (
            <li key={r.isNew ? `new-${i}` : f.key} data-field={f.key}>
              <fieldset>
                <legend>
                  <bdi>{name}</bdi>{' '}
                  {used(f.key) > 0 && <span className="muted">({fill(a.inUse, { n: used(f.key) })})</span>}
                </legend>
                <label>
                  {a.fieldKey}
                  <input
                    dir="ltr"
                    value={f.key}
                    readOnly={!r.isNew}
                    onChange={(e) => update(i, { key: e.target.value })}
                  />
                </label>
                <label>
                  {a.fieldLabel}
                  <input dir="ltr" value={f.label} onChange={(e) => update(i, { label: e.target.value })} />
                </label>
                <label>
                  {a.fieldLabelAr}
                  <input
                    dir="rtl"
                    lang="ar"
                    value={f.labelAr}
                    onChange={(e) => update(i, { labelAr: e.target.value })}
                  />
                </label>
                <label>
                  {a.fieldType}
                  <select value={f.type} onChange={(e) => update(i, { type: e.target.value as FieldType })}>
                    {FIELD_TYPES.map((t) => (
                      <option key={t} value={t}>
                        {fieldTypeName(t, lang)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={f.required}
                    onChange={(e) => update(i, { required: e.target.checked })}
                  />
                  {a.required}
                </label>
                <label>
                  {a.limitedTo}
                  <select
                    multiple
                    value={f.codes ?? []}
                    onChange={(e) => {
                      const ids = [...e.target.selectedOptions].map((o) => o.value);
                      update(i, { codes: ids.length > 0 ? ids : null });
                    }}
                  >
                    {app.codebook.codes.map((c) => (
                      <option key={c.id} value={c.id}>
                        {codeLabel(c, lang)}
                      </option>
                    ))}
                  </select>
                  {f.codes === null && <span className="muted"> ({a.allCodes})</span>}
                </label>
                {CHOICE_FIELD_TYPES.includes(f.type) && (
                  <ChoiceItemsEditor
                    fieldName={name}
                    items={r.choices}
                    uses={choiceUsed(f.key)}
                    onChange={(choices) => update(i, {}, choices)}
                    {...(!r.isNew && {
                      onRemoveInUse: (id: string, label: string, n: number) =>
                        setAsking({ field: f, name, n, choice: { id, name: label } }),
                    })}
                  />
                )}
                <div className="actions">
                  <button
                    type="button"
                    onClick={() => move(i, -1)}
                    disabled={i === 0}
                    aria-label={`${a.moveUp}: ${name}`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    onClick={() => move(i, 1)}
                    disabled={i === rows.length - 1}
                    aria-label={`${a.moveDown}: ${name}`}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      // a saved field that claims carry: ask, then clear and remove it at once
                      if (!r.isNew && used(f.key) > 0) setAsking({ field: f, name, n: used(f.key) });
                      else setRows((rs) => rs.filter((_, j) => j !== i));
                    }}
                  >
                    {a.remove}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            setRows((rs) => [
              ...rs,
              {
                field: {
                  key: '',
                  label: '',
                  labelAr: '',
                  description: '',
                  type: 'text',
                  required: false,
                  codes: null,
                  choices: [],
                },
                choices: [],
                isNew: true,
              },
            ])
          }
        >
          {a.addField}
        </button>
        <button type="button" onClick={() => void save()}>
          {a.saveFields}
        </button>
      </div>
    </div>
  );
}
