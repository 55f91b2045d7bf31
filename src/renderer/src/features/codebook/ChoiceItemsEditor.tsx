/**
 * The items of a choice field, one row each: English and Arabic names and a number, moved up or
 * down with buttons (or Alt+↑ / Alt+↓ in a row), removed, or added. Each row keeps the id of its
 * item (choiceDrafts.ts), so reordering or renaming never recodes a claim.
 */
import { useId } from 'react';
import { useActorStrings } from './actorStrings';
import { newDraft, type ChoiceDraft } from './choiceDrafts';
import { fill } from './mergeStrings';
import { OrderedRows } from './OrderedRows';

export function ChoiceItemsEditor({
  fieldName,
  items,
  uses,
  onChange,
  onRemoveInUse,
}: {
  fieldName: string;
  items: readonly ChoiceDraft[];
  /** claims per item id */
  uses: (id: string) => number;
  onChange: (items: ChoiceDraft[]) => void;
  /** a saved item claims carry: asked about, cleared from them and removed at once (FieldsTab) */
  onRemoveInUse?: (id: string, label: string, count: number) => void;
}) {
  const a = useActorStrings();
  const id = useId();
  const count = (d: ChoiceDraft) => (d.id === null ? 0 : uses(d.id));
  return (
    <div className="cb-choices" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`}>{a.choiceItems}</span>
      <OrderedRows
        rows={items}
        onChange={onChange}
        dataKey="choice"
        words={{
          untitled: (n) => fill(a.choiceN, { n }),
          nameLabel: (n) => fill(a.choiceName, { n, field: fieldName }),
          nameArLabel: (n) => fill(a.choiceNameAr, { n, field: fieldName }),
          remove: a.remove,
        }}
        inUse={(d) => (count(d) > 0 ? fill(a.inUse, { n: count(d) }) : null)}
        extra={(d, i, set) => (
          <input
            dir="ltr"
            inputMode="decimal"
            className="cb-choice-value"
            value={d.value}
            aria-label={fill(a.choiceValue, { n: i + 1, field: fieldName })}
            onChange={(e) => set({ value: e.target.value })}
          />
        )}
        onRemove={(i, label) => {
          const d = items[i];
          const n = d ? count(d) : 0;
          if (d && d.id !== null && n > 0 && onRemoveInUse) onRemoveInUse(d.id, label, n);
          else onChange(items.filter((_, j) => j !== i));
        }}
      />
      <button type="button" onClick={() => onChange([...items, newDraft()])}>
        {fill(a.addChoice, { field: fieldName })}
      </button>
    </div>
  );
}
