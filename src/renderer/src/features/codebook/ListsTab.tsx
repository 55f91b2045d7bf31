/**
 * The stance and certainty value lists: add, give an Arabic name (what the Arabic interface
 * shows; annotations and exports keep the value), rename (annotations follow), reorder, remove
 * (refused while annotations use the value).
 */
import { useState } from 'react';
import type { Codebook } from '@shared/model';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { setValueName, valueNameAr } from '@shared/codebook/valueNames';
import { BilingualName } from '../../app/BilingualName';
import { announceCodebookWideChange } from './events';
import { useCodebookStrings } from './strings';
import { noProto } from './noProto';
import { MAX_VALUE_LENGTH } from '@shared/limits';

type ListName = 'stances' | 'certainties';

function ValueList({ list, title, announce }: { list: ListName; title: string; announce: (m: string) => void }) {
  const app = useApp();
  const c = useCodebookStrings();
  const values = app.codebook[list];
  const [added, setAdded] = useState('');
  // keyed by names from data (a claimant may be called “constructor”): a null-prototype object
  const [drafts, setDrafts] = useState<Record<string, string>>(() => noProto({}));
  // Arabic names being typed, by value (a Map: the keys are the researcher's values)
  const [arDrafts, setArDrafts] = useState<ReadonlyMap<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);

  const save = async (next: Codebook) => {
    try {
      await api['codebook.save'](next);
      await app.reloadCodebook();
      setError(null);
      return true;
    } catch (err) {
      setError(errorMessage(err));
      return false;
    }
  };
  const setValues = (next: string[]) => save({ ...app.codebook, [list]: next });
  const move = (i: number, d: -1 | 1) => {
    const j = i + d;
    if (j < 0 || j >= values.length) return;
    const next = [...values];
    [next[i], next[j]] = [next[j] as string, next[i] as string];
    void setValues(next);
  };
  const saveName = async (value: string) => {
    const draft = arDrafts.get(value);
    if (draft === undefined || draft.trim() === valueNameAr(app.codebook, list, value)) return;
    try {
      if (await save(setValueName(app.codebook, list, value, draft))) {
        setArDrafts((m) => {
          const next = new Map(m);
          next.delete(value);
          return next;
        });
        announce(`${value}: ${draft.trim()}`);
      }
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const rename = async (from: string) => {
    const to = (drafts[from] ?? '').trim();
    if (!to) return;
    try {
      const r = await api['codebook.renameValue']({ list, from, to });
      await app.reloadCodebook();
      setDrafts((d) => noProto(d, { [from]: '' }));
      setError(null);
      if (r.affected > 0) announceCodebookWideChange();
      announce(`${from} → ${to}`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section className="cb-values" aria-label={title}>
      <h3>{title}</h3>
      {error && (
        <p className="cb-error" role="alert">
          {error}
        </p>
      )}
      <div className="cb-values-head" aria-hidden="true">
        <span />
        <span>{c.valueNameAr}</span>
        <span>{c.rename}</span>
      </div>
      <ul>
        {values.map((v, i) => (
          <li key={v} data-value={v}>
            <span className="cb-value">
              <BilingualName name={v} nameAr={valueNameAr(app.codebook, list, v)} />
            </span>
            <input
              className="cb-value-ar"
              value={arDrafts.get(v) ?? valueNameAr(app.codebook, list, v)}
              onChange={(e) => {
                const text = e.target.value;
                setArDrafts((m) => new Map(m).set(v, text));
              }}
              onBlur={() => void saveName(v)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void saveName(v);
                }
              }}
              aria-label={`${c.valueNameAr}: ${v}`}
              placeholder={c.valueNameAr}
              lang="ar"
              dir="rtl"
              maxLength={MAX_VALUE_LENGTH}
            />
            <input
              value={drafts[v] ?? ''}
              onChange={(e) => setDrafts((d) => noProto(d, { [v]: e.target.value }))}
              aria-label={`${c.rename}: ${v}`}
              placeholder={c.rename}
              dir="auto"
              maxLength={MAX_VALUE_LENGTH}
            />
            <button type="button" onClick={() => void rename(v)} disabled={!(drafts[v] ?? '').trim()}>
              {c.rename}
            </button>
            <button type="button" onClick={() => move(i, -1)} aria-label={`${c.moveUp}: ${v}`}>
              ↑
            </button>
            <button type="button" onClick={() => move(i, 1)} aria-label={`${c.moveDown}: ${v}`}>
              ↓
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => void setValues(values.filter((x) => x !== v))}
              aria-label={`${c.removeValue}: ${v}`}
            >
              {c.removeValue}
            </button>
          </li>
        ))}
      </ul>
      <form
        className="cb-inline"
        onSubmit={(e) => {
          e.preventDefault();
          const v = added.trim();
          if (v) void setValues([...values, v]).then((ok) => ok && setAdded(''));
        }}
      >
        <input
          value={added}
          onChange={(e) => setAdded(e.target.value)}
          aria-label={`${c.newValue} (${title})`}
          placeholder={c.newValue}
          dir="auto"
          maxLength={MAX_VALUE_LENGTH}
        />
        <button type="submit" disabled={!added.trim()}>
          {c.addValue}
        </button>
      </form>
    </section>
  );
}

export function ListsTab({ announce }: { announce: (message: string) => void }) {
  const c = useCodebookStrings();
  return (
    <div className="cb-lists">
      <ValueList list="stances" title={c.stances} announce={announce} />
      <ValueList list="certainties" title={c.certainties} announce={announce} />
    </div>
  );
}
