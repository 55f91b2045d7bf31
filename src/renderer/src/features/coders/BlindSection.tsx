/** Blind coding on, or reveal after a confirm (coders.blind / coders.reveal). */
import { useState } from 'react';
import type { CodersState } from '@shared/api/coders';
import { api, errorMessage } from '../../api/client';
import { useCodersStrings } from './strings';

export function BlindSection({
  state,
  onChanged,
  onError,
}: {
  state: CodersState;
  onChanged: (next: CodersState) => void;
  onError: (message: string | null) => void;
}) {
  const w = useCodersStrings();
  const [confirming, setConfirming] = useState(false);
  const run = async (call: () => Promise<CodersState>) => {
    try {
      onChanged(await call());
      onError(null);
      setConfirming(false);
    } catch (err) {
      onError(errorMessage(err));
    }
  };
  return (
    <section className="coders-section" aria-labelledby="coders-blind-title">
      <h3 id="coders-blind-title">{w.blindTitle}</h3>
      <p data-testid="coders-blind-state">{state.blind ? w.blindOn : w.blindOff}</p>
      {!state.blind && (
        <button type="button" onClick={() => void run(() => api['coders.blind']({ on: true }))}>
          {w.turnOn}
        </button>
      )}
      {state.blind && !confirming && (
        <button type="button" onClick={() => setConfirming(true)}>
          {w.reveal}
        </button>
      )}
      {state.blind && confirming && (
        <div className="coders-confirm" role="group" aria-label={w.reveal}>
          <p>{w.revealConfirm}</p>
          <button type="button" className="primary" autoFocus onClick={() => void run(() => api['coders.reveal']({}))}>
            {w.revealNow}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {w.cancel}
          </button>
        </div>
      )}
    </section>
  );
}
