/** The library's part of the plan: which documents are assigned to me, and the filter to them. */
import { useEffect, useMemo, useState } from 'react';
import type { CodingPlan } from '@shared/coders/model';
import { api } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { useAppEvent } from '../../app/appEvents';
import { assignedTo } from './planRows';
import { useCodersStrings } from './strings';

/** The ids of the documents the plan assigns to this copy's coder (empty without a plan or an id). */
export function useAssignedToMe(): ReadonlySet<string> {
  const { settings } = useApp();
  const [plan, setPlan] = useState<CodingPlan | null>(null);
  const [generation, setGeneration] = useState(0);
  // the plan lives in project.json: made or changed here or in another window
  useAppEvent('project.changed', () => setGeneration((g) => g + 1));
  useEffect(() => {
    let live = true;
    api['coders.plan.get']({})
      .then((p) => live && setPlan(p))
      .catch(() => live && setPlan(null));
    return () => {
      live = false;
    };
  }, [generation]);
  // one set per plan and coder: the library re-sorts when it changes
  return useMemo(() => (plan ? assignedTo(plan, settings.coderId) : new Set<string>()), [plan, settings.coderId]);
}

/** The "only documents assigned to me" switch, shown when the plan assigns me any. */
export function AssignedFilter({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const w = useCodersStrings();
  return (
    <label className="assigned-filter">
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} />
      {w.onlyMine}
    </label>
  );
}

/** The mark beside a document assigned to me. */
export function AssignedMark() {
  const w = useCodersStrings();
  return (
    <span className="assigned-mark" data-testid="assigned-mark">
      {w.assignedToMe}
    </span>
  );
}
