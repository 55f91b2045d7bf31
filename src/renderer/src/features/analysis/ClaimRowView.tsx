/**
 * One row of the claims table (ClaimsTable.tsx), apart from the table so that a render of the
 * table for anything else (a new filter while the last rows stand, a page arriving for rows
 * further down) does not build its twelve cells again: it renders again only when its row, its
 * place or its focus changes.
 */
import { memo, type KeyboardEvent } from 'react';
import type { ClaimColumn, ClaimRow } from '@shared/api/analysis';

export const ROW_HEIGHT = 34;

export interface RowActions {
  /** the cells' texts of a row, in the columns' order */
  cells: (row: ClaimRow) => string[];
  open: (index: number, row: ClaimRow | undefined) => void;
  focus: (index: number) => void;
  key: (e: KeyboardEvent, index: number) => void;
}

export const ClaimRowView = memo(function ClaimRowView({
  index,
  start,
  row,
  active,
  columns,
  loading,
  actions,
}: {
  index: number;
  start: number;
  row: ClaimRow | undefined;
  active: boolean;
  columns: readonly ClaimColumn[];
  /** the text of a row whose page has not come */
  loading: string;
  actions: RowActions;
}) {
  return (
    <div
      role="row"
      className="claims-row"
      aria-rowindex={index + 2}
      data-index={index}
      data-testid="claim-row"
      tabIndex={active ? 0 : -1}
      style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      onClick={() => actions.open(index, row)}
      onFocus={() => actions.focus(index)}
      onKeyDown={(e) => actions.key(e, index)}
    >
      {row ? (
        actions.cells(row).map((text, i) => (
          <div key={columns[i]} role="cell" className={`claims-cell col-${columns[i]}`}>
            {/* the text alone, no element round it: each element is laid out and painted when a
                filter changes the rows (a third of the cells are empty, and hold nothing); the cell
                takes its direction from its text as a <bdi> would (unicode-bidi: plaintext, analysis.css) */}
            {text || null}
          </div>
        ))
      ) : (
        <div role="cell" className="claims-cell claims-loading">
          {loading}
        </div>
      )}
    </div>
  );
});
