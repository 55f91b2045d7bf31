/** What an import of a .qdpx did, or would do in its dry run: documents, codes, coders, and every coding not placed. */
import type { QdpxImportReport } from '@shared/api/qdpx';
import { useExportStrings } from './strings';

/** Orphans listed one by one; a file of thousands lists the first ones. */
const MAX_LISTED = 500;

export function QdpxReport({ report }: { report: QdpxImportReport }) {
  const x = useExportStrings();
  const hidden = report.orphans.length - MAX_LISTED;
  return (
    <section className="export-summary" aria-live="polite" data-testid="qdpx-report">
      <p>
        <strong>
          {report.dryRun ? x.qdpxWouldImport : x.importedSummary}: {report.imported}
        </strong>
        {report.reanchored > 0 && ` (${report.reanchored} ${x.reanchored})`}
        {' · '}
        {report.alreadyPresent} {x.alreadyPresent}
      </p>
      <ul>
        {report.documents.map((d, i) => (
          <li key={`${d.name}-${i}`}>
            <bdi>{d.name}</bdi> — {d.status === 'new' ? x.qdpxNewDocument : x.qdpxExistingDocument} ({d.imported})
          </li>
        ))}
      </ul>
      {report.coders.length > 0 && (
        <p>
          {x.qdpxCoders}:{' '}
          {report.coders.map((c, i) => (
            <span key={`${c.name}-${i}`}>
              {i > 0 && ', '}
              <bdi>{c.name || x.qdpxNoCoder}</bdi> ({c.annotations})
            </span>
          ))}
        </p>
      )}
      {report.createdCodes.length > 0 && (
        <p>
          {x.createdCodes}: {report.createdCodes.map((c) => c.name).join(', ')}
        </p>
      )}
      {report.skipped.length > 0 && (
        <p>
          {x.qdpxSkipped}: {report.skipped.map((s) => s.name).join(', ')}
        </p>
      )}
      {report.warnings.map((w, i) => (
        <p key={i} className="meta">
          {w}
        </p>
      ))}
      {report.orphans.length === 0 ? (
        <p>{x.qdpxNoOrphans}</p>
      ) : (
        <>
          <h3>
            {x.orphansTitle} ({report.orphans.length})
          </h3>
          <ul className="export-orphans">
            {report.orphans.slice(0, MAX_LISTED).map((o, i) => (
              <li key={`${o.id}-${i}`}>
                <span className="export-orphan-reason">{x[`qdpxReason_${o.reason}` as const]}</span>
                {o.exact && (
                  <q dir="auto" className="export-orphan-quote">
                    {o.exact}
                  </q>
                )}
                <span className="meta">{o.message}</span>
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
