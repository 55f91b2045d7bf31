/**
 * The codes as a tree: colour swatch, shortcut key, names (the interface language's first), and how many
 * annotations use each. One tab stop; arrow keys move the selection, Alt+Arrow reorders among
 * siblings, Delete asks to delete. The definition shows on hover and in the description.
 */
import { useRef, type KeyboardEvent } from 'react';
import type { Codebook } from '@shared/model';
import { treeRows } from '@shared/codebook/tree';
import { BilingualName } from '../../app/BilingualName';
import { CodeDefinitionTip } from './CodeDefinition';
import { useCodebookStrings } from './strings';

export function CodeTree({
  codebook,
  usage,
  selectedId,
  onSelect,
  onReorder,
  onDelete,
}: {
  codebook: Codebook;
  usage: Readonly<Record<string, number>>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onReorder: (id: string, delta: -1 | 1) => void;
  onDelete: (id: string) => void;
}) {
  const c = useCodebookStrings();
  const rows = treeRows(codebook);
  const list = useRef<HTMLUListElement>(null);
  const current = rows.findIndex((r) => r.code.id === selectedId);

  const focusRow = (id: string) => {
    requestAnimationFrame(() =>
      list.current?.querySelector<HTMLElement>(`[data-code-id="${CSS.escape(id)}"]`)?.focus(),
    );
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const at = current === -1 ? 0 : current;
    const row = rows[at];
    if (!row) return;
    let next: number | null = null;
    if (e.key === 'ArrowDown' && e.altKey) {
      e.preventDefault();
      onReorder(row.code.id, 1);
      focusRow(row.code.id);
      return;
    }
    if (e.key === 'ArrowUp' && e.altKey) {
      e.preventDefault();
      onReorder(row.code.id, -1);
      focusRow(row.code.id);
      return;
    }
    if (e.key === 'ArrowDown') next = Math.min(at + 1, rows.length - 1);
    else if (e.key === 'ArrowUp') next = Math.max(at - 1, 0);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = rows.length - 1;
    else if (e.key === 'Delete') {
      e.preventDefault();
      onDelete(row.code.id);
      return;
    }
    if (next !== null) {
      e.preventDefault();
      const id = (rows[next] as (typeof rows)[number]).code.id;
      onSelect(id);
      focusRow(id);
    }
  };

  return (
    <>
      <p className="cb-hint" id="cb-tree-help">
        {c.keyboardHelp}
      </p>
      <ul
        ref={list}
        role="tree"
        aria-label={c.codeTree}
        aria-describedby="cb-tree-help"
        className="cb-tree"
        onKeyDown={onKeyDown}
      >
        {rows.map((r, i) => {
          const selected = r.code.id === selectedId;
          const n = usage[r.code.id] ?? 0;
          return (
            <li
              key={r.code.id}
              role="treeitem"
              data-code-id={r.code.id}
              data-testid={`code-row-${r.code.name}`}
              aria-level={r.depth + 1}
              aria-posinset={r.index + 1}
              aria-setsize={r.siblings}
              aria-selected={selected}
              tabIndex={selected || (current === -1 && i === 0) ? 0 : -1}
              className={selected ? 'selected' : undefined}
              style={{ paddingInlineStart: `${0.4 + r.depth * 1.4}rem` }}
              onClick={() => onSelect(r.code.id)}
            >
              <span className="swatch" style={{ backgroundColor: r.code.color }} aria-hidden="true" />
              <CodeDefinitionTip code={r.code}>
                <span className="cb-name">
                  <BilingualName name={r.code.name} nameAr={r.code.nameAr} />
                </span>
              </CodeDefinitionTip>
              <span className="cb-row-end">
                <span className="cb-usage" aria-label={c.annotationsOf(n)} title={c.annotationsOf(n)}>
                  {n}
                </span>
                {r.code.key ? (
                  <kbd aria-label={`${c.key} ${r.code.key}`}>{r.code.key}</kbd>
                ) : (
                  <span className="cb-nokey" aria-hidden="true" />
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
