/**
 * An actor's colour: a few named presets (buttons, pressed when chosen), the system colour
 * picker for any other, and “No colour”. The value is #rrggbb (lower case) or null; the registry
 * refuses anything else.
 */
import { useId } from 'react';
import { useActorStrings } from './actorStrings';

export const COLOUR_PRESETS = [
  ['presetRed', '#c0392b'],
  ['presetOrange', '#d35400'],
  ['presetGold', '#b7950b'],
  ['presetGreen', '#1e8449'],
  ['presetTeal', '#117a65'],
  ['presetBlue', '#2471a3'],
  ['presetPurple', '#7d3c98'],
  ['presetGrey', '#616a6b'],
] as const;

const HEX = /^#[0-9a-f]{6}$/;

/** A colour as stored: #rrggbb in lower case, or null for anything that is not one. */
export function storedColour(value: string | null): string | null {
  const v = value?.trim().toLowerCase() ?? '';
  return HEX.test(v) ? v : null;
}

export function ColourField({ value, onChange }: { value: string | null; onChange: (v: string | null) => void }) {
  const a = useActorStrings();
  const id = useId();
  const current = storedColour(value);
  return (
    <div className="cb-colour" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`}>
        {a.colour}: <bdi dir="ltr">{current ?? a.colourNone}</bdi>
      </span>
      {COLOUR_PRESETS.map(([name, hex]) => (
        <button
          key={hex}
          type="button"
          className="cb-swatch"
          style={{ background: hex }}
          aria-pressed={current === hex}
          aria-label={a[name]}
          title={a[name]}
          onClick={() => onChange(hex)}
        />
      ))}
      <input
        type="color"
        value={current ?? '#808080'}
        aria-label={a.colourPick}
        onChange={(e) => onChange(storedColour(e.target.value))}
      />
      <button type="button" aria-pressed={current === null} onClick={() => onChange(null)}>
        {a.noColour}
      </button>
    </div>
  );
}
