import { Fragment, useSyncExternalStore } from 'react';
import type { Annotation, Code } from '@shared/model';
import { codeLabel, useI18n, useAppStrings } from '../i18n';
import { useApp } from '../app/AppContext';
import { claimantName } from './claims/ClaimFieldsEditor';
import { useRegistryIndex } from './claims/useRegistry';
import type { HoverStore } from './hoverStore';

/**
 * What the annotations under the pointer are: their codes and claimant. Each name is isolated
 * (`<bdi>`) and the separators stand outside, so an Arabic claimant after English code names (or
 * the other way round) cannot reorder the line.
 */
export function HoverCard({
  x,
  y,
  items,
  codes,
}: {
  x: number;
  y: number;
  items: readonly Annotation[];
  codes: readonly Code[];
}) {
  const { lang } = useI18n();
  const words = useAppStrings();
  const byId = new Map(codes.map((c) => [c.id, c]));
  const { entities } = useRegistryIndex(useApp().registry);
  return (
    <div
      className="hover-card"
      role="tooltip"
      style={{ insetInlineStart: 0, transform: `translate(${x + 12}px, ${y + 16}px)` }}
    >
      {items.slice(0, 4).map((a) => (
        <div key={a.id} data-annotation-id={a.id}>
          {a.codes.length === 0 && <bdi>{words.none}</bdi>}
          {a.codes.map((id, i) => {
            const code = byId.get(id);
            return (
              <Fragment key={id}>
                {i > 0 && ', '}
                <bdi className="hover-code">{code ? codeLabel(code, lang) : id}</bdi>
              </Fragment>
            );
          })}
          {claimantName(a.values, entities) && (
            <>
              {' — '}
              <bdi className="hover-claimant">{claimantName(a.values, entities)}</bdi>
            </>
          )}
        </div>
      ))}
    </div>
  );
}

/** The card of what is under the pointer now: renders on its own when the hover changes. */
export function HoverLayer({ store, codes }: { store: HoverStore; codes: readonly Code[] }) {
  const hover = useSyncExternalStore(store.subscribe, store.get);
  return hover ? <HoverCard x={hover.x} y={hover.y} items={hover.items} codes={codes} /> : null;
}
