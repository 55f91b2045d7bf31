/**
 * What came in and what was refused and why, one line per file; duplicates offer "Import
 * anyway"; a file waiting for the researcher's choice shows its preview (ImportReview).
 */
import { useState } from 'react';
import type { ImportOutcome } from './importQueue';
import { tally } from './importQueue';
import { ImportReview } from './ImportReview';
import { QuotedText } from './QuotedText';
import { useImportStrings } from './strings';

export interface ImportSummaryProps {
  outcomes: ImportOutcome[];
  onOpen: (documentId: string) => void;
  onResolve: (index: number, next: ImportOutcome) => void;
}

function Review({
  outcome,
  onResolve,
}: {
  outcome: Extract<ImportOutcome, { kind: 'review' }>;
  onResolve: (next: ImportOutcome) => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <ImportReview
      fileName={outcome.fileName}
      preview={outcome.preview}
      busy={busy}
      onSkip={() => onResolve({ kind: 'skipped', fileName: outcome.fileName })}
      onCommit={(choice) => {
        setBusy(true);
        void outcome.commit(choice).then(onResolve);
      }}
    />
  );
}

export function ImportSummary({ outcomes, onOpen, onResolve }: ImportSummaryProps) {
  const it = useImportStrings();
  const counts = tally(outcomes);
  return (
    <section className="import-summary" aria-label={it.summary}>
      <p className="import-counts" data-testid="import-counts">
        {counts.imported} {it.importedCount} · {counts.refused} {it.refusedCount}
        {counts.duplicate > 0 && ` · ${counts.duplicate} ${it.duplicateCount}`}
        {counts.review > 0 && ` · ${counts.review} ${it.reviewCount}`}
      </p>
      <ul className="import-outcomes">
        {outcomes.map((o, i) => (
          <li key={`${i}-${o.fileName}`} className={`import-outcome import-${o.kind}`} data-kind={o.kind}>
            <bdi className="import-file">{o.fileName}</bdi>
            {o.kind === 'imported' && (
              <>
                {o.documents.length <= 1 ? (
                  <span className="import-state">
                    {it.imported}:{' '}
                    <button type="button" className="link" dir="auto" onClick={() => onOpen(o.document.id)}>
                      {o.document.title}
                    </button>
                  </span>
                ) : (
                  <ul className="import-documents" aria-label={it.importedDocuments}>
                    {o.documents.map((d) => (
                      <li key={d.id}>
                        <button type="button" className="link" dir="auto" onClick={() => onOpen(d.id)}>
                          {d.title}
                        </button>
                        {d.publishedAt && <span className="meta"> · {d.publishedAt}</span>}
                      </li>
                    ))}
                  </ul>
                )}
                {o.warnings.length > 0 && (
                  <ul className="import-warnings">
                    {o.warnings.map((w, j) => (
                      <li key={j}>
                        <QuotedText text={w.message} />
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
            {o.kind === 'refused' && (
              <span className="import-state" role="alert">
                {it.refused}: <QuotedText text={o.message} />
              </span>
            )}
            {o.kind === 'duplicate' && (
              <>
                <span className="import-state">
                  <QuotedText text={o.message} />
                </span>
                <span className="import-actions">
                  <button type="button" onClick={() => void o.retry().then((next) => onResolve(i, next))}>
                    {it.importAnyway}
                  </button>
                  <button type="button" onClick={() => onResolve(i, { kind: 'skipped', fileName: o.fileName })}>
                    {it.skip}
                  </button>
                </span>
              </>
            )}
            {o.kind === 'review' && <Review outcome={o} onResolve={(next) => onResolve(i, next)} />}
            {o.kind === 'skipped' && <span className="import-state">{it.skipped}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
