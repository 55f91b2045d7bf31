/** The registry as the reader uses it: a type-ahead index, entities by id, the open article's mentions. */
import { useMemo } from 'react';
import type { Mention } from '@shared/claims/mentions';
import type { Entity, Registry } from '@shared/claims/registry';
import { buildActorIndex, type ActorIndex } from '@shared/claims/typeahead';
import { mentionsNow } from '../mentions/documentMentions';

export function useRegistryIndex(registry: Registry): { index: ActorIndex; entities: ReadonlyMap<string, Entity> } {
  return useMemo(
    () => ({ index: buildActorIndex(registry.entities), entities: new Map(registry.entities.map((e) => [e.id, e])) }),
    [registry],
  );
}

/**
 * The known actors and places the text mentions: the article marks' scan (reader/mentions/), done
 * now if the marks have not finished it yet.
 */
export function useMentions(registry: Registry, text: string | null): readonly Mention[] {
  return useMemo(() => (text ? mentionsNow(registry.entities, text) : []), [registry, text]);
}
