import { useId, useState } from 'react';
import type { SearchOptions } from '@shared/api/search';
import { isTicked, MATCH_ROWS, matchMode, OPTION_ROWS, withMatch, withTicked } from './options';
import { useSearchStrings } from './strings';

/** A disclosure button with where hits may start and end, and the folding rules as checkboxes. */
export function OptionsMenu({
  options,
  onChange,
}: {
  options: SearchOptions;
  onChange: (next: SearchOptions) => void;
}) {
  const s = useSearchStrings();
  const [open, setOpen] = useState(false);
  const id = useId();
  const mode = matchMode(options);
  return (
    <div className="search-options">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {s.options}
      </button>
      {open && (
        <div id={id} className="search-options-panel">
          <fieldset>
            <legend>{s.matchLegend}</legend>
            {MATCH_ROWS.map((row) => (
              <label key={row.mode} className="check">
                <input
                  type="radio"
                  name={`${id}-match`}
                  checked={mode === row.mode}
                  onChange={() => onChange(withMatch(options, row.mode))}
                />
                <span dir="auto">{s[row.label]}</span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{s.rulesLegend}</legend>
            {OPTION_ROWS.map((row) => (
              <label key={row.key} className="check">
                <input
                  type="checkbox"
                  checked={isTicked(options, row)}
                  onChange={(e) => onChange(withTicked(options, row, e.target.checked))}
                />
                <span dir="auto">{s[row.label]}</span>
              </label>
            ))}
          </fieldset>
        </div>
      )}
    </div>
  );
}
