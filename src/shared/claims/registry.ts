/**
 * The actor registry: the entities a claim field points to. Actors (people, governments, armed
 * groups, states, international organisations, parties, media) and places are the same kind of
 * record, told apart by `kind`, each with its own editable list of types. Annotations store an
 * entity's id, never its name, so renaming an actor changes no claim.
 */
import { z } from 'zod';
import { Id } from '../ids';
import { freeText, label, MAX_ALIASES, MAX_ENTITIES, MAX_NAME } from './names';

export const EntityKind = z.enum(['actor', 'place'], { error: 'An entity is an actor or a place.' });
export type EntityKind = z.infer<typeof EntityKind>;

export const EntityType = z.object({
  id: Id,
  kind: EntityKind,
  name: label('A type name', 100),
  nameAr: label('An Arabic type name', 100, 0).default(''),
});
export type EntityType = z.infer<typeof EntityType>;

export const Entity = z
  .object({
    id: Id,
    kind: EntityKind,
    /** the name in Arabic script, as the press writes it */
    nameAr: label('An Arabic name', MAX_NAME, 0).default(''),
    /** the name in Latin script (a transliteration, or the name as it is in a European language) */
    nameLatin: label('A Latin-script name', MAX_NAME, 0).default(''),
    /** other spellings: خليفه حفتر, المشير حفتر, Haftar */
    aliases: z
      .array(label('An alias', MAX_NAME))
      .max(MAX_ALIASES, `An entity has at most ${MAX_ALIASES} aliases.`)
      .default([]),
    /** an id of the registry's type list for this kind; null = not typed yet */
    type: Id.nullable().default(null),
    /** another actor this one belongs to (حفتر → الجيش الوطني الليبي) */
    affiliation: Id.nullable().default(null),
    country: label('A country', 100, 0).default(''),
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written #RRGGBB.')
      .nullable()
      .default(null),
    notes: freeText('Notes', 5000).default(''),
  })
  .refine((e) => e.nameAr !== '' || e.nameLatin !== '', {
    error: 'An actor or a place needs a name, in Arabic or in Latin script.',
    path: ['nameAr'],
  });
export type Entity = z.infer<typeof Entity>;

/** The name shown and exported: the Arabic one when there is one. */
export function displayName(e: Pick<Entity, 'nameAr' | 'nameLatin'>): string {
  return e.nameAr || e.nameLatin;
}

/** Every spelling of an entity, names first: [nameAr, nameLatin, ...aliases], empty ones left out. */
export function spellings(e: Pick<Entity, 'nameAr' | 'nameLatin' | 'aliases'>): { text: string; isName: boolean }[] {
  const out: { text: string; isName: boolean }[] = [];
  if (e.nameAr) out.push({ text: e.nameAr, isName: true });
  if (e.nameLatin) out.push({ text: e.nameLatin, isName: true });
  for (const a of e.aliases) out.push({ text: a, isName: false });
  return out;
}

export const DEFAULT_ENTITY_TYPES: readonly EntityType[] = [
  { id: 'person', kind: 'actor', name: 'Person', nameAr: 'شخص' },
  { id: 'government', kind: 'actor', name: 'Government', nameAr: 'حكومة' },
  { id: 'armed-group', kind: 'actor', name: 'Armed group', nameAr: 'جماعة مسلحة' },
  { id: 'state', kind: 'actor', name: 'State', nameAr: 'دولة' },
  { id: 'international-organisation', kind: 'actor', name: 'International organisation', nameAr: 'منظمة دولية' },
  { id: 'party', kind: 'actor', name: 'Party', nameAr: 'حزب' },
  { id: 'media', kind: 'actor', name: 'Media', nameAr: 'وسيلة إعلام' },
  { id: 'country', kind: 'place', name: 'Country', nameAr: 'دولة' },
  { id: 'city', kind: 'place', name: 'City', nameAr: 'مدينة' },
  { id: 'region', kind: 'place', name: 'Region', nameAr: 'منطقة' },
  { id: 'site', kind: 'place', name: 'Site', nameAr: 'موقع' },
];

/**
 * The whole registry. Checked as a whole: ids unique, every type and affiliation known, an
 * affiliation is an actor and no chain of affiliations comes back to where it started.
 */
export const Registry = z
  .object({
    types: z.array(EntityType).max(500),
    entities: z.array(Entity).max(MAX_ENTITIES, `A registry holds at most ${MAX_ENTITIES} actors and places.`),
  })
  .superRefine((r, ctx) => {
    for (const message of registryProblems(r)) ctx.addIssue({ code: 'custom', message });
  });
export type Registry = z.infer<typeof Registry>;

export function emptyRegistry(): Registry {
  return { types: DEFAULT_ENTITY_TYPES.map((t) => ({ ...t })), entities: [] };
}

/** What is wrong with a registry, as sentences (empty when nothing is). */
export function registryProblems(r: Pick<Registry, 'types' | 'entities'>): string[] {
  const problems: string[] = [];
  const typeKinds = new Map<string, EntityKind>();
  for (const t of r.types) {
    if (typeKinds.has(t.id)) problems.push(`The type id “${t.id}” is used twice.`);
    typeKinds.set(t.id, t.kind);
  }
  const byId = new Map<string, Entity>();
  for (const e of r.entities) {
    if (byId.has(e.id)) problems.push(`The id “${e.id}” is used by two actors or places.`);
    byId.set(e.id, e);
  }
  for (const e of r.entities) {
    const name = displayName(e);
    if (e.type !== null && typeKinds.get(e.type) !== e.kind)
      problems.push(`“${name}” has the type “${e.type}”, which is not a type of ${e.kind}s.`);
    if (e.affiliation === null) continue;
    const to = byId.get(e.affiliation);
    if (!to) problems.push(`“${name}” is affiliated to “${e.affiliation}”, which is not in the registry.`);
    else if (to.kind !== 'actor') problems.push(`“${name}” is affiliated to “${displayName(to)}”, which is a place.`);
    else if (e.kind !== 'actor') problems.push(`The place “${name}” cannot have an affiliation.`);
  }
  // cycles: follow each chain; a chain longer than the registry has come back on itself
  for (const e of r.entities) {
    let at: Entity | undefined = e;
    for (let steps = 0; at && at.affiliation !== null; steps++) {
      at = byId.get(at.affiliation);
      if (at === e || steps > byId.size) {
        problems.push(`“${displayName(e)}” is, through its affiliations, affiliated to itself.`);
        break;
      }
    }
  }
  return problems;
}
