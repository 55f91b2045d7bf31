/**
 * The coders dialog (issue 17): the coder list (rename), my coder id, blind coding on or reveal,
 * and the coding plan.
 */
import { useEffect, useState } from 'react';
import type { CodersState } from '@shared/api/coders';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Modal } from '../../app/Modal';
import { BlindSection } from './BlindSection';
import { CoderList } from './CoderList';
import { PlanSection } from './PlanSection';
import { useCodersStrings } from './strings';

export function CodersDialog({ onClose }: { onClose: () => void }) {
  const app = useApp();
  const w = useCodersStrings();
  const [state, setState] = useState<CodersState | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api['coders.list']({})
      .then((s) => {
        if (live) setState(s);
      })
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, []);

  // the settings (annotator, blind) live in the project info every view reads
  const changed = (next: CodersState) => {
    setState(next);
    void app.reloadInfo();
  };

  return (
    <Modal label={w.title} onClose={onClose} className="coders-dialog">
      <div className="coders-body">
        <h2>{w.title}</h2>
        <p className="meta">{w.hint}</p>
        <ErrorAlert message={error} />
        {state && (
          <>
            <p data-testid="my-coder-id">{state.me ? w.myId(state.me.id) : w.noId}</p>
            <section className="coders-section" aria-labelledby="coders-list-title">
              <h3 id="coders-list-title">{w.coders}</h3>
              <CoderList state={state} onChanged={changed} onError={setError} />
            </section>
            <BlindSection state={state} onChanged={changed} onError={setError} />
            <PlanSection state={state} onPlan={(plan) => setState({ ...state, plan })} onError={setError} />
          </>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {w.close}
          </button>
        </div>
      </div>
    </Modal>
  );
}
