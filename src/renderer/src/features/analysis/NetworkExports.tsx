/**
 * The network's export buttons (issue 16): GraphML, GEXF, nodes and edges CSV of the network on
 * screen, and the events CSV of the claims under the view's filter, each from analysis.export with
 * the same filter and network the view shows (with sliding windows: the window on screen, and the
 * edges of every window as one long CSV), saved through the app's download helper.
 */
import { useState } from 'react';
import type { ClaimFilter } from '@shared/analysis/filter';
import type { EXPORT_FORMATS, NetworkSpec } from '@shared/api/analysis';
import { api, errorMessage } from '../../api/client';
import { downloadFile } from '../../app/download';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useAnalysisStrings } from './strings';

type Format = (typeof EXPORT_FORMATS)[number];

export function NetworkExports({
  filter,
  spec,
  windowsSpec,
}: {
  filter: ClaimFilter;
  /** the network on screen (one window's, with sliding windows on) */
  spec: NetworkSpec;
  /** with sliding windows on: the spec with its window, for the edges of every window */
  windowsSpec: NetworkSpec | null;
}) {
  const s = useAnalysisStrings();
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const exportAs = async (format: Format, network: NetworkSpec = spec) => {
    setSaved(null);
    setError(null);
    try {
      const out = await api['analysis.export'](
        format === 'eventsCsv' ? { format, filter } : { format, filter, network },
      );
      downloadFile(out.fileName, out.text, out.mediaType.split(';')[0] ?? out.mediaType);
      setSaved(s.exported(out.fileName));
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const formats: Array<[Format, string]> = [
    ['graphml', s.exportGraphml],
    ['gexf', s.exportGexf],
    ['nodesCsv', s.exportNodes],
    ['edgesCsv', s.exportEdges],
    ['eventsCsv', s.exportEvents],
  ];
  return (
    <>
      <div className="chart-controls" role="group" aria-label={s.exports}>
        {formats.map(([format, label]) => (
          <button key={format} type="button" onClick={() => void exportAs(format)}>
            {label}
          </button>
        ))}
        {windowsSpec ? (
          <button type="button" onClick={() => void exportAs('edgesCsv', windowsSpec)}>
            {s.exportWindowEdges}
          </button>
        ) : null}
        <span role="status" className="export-status">
          {saved}
        </span>
      </div>
      <ErrorAlert message={error} />
    </>
  );
}
