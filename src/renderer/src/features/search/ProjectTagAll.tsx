/**
 * "Tag all hits" of a project-wide search: choose a code, see how many hits each document holds,
 * then tag them all; one Undo takes every annotation it made away again. Hits that already carry
 * the code on exactly their span are left alone.
 */
import { useState } from 'react';
import type { SearchHit } from '@shared/api/search';
import type { Annotation } from '@shared/model';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { ErrorAlert } from '../../app/ErrorAlert';
import { codeLabel, useI18n } from '../../i18n';
import { NameDialog } from '../../reader';
import { useSearchStrings } from './strings';

export interface HitGroup {
  documentId: string;
  title: string;
  hits: SearchHit[];
}

interface Tagged {
  byDocument: Array<{ documentId: string; ids: string[] }>;
  count: number;
}

/** The hits of each group that do not yet carry the code on exactly their span. */
async function freshSpans(
  groups: readonly HitGroup[],
  codeId: string,
): Promise<Array<{ documentId: string; spans: SearchHit[] }>> {
  const out: Array<{ documentId: string; spans: SearchHit[] }> = [];
  for (const g of groups) {
    const existing = await api['annotations.list']({ documentId: g.documentId });
    const taken = new Set(existing.filter((a) => a.codes.includes(codeId)).map((a) => `${a.start}:${a.end}`));
    const spans = g.hits.filter((h) => !taken.has(`${h.start}:${h.end}`));
    if (spans.length > 0) out.push({ documentId: g.documentId, spans });
  }
  return out;
}

export function ProjectTagAll({ groups, truncated }: { groups: readonly HitGroup[]; truncated: boolean }) {
  const app = useApp();
  const { lang } = useI18n();
  const s = useSearchStrings();
  const [codeId, setCodeId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [askName, setAskName] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Tagged | null>(null);
  const [message, setMessage] = useState('');
  const total = groups.reduce((n, g) => n + g.hits.length, 0);

  const tagAll = async () => {
    setBusy(true);
    setError(null);
    const made: Tagged = { byDocument: [], count: 0 };
    try {
      for (const { documentId, spans } of await freshSpans(groups, codeId)) {
        const drafts = spans.map((h) => ({ documentId, start: h.start, end: h.end, codes: [codeId] }));
        const created: Annotation[] = await api['annotations.createMany']({ documentId, drafts });
        made.byDocument.push({ documentId, ids: created.map((a) => a.id) });
        made.count += created.length;
      }
      setConfirming(false);
      setDone(made.count > 0 ? made : null);
      setMessage(made.count > 0 ? `${s('tagged')}: ${made.count}` : s('alreadyTagged'));
    } catch (err) {
      // what was made before the failure can still be undone
      setDone(made.count > 0 ? made : null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      void app.reloadInfo();
    }
  };

  const start = () => {
    if (!app.settings.annotator) setAskName(true);
    else void tagAll();
  };

  const undo = async () => {
    if (!done) return;
    setBusy(true);
    try {
      for (const d of done.byDocument) await api['annotations.deleteMany']({ documentId: d.documentId, ids: d.ids });
      setDone(null);
      setMessage(s('tagAllUndone'));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      void app.reloadInfo();
    }
  };

  if (total === 0) return null;
  return (
    <div className="project-tag-all">
      <div className="find-row find-tag">
        <select
          aria-label={s('withCode')}
          value={codeId}
          onChange={(e) => {
            setCodeId(e.target.value);
            setConfirming(false);
          }}
        >
          <option value="">{s('chooseCode')}</option>
          {app.codebook.codes.map((c) => (
            <option key={c.id} value={c.id}>
              {codeLabel(c, lang)}
            </option>
          ))}
        </select>
        <button type="button" disabled={!codeId || busy} aria-expanded={confirming} onClick={() => setConfirming(true)}>
          {s('tagAll')} ({total})…
        </button>
        {done && (
          <button type="button" disabled={busy} onClick={() => void undo()}>
            {s('undo')}
          </button>
        )}
      </div>
      <p className="find-note" role="status">
        {message}
      </p>
      <ErrorAlert message={error} />
      {confirming && (
        <div className="tag-all-confirm" role="group" aria-label={s('tagAll')}>
          <p>{s('tagAllPerDocument')}</p>
          <ul data-testid="tag-all-counts">
            {groups.map((g) => (
              <li key={g.documentId}>
                <bdi>{g.title}</bdi>: {g.hits.length}
              </li>
            ))}
          </ul>
          {truncated && <p className="find-note">{s('tagAllTruncated')}</p>}
          <div className="find-row">
            <button type="button" className="primary" disabled={busy} onClick={start}>
              {s('tagAllConfirm').replace('{hits}', String(total)).replace('{documents}', String(groups.length))}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {s('cancel')}
            </button>
          </div>
        </div>
      )}
      {askName && (
        <NameDialog
          onCancel={() => setAskName(false)}
          onSave={(name) => {
            setAskName(false);
            void app.updateSettings({ annotator: name }).then(tagAll);
          }}
        />
      )}
    </div>
  );
}
