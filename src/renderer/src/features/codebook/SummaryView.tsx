/**
 * Annotations per code (a bar chart, codes in tree order) and per actor, for one document or
 * the whole project. The numbers are those of the CSV export: one row per annotation and code.
 * A code shows its own count and its total with its sub-codes (a parent that tags nothing itself
 * still shows what its children hold); the bar is the total.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Output } from '@shared/api';
import { treeRows } from '@shared/codebook/tree';
import { api, errorMessage } from '../../api/client';
import { useApp } from '../../app/AppContext';
import { BilingualName } from '../../app/BilingualName';
import { DocumentPicker } from '../../app/DocumentPicker';
import { onAppEvent } from '../../app/appEvents';
import { useCodebookStrings } from './strings';

type Summary = Output<'stats.summary'>;

interface BarRow {
  key: string;
  label: string;
  labelAr?: string;
  color: string;
  count: number;
  /** with sub-codes (codes only): the bar's length when present */
  total?: number;
  depth?: number;
}

/** Bars of counts; with `columns`, a header row names the label, own count and total columns. */
function Bars({
  rows,
  label,
  columns,
}: {
  rows: BarRow[];
  label: string;
  columns?: { label: string; own: string; total: string; totalHint: string };
}) {
  // a loop, not Math.max(...rows): a project can have more claimants than arguments fit on the stack
  let max = 1;
  for (const r of rows) max = Math.max(max, r.total ?? r.count);
  return (
    <table className="cb-bars" aria-label={label}>
      {columns && (
        <thead>
          <tr>
            <th scope="col">{columns.label}</th>
            <td />
            <th scope="col" className="num">
              {columns.own}
            </th>
            <th scope="col" className="num" title={columns.totalHint}>
              {columns.total}
            </th>
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid={`bar-${r.label}`}>
            <th scope="row" style={{ paddingInlineStart: `${0.5 + (r.depth ?? 0)}rem` }}>
              {r.labelAr ? <BilingualName name={r.label} nameAr={r.labelAr} /> : <bdi>{r.label}</bdi>}
            </th>
            <td className="cb-bar-cell">
              <span
                className="cb-bar"
                style={{ inlineSize: `${(100 * (r.total ?? r.count)) / max}%`, backgroundColor: r.color }}
                aria-hidden="true"
              />
            </td>
            <td className="num" data-testid="bar-count">
              {r.count}
            </td>
            {r.total !== undefined && (
              <td className="num" data-testid="bar-total">
                {r.total}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The summary of one document (documentId) or of the project (no documentId). */
export function CodeSummary({ documentId }: { documentId?: string | undefined }) {
  const app = useApp();
  const c = useCodebookStrings();
  const [summary, setSummary] = useState<Summary | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setSummary(await api['stats.summary'](documentId ? { documentId } : {}));
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, [documentId]);
  useEffect(() => {
    void load();
    // the counts change with the annotations: a merge or rename here, a tag anywhere
    return onAppEvent('annotations.changed', ({ documentIds }) => {
      if (documentIds === null || !documentId || documentIds.includes(documentId)) void load();
    });
  }, [load, app.codebook, documentId]);

  if (error)
    return (
      <p className="cb-error" role="alert">
        {error}
      </p>
    );
  if (!summary) return null;
  const depth = new Map(treeRows(app.codebook).map((r) => [r.code.id, r.depth]));
  const order = new Map(treeRows(app.codebook).map((r, i) => [r.code.id, i]));
  const codeRows = [...summary.codes]
    .sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9))
    .map((x) => ({
      key: x.id,
      label: x.name,
      labelAr: x.nameAr,
      color: x.color,
      count: x.count,
      total: x.total,
      depth: depth.get(x.id) ?? 0,
    }));
  const claimantRows: BarRow[] = summary.actors.map((x) => ({
    key: x.id,
    label: x.name,
    color: 'var(--accent)',
    count: x.count,
  }));
  if (summary.noClaimant > 0)
    claimantRows.push({ key: '', label: `(${c.noClaimant})`, color: 'var(--muted)', count: summary.noClaimant });

  return (
    <div className="cb-summary" data-testid="code-summary">
      <p className="cb-totals">
        <span>
          {c.total}: <strong data-testid="summary-total">{summary.annotations}</strong>
        </span>{' '}
        <span>
          {c.csvRows}: <strong data-testid="summary-csv-rows">{summary.csvRows}</strong>
        </span>
        {summary.uncoded > 0 && (
          <span>
            {' '}
            · {summary.uncoded} {c.uncoded}
          </span>
        )}
      </p>
      <h3>{c.perCode}</h3>
      <Bars
        rows={codeRows}
        label={c.perCode}
        columns={{
          label: c.summaryCode,
          own: c.ownCount,
          total: c.withSubcodes,
          totalHint: c.withSubcodesHint,
        }}
      />
      <h3>{c.perClaimant}</h3>
      <Bars rows={claimantRows} label={c.perClaimant} />
    </div>
  );
}

/** The summary tab: choose the whole project or one document (found by title: DocumentPicker). */
export function SummaryTab() {
  const c = useCodebookStrings();
  const [oneDocument, setOneDocument] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const documentId = oneDocument ? [...chosen][0] : undefined;
  return (
    <div>
      <fieldset className="cb-scope" data-testid="summary-scope">
        <legend>{c.scope}</legend>
        <label>
          <input type="radio" name="summary-scope" checked={!oneDocument} onChange={() => setOneDocument(false)} />
          {c.wholeProject}
        </label>
        <label>
          <input type="radio" name="summary-scope" checked={oneDocument} onChange={() => setOneDocument(true)} />
          {c.oneDocument}
        </label>
      </fieldset>
      {oneDocument && (
        <DocumentPicker legend={c.oneDocument} chosen={chosen} onChange={setChosen} testId="summary-document" single />
      )}
      {oneDocument && !documentId ? <p className="meta">{c.pickDocument}</p> : <CodeSummary documentId={documentId} />}
    </div>
  );
}
