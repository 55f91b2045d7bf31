/**
 * The actor network (issue 16): analysis.network over the view's filter with DNA's options
 * (type, normalisation, position aggregation, a time window), laid out by ForceAtlas2
 * (networkLayout.ts) and drawn as SVG. Pan by dragging or with the arrow keys, zoom with the
 * wheel or + and −; a click (or Enter) on an actor filters the view to that actor, on a code to
 * that code (panning and zooming: panZoom.ts; the export buttons: NetworkExports.tsx). With
 * sliding windows on, the view shows one window's network at a time: step through them with the
 * slider (arrow keys) or the previous and next buttons (the controls: WindowStepper.tsx).
 */
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ClaimFilter } from '@shared/analysis/filter';
import type { NetworkType, Normalization, TwoModeAggregation } from '@shared/analysis/network';
import type { NetworkSpec } from '@shared/api/analysis';
import { api } from '../../api/client';
import { DateField } from '../../app/DateField';
import { ErrorAlert } from '../../app/ErrorAlert';
import { useI18n } from '../../i18n';
import type { ActorOption } from './FilterBar';
import { NetworkDrawing } from './NetworkDrawing';
import { BUNDLE_FROM, edgeBundles } from './networkEdges';
import { labelledNodes, type SizeBy } from './networkLayout';
import { CODE_COLOUR, nodeLabel, typeColours } from './networkPicture';
import { Field } from './Field';
import { NetworkExports } from './NetworkExports';
import { usePanZoom } from './panZoom';
import { WindowStepper, useSlidingWindows } from './WindowStepper';
import { useAnalysisStrings } from './strings';
import { afterTable, tableKey } from './tableFirst';
import { useLatest } from './useAnalysisData';
import { useNetworkLayout } from './useNetworkLayout';

const BOX = { width: 800, height: 480, margin: 70 };
const TYPES: NetworkType[] = ['twoMode', 'congruence', 'conflict', 'subtract', 'addressee', 'objectActor'];
const ONE_MODE: NetworkType[] = ['congruence', 'conflict', 'subtract'];

