/**
 * The claims view (issue 16): one filter (FilterBar) over the claims table, the timeline and the
 * actor network; a bar of the timeline or a node of the network narrows the same filter, and every
 * export from the view uses it, so what is seen is what is exported.
 */
import { useCallback, useRef, useState, type SetStateAction } from 'react';
import type { ClaimFilter } from '@shared/analysis/filter';
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

export function AnalysisView() {
  const s = useAnalysisStrings();
  const [filter, setShown] = useState<ClaimFilter>({});
  // a new filter: the table's and the timeline's requests go out now, in this task, before React
  // renders the view for it (earlyRequests.ts)
  const latest = useRef(filter);
  const setFilter = useCallback((change: SetStateAction<ClaimFilter>) => {
    const next = typeof change === 'function' ? change(latest.current) : change;
    if (next === latest.current) return;
    latest.current = next;
    prime(next, CALLS);
    setShown(next);
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

  return (
    <main className="analysis-view" aria-labelledby="analysis-heading">
      <h1 id="analysis-heading">{s.heading}</h1>
      <FilterBar filter={filter} onChange={setFilter} actors={actors} revision={revision} />
      <div className="analysis-charts">
        <Timeline
          filter={filter}
          revision={revision}
          onPickDates={(from, to, dateField) =>
            setFilter((f) =>
              withField(
                { ...withField(f, 'from', from), to },
                'dateField',
                dateField === 'claim' ? 'claim' : undefined,
              ),
            )
          }
        />
        <NetworkView
          filter={filter}
          revision={revision}
          onPickActor={(id) => setFilter((f) => withField(f, 'actors', [id]))}
          onPickCode={(id) => setFilter((f) => withField(f, 'codes', [id]))}
          onActors={onActors}
        />
      </div>
      <ClaimsTable filter={filter} revision={revision} />
    </main>
  );
}
