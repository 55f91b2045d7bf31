/**
 * The network's ties and nodes (NetworkView.tsx), apart from the view so that a render of the view
 * for anything else (the filter bar, the pan and zoom) does not redraw 1,000 nodes: it renders
 * again only when the network, the positions or the language change.
 */
import { memo } from 'react';
import type { Network } from '@shared/analysis/network';
import { useI18n } from '../../i18n';
import { edgeWidth, type EdgeBundle } from './networkEdges';
import type { PlacedNode } from './networkLayout';
import { CODE_COLOUR, edgeColour, labelDirection, nodeLabel } from './networkPicture';
import { useAnalysisStrings } from './strings';

export const NetworkDrawing = memo(function NetworkDrawing({
  network,
  placed,
  bundles,
  maxWeight,
  colours,
  labelled,
  onPick: pick,
}: {
  network: Network;
  placed: ReadonlyMap<string, PlacedNode>;
  bundles: readonly EdgeBundle[] | null;
  maxWeight: number;
  colours: ReadonlyMap<string, string>;
  labelled: ReadonlySet<string>;
  onPick: (id: string) => void;
}) {
  const s = useAnalysisStrings();
  const { lang } = useI18n();
  return (
    <>
      {bundles?.map((b) => (
        <path
          key={b.key}
          d={b.d}
          fill="none"
          stroke={b.colour}
          strokeWidth={b.width}
          strokeOpacity={0.75}
          data-testid="network-ties"
        />
      ))}
      {(bundles ? [] : network.edges).map((e) => {
        const a = placed.get(e.source);
        const b = placed.get(e.target);
        if (!a || !b) return null;
        // directed ties end at the target's rim, where the arrow can be seen
        const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
        const x2 = network.directed ? b.x - ((b.x - a.x) / len) * b.r : b.x;
        const y2 = network.directed ? b.y - ((b.y - a.y) / len) * b.r : b.y;
        return (
          <line
            key={`${e.source}|${e.target}`}
            x1={a.x}
            y1={a.y}
            x2={x2}
            y2={y2}
            stroke={edgeColour(e, network.type)}
            strokeWidth={edgeWidth(e.weight, maxWeight)}
            strokeOpacity={0.75}
            markerEnd={network.directed ? 'url(#network-arrow)' : undefined}
          />
        );
      })}
      {network.nodes.map((n) => {
        const p = placed.get(n.id);
        if (!p) return null;
        const label = nodeLabel(n, lang);
        const fill = n.kind === 'code' ? CODE_COLOUR : (colours.get(n.type) ?? '#1565c0');
        return (
          <g
            key={n.id}
            className="network-node"
            role="button"
            tabIndex={0}
            data-testid="network-node"
            data-node-id={n.id}
            aria-label={s.nodeLabel(label, n.claims)}
            onClick={() => pick(n.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                pick(n.id);
              }
            }}
          >
            {n.kind === 'code' ? (
              <rect x={p.x - p.r} y={p.y - p.r} width={2 * p.r} height={2 * p.r} fill={fill} stroke="#fff" />
            ) : (
              <circle cx={p.x} cy={p.y} r={p.r} fill={fill} stroke="#fff" />
            )}
            <text
              // a large network shows its biggest nodes' names, and any other's on hover or focus
              className={labelled.has(n.id) ? undefined : 'network-label-extra'}
              x={p.x}
              y={p.y + p.r + 16}
              textAnchor="middle"
              direction={labelDirection(label)}
              fontSize={15}
              fill="#212121"
              stroke="#ffffff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {label}
            </text>
          </g>
        );
      })}
    </>
  );
});
