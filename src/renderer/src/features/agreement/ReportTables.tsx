/** The figures: per code (αU, |uα, cuα, units) and per claim field (α with its interval, κ, %, n), and the warnings. */
import type { AgreementReport } from '@shared/api/agreement';
import { useI18n } from '../../i18n';
import { formatNumber, formatShare, noteWords, type CodeRow, type FieldRow } from './reportRows';
import { useAgreementStrings } from './strings';

export function ReportTables({
  report,
  codes,
  fields,
}: {
  report: AgreementReport;
  codes: readonly CodeRow[];
  fields: readonly FieldRow[];
}) {
  const w = useAgreementStrings();
  const { lang } = useI18n();
  const n = (x: number | null) => formatNumber(x, lang, w);
  const count = (x: number) => new Intl.NumberFormat(lang).format(x);
  const warnings = [
    ...report.notes.map((note) => noteWords(note, w, (c) => report.names[report.coders.indexOf(c)] ?? c)),
    ...codes.flatMap((r) => r.warnings),
    ...fields.flatMap((r) => r.warnings),
  ];
  return (
    <>
      <p role="status" data-testid="agreement-summary">
        {w.summary(report.names.join('، '), report.documentCount, report.claims.matched, report.claims.unmatched)}
      </p>
      <table className="agreement-table" data-testid="agreement-codes">
        <caption>{w.perCode}</caption>
        <thead>
          <tr>
            <th scope="col">{w.code}</th>
            <th scope="col">{w.alphaU}</th>
            <th scope="col">{w.boundaryAlpha}</th>
            <th scope="col">{w.cuAlpha}</th>
            <th scope="col">{w.units}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((r) => (
            <tr key={r.codeId ?? ''} data-code-id={r.codeId ?? ''}>
              <th scope="row">
                <bdi>{r.name}</bdi>
              </th>
              <td data-cell="alpha-u">{n(r.alphaU)}</td>
              <td data-cell="boundary">{n(r.boundary)}</td>
              <td data-cell="cu">{n(r.codingGivenUnits)}</td>
              <td data-cell="units">{count(r.units)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {fields.length > 0 && (
        <table className="agreement-table" data-testid="agreement-fields">
          <caption>{w.perField}</caption>
          <thead>
            <tr>
              <th scope="col">{w.field}</th>
              <th scope="col">{w.alpha}</th>
              <th scope="col">{w.interval}</th>
              <th scope="col">{w.cohen}</th>
              <th scope="col">{w.fleiss}</th>
              <th scope="col">{w.percent}</th>
              <th scope="col">{w.n}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((r) => (
              <tr key={r.field} data-field={r.field}>
                <th scope="row">
                  {r.name} <span className="meta">({r.metric === 'nominal' ? w.nominal : w.interval_})</span>
                </th>
                <td data-cell="alpha">{n(r.alpha)}</td>
                <td data-cell="interval">
                  {r.low === null || r.high === null ? w.notApplicable : <bdi>{`${n(r.low)} – ${n(r.high)}`}</bdi>}
                </td>
                <td data-cell="cohen">{report.coders.length === 2 ? n(r.cohen) : w.notApplicable}</td>
                <td data-cell="fleiss">{report.coders.length > 2 ? n(r.fleiss) : w.notApplicable}</td>
                <td data-cell="percent">{formatShare(r.percent, lang, w)}</td>
                <td data-cell="n">{count(r.n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="meta">{w.intervalNote}</p>
      <section aria-label={w.warnings}>
        <h3>{w.warnings}</h3>
        {warnings.length === 0 ? (
          <p>{w.noWarnings}</p>
        ) : (
          <ul className="agreement-warnings" data-testid="agreement-warnings">
            {warnings.map((text, i) => (
              <li key={i}>{text}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
