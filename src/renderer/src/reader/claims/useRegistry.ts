/** The registry as the reader uses it: a type-ahead index, entities by id, the open article's mentions. */
import { useMemo } from 'react';
import type { Mention } from '@shared/claims/mentions';
import type { Entity, Registry } from '@shared/claims/registry';
import { buildActorIndex, type ActorIndex } from '@shared/claims/typeahead';
import { mentionsNear } from '../mentions/documentMentions';

// one of each per registry, shared by the editor and every row of the panel (a row mounting as
// the panel scrolls or a tag adds one must not index 10,000 actors again)
const byId = new WeakMap<Registry, ReadonlyMap<string, Entity>>();
const indexes = new WeakMap<Registry, ActorIndex>();

/** The registry's entities by id. */
export function entitiesOf(registry: Registry): ReadonlyMap<string, Entity> {
  let map = byId.get(registry);
  if (!map) byId.set(registry, (map = new Map(registry.entities.map((e) => [e.id, e]))));
  return map;
}

export function useRegistryIndex(registry: Registry): { index: ActorIndex; entities: ReadonlyMap<string, Entity> } {
  return useMemo(() => {
    let index = indexes.get(registry);
    if (!index) indexes.set(registry, (index = buildActorIndex(registry.entities)));
    return { index, entities: entitiesOf(registry) };
  }, [registry]);
}

/**
 * The known actors and places the text mentions within `gap` code points of a span (all of them
 * once the article marks' idle scan, reader/mentions/, is done; else the paragraphs around it).
 */
export function useMentionsNear(
  registry: Registry,
  text: string | null,
  span: { start: number; end: number },
  gap: number,
): readonly Mention[] {
  const { start, end } = span;
  return useMemo(
    () => (text ? mentionsNear(registry.entities, text, { start, end }, gap) : []),
    [registry, text, start, end, gap],
  );
}
