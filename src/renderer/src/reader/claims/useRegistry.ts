/** The registry as the reader uses it: a type-ahead index, entities by id, the open article's mentions. */
import { useMemo } from 'react';
import { buildMentionIndex, type Mention } from '@shared/claims/mentions';
import type { Entity, Registry } from '@shared/claims/registry';
import { buildActorIndex, type ActorIndex } from '@shared/claims/typeahead';

export function useRegistryIndex(registry: Registry): { index: ActorIndex; entities: ReadonlyMap<string, Entity> } {
  return useMemo(
    () => ({ index: buildActorIndex(registry.entities), entities: new Map(registry.entities.map((e) => [e.id, e])) }),
    [registry],
  );
}

/** The known actors and places the text mentions (built again when the registry changes). */
export function useMentions(registry: Registry, text: string | null): Mention[] {
  return useMemo(() => (text ? buildMentionIndex(registry.entities).find(text) : []), [registry, text]);
}
