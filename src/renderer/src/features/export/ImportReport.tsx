/**
 * The one report of an annotation import (W3C Exchange… and .qdpx): how many were imported (or
 * would be, in a dry run), the codes it made, and every annotation it could not place.
 */
import type { ReactNode } from 'react';
import { useExportStrings } from './strings';

/** Orphans listed one by one; a file of 100,000 unplaceable annotations lists the first ones. */
const MAX_LISTED = 500;

export interface ReportOrphan {
  id: string;
  reason: string;
  exact?: string | undefined;
  /** the line under the reason: the annotation's id or what went wrong */
  meta: string;
  metaDir?: 'ltr';
}

export function ImportReport({
  testId,
  dryRun = false,
  counts,
  createdCodes,
  orphans,
  noOrphans,
  details,
  notes,
}: {
  testId: string;
  dryRun?: boolean;
  counts: { imported: number; reanchored: number; alreadyPresent: number };
  createdCodes: ReadonlyArray<{ name: string }>;
  orphans: ReportOrphan[];
  noOrphans: string;
  /** after the counts: what the import is made of (documents, coders) */
  details?: ReactNode;
  /** after the codes it made: what it skipped, its warnings */
  notes?: ReactNode;
}) {
  const x = useExportStrings();
  const hidden = orphans.length - MAX_LISTED;
  return (
    <section className="export-summary" aria-live="polite" data-testid={testId}>
      <p>
        <strong>
          {dryRun ? x.qdpxWouldImport : x.importedSummary}: {counts.imported}
        </strong>
        {counts.reanchored > 0 && ` (${counts.reanchored} ${x.reanchored})`}
        {' · '}
        {counts.alreadyPresent} {x.alreadyPresent}
      </p>
      {details}
      {createdCodes.length > 0 && (
        <p>
          {x.createdCodes}: {createdCodes.map((c) => c.name).join(', ')}
        </p>
      )}
      {notes}
      {orphans.length === 0 ? (
        <p>{noOrphans}</p>
      ) : (
        <>
          <h3>
            {x.orphansTitle} ({orphans.length})
          </h3>
          <ul className="export-orphans">
            {orphans.slice(0, MAX_LISTED).map((o, i) => (
              <li key={`${o.id}-${i}`}>
                <span className="export-orphan-reason">{o.reason}</span>
                {o.exact && (
                  <q dir="auto" className="export-orphan-quote">
                    {o.exact}
                  </q>
                )}
                <span className="meta" dir={o.metaDir}>
                  {o.meta}
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
