/**
 * The coding plan: make one (the chosen coders in turn, and a double-coded sample by a seeded
 * share or picked documents: coders.plan.make), and see which documents each coder has.
 */
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { CodersState } from '@shared/api/coders';
import type { CodingPlan } from '@shared/coders/model';
import { MAX_TITLE_IDS } from '@shared/api/documents';
import { api, errorMessage } from '../../api/client';
import { DocumentPicker } from '../../app/DocumentPicker';
import { useCodersStrings } from './strings';
import { planByCoder, titledIds } from './planRows';

/** At most this many titles listed per coder (the count says how many there are). */
const SHOWN = 200;

export function PlanSection({
  state,
  onPlan,
  onError,
}: {
  state: CodersState;
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
          : { documentIds: [...picked] }),
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
  const rows = useMemo(() => planByCoder(state.plan, state.coders), [state.plan, state.coders]);
  // the titles of the documents the plan view lists (not every document of the project)
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    const ids = titledIds(rows, state.plan, SHOWN, MAX_TITLE_IDS);
    if (ids.length === 0) return;
    let live = true;
    api['documents.titles']({ ids }).then(
      (found) => live && setTitles(new Map(found.map((d) => [d.id, d.title]))),
      (err: unknown) => live && onError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [rows, state.plan, onError]);
  const titleOf = (id: string) => titles.get(id) ?? w.unknownDocument;

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
            <DocumentPicker legend={w.byPick} chosen={picked} onChange={setPicked} testId="plan-picks" />
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
