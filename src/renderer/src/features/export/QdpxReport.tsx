/** What an import of a .qdpx did, or would do in its dry run: documents, codes, coders, and every coding not placed. */
import type { QdpxImportReport } from '@shared/api/qdpx';
import { ImportReport } from './ImportReport';
import { useExportStrings } from './strings';

export function QdpxReport({ report }: { report: QdpxImportReport }) {
  const x = useExportStrings();
  return (
    <ImportReport
      testId="qdpx-report"
      dryRun={report.dryRun}
      counts={report}
      createdCodes={report.createdCodes}
      noOrphans={x.qdpxNoOrphans}
      orphans={report.orphans.map((o) => ({
        id: o.id,
        reason: x[`qdpxReason_${o.reason}` as const],
        exact: o.exact,
        meta: o.message,
      }))}
      details={
        <>
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
        </>
      }
      notes={
        <>
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
        </>
      }
    />
  );
}
