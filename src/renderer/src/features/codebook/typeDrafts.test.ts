import { describe, expect, it } from 'vitest';
import { DEFAULT_ENTITY_TYPES } from '@shared/claims/registry';
import { newTypeDraft, toTypeDrafts, typesFromDrafts } from './typeDrafts';
import { storedColour } from './ColourField';

const actorTypes = DEFAULT_ENTITY_TYPES.filter((t) => t.kind === 'actor');
const placeIds = DEFAULT_ENTITY_TYPES.filter((t) => t.kind === 'place').map((t) => t.id);

describe('type drafts', () => {
  it('keep each type’s id through a rename and a move, and give a new one an id no type has', () => {
    const drafts = toTypeDrafts(actorTypes).reverse();
    drafts[0] = { ...drafts[0]!, name: 'News outlet' };
    const out = typesFromDrafts('actor', [...drafts, { ...newTypeDraft(), name: 'Country' }], placeIds);
    expect(out[0]).toEqual({ id: 'media', kind: 'actor', name: 'News outlet', nameAr: 'وسيلة إعلام' });
    expect(out.slice(0, -1).map((t) => t.id)).toEqual(actorTypes.map((t) => t.id).reverse());
    // “country” is a type of places already: ids are unique across both lists
    expect(out.at(-1)).toEqual({ id: 'country-2', kind: 'actor', name: 'Country', nameAr: '' });
  });

  it('name a type given only in Arabic by its Arabic name, and drop an empty row', () => {
    const out = typesFromDrafts('place', [{ ...newTypeDraft(), nameAr: 'قرية' }, newTypeDraft()], []);
    expect(out).toEqual([{ id: 'place-type-1', kind: 'place', name: 'قرية', nameAr: 'قرية' }]);
  });
});

describe('storedColour', () => {
  it('stores #rrggbb in lower case and nothing else', () => {
    expect(storedColour('#C0392B')).toBe('#c0392b');
    expect(storedColour('red')).toBeNull();
    expect(storedColour('#abc')).toBeNull();
    expect(storedColour(null)).toBeNull();
  });
});
