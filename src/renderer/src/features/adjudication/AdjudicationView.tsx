/**
 * Disagreements side by side (issue 17): one document's text with two coders' tracks (A shaded,
 * B underlined), the units where they differ beside it, stepped with n/p or the buttons (the
 * current one scrolled into view and announced), each settled by accepting A, accepting B or an
 * edit (adjudication.decide); Ctrl+Z takes the last decision back (adjudication.undo).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { DifferencesOutput, DifferenceUnit } from '@shared/api/adjudication';
import type { AdjudicationDecision } from '@shared/coders/model';
import type { Document } from '@shared/model';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Modal } from '../../app/Modal';
import { clearTracks, paintTracks, textModelOf } from './paint';
import { UnitCard, type Edit } from './UnitCard';
import { useAdjudicationStrings } from './strings';
import { useUnitWords } from './unitWords';
import './adjudication.css';

export interface AdjudicationTarget {
  documentId: string;
  /** coder A and coder B, by coder key */
  coders: [string, string];
  overlap?: number;
}

export function AdjudicationView({ target, onClose }: { target: AdjudicationTarget; onClose: () => void }) {
  const app = useApp();
  const w = useAdjudicationStrings();
  const [doc, setDoc] = useState<Document | null>(null);
  const [data, setData] = useState<DifferencesOutput | null>(null);
  const [index, setIndex] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const [busy, setBusy] = useState(false);
  const article = useRef<HTMLDivElement>(null);
  const input = useMemo(
    () => ({
      documentId: target.documentId,
      coders: target.coders,
      ...(target.overlap !== undefined ? { overlap: target.overlap } : {}),
    }),
    [target],
  );

  const load = useCallback(async () => {
    const next = await api['agreement.differences'](input);
    setData(next);
    setIndex((i) => Math.min(i, Math.max(0, next.units.length - 1)));
    return next;
  }, [input]);

  useEffect(() => {
    let live = true;
    Promise.all([api['documents.get']({ id: target.documentId }), api['agreement.differences'](input)])
      .then(([d, diffs]) => {
        if (!live) return;
        setDoc(d);
        setData(diffs);
      })
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [target.documentId, input]);

  const model = useMemo(() => (doc ? textModelOf(doc.text) : null), [doc]);
  const units = useMemo(() => data?.units ?? [], [data]);
  const unit: DifferenceUnit | undefined = units[index];
  const names = data?.coders.map((c) => c.name) ?? target.coders;
  const nameA = names[0] ?? target.coders[0];
  const nameB = names[1] ?? target.coders[1];
  const words = useUnitWords(nameA, nameB);

  // paint the tracks and bring the current difference into view
  useLayoutEffect(() => {
    if (!model || !article.current) return;
    const a = units.flatMap((u) => (u.a ? [u.a] : []));
    const b = units.flatMap((u) => (u.b ? [u.b] : []));
    const range = paintTracks(model, article.current, a, b, unit ?? null);
    const el = range?.startContainer.parentElement;
    el?.scrollIntoView?.({ block: 'center' });
  }, [model, units, unit]);
  useEffect(() => clearTracks, []);

  const step = (by: number) => {
    if (units.length === 0) return;
    const next = Math.min(units.length - 1, Math.max(0, index + by));
    setIndex(next);
    const u = units[next];
    if (u) setAnnounce(w.current(next + 1, units.length, words.what(u)));
  };

  const run = async (work: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const said = await work();
      await load();
      setAnnounce(said);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const decide = (u: DifferenceUnit, decision: AdjudicationDecision, edit?: Edit) =>
    run(async () => {
      const { settled } = await api['adjudication.decide']({
        ...input,
        unit: u.unit,
        decision,
        ...(edit ? { edit } : {}),
      });
      return w.decidedNow(words.status(settled));
    });
  const undo = () =>
    run(async () => {
      const { unit: undone } = await api['adjudication.undo']({ documentId: target.documentId });
      const at = units.findIndex((u) => u.unit === undone);
      if (at >= 0) setIndex(at);
      return w.undone;
    });

  const onKeyDown = (e: KeyboardEvent) => {
    // the reader open beneath listens on the window: its keys (codes, undo) must not act on it
    e.stopPropagation();
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z' && !typing) {
      e.preventDefault();
      void undo();
    } else if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === 'n' || e.key === 'p')) {
      e.preventDefault();
      step(e.key === 'n' ? 1 : -1);
    }
  };

  return (
    <Modal label={w.title} onClose={onClose} className="adjudication-dialog">
      <div onKeyDown={onKeyDown} data-testid="adjudication-view">
        <h2>
          {w.title}
          {doc && (
            <>
              {' · '}
              <bdi>{doc.title}</bdi>
            </>
          )}
        </h2>
        <p className="meta">
          <span className="adjudication-legend-a">
            <bdi>{w.legendA(nameA)}</bdi>
          </span>
          {' · '}
          <span className="adjudication-legend-b">
            <bdi>{w.legendB(nameB)}</bdi>
          </span>
          {data && (
            <>
              {' · '}
              <span data-testid="adjudication-progress">{w.progress(data.decided, units.length)}</span>
            </>
          )}
        </p>
        <ErrorAlert message={error} />
        <p aria-live="polite" className="meta" data-testid="adjudication-announce">
          {announce}
        </p>
        {!doc || !data ? (
          <p>{w.loading}</p>
        ) : (
          <div className="adjudication-layout">
            <div className="adjudication-text" ref={article} data-testid="adjudication-text" tabIndex={0}>
              {model?.paragraphs.map((p) => (
                <p key={p.index} data-para={p.index} dir={doc.direction} lang={doc.language}>
                  {p.text}
                </p>
              ))}
            </div>
            <section className="adjudication-side" aria-label={w.differences}>
              <div className="adjudication-actions">
                <button type="button" onClick={() => step(-1)} disabled={index === 0} data-testid="adjudication-prev">
                  {w.previous}
                </button>
                <button
                  type="button"
                  onClick={() => step(1)}
                  disabled={index >= units.length - 1}
                  data-testid="adjudication-next"
                >
                  {w.next}
                </button>
                <button type="button" onClick={() => void undo()} disabled={busy} data-testid="adjudication-undo">
                  {w.undo}
                </button>
                <button type="button" onClick={onClose}>
                  {w.close}
                </button>
              </div>
              {units.length === 0 && <p>{w.none}</p>}
              <ol className="adjudication-units" data-testid="adjudication-units">
                {units.map((u, i) => (
                  <UnitCard
                    key={u.unit}
                    unit={u}
                    current={i === index}
                    busy={busy}
                    words={words}
                    codebook={app.codebook}
                    registry={app.registry}
                    onSelect={() => setIndex(i)}
                    onDecide={(decision, edit) => void decide(u, decision, edit)}
                  />
                ))}
              </ol>
            </section>
          </div>
        )}
      </div>
    </Modal>
  );
}
