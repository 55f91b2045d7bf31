/** One unit of the side-by-side list: what each coder marked, what differs, how it stands, and the decisions. */
import { useState, type FormEvent } from 'react';
import type { DifferenceUnit } from '@shared/api/adjudication';
import { claimCells, registryLookup } from '@shared/claims/claimCsv';
import type { AdjudicationDecision } from '@shared/coders/model';
import type { Annotation, Codebook, Registry } from '@shared/model';
import { useAdjudicationStrings } from './strings';
import type { UnitWords } from './unitWords';

export interface Edit {
  start: number;
  end: number;
  codes: string[];
  values: Annotation['values'];
}

export function UnitCard({
  unit,
  current,
  busy,
  words,
  codebook,
  registry,
  onSelect,
  onDecide,
}: {
  unit: DifferenceUnit;
  current: boolean;
  busy: boolean;
  words: UnitWords;
  codebook: Codebook;
  registry: Registry;
  onSelect: () => void;
  onDecide: (decision: AdjudicationDecision, edit?: Edit) => void;
}) {
  const w = useAdjudicationStrings();
  const [editing, setEditing] = useState<Edit | null>(null);
  const lookup = registryLookup(registry);
  const valueFields = unit.differences.flatMap((d) =>
    d.field ? codebook.fields.filter((f) => f.key === d.field) : [],
  );
  const side = (who: string, a: Annotation | null, testId: string) => (
    <li data-testid={testId}>
      <strong>
        <bdi>{who}</bdi>
      </strong>
      {': '}
      {a === null ? (
        <span className="meta">{w.nothing}</span>
      ) : (
        <>
          <q dir="auto">{a.quote}</q>{' '}
          <span className="meta">
            [{a.codes.length === 0 ? w.noCodes : a.codes.map(words.code).join(', ')}]
            {valueFields.map((f) => {
              const shown = String(claimCells([f], a.values, lookup)[0] ?? '');
              return ` · ${words.field(f.key)}: ${shown === '' ? w.empty : shown}`;
            })}
          </span>
        </>
      )}
    </li>
  );
  const startEdit = () => {
    const base = (unit.a ?? unit.b) as Annotation;
    setEditing({ start: base.start, end: base.end, codes: [...base.codes], values: base.values });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (editing) onDecide('edited', editing);
    setEditing(null);
  };
  return (
    <li aria-current={current ? 'true' : undefined} data-unit={unit.unit} data-testid="adjudication-unit">
      <button type="button" className="linklike" onClick={onSelect} aria-pressed={current}>
        {words.what(unit)}
      </button>
      <ul>
        {side(words.nameA, unit.a, 'adjudication-a')}
        {side(words.nameB, unit.b, 'adjudication-b')}
      </ul>
      <p className="meta" data-testid="adjudication-status">
        {words.status(unit.settled)}
      </p>
      <div className="adjudication-actions">
        <button type="button" disabled={busy} onClick={() => onDecide('accept-a')} data-testid="adjudication-accept-a">
          {w.accept(words.nameA)}
        </button>
        <button type="button" disabled={busy} onClick={() => onDecide('accept-b')} data-testid="adjudication-accept-b">
          {w.accept(words.nameB)}
        </button>
        <button type="button" disabled={busy} onClick={startEdit} data-testid="adjudication-edit">
          {w.edit}
        </button>
      </div>
      {editing && (
        <form className="adjudication-edit" onSubmit={submit}>
          <label>
            {w.start}{' '}
            <input
              type="number"
              min={0}
              value={editing.start}
              onChange={(e) => setEditing({ ...editing, start: e.target.valueAsNumber })}
            />
          </label>
          <label>
            {w.end}{' '}
            <input
              type="number"
              min={1}
              value={editing.end}
              onChange={(e) => setEditing({ ...editing, end: e.target.valueAsNumber })}
            />
          </label>
          <fieldset>
            <legend>{w.editCodes}</legend>
            {codebook.codes.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={editing.codes.includes(c.id)}
                  onChange={(e) =>
                    setEditing({
                      ...editing,
                      codes: e.target.checked ? [...editing.codes, c.id] : editing.codes.filter((x) => x !== c.id),
                    })
                  }
                />{' '}
                {words.code(c.id)}
              </label>
            ))}
          </fieldset>
          <div className="adjudication-actions">
            <button type="submit" className="primary" disabled={busy}>
              {w.saveEdit}
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              {w.cancel}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
