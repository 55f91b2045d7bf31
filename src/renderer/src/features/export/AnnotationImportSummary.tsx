/** What an import of W3C annotations did: counts, new codes, and every annotation not placed. */
import type { AnnotationImportResult } from '@shared/api/exchange';
import { useExportStrings } from './strings';

/** Orphans listed one by one; a file of 100,000 unplaceable annotations lists the first ones. */
const MAX_LISTED = 500;

export function AnnotationImportSummary({ result }: { result: AnnotationImportResult }) {
  const x = useExportStrings();
  const hidden = result.orphans.length - MAX_LISTED;
  return (
    <section className="export-summary" aria-live="polite" data-testid="w3c-import-summary">
      <p>
        <strong>
          {x.importedSummary}: {result.imported}
        </strong>
        {result.reanchored > 0 && ` (${result.reanchored} ${x.reanchored})`}
        {' · '}
        {result.alreadyPresent} {x.alreadyPresent}
      </p>
      {result.createdCodes.length > 0 && (
        <p>
          {x.createdCodes}: {result.createdCodes.map((c) => c.name).join(', ')}
        </p>
      )}
      {result.orphans.length === 0 ? (
        <p>{x.noOrphans}</p>
      ) : (
        <>
          <h3>
            {x.orphansTitle} ({result.orphans.length})
          </h3>
          <ul className="export-orphans">
            {result.orphans.slice(0, MAX_LISTED).map((o, i) => (
              <li key={`${o.id}-${i}`}>
                <span className="export-orphan-reason">{x[`reason_${o.reason}` as const]}</span>
                {o.exact && (
                  <q dir="auto" className="export-orphan-quote">
                    {o.exact}
                  </q>
                )}
                <span className="meta" dir="ltr">
                  {o.id}
                </span>
              </li>
            ))}
          </ul>
          {hidden > 0 && (
            <p>
              {hidden.toLocaleString()} {x.moreOrphans}
            </p>
          )}
        </>
      )}
    </section>
  );
}
