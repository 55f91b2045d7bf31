/**
 * The items of a choice field, one row each: English and Arabic names and a number, moved up or
 * down with buttons (or Alt+↑ / Alt+↓ in a row), removed, or added. Each row keeps the id of its
 * item (choiceDrafts.ts), so reordering or renaming never recodes a claim.
 */
import { useId, type KeyboardEvent } from 'react';
import { useActorStrings } from './actorStrings';
import { moveDraft, newDraft, type ChoiceDraft } from './choiceDrafts';
import { fill } from './mergeStrings';

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
  const set = (i: number, patch: Partial<ChoiceDraft>) =>
    onChange(items.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const move = (i: number, by: -1 | 1, focus?: HTMLElement) => {
    onChange(moveDraft(items, i, by));
    // keep the focus on the same input as its row moves
    if (focus) requestAnimationFrame(() => focus.focus());
  };
  const onRowKey = (i: number) => (e: KeyboardEvent<HTMLElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(i, e.key === 'ArrowUp' ? -1 : 1, e.target as HTMLElement);
  };
  return (
    <div className="cb-choices" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`}>{a.choiceItems}</span>
      <ol>
        {items.map((d, i) => {
          const label = d.name || d.nameAr || fill(a.choiceN, { n: i + 1 });
          const n = d.id === null ? 0 : uses(d.id);
          return (
            <li key={d.rowKey} data-choice={d.id ?? ''} onKeyDown={onRowKey(i)}>
              <input
                dir="ltr"
                value={d.name}
                aria-label={fill(a.choiceName, { n: i + 1, field: fieldName })}
                onChange={(e) => set(i, { name: e.target.value })}
              />
              <input
                dir="rtl"
                lang="ar"
                value={d.nameAr}
                aria-label={fill(a.choiceNameAr, { n: i + 1, field: fieldName })}
                onChange={(e) => set(i, { nameAr: e.target.value })}
              />
              <input
                dir="ltr"
                inputMode="decimal"
                className="cb-choice-value"
                value={d.value}
                aria-label={fill(a.choiceValue, { n: i + 1, field: fieldName })}
                onChange={(e) => set(i, { value: e.target.value })}
              />
              {n > 0 && <span className="muted">{fill(a.inUse, { n })}</span>}
              <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`${a.moveUp}: ${label}`}>
                ↑
              </button>
              <button
                type="button"
                onClick={() => move(i, 1)}
                disabled={i === items.length - 1}
                aria-label={`${a.moveDown}: ${label}`}
              >
                ↓
              </button>
              <button
                type="button"
                onClick={() =>
                  d.id !== null && n > 0 && onRemoveInUse
                    ? onRemoveInUse(d.id, label, n)
                    : onChange(items.filter((_, j) => j !== i))
                }
                aria-label={`${a.remove}: ${label}`}
              >
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...items, newDraft()])}>
        {fill(a.addChoice, { field: fieldName })}
      </button>
    </div>
  );
}
