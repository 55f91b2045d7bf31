/**
 * The project's claimants with how many annotations name each; rename one actor everywhere,
 * or merge two spellings (خليفه حفتر → خليفة حفتر) by renaming one to the other.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { spellingGroups } from '@shared/codebook/claimants';
import { api, errorMessage } from '../../api/client';
import { announceCodebookWideChange, offerUndoStep } from './events';
import { mergeStep, type MergeStep } from './mergeSteps';
import { useCodebookStrings } from './strings';
import { ConfirmMerge, UndoNotice } from './MergeConfirm';
import { fill, useMergeStrings } from './mergeStrings';

/** Renames to do as one step: each `from` becomes `to`. */
interface Merge {
  from: string[];
  to: string;
  message: string;
}
import { noProto } from './noProto';

export function ClaimantsTab({ announce }: { announce: (message: string) => void }) {
  const c = useCodebookStrings();
  const listId = useId();
  const [claimants, setClaimants] = useState<{ name: string; count: number }[]>([]);
  // keyed by names from data (a claimant may be called “constructor”): a null-prototype object
  const [drafts, setDrafts] = useState<Record<string, string>>(() => noProto({}));
  const [error, setError] = useState<string | null>(null);
  const m = useMergeStrings();
  const [confirming, setConfirming] = useState<Merge | null>(null);
  const [lastMerge, setLastMerge] = useState<{ step: MergeStep; affected: number; message: string } | null>(null);

  const reload = useCallback(async () => {
    try {
      setClaimants((await api['stats.summary']({})).claimants);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  /** Rename each of `from` to `to`, in order; answers the undoIds and how many annotations changed. */
  const renameEach = async (from: readonly string[], to: string) => {
    const undoIds: string[] = [];
    let affected = 0;
    let failed: unknown = null;
    for (const name of from) {
      if (!to || to === name) continue;
      try {
        const r = await api['claimants.rename']({ from: name, to });
        affected += r.affected;
        if (r.undoId) undoIds.push(r.undoId);
      } catch (err) {
        failed = err;
        break;
      }
    }
    return { undoIds, affected, failed };
  };

  /** Rename each of `from` to `to`; what was done can be undone as one step. */
  const renameAll = async (from: readonly string[], to: string) => {
    const { undoIds, affected, failed } = await renameEach(from, to);
    setError(failed ? errorMessage(failed) : null);
    // names come from data (a claimant may be called “__proto__”): build, never assign, the keys
    setDrafts((d) => noProto<string>(d, Object.fromEntries(from.map((name) => [name, '']))));
    setConfirming(null);
    await reload();
    if (undoIds.length === 0) return;
    announceCodebookWideChange();
    const message = fill(m.mergedClaimants, { source: from.join(' / '), target: to, n: affected });
    // undone from the notice or with Ctrl/Cmd+Z in the reader, whichever comes first
    const step = mergeStep(
      'rename',
      undoIds,
      async () => {
        const again = await renameEach(from, to);
        if (again.failed) throw again.failed;
        return again.undoIds;
      },
      reload,
    );
    offerUndoStep(step);
    setLastMerge({ step, affected, message });
    announce(message);
  };

  const undoMerge = async (last: { step: MergeStep; affected: number }): Promise<string | null> => {
    try {
      await last.step.undo();
    } catch (err) {
      await reload();
      return errorMessage(err);
    }
    setLastMerge(null);
    announce(fill(m.undone, { n: last.affected }));
    return null;
  };

  const countOf = (name: string) => claimants.find((x) => x.name === name)?.count ?? 0;
  /** A rename onto a name annotations already carry merges two claimants: ask first. */
  const rename = (from: string) => {
    const to = (drafts[from] ?? '').trim();
    if (!to || to === from) return;
    if (claimants.some((x) => x.name === to)) {
      setConfirming({
        from: [from],
        to,
        message: fill(m.confirmClaimant, { source: from, target: to, n: countOf(from) }),
      });
    } else void renameAll([from], to);
  };
  const groups = spellingGroups(claimants);

  const notice = lastMerge && (
    <UndoNotice message={lastMerge.message} onUndo={() => undoMerge(lastMerge)} onDismiss={() => setLastMerge(null)} />
  );
  if (claimants.length === 0) return notice || <p className="cb-hint">{c.noClaimants}</p>;
  return (
    <div className="cb-claimants">
      {notice}
      {confirming && (
        <ConfirmMerge
          title={m.confirmClaimantTitle}
          message={confirming.message}
          onConfirm={() => void renameAll(confirming.from, confirming.to)}
          onCancel={() => setConfirming(null)}
        />
      )}
      {error && (
        <p className="cb-error" role="alert">
          {error}
        </p>
      )}
      {groups.length > 0 && (
        <section className="cb-spellings" aria-labelledby={`${listId}-sp`}>
          <h3 id={`${listId}-sp`}>{c.sameActor}</h3>
          <ul>
            {groups.map((g) => (
              <li key={g.keep.name} data-testid="spelling-group">
                {[g.keep, ...g.others].map((x, i) => (
                  <span key={x.name}>
                    {i > 0 && ' / '}
                    <bdi>{x.name}</bdi> ({x.count})
                  </span>
                ))}{' '}
                <button
                  type="button"
                  onClick={() =>
                    setConfirming({
                      from: g.others.map((o) => o.name),
                      to: g.keep.name,
                      message: fill(m.confirmGroup, {
                        names: g.others.map((o) => `“${o.name}”`).join(', '),
                        target: g.keep.name,
                        n: g.others.reduce((n, o) => n + o.count, 0),
                      }),
                    })
                  }
                >
                  {c.mergeAs} <bdi>{g.keep.name}</bdi>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <datalist id={listId}>
        {claimants.map((x) => (
          <option key={x.name} value={x.name} />
        ))}
      </datalist>
      <table>
        <thead>
          <tr>
            <th scope="col">{c.claimant}</th>
            <th scope="col" className="num">
              {c.count}
            </th>
            <th scope="col">{c.renameTo}</th>
          </tr>
        </thead>
        <tbody>
          {claimants.map((x) => (
            <tr key={x.name}>
              <th scope="row">
                <bdi>{x.name}</bdi>
              </th>
              <td className="num">{x.count}</td>
              <td>
                <form
                  className="cb-inline"
                  onSubmit={(e) => {
                    e.preventDefault();
                    rename(x.name);
                  }}
                >
                  <input
                    list={listId}
                    dir="auto"
                    value={drafts[x.name] ?? ''}
                    onChange={(e) => setDrafts((d) => noProto(d, { [x.name]: e.target.value }))}
                    aria-label={`${c.renameTo}: ${x.name}`}
                  />
                  <button type="submit" disabled={!(drafts[x.name] ?? '').trim()}>
                    {c.rename}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
