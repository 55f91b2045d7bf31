/**
 * The claims view (issue 16): one filter (FilterBar) over the claims table, the timeline and the
 * actor network; a bar of the timeline or a node of the network narrows the same filter, and every
 * export from the view uses it, so what is seen is what is exported.
 */
import { useCallback, useMemo, useRef, useState, type SetStateAction } from 'react';
import { flushSync } from 'react-dom';
import type { ClaimFilter, DateField } from '@shared/analysis/filter';
import { ClaimsTable } from './ClaimsTable';
import { api } from '../../api/client';
import { prime, type EarlyCalls } from './earlyRequests';
import { FilterBar, withField, type ActorOption } from './FilterBar';
import { NetworkView } from './NetworkView';
import { Timeline } from './Timeline';
import { useAnalysisStrings } from './strings';
import { useDataRevision } from './useAnalysisData';
import './analysis.css';

/** What the view's parts ask for a new filter, sent as the filter changes (earlyRequests.ts). */
const CALLS: EarlyCalls = {
  claims: (input) => api['analysis.claims'](input),
  timeline: (input) => api['analysis.timeline'](input),
  view: (input) => api['analysis.view'](input),
};

/** how long a new filter waits for its answers before the parts show it anyway (busy, with the last rows) */
const SHOW_BY_MS = 100;

export function AnalysisView() {
  const s = useAnalysisStrings();
  // the filter bar's filter (what the researcher chose), and the filter the table, the timeline and
  // the network show: that one follows once the new filter's answers have come (or SHOW_BY_MS has
  // passed), so the parts render once for a change, with its answers, and the click's own task
  // renders only the bar
  const [filter, setChosen] = useState<ClaimFilter>({});
  const [shown, setShown] = useState<ClaimFilter>(filter);
  // a new filter: the table's and the timeline's requests go out now, in this task (earlyRequests.ts)
  const latest = useRef(filter);
  const setFilter = useCallback((change: SetStateAction<ClaimFilter>) => {
    const next = typeof change === 'function' ? change(latest.current) : change;
    if (next === latest.current) return;
    latest.current = next;
    const answered = prime(next, CALLS);
    setChosen(next);
    let done = false;
    const show = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      // a later change shows itself
      if (latest.current === next) flushSync(() => setShown(next));
    };
    const timer = setTimeout(show, SHOW_BY_MS);
    void answered.then(show);
  }, []);
  const [actors, setActors] = useState<ActorOption[]>([]);
  const revision = useDataRevision();
  const onActors = useCallback(
    (list: ActorOption[]) =>
      setActors((old) => {
        // keep what is known: a narrower filter shows fewer actors, the choice stays offered
        const known = new Map(old.map((a) => [a.id, a]));
        for (const a of list) known.set(a.id, a);
        return [...known.values()].sort((x, y) => x.name.localeCompare(y.name));
      }),
    [],
  );
  const onPickDates = useCallback(
    (from: string, to: string, dateField: DateField) =>
      setFilter((f) =>
        withField({ ...withField(f, 'from', from), to }, 'dateField', dateField === 'claim' ? 'claim' : undefined),
      ),
    [setFilter],
  );
  const onPickActor = useCallback((id: string) => setFilter((f) => withField(f, 'actors', [id])), [setFilter]);
  const onPickCode = useCallback((id: string) => setFilter((f) => withField(f, 'codes', [id])), [setFilter]);
  // the parts, rendered again only for what they show (not for a change of the bar alone)
  const parts = useMemo(
    () => (
      <>
        <div className="analysis-charts">
          <Timeline filter={shown} revision={revision} onPickDates={onPickDates} />
          <NetworkView
            filter={shown}
            revision={revision}
            onPickActor={onPickActor}
            onPickCode={onPickCode}
            onActors={onActors}
          />
        </div>
        <ClaimsTable filter={shown} revision={revision} />
      </>
    ),
    [shown, revision, onPickDates, onPickActor, onPickCode, onActors],
  );

  return (
    <main className="analysis-view" aria-labelledby="analysis-heading">
      <h1 id="analysis-heading">{s.heading}</h1>
      <FilterBar filter={filter} onChange={setFilter} actors={actors} revision={revision} />
      {parts}
    </main>
  );
}
