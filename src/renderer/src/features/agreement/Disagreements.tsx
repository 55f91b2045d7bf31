/** The units where the coders differ: each coder's span, codes and values; a button opens the passage in the reader. */
import type { AgreementReport, Disagreement } from '@shared/api/agreement';
import { useAgreementStrings } from './strings';

const DIFF_KEYS = {
  onlyOne: 'diffOnlyOne',
  missing: 'diffMissing',
  boundaries: 'diffBoundaries',
  codes: 'diffCodes',
  values: 'diffValues',
} as const;

export function Disagreements({
  report,
  nameOf,
  nameOfField,
  onOpen,
  onSideBySide,
}: {
  report: AgreementReport;
  nameOf: (codeId: string) => string;
  /** a claim field's label, by its key */
  nameOfField: (key: string) => string;
  onOpen: (d: Disagreement) => void;
  /** the document's two coders side by side, to adjudicate */
  onSideBySide: (d: Disagreement) => void;
}) {
  const w = useAgreementStrings();
  const list = report.disagreements;
  return (
    <section aria-labelledby="agreement-disagreements">
      <h3 id="agreement-disagreements">{w.disagreements}</h3>
      <p>{list.length === 0 ? w.noDisagreements : w.disagreementCount(list.length, report.disagreementCount)}</p>
      <ol className="agreement-disagreements" data-testid="agreement-disagreements">
        {list.map((d, i) => (
          <li key={i} data-document-id={d.documentId}>
            <div className="agreement-disagreement-head">
              <bdi className="agreement-doc">{d.documentTitle}</bdi>
              <span className="meta">{d.differences.map((k) => w[DIFF_KEYS[k]]).join(' · ')}</span>
              <button type="button" onClick={() => onOpen(d)}>
                {w.openInReader}
              </button>
              <button type="button" onClick={() => onSideBySide(d)} data-testid="agreement-side-by-side">
                {w.sideBySide}
              </button>
            </div>
            <ul>
              {d.marks.map((m) => (
                <li key={m.annotationId}>
                  <strong>
                    <bdi>{m.name}</bdi>
                  </strong>
                  {': '}
                  <q dir="auto">{m.quote}</q>{' '}
                  <span className="meta">
                    [{m.codes.length === 0 ? w.noCodes : m.codes.map(nameOf).join(', ')}]
                    {m.values
                      .filter((v) => d.fields.includes(v.field))
                      .map((v) => ` · ${nameOfField(v.field)}: ${v.value === '' ? w.empty : v.value}`)
                      .join('')}
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
