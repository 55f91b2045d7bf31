/** Add or edit one actor or place: names in both scripts, other spellings, type, affiliation, country, colour, notes. */
import { useId, useState } from 'react';
import { displayName, type Entity, type EntityKind, type Registry } from '@shared/claims/registry';
import { useI18n } from '../../i18n';
import { useActorStrings } from './actorStrings';
import { ColourField } from './ColourField';

export interface EntityDraft {
  kind: EntityKind;
  nameAr: string;
  nameLatin: string;
  aliases: string[];
  type: string | null;
  affiliation: string | null;
  country: string;
  /** #rrggbb, or null */
  color: string | null;
  notes: string;
}

export function EntityForm({
  entity,
  registry,
  onSave,
  onCancel,
}: {
  entity: Entity | undefined;
  registry: Registry;
  onSave: (draft: EntityDraft) => void;
  onCancel: () => void;
}) {
  const a = useActorStrings();
  const { lang } = useI18n();
  const id = useId();
  const [kind, setKind] = useState<EntityKind>(entity?.kind ?? 'actor');
  const [nameAr, setNameAr] = useState(entity?.nameAr ?? '');
  const [nameLatin, setNameLatin] = useState(entity?.nameLatin ?? '');
  const [aliases, setAliases] = useState((entity?.aliases ?? []).join('\n'));
  const [type, setType] = useState(entity?.type ?? '');
  const [affiliation, setAffiliation] = useState(entity?.affiliation ?? '');
  const [country, setCountry] = useState(entity?.country ?? '');
  const [notes, setNotes] = useState(entity?.notes ?? '');
  const [color, setColor] = useState<string | null>(entity?.color ?? null);
  const types = registry.types.filter((t) => t.kind === kind);
  const actors = registry.entities.filter((e) => e.kind === 'actor' && e.id !== entity?.id);
  return (
    <form
      className="cb-entity-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          kind,
          nameAr: nameAr.trim(),
          nameLatin: nameLatin.trim(),
          aliases: aliases
            .split('\n')
            .map((x) => x.trim())
            .filter(Boolean),
          type: type || null,
          affiliation: kind === 'actor' && affiliation ? affiliation : null,
          country: country.trim(),
          color,
          notes,
        });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 id={`${id}-title`}>{entity ? displayName(entity) : a.addActor}</h3>
      {!entity && (
        <label>
          {a.kind}
          <select value={kind} onChange={(e) => setKind(e.target.value as EntityKind)}>
            <option value="actor">{a.actor}</option>
            <option value="place">{a.place}</option>
          </select>
        </label>
      )}
      <label>
        {a.nameAr}
        <input dir="rtl" lang="ar" value={nameAr} onChange={(e) => setNameAr(e.target.value)} autoFocus />
      </label>
      <label>
        {a.nameLatin}
        <input dir="ltr" value={nameLatin} onChange={(e) => setNameLatin(e.target.value)} />
      </label>
      <label>
        {a.aliases}
        <textarea dir="auto" rows={3} value={aliases} onChange={(e) => setAliases(e.target.value)} />
      </label>
      <label>
        {a.type}
        <select value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">{a.none}</option>
          {types.map((t) => (
            <option key={t.id} value={t.id}>
              {lang === 'ar' && t.nameAr ? t.nameAr : t.name}
            </option>
          ))}
        </select>
      </label>
      {kind === 'actor' && (
        <label>
          {a.affiliation}
          <select value={affiliation} onChange={(e) => setAffiliation(e.target.value)}>
            <option value="">{a.none}</option>
            {actors.map((x) => (
              <option key={x.id} value={x.id}>
                {displayName(x)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {a.country}
        <input dir="auto" value={country} onChange={(e) => setCountry(e.target.value)} />
      </label>
      <ColourField value={color} onChange={setColor} />
      <label>
        {a.notes}
        <textarea dir="auto" rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {a.cancel}
        </button>
        <button type="submit">{entity ? a.save : a.add}</button>
      </div>
    </form>
  );
}
