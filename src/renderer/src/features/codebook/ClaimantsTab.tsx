/**
 * The project's claimants with how many annotations name each; rename one actor everywhere,
 * or merge two spellings (خليفه حفتر → خليفة حفتر) by renaming one to the other.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { spellingGroups } from '../../../../shared/codebook/claimants';
import { api, errorMessage } from '../../api/client';
import { notifyAnnotationsChanged } from './events';
import { useCbText } from './strings';
import { noProto } from './noProto';

export function ClaimantsTab({ announce }: { announce: (message: string) => void }) {
  const { c } = useCbText();
  const listId = useId();
  const [claimants, setClaimants] = useState<{ name: string; count: number }[]>([]);
  // keyed by names from data (a claimant may be called “constructor”): a null-prototype object
  const [drafts, setDrafts] = useState<Record<string, string>>(() => noProto({}));
  const [error, setError] = useState<string | null>(null);

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

  const renameTo = async (from: string, to: string) => {
    if (!to || to === from) return;
    try {
      const r = await api['claimants.rename']({ from, to });
      setDrafts((d) => noProto(d, { [from]: '' }));
      setError(null);
      await reload();
      notifyAnnotationsChanged();
      announce(`${from} → ${to}: ${r.affected} ${c('annotationsWord')}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const rename = (from: string) => renameTo(from, (drafts[from] ?? '').trim());
  const groups = spellingGroups(claimants);

  if (claimants.length === 0) return <p className="cb-hint">{c('noClaimants')}</p>;
  return (
    <div className="cb-claimants">
      {error && (
        <p className="cb-error" role="alert">
          {error}
        </p>
      )}
      {groups.length > 0 && (
        <section className="cb-spellings" aria-labelledby={`${listId}-sp`}>
          <h3 id={`${listId}-sp`}>{c('sameActor')}</h3>
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
                    void (async () => {
                      for (const other of g.others) await renameTo(other.name, g.keep.name);
                    })()
                  }
                >
                  {c('mergeAs')} <bdi>{g.keep.name}</bdi>
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
            <th scope="col">{c('claimant')}</th>
            <th scope="col" className="num">
              {c('count')}
            </th>
            <th scope="col">{c('renameTo')}</th>
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
                    void rename(x.name);
                  }}
                >
                  <input
                    list={listId}
                    dir="auto"
                    value={drafts[x.name] ?? ''}
                    onChange={(e) => setDrafts((d) => noProto(d, { [x.name]: e.target.value }))}
                    aria-label={`${c('renameTo')}: ${x.name}`}
                  />
                  <button type="submit" disabled={!(drafts[x.name] ?? '').trim()}>
                    {c('rename')}
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
