/**
 * The agreement report (issue 17): choose documents, two or more coders, codes and the overlap
 * threshold; see the figures per code and per claim field with their warnings, export them as
 * CSV, and step to any disagreement in the reader.
 */
import { lazy, Suspense, useEffect, useMemo, useState, type FormEvent } from 'react';
import { DEFAULT_OVERLAP, type AgreementReport, type Disagreement } from '@shared/api/agreement';
import { api, errorMessage } from '../../api/client';
import { fieldLabel } from '@shared/claims/labels';
import { useApp } from '../../app/AppContext';
import { DocumentPicker } from '../../app/DocumentPicker';
import { downloadFile } from '../../app/download';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Modal } from '../../app/Modal';
import { useAppStrings, useI18n } from '../../i18n';
import { CheckList } from './CheckList';
import { Disagreements } from './Disagreements';
import { ReportTables } from './ReportTables';
import { codeRows, fieldRows, reportCsv } from './reportRows';
import { useAgreementStrings } from './strings';
import type { AdjudicationTarget } from '../adjudication';

// the side-by-side view loads when first opened
const AdjudicationView = lazy(() => import('../adjudication').then((m) => ({ default: m.AdjudicationView })));

export function AgreementDialog({ onClose }: { onClose: () => void }) {
  const app = useApp();
  const w = useAgreementStrings();
  const words = useAppStrings();
  const { lang } = useI18n();
  const [coders, setCoders] = useState<Array<{ coder: string; name: string; annotations: number }> | null>(null);
  const [allDocs, setAllDocs] = useState(true);
  const [chosenDocs, setChosenDocs] = useState<Set<string>>(new Set());
  const [chosenCoders, setChosenCoders] = useState<Set<string>>(new Set());
  const codes = app.codebook.codes;
  const [chosenCodes, setChosenCodes] = useState<Set<string>>(() => new Set(codes.map((c) => c.id)));
  const [overlap, setOverlap] = useState(DEFAULT_OVERLAP);
  const [report, setReport] = useState<AgreementReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sideBySide, setSideBySide] = useState<AdjudicationTarget | null>(null);

  useEffect(() => {
    let live = true;
    api['agreement.coders']({})
      .then((c) => {
        if (!live) return;
        setCoders(c);
        setChosenCoders(new Set(c.map((x) => x.coder)));
      })
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, []);

  const nameOf = useMemo(() => {
    const byId = new Map(codes.map((c) => [c.id, c]));
    return (id: string) => {
      const c = byId.get(id);
      if (!c) return id;
      return lang === 'ar' && c.nameAr.trim() !== '' ? c.nameAr : c.name;
    };
  }, [codes, lang]);
  const nameOfField = useMemo(() => {
    const byKey = new Map(app.codebook.fields.map((f) => [f.key, f]));
    return (key: string) => {
      const f = byKey.get(key);
      return f ? fieldLabel(f, lang) : key;
    };
  }, [app.codebook.fields, lang]);
  const rows = useMemo(
    () =>
      report ? { codes: codeRows(report, nameOf, lang, w), fields: fieldRows(report, nameOfField, lang, w) } : null,
    [report, nameOf, nameOfField, lang, w],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!allDocs && chosenDocs.size === 0) return setError(w.chooseDocument);
    if (chosenCoders.size < 2) return setError(w.chooseTwoCoders);
    if (chosenCodes.size === 0) return setError(w.chooseCode);
    setBusy(true);
    setError(null);
    try {
      const allCodes = chosenCodes.size === codes.length;
      setReport(
        await api['agreement.report']({
          ...(allDocs ? {} : { documentIds: [...chosenDocs] }),
          coders: (coders ?? []).map((c) => c.coder).filter((c) => chosenCoders.has(c)),
          ...(allCodes ? {} : { codes: codes.map((c) => c.id).filter((id) => chosenCodes.has(id)) }),
          overlap,
        }),
      );
    } catch (err) {
      setReport(null);
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const open = (d: Disagreement) => {
    const start = Math.min(...d.marks.map((m) => m.start));
    const end = Math.max(...d.marks.map((m) => m.end));
    onClose();
    app.openDocument(d.documentId, { start, end });
  };

  // a disagreement's document with two of its coders: those who marked it, then the report's first others
  const adjudicate = (d: Disagreement) => {
    if (!report) return;
    const pair = [...new Set([...d.marks.map((m) => m.coder), ...report.coders])].slice(0, 2);
    if (pair.length === 2)
      setSideBySide({
        documentId: d.documentId,
        coders: [pair[0] as string, pair[1] as string],
        overlap: report.overlap,
      });
  };
  if (sideBySide)
    return (
      <Suspense fallback={null}>
        <AdjudicationView target={sideBySide} onClose={() => setSideBySide(null)} />
      </Suspense>
    );

  return (
    <Modal label={w.title} onClose={onClose} className="agreement-dialog">
      <form className="agreement-form" onSubmit={(e) => void submit(e)}>
        <h2>{w.title}</h2>
        <p className="meta">{w.hint}</p>
        <fieldset className="agreement-fieldset">
          <legend>{w.documents}</legend>
          <label className="agreement-choice">
            <input type="radio" name="agreement-docs" checked={allDocs} onChange={() => setAllDocs(true)} />
            {w.allDocuments}
          </label>
          <label className="agreement-choice">
            <input type="radio" name="agreement-docs" checked={!allDocs} onChange={() => setAllDocs(false)} />
            {w.chosenDocuments}
          </label>
          {!allDocs && (
            <DocumentPicker
              legend={w.chosenDocuments}
              chosen={chosenDocs}
              onChange={setChosenDocs}
              testId="agreement-documents"
            />
          )}
        </fieldset>
        {!coders && !error && (
          // the coders' place kept while they load (agreement.coders reads every document)
          <fieldset className="agreement-fieldset" aria-busy="true" data-testid="agreement-coders-loading">
            <legend>{w.coders}</legend>
            <p className="meta">{words.loading}</p>
          </fieldset>
        )}
        {coders && coders.length === 0 && <p>{w.noCoders}</p>}
        {coders && coders.length > 0 && (
          <CheckList
            legend={w.coders}
            items={coders.map((c) => ({ id: c.coder, label: c.name, note: w.annotationsOf(c.annotations) }))}
            chosen={chosenCoders}
            onChange={setChosenCoders}
            testId="agreement-coders"
          />
        )}
        <CheckList
          legend={w.codes}
          items={codes.map((c) => ({ id: c.id, label: nameOf(c.id) }))}
          chosen={chosenCodes}
          onChange={setChosenCodes}
          testId="agreement-code-choice"
        />
        <label className="agreement-choice">
          {w.overlap}
          <input
            type="number"
            min={0.05}
            max={1}
            step={0.05}
            value={overlap}
            data-testid="agreement-overlap"
            onChange={(e) => {
              const x = e.target.valueAsNumber;
              if (Number.isFinite(x) && x > 0 && x <= 1) setOverlap(x);
            }}
          />
        </label>
        <ErrorAlert message={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {w.close}
          </button>
          {report && rows && (
            <button
              type="button"
              data-testid="agreement-export"
              onClick={() => downloadFile('agreement.csv', reportCsv(rows.codes, rows.fields), 'text/csv')}
            >
              {w.exportCsv}
            </button>
          )}
          <button type="submit" className="primary" disabled={busy || !coders} data-testid="agreement-compute">
            {busy ? w.computing : w.compute}
          </button>
        </div>
      </form>
      {report && rows && (
        <div className="agreement-report" data-testid="agreement-report">
          <ReportTables report={report} codes={rows.codes} fields={rows.fields} />
          <Disagreements
            report={report}
            nameOf={nameOf}
            nameOfField={nameOfField}
            onOpen={open}
            onSideBySide={adjudicate}
          />
        </div>
      )}
    </Modal>
  );
}
