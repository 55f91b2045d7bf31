import { useSyncExternalStore } from 'react';
import type { Code } from '@shared/model';
import { HoverCard } from './HoverCard';
import type { HoverStore } from './useHover';

/** The hover card, rendered on its own as the pointer moves (useHover.ts). */
export function HoverLayer({ hover, codes }: { hover: HoverStore; codes: readonly Code[] }) {
  const at = useSyncExternalStore(hover.subscribe, hover.get);
  return at ? <HoverCard x={at.x} y={at.y} items={at.items} codes={codes} /> : null;
}