export function NetworkView({
  filter,
  revision,
  onPickActor,
  onPickCode,
  onActors,
}: {
  filter: ClaimFilter;
  revision: number;
  onPickActor: (id: string) => void;
  onPickCode: (id: string) => void;
  onActors: (actors: ActorOption[]) => void;
}) {
  const s = useAnalysisStrings();
  const { lang } = useI18n();
  const [type, setType] = useState<NetworkType>('twoMode');
  const [normalization, setNormalization] = useState<Normalization>('none');
  const [aggregation, setAggregation] = useState<TwoModeAggregation>('ignore');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sizeBy, setSizeBy] = useState<SizeBy>('degree');
  const svg = useRef<SVGSVGElement>(null);

  const sliding = useSlidingWindows();
  const spec: NetworkSpec = {
    type,
    ...(ONE_MODE.includes(type) ? { normalization } : {}),
    ...(type === 'twoMode' ? { aggregation } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(sliding.window ? { window: sliding.window } : {}),
  };
  // after the table has shown the filter (tableFirst.ts) and the timeline's request (useLatest's defer)
  const { data, error } = useLatest(
    JSON.stringify({ filter, spec, revision }),
    () => afterTable(tableKey(filter, revision)).then(() => api['analysis.network']({ filter, network: spec })),
    2,
  );
  const windows = sliding.window && data ? data.windows : null;
  const shownWindow = windows ? Math.min(sliding.index, Math.max(0, windows.length - 1)) : 0;
  const answered = windows ? (windows[shownWindow] ?? null) : (data?.network ?? null);
  // a new network is drawn at a lower priority than the rest of the view (the table, the timeline):
  // React renders it in slices it can interrupt, and shows the last one meanwhile
  const network = useDeferredValue(answered);
  // the files of one network hold the one on screen: with windows, the window shown
  const { window: _all, ...single } = spec;
  const exportSpec: NetworkSpec =
    windows && network
      ? { ...single, ...(network.from ? { from: network.from } : {}), ...(network.to ? { to: network.to } : {}) }
      : single;

  const { placed, settled } = useNetworkLayout(network, BOX, sizeBy);
  const colours = useMemo(() => typeColours(network?.nodes ?? []), [network]);
  const labelled = useMemo(() => labelledNodes(placed), [placed]);
  const panZoom = usePanZoom(svg, BOX, network);
  const maxWeight = useMemo(() => {
    let max = 1e-9;
    for (const e of network?.edges ?? []) max = Math.max(max, Math.abs(e.weight));
    return max;
  }, [network]);
  // many undirected ties: a few paths (networkEdges.ts) instead of an element each
  const bundles = useMemo(
    () =>
      network && !network.directed && network.edges.length >= BUNDLE_FROM
        ? edgeBundles(network.edges, placed, network.type, maxWeight)
        : null,
    [network, placed, maxWeight],
  );

  useEffect(() => {
    if (!network) return;
    onActors(
      network.nodes
        .filter((n) => n.kind === 'actor')
        .map((n) => ({ id: n.id.slice('actor:'.length), name: nodeLabel(n, lang) })),
    );
  }, [network, lang, onActors]);

  const pick = (id: string) => {
    if (id.startsWith('actor:')) onPickActor(id.slice('actor:'.length));
    else if (id.startsWith('code:')) onPickCode(id.slice('code:'.length));
  };
  // one function for the drawing's whole life, calling the latest `pick`
  const latestPick = useRef(pick);
  useLayoutEffect(() => {
    latestPick.current = pick;
  });
  const onPick = useCallback((id: string) => latestPick.current(id), []);
  return (
    <section className="claims-network" aria-labelledby="network-heading">
      <h2 id="network-heading">{s.network}</h2>
      <div className="chart-controls">
        <Field label={s.networkType}>
          {(id) => (
            <select id={id} value={type} onChange={(e) => setType(e.target.value as NetworkType)}>
              {TYPES.map((t) => (
                <option key={t} value={t}>
                  {s[t]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {ONE_MODE.includes(type) ? (
          <Field label={s.normalization}>
            {(id) => (
              <select id={id} value={normalization} onChange={(e) => setNormalization(e.target.value as Normalization)}>
                {(['none', 'average', 'jaccard', 'cosine'] as const).map((n) => (
                  <option key={n} value={n}>
                    {s[n]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        {type === 'twoMode' ? (
          <Field label={s.aggregation}>
            {(id) => (
              <select
                id={id}
                value={aggregation}
                onChange={(e) => setAggregation(e.target.value as TwoModeAggregation)}
              >
                <option value="ignore">{s.ignore}</option>
                <option value="combine">{s.combine}</option>
                <option value="subtract">{s.aggSubtract}</option>
              </select>
            )}
          </Field>
        ) : null}
        <Field label={s.windowFrom}>
          {(id) => <DateField id={id} value={from} max={to || undefined} onChange={(v) => setFrom(v ?? '')} />}
        </Field>
        <Field label={s.windowTo}>
          {(id) => <DateField id={id} value={to} min={from || undefined} onChange={(v) => setTo(v ?? '')} />}
        </Field>
        <Field label={s.sizeBy}>
          {(id) => (
            <select id={id} value={sizeBy} onChange={(e) => setSizeBy(e.target.value as SizeBy)}>
              <option value="degree">{s.degree}</option>
              <option value="claims">{s.claims}</option>
            </select>
          )}
        </Field>
        <button type="button" onClick={panZoom.zoomIn}>
          {s.zoomIn}
        </button>
        <button type="button" onClick={panZoom.zoomOut}>
          {s.zoomOut}
        </button>
        <button type="button" onClick={panZoom.reset}>
          {s.resetView}
        </button>
      </div>
      <WindowStepper state={sliding} windows={windows} shown={shownWindow} />
      <NetworkExports filter={filter} spec={exportSpec} windowsSpec={sliding.window ? spec : null} />
      <ErrorAlert message={error} />
      {/* the first answer not come yet (with sliding windows and no dated claims there is an answer, and no network) */}
      {!data && !error ? <p className="claims-reading">{s.loadingRow}</p> : null}
      {network && network.nodes.length === 0 ? <p className="claims-empty">{s.noClaims}</p> : null}
      {network && network.nodes.length > 0 ? (
        <>
          <p className="network-hint" id="network-hint">
            {s.networkHint}
            {network.edges.length === 0 ? ` ${s.noEdges}` : ''}
            {settled ? '' : ` ${s.layingOut}`}
          </p>
          <svg
            ref={svg}
            className="network-svg"
            viewBox={`0 0 ${BOX.width} ${BOX.height}`}
            role="group"
            aria-label={s.network}
            aria-describedby="network-hint"
            tabIndex={0}
            data-testid="network"
            data-aggregation={network.aggregation ?? undefined}
            data-settled={settled}
            {...panZoom.handlers}
          >
            <defs>
              <marker
                id="network-arrow"
                viewBox="0 0 10 10"
                refX={10}
                refY={5}
                markerWidth={6}
                markerHeight={6}
                orient="auto"
              >
                <path d="M0,0 L10,5 L0,10 z" fill="#607d8b" />
              </marker>
            </defs>
            <rect x={0} y={0} width={BOX.width} height={BOX.height} fill="#ffffff" />
            <g transform={panZoom.transform}>
              <NetworkDrawing
                network={network}
                placed={placed}
                bundles={bundles}
                maxWeight={maxWeight}
                colours={colours}
                labelled={labelled}
                onPick={onPick}
              />
            </g>
          </svg>
          {colours.size > 0 ? (
            <ul className="chart-legend">
              {network.nodes.some((n) => n.kind === 'code') ? (
                <li>
                  <span className="swatch" style={{ background: CODE_COLOUR }} aria-hidden="true" />
                  {s.code}
                </li>
              ) : null}
              {[...colours].map(([t, c]) => (
                <li key={t}>
                  <span className="swatch" style={{ background: c }} aria-hidden="true" />
                  <bdi>{t || s.actor}</bdi>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
