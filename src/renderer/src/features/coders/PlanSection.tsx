/**
 * The coding plan: make one (the chosen coders in turn, and a double-coded sample by a seeded
 * share or picked documents: coders.plan.make), and see which documents each coder has.
 */
import { useState, type FormEvent } from 'react';
import type { CodersState } from '@shared/api/coders';
import type { CodingPlan } from '@shared/coders/model';
import type { DocumentSummary } from '@shared/model';
import { api, errorMessage } from '../../api/client';
import { useCodersStrings } from './strings';
import { planByCoder } from './planRows';

/** At most this many titles listed per coder (the count says how many there are). */
const SHOWN = 200;

export function PlanSection({
  state,
  documents,
  onPlan,
  onError,
}: {
  state: CodersState;
  documents: readonly DocumentSummary[];
  onPlan: (plan: CodingPlan) => void;
  onError: (message: string | null) => void;
}) {
  const w = useCodersStrings();
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(state.coders.map((c) => c.id)));
  const [by, setBy] = useState<'share' | 'pick'>('share');
  const [percent, setPercent] = useState(20);
  const [seed, setSeed] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [madeSeed, setMadeSeed] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const titles = new Map(documents.map((d) => [d.id, d.title]));
  const titleOf = (id: string) => titles.get(id) ?? w.unknownDocument;

  const make = async (e: FormEvent) => {
    e.preventDefault();
    const coderIds = state.coders.map((c) => c.id).filter((id) => chosen.has(id));
    if (coderIds.length === 0) return onError(w.chooseCoder);
    if (by === 'pick' && picked.size === 0) return onError(w.choosePick);
    setBusy(true);
    try {
      const seedNumber = seed.trim() === '' ? undefined : Number(seed);
      const out = await api['coders.plan.make']({
        coderIds,
        ...(by === 'share'
          ? { share: percent / 100, ...(seedNumber === undefined ? {} : { seed: seedNumber }) }
          : { documentIds: documents.map((d) => d.id).filter((id) => picked.has(id)) }),
      });
      setMadeSeed(by === 'share' ? out.seed : null);
      onPlan(out.plan);
      onError(null);
    } catch (err) {
      onError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (set: Set<string>, id: string, on: boolean) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  };
  const rows = planByCoder(state.plan, state.coders);

  return (
    <section className="coders-section" aria-labelledby="coders-plan-title">
      <h3 id="coders-plan-title">{w.plan}</h3>
      <form className="coders-plan-form" onSubmit={(e) => void make(e)}>
        <fieldset className="coders-fieldset" data-testid="plan-coders">
          <legend>{w.planCoders}</legend>
          {state.coders.map((c) => (
            <label key={c.id} className="coders-choice">
              <input
                type="checkbox"
                checked={chosen.has(c.id)}
                onChange={(e) => setChosen(toggle(chosen, c.id, e.target.checked))}
              />
              <bdi>{c.name}</bdi>
            </label>
          ))}
        </fieldset>
        <fieldset className="coders-fieldset">
          <legend>{w.doubleBy}</legend>
          <label className="coders-choice">
            <input type="radio" name="plan-by" checked={by === 'share'} onChange={() => setBy('share')} />
            {w.byShare}
          </label>
          {by === 'share' && (
            <div className="coders-inline">
              <label>
                {w.share}{' '}
                <input
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  value={percent}
                  onChange={(e) => setPercent(Math.min(100, Math.max(0, Number(e.target.value) || 0)))}
                />
              </label>
              <label>
                {w.seed}{' '}
                <input
                  type="number"
                  min={0}
                  step={1}
                  value={seed}
                  onChange={(e) => setSeed(e.target.value.replace(/[^0-9]/g, ''))}
                />
              </label>
            </div>
          )}
          <label className="coders-choice">
            <input type="radio" name="plan-by" checked={by === 'pick'} onChange={() => setBy('pick')} />
            {w.byPick}
          </label>
          {by === 'pick' && (
            <div className="coders-picks" data-testid="plan-picks">
              {documents.map((d) => (
                <label key={d.id} className="coders-choice">
                  <input
                    type="checkbox"
                    checked={picked.has(d.id)}
                    onChange={(e) => setPicked(toggle(picked, d.id, e.target.checked))}
                  />
                  <span dir="auto">{d.title}</span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || state.coders.length === 0}>
            {w.make}
          </button>
        </div>
      </form>
      {madeSeed !== null && <p className="meta">{w.madeWith(madeSeed)}</p>}
      {rows.length === 0 ? (
        <p>{w.noPlan}</p>
      ) : (
        <div className="coders-plan" data-testid="plan-view">
          {rows.map((r) => (
            <details key={r.coderId} data-coder-id={r.coderId}>
              <summary>
                <bdi>{r.name}</bdi> · {w.documentsOf(r.documentIds.length)}
              </summary>
              <ul>
                {r.documentIds.slice(0, SHOWN).map((id) => (
                  <li key={id} dir="auto">
                    {titleOf(id)}
                  </li>
                ))}
                {r.documentIds.length > SHOWN && <li>…</li>}
              </ul>
            </details>
          ))}
          <details data-testid="plan-double">
            <summary>{w.doubleCoded(state.plan.doubleCoded.length)}</summary>
            <ul>
              {state.plan.doubleCoded.slice(0, SHOWN).map((id) => (
                <li key={id} dir="auto">
                  {titleOf(id)}
                </li>
              ))}
              {state.plan.doubleCoded.length > SHOWN && <li>…</li>}
            </ul>
          </details>
        </div>
      )}
    </section>
  );
}
