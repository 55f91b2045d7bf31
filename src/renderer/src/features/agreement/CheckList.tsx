/** A group of checkboxes in a fieldset, for the documents, coders and codes of the report. */
import type { ReactNode } from 'react';

export interface CheckItem {
  id: string;
  label: ReactNode;
  note?: string;
}

export function CheckList({
  legend,
  items,
  chosen,
  onChange,
  testId,
}: {
  legend: string;
  items: readonly CheckItem[];
  chosen: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
  testId: string;
}) {
  return (
    <fieldset className="agreement-fieldset" data-testid={testId}>
      <legend>{legend}</legend>
      <div className="agreement-list">
        {items.map((item) => (
          <label key={item.id} className="agreement-choice">
            <input
              type="checkbox"
              checked={chosen.has(item.id)}
              data-id={item.id}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(item.id);
                else next.delete(item.id);
                onChange(next);
              }}
            />
            <span dir="auto">{item.label}</span>
            {item.note && <span className="meta">{item.note}</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
