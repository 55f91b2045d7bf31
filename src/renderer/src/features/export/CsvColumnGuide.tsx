/** “Column guide” in the export dialog: the CSV's columns and rules, bundled with the app. */
import { useI18n } from '../../i18n';
import { CLAIM_COLUMN_DOCS, CSV_COLUMN_DOCS, guideText, OFFSET_SNIPPET, PANDAS_SNIPPET, R_SNIPPET } from './csvGuide';
import './export.css';

export function CsvColumnGuide() {
  const { lang } = useI18n();
  const g = guideText(lang);
  return (
    <details className="csv-guide" data-testid="csv-guide">
      <summary>{g.guide}</summary>
      <p>{g.format}</p>
      <table>
        <caption>{g.columns}</caption>
        <thead>
          <tr>
            <th scope="col">{g.column}</th>
            <th scope="col">{g.meaning}</th>
          </tr>
        </thead>
        <tbody>
          {[...CSV_COLUMN_DOCS, ...CLAIM_COLUMN_DOCS].map((c) => (
            <tr key={c.name}>
              <th scope="row">
                <code dir="ltr">{c.name}</code>
              </th>
              <td>{lang === 'ar' ? c.ar : c.en}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{g.claimColumns}</p>
      <h3>{g.offsetsTitle}</h3>
      <p>{g.offsets}</p>
      <pre dir="ltr">
        <code>{OFFSET_SNIPPET}</code>
      </pre>
      <h3>{g.guardTitle}</h3>
      <p>{g.guard}</p>
      <p>{g.inR}</p>
      <pre dir="ltr">
        <code>{R_SNIPPET}</code>
      </pre>
      <p>{g.inPandas}</p>
      <pre dir="ltr">
        <code>{PANDAS_SNIPPET}</code>
      </pre>
    </details>
  );
}
