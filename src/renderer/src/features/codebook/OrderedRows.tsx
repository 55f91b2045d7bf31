/**
 * The one ordered-rows editor of the codebook window (a choice field's items, the actor and place
 * types): each row an English and an Arabic name (and whatever `extra` adds), moved up or down
 * with buttons or Alt+↑ / Alt+↓ in the row, or removed. A row keeps its item's id (`rowKey` is
 * stable), so renaming or reordering never recodes what carries the id.
 */
import type { KeyboardEvent, ReactNode } from 'react';
import { useActorStrings } from './actorStrings';
import { moveDraft } from './choiceDrafts';

export interface RowDraft {
  id: string | null;
  rowKey: string;
  name: string;
  nameAr: string;
}

export interface RowWords {
  /** the row's name when it has none yet ("Choice 3") */
  untitled: (n: number) => string;
  nameLabel: (n: number) => string;
  nameArLabel: (n: number) => string;
  /** the remove button's word (Remove, Delete) */
  remove: string;
}

export function OrderedRows<D extends RowDraft>({
  rows,
  onChange,
  words,
  dataKey,
  inUse,
  extra,
  onRemove,
}: {
  rows: readonly D[];
  onChange: (rows: D[]) => void;
  words: RowWords;
  /** each row's item id is in data-<dataKey> (empty for a new row) */
  dataKey: string;
  /** how many carry the row's item, said next to it when some do */
  inUse: (row: D) => string | null;
  /** more inputs after the two names */
  extra?: (row: D, i: number, set: (patch: Partial<D>) => void) => ReactNode;
  onRemove: (i: number, label: string) => void;
}) {
  const a = useActorStrings();
  const set = (i: number, patch: Partial<D>) => onChange(rows.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const move = (i: number, by: -1 | 1, focus?: HTMLElement) => {
    onChange(moveDraft(rows, i, by));
    // keep the focus on the same input as its row moves
    if (focus) requestAnimationFrame(() => focus.focus());
  };
  const onRowKey = (i: number) => (e: KeyboardEvent<HTMLElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(i, e.key === 'ArrowUp' ? -1 : 1, e.target as HTMLElement);
  };
  return (
    <ol>
      {rows.map((d, i) => {
        const label = d.name || d.nameAr || words.untitled(i + 1);
        const used = inUse(d);
        return (
          <li key={d.rowKey} {...{ [`data-${dataKey}`]: d.id ?? '' }} onKeyDown={onRowKey(i)}>
            <input
              dir="ltr"
              value={d.name}
              aria-label={words.nameLabel(i + 1)}
              onChange={(e) => set(i, { name: e.target.value } as Partial<D>)}
            />
            <input
              dir="rtl"
              lang="ar"
              value={d.nameAr}
              aria-label={words.nameArLabel(i + 1)}
              onChange={(e) => set(i, { nameAr: e.target.value } as Partial<D>)}
            />
            {extra?.(d, i, (patch) => set(i, patch))}
            {used && <span className="muted">{used}</span>}
            <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={`${a.moveUp}: ${label}`}>
              ↑
            </button>
            <button
              type="button"
              onClick={() => move(i, 1)}
              disabled={i === rows.length - 1}
              aria-label={`${a.moveDown}: ${label}`}
            >
              ↓
            </button>
            <button type="button" onClick={() => onRemove(i, label)} aria-label={`${words.remove}: ${label}`}>
              ×
            </button>
          </li>
        );
      })}
    </ol>
  );
}
