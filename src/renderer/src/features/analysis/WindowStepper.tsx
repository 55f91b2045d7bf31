/**
 * Sliding time windows in the network view (issue 16): a switch, the window's size and step in
 * days, and, once analysis.network has answered one network per window, a slider (arrow keys,
 * Home, End) with previous and next buttons to step through them. A size or step that is not a
 * whole number of days at least 1 is sent as typed, and the API's sentence says what is wrong.
 */
import { useState } from 'react';
import type { Network } from '@shared/analysis/network';
import { Field } from './Field';
import { useAnalysisStrings } from './strings';

export interface SlidingWindows {
  on: boolean;
  setOn: (on: boolean) => void;
  size: string;
  setSize: (v: string) => void;
  step: string;
  setStep: (v: string) => void;
  /** the window the view shows (clamped by the caller to the windows there are) */
  index: number;
  setIndex: (i: number) => void;
  /** what analysis.network takes, or null when the switch is off */
  window: { size: number; step: number } | null;
}

const days = (text: string): number => (text.trim() === '' ? 0 : Number(text));

export function useSlidingWindows(): SlidingWindows {
  const [on, setOn] = useState(false);
  const [size, setSize] = useState('30');
  const [step, setStep] = useState('7');
  const [index, setIndex] = useState(0);
  return {
    on,
    setOn: (v) => {
      setOn(v);
      setIndex(0);
    },
    size,
    setSize: (v) => {
      setSize(v);
      setIndex(0);
    },
    step,
    setStep: (v) => {
      setStep(v);
      setIndex(0);
    },
    index,
    setIndex,
    window: on ? { size: days(size), step: days(step) } : null,
  };
}

export function WindowStepper({
  state,
  windows,
  shown,
}: {
  state: SlidingWindows;
  windows: readonly Network[] | null;
  shown: number;
}) {
  const s = useAnalysisStrings();
  const current = windows?.[shown];
  const label = current && windows ? s.windowOf(shown + 1, windows.length, current.from ?? '', current.to ?? '') : '';
  return (
    <div className="chart-controls window-stepper" role="group" aria-label={s.slidingWindows}>
      <label className="inline">
        <input type="checkbox" checked={state.on} onChange={(e) => state.setOn(e.target.checked)} />
        {s.slidingWindows}
      </label>
      {state.on ? (
        <>
          <Field label={s.windowSize}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={1}
                step={1}
                className="window-days"
                value={state.size}
                onChange={(e) => state.setSize(e.target.value)}
              />
            )}
          </Field>
          <Field label={s.windowStep}>
            {(id) => (
              <input
                id={id}
                type="number"
                min={1}
                step={1}
                className="window-days"
                value={state.step}
                onChange={(e) => state.setStep(e.target.value)}
              />
            )}
          </Field>
        </>
      ) : null}
      {state.on && windows && windows.length === 0 ? <span>{s.noWindows}</span> : null}
      {state.on && windows && windows.length > 0 ? (
        <>
          <button type="button" disabled={shown === 0} onClick={() => state.setIndex(shown - 1)}>
            {s.previousWindow}
          </button>
          <input
            type="range"
            min={0}
            max={windows.length - 1}
            step={1}
            value={shown}
            aria-label={s.windowPick}
            aria-valuetext={label}
            onChange={(e) => state.setIndex(Number(e.target.value))}
            data-testid="window-slider"
          />
          <button type="button" disabled={shown >= windows.length - 1} onClick={() => state.setIndex(shown + 1)}>
            {s.nextWindow}
          </button>
          <span aria-live="polite" data-testid="window-shown">
            {label}
          </span>
        </>
      ) : null}
    </div>
  );
}
