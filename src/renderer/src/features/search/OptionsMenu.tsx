import { useId, useState } from 'react';
import type { SearchOptions } from '../../../../shared/api/search';
import { isTicked, OPTION_ROWS, withTicked } from './options';
import { useSearchStrings } from './strings';

/** A disclosure button with the matching rules as checkboxes. */
export function OptionsMenu({ options, onChange }: { options: SearchOptions; onChange: (next: SearchOptions) => void }) {
  const s = useSearchStrings();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="search-options">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {s('options')}
      </button>
      {open && (
        <fieldset id={id} className="search-options-panel">
          <legend className="sr-only">{s('options')}</legend>
          {OPTION_ROWS.map((row) => (
            <label key={row.key} className="check">
              <input type="checkbox" checked={isTicked(options, row)} onChange={(e) => onChange(withTicked(options, row, e.target.checked))} />
              <span dir="auto">{s(row.label)}</span>
            </label>
          ))}
        </fieldset>
      )}
    </div>
  );
}
