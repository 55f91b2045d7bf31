/**
 * "Tag all hits" of a project-wide search: choose a code, see how many hits each document holds,
 * then tag them all in one call (annotations.createAcross); one Undo takes every annotation it made
 * away again (annotations.deleteAcross). Hits that already carry the code on exactly their span
 * are left alone.
 */
import { useState } from 'react';
import type { AcrossResult } from '@shared/api/annotations';
import type { SearchHit } from '@shared/api/search';
import { AppError } from '@shared/errors';
import { api, errorMessage } from '../../api/client';
import { emitAppEvent } from '../../app/appEvents';
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

type Made = AcrossResult['documents'];

const tallied = (documents: Made): Tagged => ({
  byDocument: documents.map((d) => ({ documentId: d.documentId, ids: d.annotations.map((a) => a.id) })),
  count: documents.reduce((n, d) => n + d.annotations.length, 0),
});

/** What a failed batch kept in memory (the disk refused it; the server saves it later), else none. */
function keptAfter(err: unknown): Made {
  if (!(err instanceof AppError) || err.code !== 'storage') return [];
  const details = err.details as { unsaved?: unknown; documents?: unknown } | undefined;
  return details?.unsaved === true && Array.isArray(details.documents) ? (details.documents as Made) : [];
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
    let made: Tagged = { byDocument: [], count: 0 };
    try {
      // one call for every document: checked as a whole, one write per document, the hits that
      // already carry the code on exactly their span left out by the server
      const result = await api['annotations.createAcross']({
        items: groups.map((g) => ({
          documentId: g.documentId,
          drafts: g.hits.map((h) => ({ documentId: g.documentId, start: h.start, end: h.end, codes: [codeId] })),
        })),
        skipTagged: true,
      });
      made = tallied(result.documents);
      setConfirming(false);
      setDone(made.count > 0 ? made : null);
      setMessage(made.count > 0 ? `${s.tagged}: ${made.count}` : s.alreadyTagged);
    } catch (err) {
      // kept in memory after a failed write: still shown and still undoable
      made = tallied(keptAfter(err));
      setDone(made.count > 0 ? made : null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      void app.reloadInfo();
      // an open reader shows the new tags at once (main's echo follows)
      if (made.count > 0)
        emitAppEvent('annotations.changed', { documentIds: made.byDocument.map((d) => d.documentId) });
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
      await api['annotations.deleteAcross']({ items: done.byDocument });
      emitAppEvent('annotations.changed', { documentIds: done.byDocument.map((d) => d.documentId) });
      setDone(null);
      setMessage(s.tagAllUndone);
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
          aria-label={s.withCode}
          value={codeId}
          onChange={(e) => {
            setCodeId(e.target.value);
            setConfirming(false);
          }}
        >
          <option value="">{s.chooseCode}</option>
          {app.codebook.codes.map((c) => (
            <option key={c.id} value={c.id}>
              {codeLabel(c, lang)}
            </option>
          ))}
        </select>
        <button type="button" disabled={!codeId || busy} aria-expanded={confirming} onClick={() => setConfirming(true)}>
          {s.tagAll} ({total})…
        </button>
        {done && (
          <button type="button" disabled={busy} onClick={() => void undo()}>
            {s.undo}
          </button>
        )}
      </div>
      <p className="find-note" role="status">
        {message}
      </p>
      <ErrorAlert message={error} />
      {confirming && (
        <div className="tag-all-confirm" role="group" aria-label={s.tagAll}>
          <p>{s.tagAllPerDocument}</p>
          <ul data-testid="tag-all-counts">
            {groups.map((g) => (
              <li key={g.documentId}>
                <bdi>{g.title}</bdi>: {g.hits.length}
              </li>
            ))}
          </ul>
          {truncated && <p className="find-note">{s.tagAllTruncated}</p>}
          <div className="find-row">
            <button type="button" className="primary" disabled={busy} onClick={start}>
              {s.tagAllConfirm(total, groups.length)}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {s.cancel}
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
