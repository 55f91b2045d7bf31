/** What an import of W3C annotations did: counts, new codes, and every annotation not placed. */
import type { AnnotationImportResult } from '@shared/api/exchange';
import { ImportReport } from './ImportReport';
import { useExportStrings } from './strings';

export function AnnotationImportSummary({ result }: { result: AnnotationImportResult }) {
  const x = useExportStrings();
  return (
    <ImportReport
      testId="w3c-import-summary"
      counts={result}
      createdCodes={result.createdCodes}
      noOrphans={x.noOrphans}
      orphans={result.orphans.map((o) => ({
        id: o.id,
        reason: x[`reason_${o.reason}` as const],
        exact: o.exact,
        meta: o.id,
        metaDir: 'ltr',
      }))}
    />
  );
}
